import Dispatch
import Foundation
import InsightsStore
import InsightsTestSupport
import Synchronization
import Testing

/// Several connections opening one new database at the same instant, as commands started
/// together do: each round a new file, eight connections let go at once; returns what failed
/// ("round R, connection C: message").
func openTogether(
    rounds: Int, label: String, prepare: (String) -> Void = { _ in }, open: @escaping @Sendable (String, Int) throws -> Void
)
    throws -> [String]
{
    let folder = try TestPaths.temporaryDirectory(label)
    let failures = Mutex<[String]>([])
    for round in 0..<rounds {
        let path = folder.appendingPathComponent("new-\(round).db").path
        prepare(path)
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for connection in 0..<8 {
            DispatchQueue.global().async(group: group) {
                start.wait()
                do {
                    try open(path, connection)
                } catch {
                    failures.withLock { $0.append("round \(round), connection \(connection): \(error.localizedDescription)") }
                }
            }
        }
        for _ in 0..<8 { start.signal() }
        group.wait()
    }
    return failures.withLock { $0 }
}

/// Two `insights import` runs started together on a new database: each opens it migrated.
@Suite(.temporaryFolders) struct StoreOpenRaceTests {
    @Test func connectionsCreatingOneDatabaseAtOnceAllOpenIt() throws {
        let failures = try openTogether(rounds: 40, label: "open-race") { path, _ in
            _ = try Store(path: path).counts()
        }
        #expect(failures == [])
    }
}

/// Commands that only read (`report`, `archive`, `export`) started while an import is making
/// the database: each opens it, however far the import has got.
@Suite(.temporaryFolders) struct StoreReadWhileCreatedTests {
    @Test func readersOpeningADatabaseBeingMadeAllOpenIt() throws {
        // The file exists (empty), as it does from the instant an import opens it; connections
        // 0 and 4 create (import), the others only read.
        let failures = try openTogether(
            rounds: 80, label: "read-race", prepare: { FileManager.default.createFile(atPath: $0, contents: nil) }
        ) { path, connection in
            _ = try Store(path: path, create: connection % 4 == 0)
        }
        #expect(failures == [])
    }
}

/// A `--db` that names some other file: one sentence naming it, and the file left as it was.
@Suite(.temporaryFolders) struct StoreOpenOtherFileTests {
    @Test(arguments: [true, false]) func aFileThatIsNotADatabaseIsNamedAndLeftAlone(create: Bool) throws {
        let path = try TestPaths.temporaryDirectory("not-a-db").appendingPathComponent("notes.db").path
        let text = String(repeating: "Minutes of the board meeting. ", count: 10)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.notADatabase(path)) { try Store(path: path, create: create) }
        #expect(
            StoreError.notADatabase(path).localizedDescription
                == "\(path): this file is not an SQLite database (nor an Insights one); check the --db path, "
                + "or restore the file from a backup if it was damaged")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }
}
