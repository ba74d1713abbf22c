"""insights-bench's DuckDB baseline: runs the SQL insights-bench sends and times it.

Reads one JSON object on standard input:
  {"database": PATH, "load": [SQL, ...], "report": [SQL, ...], "runs": N}
creates the database file afresh, runs the load statements once (timed together), then all
the report statements N times (each run timed as a whole), and prints one JSON line:
  {"version": "1.5.6", "loadSeconds": S, "reportSeconds": [S, ...],
   "resultRows": [rows of each report statement], "firstRows": [first row of each, as text]}
Nothing else is computed here: the SQL is insights-bench's (DuckDBBaseline.swift).
"""

import json
import os
import sys
import time

import duckdb


def main():
    spec = json.load(sys.stdin)
    path = spec["database"]
    for suffix in ("", ".wal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    connection = duckdb.connect(path)
    start = time.perf_counter()
    for statement in spec["load"]:
        connection.execute(statement)
    connection.execute("CHECKPOINT")
    load_seconds = time.perf_counter() - start
    report_seconds = []
    result_rows = []
    first_rows = []
    for _ in range(spec["runs"]):
        start = time.perf_counter()
        results = [connection.execute(statement).fetchall() for statement in spec["report"]]
        report_seconds.append(time.perf_counter() - start)
        result_rows = [len(rows) for rows in results]
        first_rows = [[None if v is None else str(v) for v in rows[0]] if rows else [] for rows in results]
    connection.close()
    print(
        json.dumps(
            {
                "version": duckdb.__version__,
                "loadSeconds": load_seconds,
                "reportSeconds": report_seconds,
                "resultRows": result_rows,
                "firstRows": first_rows,
            }
        )
    )


if __name__ == "__main__":
    main()
