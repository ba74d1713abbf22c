import Dispatch
import Foundation
import InsightsStore
import InsightsTestSupport
import Synchronization
import Testing

/// Several connections creating one new database at the same instant, as two `insights import`
/// runs started together do: each must open it migrated, none may fail.
@Suite(.temporaryFolders) struct StoreOpenRaceTests {
    @Test func connectionsCreatingOneDatabaseAtOnceAllOpenIt() throws {
        let folder = try TestPaths.temporaryDirectory("open-race")
        let failures = Mutex<[String]>([])
        // Each round a new file, created by eight connections let go at once.
        for round in 0..<40 {
            let path = folder.appendingPathComponent("new-\(round).db").path
            let start = DispatchSemaphore(value: 0)
            let group = DispatchGroup()
            for _ in 0..<8 {
                DispatchQueue.global().async(group: group) {
                    start.wait()
                    do {
                        let store = try Store(path: path)
                        _ = try store.counts()
                    } catch {
                        failures.withLock { $0.append("round \(round): \(error.localizedDescription)") }
                    }
                }
            }
            for _ in 0..<8 { start.signal() }
            group.wait()
        }
        #expect(failures.withLock { $0 } == [])
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

/// Commands that only read (`report`, `archive`, `export`) started while an import is making
/// the database: each opens it, however far the import has got.
@Suite(.temporaryFolders) struct StoreReadWhileCreatedTests {
    @Test func readersOpeningADatabaseBeingMadeAllOpenIt() throws {
        let folder = try TestPaths.temporaryDirectory("read-race")
        let failures = Mutex<[String]>([])
        for round in 0..<80 {
            let path = folder.appendingPathComponent("new-\(round).db").path
            // The file exists (empty), as it does from the instant an import opens it.
            FileManager.default.createFile(atPath: path, contents: nil)
            let start = DispatchSemaphore(value: 0)
            let group = DispatchGroup()
            for index in 0..<8 {
                DispatchQueue.global().async(group: group) {
                    start.wait()
                    do {
                        _ = try Store(path: path, create: index % 4 == 0)
                    } catch {
                        let who = index % 4 == 0 ? "writer" : "reader"
                        failures.withLock { $0.append("round \(round), \(who): \(error.localizedDescription)") }
                    }
                }
            }
            for _ in 0..<8 { start.signal() }
            group.wait()
        }
        #expect(failures.withLock { $0 } == [])
    }
}
