import Foundation
import GRDB
import InsightsTestSupport
import Testing

/// Concurrent commands, read-only databases, period bounds and pipes (issue 14, items 10, 12,
/// 15, 17), with the built executable.
@Suite(.temporaryFolders) struct GuaranteeTests {
    static let messages = """
        message_id,contact_id,direction,timestamp,author_type
        m1,c1,in,2026-10-03T12:05:00Z,
        m2,c1,out,2026-10-03T12:06:00Z,coach

        """

    /// A folder holding `messages.csv` and a database `insights.db` with its two messages.
    func imported() throws -> URL {
        let root = try TestPaths.temporaryDirectory("guarantees")
        try Self.messages.write(to: root.appendingPathComponent("messages.csv"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["import", "--db", "insights.db", "messages.csv"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        return root
    }

    /// Starts `insights ARGUMENTS` in `directory`, with `input` as its standard input.
    func start(_ arguments: [String], in directory: URL, input: Pipe? = nil) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        if let input { process.standardInput = input }
        try process.run()
        return (process, err)
    }

    // MARK: Item 10: concurrent commands

    @Test func aWriterWaitsThenSaysAnotherProcessIsWriting() throws {
        let root = try imported()
        let queue = try DatabaseQueue(path: root.appendingPathComponent("insights.db").path)
        try queue.writeWithoutTransaction { db in
            // This process holds the write lock, as an import in progress would.
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let blocked = try CLIRunner.run(["import", "--db", "insights.db", "messages.csv"], in: root)
            #expect(blocked.status == 75)
            #expect(
                blocked.stderr.contains(
                    "error: messages.csv: another insights process is writing this database; nothing from this file was imported"),
                "\(blocked.stderr)")
            // Readers are not blocked by a writer: the report and a first archive run work meanwhile.
            let report = try CLIRunner.run(["report", "--db", "insights.db", "--out", "report", "--last", "7"], in: root)
            #expect(report.status == 0, "\(report.stderr)")
            let archive = try CLIRunner.run(["archive", "--db", "insights.db", "--out", "archive"], in: root)
            #expect(archive.status == 0, "\(archive.stderr)")
        }
        let again = try CLIRunner.run(["import", "--db", "insights.db", "messages.csv"], in: root)
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func twoImportsCreatingOneDatabaseBothSucceed() throws {
        let root = try TestPaths.temporaryDirectory("guarantees")
        try Self.messages.write(to: root.appendingPathComponent("messages.csv"), atomically: true, encoding: .utf8)
        let runs = try (0..<3).map { _ in try start(["import", "--db", "new.db", "messages.csv"], in: root) }
        for (process, err) in runs {
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(message)")
        }
        let queue = try DatabaseQueue(path: root.appendingPathComponent("new.db").path)
        // Each run stores or replaces the same two messages.
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages") } == 2)
    }

    // MARK: Item 12: read-only databases

    /// Whether `runuser -u nobody` can run commands here (as root); a test that needs it fails
    /// under CI when it cannot, and is skipped elsewhere.
    func canRunAsNobody() throws -> Bool {
        let available = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")
        if !available, ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("the read-only database tests need root and runuser (to run as nobody)")
        }
        return available
    }

    /// Runs `insights ARGUMENTS` as the user nobody.
    func runAsNobody(_ arguments: [String], in directory: URL) throws -> CLIRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        process.arguments = ["-u", "nobody", "--", CLIRunner.executable.path] + arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRunner.Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A database in a folder (and file) nobody can read but not write, and a folder nobody can write to.
    func readOnlyDatabase(_ existing: URL? = nil) throws -> (root: URL, out: URL) {
        let root = try existing ?? imported()
        let out = try TestPaths.temporaryDirectory("guarantees-out")
        let manager = FileManager.default
        for folder in [root, root.deletingLastPathComponent()] where folder.path != "/tmp" {
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        }
        try manager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: root.appendingPathComponent("insights.db").path)
        try manager.setAttributes([.posixPermissions: 0o777], ofItemAtPath: out.path)
        // The folder really is read-only for nobody (root could write anyway).
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        probe.arguments = ["-u", "nobody", "--", "/usr/bin/touch", root.appendingPathComponent("probe").path]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        #expect(probe.terminationStatus != 0)
        #expect(!manager.fileExists(atPath: root.appendingPathComponent("insights.db-wal").path))
        return (root, out)
    }

    @Test func readCommandsWorkOnAReadOnlyDatabase() throws {
        guard try canRunAsNobody() else { return }
        let (root, out) = try readOnlyDatabase()
        let report = try runAsNobody(
            ["report", "--db", "insights.db", "--out", out.appendingPathComponent("report").path, "--last", "7"], in: root)
        #expect(report.status == 0, "\(report.stderr)")
        let metrics = try Data(contentsOf: out.appendingPathComponent("report/metrics.json"))
        #expect(!metrics.isEmpty)
        let export = try runAsNobody(
            ["export", "--db", "insights.db", "--out", out.appendingPathComponent("export").path], in: root)
        #expect(export.status == 0, "\(export.stderr)")
        // m1 and m2, under a header.
        let exported = try String(contentsOf: out.appendingPathComponent("export/messages.csv"), encoding: .utf8)
        #expect(exported.split(separator: "\n").count == 3)
        let archive = try runAsNobody(
            ["archive", "--db", "insights.db", "--out", out.appendingPathComponent("archive").path], in: root)
        #expect(archive.status == 0, "\(archive.stderr)")
        // Nothing was written beside the database.
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(left == ["insights.db", "messages.csv"])
    }

    @Test func aReadOnlyDatabaseThatNeedsAnUpgradeSaysSo() throws {
        guard try canRunAsNobody() else { return }
        let root = try imported()
        let queue = try DatabaseQueue(path: root.appendingPathComponent("insights.db").path)
        // As if written by the version before v3.
        try queue.write { db in try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3'") }
        try queue.close()
        let (_, out) = try readOnlyDatabase(root)
        let report = try runAsNobody(["report", "--db", "insights.db", "--out", out.path + "/r", "--last", "7"], in: root)
        #expect(report.status == 1)
        #expect(
            report.stderr.contains(
                "insights.db: this read-only database needs an upgrade to this version's schema (steps v3); "
                    + "run any insights command on a writable copy first"),
            "\(report.stderr)")
    }

    // MARK: Item 15: bounded periods

    @Test(arguments: [
        (
            ["--last", "100000000"],
            "A period of 100,000,000 days is longer than 100 years (36,525 days), the longest a report covers."
        ),
        (
            ["--last", "10000000"],
            "A period of 10,000,000 days is longer than 100 years (36,525 days), the longest a report covers."
        ),
        (
            ["--from", "0206-10-01", "--to", "2026-10-31"],
            "The day 0206-10-01 is outside 1970-01-01 … 2199-12-31, the days a report can cover (a typo in the year?)."
        ),
        (
            ["--month", "2200-01"],
            "The day 2200-01-01 is outside 1970-01-01 … 2199-12-31, the days a report can cover (a typo in the year?)."
        ),
    ])
    func unboundedPeriodsAreRefusedAtOnce(_ period: [String], _ message: String) throws {
        let root = try imported()
        let result = try CLIRunner.run(["report", "--db", "insights.db", "--out", "report"] + period, in: root)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aLastPeriodReachingBefore1970IsRefused() throws {
        let root = try imported()
        // 36,525 days back from 2026-10-03 start in 1926.
        let result = try CLIRunner.run(["report", "--db", "insights.db", "--out", "report", "--last", "36525"], in: root)
        #expect(result.status == 64)
        #expect(result.stderr.contains("is outside 1970-01-01 … 2199-12-31"), "\(result.stderr)")
    }

    // MARK: Item 17: pipes

    @Test func importReadsAPipe() throws {
        let root = try TestPaths.temporaryDirectory("guarantees")
        let input = Pipe()
        let (process, err) = try start(
            ["import", "--db", "insights.db", "--kind", "messages", "/dev/stdin"], in: root, input: input)
        input.fileHandleForWriting.write(Data(Self.messages.utf8))
        try input.fileHandleForWriting.close()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
        let queue = try DatabaseQueue(path: root.appendingPathComponent("insights.db").path)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages") } == 2)

        let unnamed = try CLIRunner.run(["import", "--db", "insights.db", "/dev/stdin"], in: root)
        #expect(unnamed.status == 66)
        #expect(unnamed.stderr.contains("/dev/stdin: a pipe or device has no file name to say what it holds; pass --kind"))
    }
}
