import Foundation

/// The DuckDB baseline of issue 15: the benchmark's CSV files loaded into a DuckDB database of
/// their own, and the SQL an analyst would write for the month's report run on it, timed by
/// `Scripts/duckdb_baseline.py` in the virtual environment `.build/duckdb-venv`
/// (`Scripts/setup-duckdb-venv.sh` makes it from PyPI's `duckdb`).
///
/// The SQL covers less than a report: per-day counts, totals against the month before, the
/// weekday × hour heatmap, authors, active and new users, goal and conversation event counts;
/// no countries (prefix matching of phone numbers), no conversation replay, no response times,
/// no delivery statuses. The report is in UTC, so the timestamps are loaded as UTC `TIMESTAMP`s.
enum DuckDBBaseline {
    /// The tables and their CSV files' columns (names as in DATA.md, `timestamp` read as `ts`).
    static let tables: [(table: String, files: String, columns: [(String, String)])] = [
        ("goals", "goals.csv", [("goal_id", "VARCHAR"), ("name", "VARCHAR"), ("description", "VARCHAR")]),
        ("behaviours", "behaviours.csv", [("behaviour_id", "VARCHAR"), ("goal_id", "VARCHAR"), ("name", "VARCHAR")]),
        (
            "contacts", "contacts.csv",
            [("contact_id", "VARCHAR"), ("phone", "VARCHAR"), ("country", "VARCHAR"), ("created_at", "TIMESTAMP")]
        ),
        (
            "messages", "messages-*.csv",
            [
                ("message_id", "VARCHAR"), ("contact_id", "VARCHAR"), ("direction", "VARCHAR"), ("ts", "TIMESTAMP"),
                ("author_type", "VARCHAR"), ("author_id", "VARCHAR"), ("author_name", "VARCHAR"),
            ]
        ),
        (
            "message_statuses", "message_statuses-*.csv",
            [("message_id", "VARCHAR"), ("status", "VARCHAR"), ("ts", "TIMESTAMP"), ("error", "VARCHAR")]
        ),
        (
            "conversation_events", "conversation_events-*.csv",
            [
                ("contact_id", "VARCHAR"), ("event", "VARCHAR"), ("ts", "TIMESTAMP"), ("actor_id", "VARCHAR"),
                ("actor_name", "VARCHAR"),
            ]
        ),
        (
            "goal_events", "goal_events-*.csv",
            [
                ("contact_id", "VARCHAR"), ("goal_id", "VARCHAR"), ("behaviour_id", "VARCHAR"), ("event", "VARCHAR"),
                ("ts", "TIMESTAMP"),
            ]
        ),
    ]

    /// One `CREATE TABLE … AS SELECT * FROM read_csv(…)` per table, reading the files of `folder`.
    static func loadStatements(folder: String) -> [String] {
        tables.map { table in
            let path = literal(folder + "/" + table.files)
            let columns = table.columns.map { "\(literal($0.0)): \(literal($0.1))" }.joined(separator: ", ")
            return "CREATE TABLE \(table.table) AS SELECT * FROM read_csv(\(path), header = true, "
                + "columns = {\(columns)})"
        }
    }

    /// The report's queries for the days `[from, to)` (UTC), `previous` the first day of the
    /// period before (as long as this one). Results are read, not checked: the first rows of
    /// the totals (index 1) and new users (index 4) are printed beside Insights's figures.
    static func reportQueries(from: String, to: String, previous: String) -> [String] {
        let period = "ts >= TIMESTAMP '\(from) 00:00:00' AND ts < TIMESTAMP '\(to) 00:00:00'"
        return [
            // Per day: received, sent, users.
            """
            SELECT CAST(ts AS DATE) AS day,
              count(*) FILTER (WHERE direction = 'inbound') AS received,
              count(*) FILTER (WHERE direction = 'outbound') AS sent,
              count(DISTINCT contact_id) FILTER (WHERE direction = 'inbound') AS users
            FROM messages WHERE \(period)
            GROUP BY day ORDER BY day
            """,
            // The month and the month before: received, sent, active users.
            """
            SELECT ts >= TIMESTAMP '\(from) 00:00:00' AS current,
              count(*) FILTER (WHERE direction = 'inbound') AS received,
              count(*) FILTER (WHERE direction = 'outbound') AS sent,
              count(DISTINCT contact_id) FILTER (WHERE direction = 'inbound') AS active_users
            FROM messages WHERE ts >= TIMESTAMP '\(previous) 00:00:00' AND ts < TIMESTAMP '\(to) 00:00:00'
            GROUP BY current ORDER BY current DESC
            """,
            // The heatmap: received per ISO weekday (1 = Monday) and hour.
            """
            SELECT isodow(ts) AS weekday, hour(ts) AS hour, count(*) AS received
            FROM messages WHERE direction = 'inbound' AND \(period)
            GROUP BY weekday, hour ORDER BY weekday, hour
            """,
            // Authors: sent per author, with the newest name.
            """
            SELECT author_type, author_id, arg_max(author_name, ts) AS name, count(*) AS sent
            FROM messages WHERE direction = 'outbound' AND \(period)
            GROUP BY author_type, author_id ORDER BY sent DESC, author_type, author_id
            """,
            // New users: contacts whose first inbound message ever falls in the month.
            """
            SELECT count(*) AS new_users FROM (
              SELECT contact_id, min(ts) AS first_inbound FROM messages WHERE direction = 'inbound'
              GROUP BY contact_id)
            WHERE first_inbound >= TIMESTAMP '\(from) 00:00:00' AND first_inbound < TIMESTAMP '\(to) 00:00:00'
            """,
            // Goals: events and contacts per goal and event.
            """
            SELECT goal_id, event, count(*) AS events, count(DISTINCT contact_id) AS contacts
            FROM goal_events WHERE \(period)
            GROUP BY goal_id, event ORDER BY goal_id, event
            """,
            // Conversation events per kind.
            """
            SELECT event, count(*) AS events FROM conversation_events WHERE \(period)
            GROUP BY event ORDER BY event
            """,
        ]
    }

    /// A SQL string literal.
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// What the script measured.
    struct Result: Codable {
        var version: String
        var loadSeconds: Double
        var reportSeconds: [Double]
        var resultRows: [Int]
        var firstRows: [[String?]]

        /// "received R, sent S, active users A, new N" from the totals and new-users queries.
        var headline: String {
            let totals = firstRows.count > 1 ? firstRows[1] : []
            let newUsers = firstRows.count > 4 ? firstRows[4] : []
            guard totals.count == 4, let new = newUsers.first ?? nil else { return "(no rows)" }
            return "received \(totals[1] ?? "?"), sent \(totals[2] ?? "?"), active users \(totals[3] ?? "?"), new \(new)"
        }
    }

    /// The package's folder (this file is `Sources/InsightsBench/DuckDBBaseline.swift`).
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The default virtual environment.
    static var defaultVenv: String { package.appendingPathComponent(".build/duckdb-venv").path }

    /// The sentence printed when the environment is missing.
    static func missing(_ venv: String) -> String {
        "insights-bench: the DuckDB baseline needs PyPI's duckdb in \(venv), which is missing: run "
            + "Sources/InsightsBench/Scripts/setup-duckdb-venv.sh (or give --duckdb-venv), or pass --no-duckdb"
    }

    /// Loads the CSV files of `data` into `database` and runs the report's queries `runs` times.
    static func run(venv: String, data: URL, database: String, runs: Int) throws -> Result {
        let python = venv + "/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else { throw BenchError(missing(venv)) }
        let script = package.appendingPathComponent("Sources/InsightsBench/Scripts/duckdb_baseline.py").path
        let spec: [String: Any] = [
            "database": database, "runs": runs, "load": loadStatements(folder: data.path),
            "report": reportQueries(from: "2026-09-01", to: "2026-10-01", previous: "2026-08-02"),
        ]
        let input = try JSONSerialization.data(withJSONObject: spec)
        let output = try ChildProcess.run(python, [script], input: input, name: "the DuckDB baseline")
        guard let line = output.split(separator: "\n").last else { throw BenchError("the DuckDB baseline printed nothing") }
        do {
            return try JSONDecoder().decode(Result.self, from: Data(line.utf8))
        } catch {
            throw BenchError("the DuckDB baseline printed no result (is duckdb installed in \(venv)?): \(line)")
        }
    }
}
