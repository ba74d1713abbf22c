import Foundation
import GRDB
import InsightsMetrics

/// The embedded SQLite database every report is computed from.
///
/// Opened with WAL journaling and foreign keys on, migrated to the current schema on open.
/// A database written by a newer Insights (with migrations this version does not know) is
/// refused rather than touched.
///
/// Concurrency: every connection waits up to ``busyTimeout`` for another process's write
/// lock, then fails with ``StoreError/busy(_:)``; two processes creating or migrating the same
/// new database take turns. An existing database opened for reading (`create: false`) is opened
/// read-only and never written, so reports work on a read-only folder, share or backup.
public final class Store: Sendable {
    /// The database file, as SQLite opens it: the path given, or for a read-only database in a
    /// folder that cannot be written, its `file:…?immutable=1` URI (which the period scan's own
    /// connections then open too).
    public let path: String
    let queue: DatabaseQueue
    /// Whether the database was opened read-only (`create: false`).
    public let isReadOnly: Bool

    /// How long a connection waits for another process's lock before giving up.
    public static let busyTimeout: TimeInterval = 5

    /// Opens (and with `create`, creates) the database at `path`.
    ///
    /// With `create: false` (the commands that only read) the database must exist and is opened
    /// read-only; it is migrated only if it needs it and can be written.
    public init(path: String, create: Bool = true) throws(StoreError) {
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw StoreError.databaseNotFound(path)
        }
        isReadOnly = !create
        (queue, self.path) = try Self.wrap(path: path) {
            if !create, let opened = try Self.openReadOnly(path) { return opened }
            let queue = try DatabaseQueue(path: path, configuration: Self.configuration(readOnly: false))
            try Self.migrate(queue, path: path)
            // The archive's data stamp needs an id; made here, by a writer, so that the commands
            // that only read never write.
            let hasID = try queue.read { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM meta WHERE key = ?)", arguments: [Self.databaseIDKey])
            }
            if hasID != true {
                try queue.write { db in
                    try db.execute(
                        sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                        arguments: [Self.databaseIDKey, UUID().uuidString])
                }
            }
            return (queue, path)
        }
    }

    static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.readonly = readOnly
        if !readOnly {
            configuration.prepareDatabase { db in
                try enableWAL(db)
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        return configuration
    }

    /// `PRAGMA journal_mode = WAL`, tried again for up to ``busyTimeout``: turning a new
    /// database to WAL needs every other connection's lock released, and SQLite then answers
    /// "database is locked" at once instead of waiting (two imports creating one database).
    private static func enableWAL(_ db: Database) throws {
        let deadline = ContinuousClock.now + .seconds(busyTimeout)
        while true {
            do {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && ContinuousClock.now < deadline {
                usleep(5_000)
            }
        }
    }

    /// A read-only connection to an up-to-date database and the path it opened; nil when the
    /// database needs a migration and its file can be written (the caller then opens it
    /// read-write and migrates).
    ///
    /// A WAL database in a folder that cannot be written has no `-shm` file to share, and SQLite
    /// cannot create one: when there is no `-wal` file either (the last writer checkpointed and
    /// closed), nothing but the main file holds data and it is opened `immutable`.
    private static func openReadOnly(_ path: String) throws -> (DatabaseQueue, String)? {
        let migrator = Schema.migrator
        var opened = path
        var queue: DatabaseQueue
        var superseded: Bool
        var completed: Bool
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
            (superseded, completed) = try queue.read(look)
        } catch let error as DatabaseError
            where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode) && !hasWAL(path)
        {
            opened = immutableURI(path)
            queue = try DatabaseQueue(path: opened, configuration: configuration(readOnly: true))
            (superseded, completed) = try queue.read(look)
        }
        if superseded { throw try schemaTooNew(queue, path: path) }
        if completed { return (queue, opened) }
        guard FileManager.default.isWritableFile(atPath: path),
            FileManager.default.isWritableFile(
                atPath: (path as NSString).deletingLastPathComponent.isEmpty
                    ? "." : (path as NSString).deletingLastPathComponent)
        else {
            let pending = try queue.read { db in
                Set(migrator.migrations).subtracting(try migrator.appliedIdentifiers(db)).sorted()
            }
            throw StoreError.readOnlyNeedsUpgrade(path: path, steps: pending)
        }
        return nil
    }

    /// Whether the database was written by a newer Insights, and whether every step of this
    /// version's schema is applied, both seen in one state of the database.
    ///
    /// GRDB's look at the applied steps reads their table, and on "no such table" checks
    /// whether it exists: two statements, which without a transaction already begun can see
    /// two states (the table missing, then made by an import creating the database at that
    /// moment), and then GRDB reports "no such table: grdb_migrations". So a read of the
    /// schema first begins the transaction, and both looks see the state it began with.
    private static func look(_ db: Database) throws -> (superseded: Bool, completed: Bool) {
        let migrator = Schema.migrator
        _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master")
        return (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
    }

    /// Whether `path` has a non-empty `-wal` file (data not yet in the main file).
    private static func hasWAL(_ path: String) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        return size > 0
    }

    /// `file:PATH?immutable=1`, the path percent-encoded as a URI needs.
    private static func immutableURI(_ path: String) -> String {
        let absolute =
            (path as NSString).isAbsolutePath
            ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:\(encoded)?immutable=1"
    }

    private static func schemaTooNew(_ queue: DatabaseQueue, path: String) throws -> StoreError {
        let migrator = Schema.migrator
        let known = Set(migrator.migrations)
        let applied = try queue.read { db in try migrator.appliedIdentifiers(db) }
        return StoreError.schemaTooNew(path: path, unknownMigrations: applied.subtracting(known).sorted())
    }

    /// Migrates a read-write connection. An up-to-date database is looked at without a lock,
    /// so that opening it does not wait for another process's import.
    ///
    /// Otherwise each look at the applied steps is taken under the write lock (`BEGIN IMMEDIATE`, waited
    /// for up to ``busyTimeout``), so it never sees another process's step half-committed: a
    /// look without the lock can read "no table of applied steps" and then find it made, which
    /// GRDB reports as "no such table: grdb_migrations" (two imports creating one database, on a
    /// loaded machine). Two processes migrating at once may still both find a step not applied;
    /// the second one's step then fails (its tables exist by then), so it looks again, until
    /// every step is applied.
    private static func migrate(_ queue: DatabaseQueue, path: String) throws {
        let migrator = Schema.migrator
        if let (superseded, completed) = try? queue.read(look) {
            if superseded { throw try schemaTooNew(queue, path: path) }
            if completed { return }
        }
        var attempts = 0
        while true {
            let (superseded, completed) = try queue.writeWithoutTransaction { db in
                var state = (superseded: false, completed: false)
                try db.inTransaction(.immediate) {
                    state = try look(db)
                    return .commit
                }
                return state
            }
            if superseded { throw try schemaTooNew(queue, path: path) }
            if completed { return }
            do {
                try migrator.migrate(queue)
                return
            } catch {
                // Done by the other process meanwhile (the next look returns), its next step
                // holds the lock, or a real failure: look again a few times, then report it.
                attempts += 1
                if attempts >= migrator.migrations.count + 2 { throw error }
            }
        }
    }

    /// A value from the `meta` table (e.g. `service_name`).
    public func meta(_ key: String) throws(StoreError) -> String? {
        try wrap {
            try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
        }
    }

    /// Sets a value of the `meta` table.
    public func setMeta(_ key: String, _ value: String) throws(StoreError) {
        try wrap {
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [key, value])
            }
        }
    }

    /// Counts of stored rows per table, for summaries and tests.
    public func counts() throws(StoreError) -> [String: Int] {
        try wrap {
            try queue.read { db in
                var result: [String: Int] = [:]
                for table in [
                    "contacts", "messages", "conversation_events", "goals", "behaviours", "goal_events", "message_statuses",
                    "journey_runs", "journey_results", "contact_fields",
                ] {
                    result[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
                }
                return result
            }
        }
    }

    func wrap<T>(_ body: () throws -> T) throws(StoreError) -> T {
        try Self.wrap(path: path, body)
    }

    /// Runs `body`, passing `StoreError`s on and making SQLite's (and any other) errors a
    /// `StoreError` naming the database.
    static func wrap<T>(path: String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw StoreError.busy(path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path)
        } catch let error as DatabaseError {
            throw StoreError.sqlite(path: path, message: error.description)
        } catch {
            throw StoreError.sqlite(path: path, message: "\(error)")
        }
    }
}

/// A database that cannot be used.
public enum StoreError: Error, Equatable, LocalizedError, Sendable {
    /// The file does not exist (and was not to be created).
    case databaseNotFound(String)
    /// The file was written by a newer Insights.
    case schemaTooNew(path: String, unknownMigrations: [String])
    /// SQLite refused an operation.
    case sqlite(path: String, message: String)
    /// Another process held the write lock for longer than ``Store/busyTimeout``.
    case busy(String)
    /// A read-only database (folder) whose schema is older than this version's.
    case readOnlyNeedsUpgrade(path: String, steps: [String])
    /// The file is not an SQLite database (another file given as `--db`, or a damaged one).
    case notADatabase(String)

    /// The exit status for this error: 75 (`EX_TEMPFAIL`: try again) for ``busy(_:)``, 1 otherwise.
    public var exitStatus: Int32 {
        if case .busy = self { return 75 }
        return 1
    }

    /// One sentence for the user.
    public var errorDescription: String? {
        switch self {
        case .databaseNotFound(let path):
            return "\(path): no database here; run `insights import --db \(path) FILE…` first (or `insights demo`)"
        case .schemaTooNew(let path, let unknown):
            return "\(path): this database was written by a newer version of Insights (schema steps "
                + "\(unknown.joined(separator: ", ")) are unknown here); upgrade Insights to read it"
        case .sqlite(let path, let message):
            return "\(path): \(message)"
        case .busy(let path):
            return "\(path): another insights process is writing this database; try again when it has finished"
        case .readOnlyNeedsUpgrade(let path, let steps):
            return "\(path): this read-only database needs an upgrade to this version's schema "
                + "(steps \(steps.joined(separator: ", "))); run any insights command on a writable copy first"
        case .notADatabase(let path):
            return "\(path): this file is not an SQLite database (nor an Insights one); check the --db path, "
                + "or restore the file from a backup if it was damaged"
        }
    }
}

extension Store {
    /// The `meta` key holding when data was last imported (shown in report headers).
    public static let lastImportKey = MetaKey.lastImport.rawValue
}
