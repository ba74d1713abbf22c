import Foundation
import InsightsTestSupport
import Testing

/// `insights report|archive --postgres|--bigquery` as a user runs them: each failure is one
/// line on standard error with its exit status, and no folder is written.
@Suite(.serialized, .temporaryFolders) struct WarehouseCLITests {
    /// Nothing listens on port 1: libpq's refusal, exit 69 (`EX_UNAVAILABLE`).
    @Test func unreachablePostgres() throws {
        let folder = try TestPaths.temporaryDirectory("route-cli-url")
        let result = try Self.run(
            ["report", "--postgres", "postgresql://nobody@127.0.0.1:1/none", "--month", "2026-03", "--out", "r"], in: folder)
        #expect(result.status == 69)
        #expect(result.stderr.hasPrefix("Error: Cannot connect to the warehouse: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r").path))
    }

    /// The EdgeCases warehouse on the command line: the report and the archive are written
    /// (every block is computed by the engine; `WarehouseRouteTests` compares the files).
    @Test(.enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) func reportAndArchiveOnTheCommandLine() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        let folder = try TestPaths.temporaryDirectory("route-cli")
        try TestPostgres.withSchema { connection, schema in
            try TestPostgres.load(store, into: connection)
            guard let url = TestPostgres.url() else { return }
            let result = try Self.run(
                ["report", "--postgres", url, "--schema", schema, "--month", "2026-03", "--out", "r"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("r/metrics.json").path))
            let archive = try Self.run(["archive", "--postgres", url, "--schema", schema, "--out", "a"], in: folder)
            #expect(archive.status == 0, "\(archive.stderr)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/2026-03").path))
        }
    }

    /// Options that do not go together are usage errors (64), before any connection.
    @Test(arguments: [
        (["report", "--schema", "s", "--month", "2026-03"], "--schema is the PostgreSQL schema; it needs --postgres."),
        (["report", "--dry-run", "--month", "2026-03"], "--dry-run is a BigQuery option; it needs --bigquery."),
        (["report", "--postgres", "x", "--bigquery", "p.d"], "Give either --postgres or --bigquery, not both."),
        (
            ["report", "--bigquery", "helpline"],
            "--bigquery \"helpline\" is not PROJECT.DATASET, e.g. --bigquery my-project.helpline."
        ),
        (["report", "--bigquery", "p.d", "--max-bytes-billed", "0"], "--max-bytes-billed must be at least 1 byte."),
        (
            ["report", "--bigquery", "p.d", "--dry-run"],
            "--dry-run needs the period (--month, --from/--to, or --last with --to): finding the newest message is a query too."
        ),
        (
            ["archive", "--bigquery", "p.d", "--dry-run", "--since", "2026-01"],
            "--dry-run needs --since and --until: finding the months with data is a query too."
        ),
        (["archive", "--location", "EU"], "--location is a BigQuery option; it needs --bigquery."),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let folder = try TestPaths.temporaryDirectory("route-cli-usage")
        let result = try Self.run(arguments, in: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// No token, no key file and no gcloud on the PATH: the credentials' sentence, exit 77.
    @Test func noBigQueryCredentials() throws {
        let folder = try TestPaths.temporaryDirectory("route-cli-credentials")
        let result = try Self.run(
            ["report", "--bigquery", "p.helpline", "--month", "2026-03", "--out", "r"], in: folder,
            environment: ["PATH": folder.path, "HOME": folder.path])
        #expect(result.status == 77)
        #expect(result.stderr.hasPrefix("Error: No BigQuery credentials: "))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r").path))
    }

    // MARK: - Helpers

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs the built `insights` in `directory` (with only `environment` when given).
    static func run(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Bundle.main.bundleURL.appendingPathComponent("insights")
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
