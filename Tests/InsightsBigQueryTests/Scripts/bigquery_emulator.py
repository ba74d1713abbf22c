"""Runs the local-bigquery emulator (PyPI local-bigquery 0.3.2) offline, for the BigQuery tests.

Usage: bigquery_emulator.py --extension-dir DIR [--exit-with PID] [local-bigquery's own arguments ...]
       bigquery_emulator.py --extension-dir DIR --install-extensions

local-bigquery 0.3.2 opens DuckDB with `duckdb.connect(config={"TimeZone": "UTC"})`, which fails
offline ("the icu extension needs to be loaded. But it could not be autoloaded") although ICU is
built into the wheel. This launcher replaces `duckdb.connect` with a wrapper that connects without
that option and runs `SET TimeZone` right after, and points every connection at an extension
folder of our own (under .build/, never ~/.duckdb). `--install-extensions` installs the ducklake
and spatial extensions there from the duckdb-extension-* wheels (no download), then exits.
`--exit-with PID` ends the emulator once process PID has gone (so a CI run that dies cannot
leave it behind). Nothing in the installed package is edited.
"""

import os
import sys
import threading
import time

import duckdb

_connect = duckdb.connect


def main():
    arguments = sys.argv[1:]
    if "--extension-dir" not in arguments:
        sys.exit("bigquery_emulator.py: --extension-dir DIR is required")
    at = arguments.index("--extension-dir")
    extension_dir = os.path.abspath(arguments[at + 1])
    del arguments[at : at + 2]
    if "--exit-with" in arguments:
        at = arguments.index("--exit-with")
        owner = int(arguments[at + 1])
        del arguments[at : at + 2]
        threading.Thread(target=watch, args=(owner,), daemon=True).start()

    def connect(database=":memory:", read_only=False, config=None, **options):
        settings = dict(config or {})
        zone = settings.pop("TimeZone", None)
        settings.setdefault("extension_directory", extension_dir)
        settings.setdefault("autoinstall_known_extensions", False)
        connection = _connect(database, read_only, config=settings, **options)
        if zone is not None:
            connection.execute(f"SET TimeZone = '{zone}'")
        return connection

    duckdb.connect = connect

    if arguments == ["--install-extensions"]:
        install(extension_dir)
        return
    from local_bigquery import cli

    cli.main(arguments)


def watch(owner):
    while True:
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:
            pass
        time.sleep(1)


def install(extension_dir):
    import duckdb_extension_ducklake
    import duckdb_extension_spatial

    os.makedirs(extension_dir, exist_ok=True)
    with duckdb.connect() as connection:
        for module, name in ((duckdb_extension_ducklake, "ducklake"), (duckdb_extension_spatial, "spatial")):
            folder = os.path.dirname(module.__file__)
            path = os.path.join(folder, "extensions", f"v{duckdb.__version__}", f"{name}.duckdb_extension")
            connection.execute(f"INSTALL '{path}'")
            connection.execute(f"LOAD {name}")


if __name__ == "__main__":
    main()
