import Foundation
import InsightsImport
import InsightsJobs
import InsightsPostgres
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// The PostgreSQL server of the tests: `.ci/run` starts one
/// (`Scripts/postgres-server.sh start`) and passes its URL in `INSIGHTS_TEST_POSTGRES_URL`.
/// Without it the PostgreSQL tests are skipped, except under CI, where they fail.
enum TestPostgres {
    static let variable = "INSIGHTS_TEST_POSTGRES_URL"

    /// True when the PostgreSQL tests should run: a server is named, or CI demands it (and
    /// the tests then fail without one). Their trait, so that a test without a server is
    /// skipped before it makes its data (a demo, imports), not after.
    static var shouldRun: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment[variable].map { !$0.isEmpty } == true || environment["CI"] != nil
    }

    /// Why a PostgreSQL test was skipped, and how to start the server.
    static let missing: Comment =
        "no PostgreSQL server: export INSIGHTS_TEST_POSTGRES_URL=$(Tests/InsightsWarehouseTests/Scripts/postgres-server.sh start)"

    /// The server's URL, or nil (and, under CI, a recorded failure) when there is none.
    static func url(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment[variable], !url.isEmpty { return url }
        if environment["CI"] != nil {
            Issue.record(
                "\(variable) is not set: .ci/run starts a PostgreSQL server for these tests", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// A connection to a new empty schema (`insights_test_<random>`), dropped at the end of `body`.
    static func withSchema<T>(_ body: (PostgresConnection, String) throws -> T) throws -> T? {
        guard let url = url() else { return nil }
        let schema = "insights_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresConnection(url: url)
        try admin.execute("CREATE SCHEMA \(schema)")
        defer { try? admin.execute("DROP SCHEMA \(schema) CASCADE") }
        let connection = try PostgresConnection(url: url, schema: schema)
        return try body(connection, schema)
    }

    /// Exports a SQLite store (`insights export`, CSV) and loads every kind into the
    /// connection's schema: the tables of `insights schema --postgres`, filled with `COPY`,
    /// then `ANALYZE`d as the README tells users to (without statistics PostgreSQL plans the
    /// report's queries for near-empty tables: minutes instead of a second on the demo).
    /// Kinds in `leaving` get no table (a warehouse without them).
    static func load(_ store: Store, into connection: PostgresConnection, leaving: Set<RecordKind> = []) throws {
        let folder = try TestPaths.temporaryDirectory("pg-export")
        _ = try ExportJob(store: store, folder: folder, format: .csv).run()
        let dialect = connection.dialect
        for statement in WarehouseSchema.ddl(dialect).components(separatedBy: ";\n") {
            let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            try connection.execute(trimmed)
        }
        for kind in RecordKind.allCases {
            if leaving.contains(kind) {
                try connection.execute("DROP TABLE \(dialect.table(kind.rawValue))")
                continue
            }
            let file = folder.appendingPathComponent("\(kind.rawValue).csv")
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            try connection.copyIn(
                "COPY \(dialect.table(kind.rawValue)) FROM STDIN WITH (FORMAT csv, HEADER true)", data: Array(data))
            try connection.execute("ANALYZE \(dialect.table(kind.rawValue))")
        }
    }
}
