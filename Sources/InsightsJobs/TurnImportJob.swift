import Foundation
import InsightsImport
import InsightsMetrics
import InsightsStore

/// The storing half of `insights import --source turn`: a checked conversion's records
/// imported through the usual per-kind transactions, then the import time and the note on
/// conversation closes recorded.
public struct TurnImportJob {
    /// Why the records were not all stored.
    public enum Failure: Error {
        /// The converted records could not be written to the temporary folder.
        case cannotWriteConverted(folder: String, reason: String)
        /// The database refused a kind's write (the kinds before it were stored).
        case store(any Error)
    }

    /// The database file (created when missing).
    public let database: String
    /// The checked conversion.
    public let conversion: TurnConversion
    /// How timestamps are read.
    public let timestamps: TimestampParser

    /// Describes the storing of a conversion.
    public init(database: String, conversion: TurnConversion, timestamps: TimestampParser) {
        self.database = database
        self.conversion = conversion
        self.timestamps = timestamps
    }

    /// Stores every kind; `opened` is called once the database is open (before any kind),
    /// `stored` after each kind.
    public func run(opened: () -> Void = {}, stored: (ImportSummary) -> Void) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("insights-turn-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths: [String]
        do {
            paths = try conversion.writeImportFiles(to: folder)
        } catch {
            throw Failure.cannotWriteConverted(folder: folder.path, reason: error.localizedDescription)
        }
        let store = try Store(path: database)
        opened()
        var imported = false
        for path in paths {
            do {
                stored(try store.importFile(try ImportFile(path: path), timestamps: timestamps))
                imported = true
            } catch {
                if imported { try store.setMeta(.lastImport, ImportJob.importTime(Date())) }
                throw Failure.store(error)
            }
        }
        try store.setMeta(.lastImport, ImportJob.importTime(Date()))
        try store.setMeta(.closesNote, conversion.summary.closesNote)
    }
}
