import Foundation
import InsightsImport
import InsightsGlific
import InsightsStore

/// The storing half of `insights import --source glific`: a checked conversion's records
/// imported through `Store.importRecords`, one transaction per kind, then the import time and
/// the note on conversation closes recorded.
public struct GlificImportJob {
    /// Why the records were not all stored.
    public enum Failure: Error {
        /// The database refused a kind's write (the kinds before it were stored).
        case store(any Error)
    }

    /// The database file (created when missing).
    public let database: String
    /// The checked conversion.
    public let conversion: GlificConversion

    /// Describes the storing of a conversion.
    public init(database: String, conversion: GlificConversion) {
        self.database = database
        self.conversion = conversion
    }

    /// Stores every kind; `opened` is called once the database is open (before any kind),
    /// `stored` after each kind.
    public func run(opened: () -> Void = {}, stored: (ImportSummary) -> Void) throws {
        let store = try Store(path: database)
        opened()
        var imported = false
        for (kind, records) in conversion.recordsByKind {
            do {
                stored(try store.importRecords(records, kind: kind, source: "the Glific \(kind.rawValue)"))
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
