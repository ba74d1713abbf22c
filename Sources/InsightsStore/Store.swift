import Foundation
import GRDB

/// The embedded SQLite database every report is computed from.
///
/// Opened with WAL journaling and foreign keys on, migrated to the current schema on open.
/// A database written by a newer Insights (with migrations this version does not know) is
/// refused rather than touched.
public final class Store: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue

    /// Opens (and with `create`, creates) the database at `path`.
    public init(path: String, create: Bool = true) throws(StoreError) {
        self.path = path
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw StoreError.databaseNotFound(path)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        queue = try Self.wrap(path: path) {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = Schema.migrator
            let superseded = try queue.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                let known = Set(migrator.migrations)
                let applied = try queue.read { db in try migrator.appliedIdentifiers(db) }
                throw StoreError.schemaTooNew(path: path, unknownMigrations: applied.subtracting(known).sorted())
            }
            try migrator.migrate(queue)
            return queue
        }
    }

    /// A value from the `meta` table (e.g. `service_name`).
    public func meta(_ key: String) throws(StoreError) -> String? {
        try wrap { try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) } }
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
        }
    }
}

extension Store {
    /// The `meta` key holding when data was last imported (shown in report headers).
    public static let lastImportKey = "last_import_at"
}
