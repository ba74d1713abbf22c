import Foundation
import InsightsGlific
import InsightsImport
import InsightsRapidPro
import InsightsStore
import InsightsTurn

/// The storing half of `insights import --source turn|rapidpro|glific`: a checked
/// conversion's records imported through `Store.importRecords`, one transaction per kind,
/// then the import time and the note on conversation closes recorded. One job for every
/// platform: a platform only gives its records, the name its tables go by in errors and its
/// closes note.
public struct PlatformImportJob {
    /// Why the records were not all stored.
    public enum Failure: Error {
        /// The database refused a kind's write (the kinds before it were stored).
        case store(any Error)
    }

    /// The database file (created when missing).
    public let database: String
    /// The converted records, kind by kind, in the order they are stored.
    public let recordsByKind: [(kind: RecordKind, records: [SourcedRecord])]
    /// How a kind's records are named in a store error (`the Turn export's messages`).
    public let source: (RecordKind) -> String
    /// The note on where conversation closes came from (`MetaKey.closesNote`).
    public let closesNote: String

    /// Describes the storing of records.
    public init(
        database: String, recordsByKind: [(kind: RecordKind, records: [SourcedRecord])],
        source: @escaping (RecordKind) -> String, closesNote: String
    ) {
        self.database = database
        self.recordsByKind = recordsByKind
        self.source = source
        self.closesNote = closesNote
    }

    /// Describes the storing of a Turn export's conversion.
    public init(database: String, conversion: TurnConversion) {
        self.init(
            database: database, recordsByKind: conversion.recordsByKind, source: { "the Turn export's \($0.rawValue)" },
            closesNote: conversion.summary.closesNote)
    }

    /// Describes the storing of a RapidPro workspace's conversion.
    public init(database: String, conversion: RapidProConversion) {
        self.init(
            database: database, recordsByKind: conversion.recordsByKind, source: { "the RapidPro \($0.rawValue)" },
            closesNote: conversion.summary.closesNote)
    }

    /// Describes the storing of a Glific dataset's conversion.
    public init(database: String, conversion: GlificConversion) {
        self.init(
            database: database, recordsByKind: conversion.recordsByKind, source: { "the Glific \($0.rawValue)" },
            closesNote: conversion.summary.closesNote)
    }

    /// Stores every kind; `opened` is called once the database is open (before any kind),
    /// `stored` after each kind.
    public func run(opened: () -> Void = {}, stored: (ImportSummary) -> Void) throws {
        let store = try Store(path: database)
        opened()
        var imported = false
        for (kind, records) in recordsByKind {
            do {
                stored(try store.importRecords(records, kind: kind, source: source(kind)))
                imported = true
            } catch {
                if imported { try store.setMeta(.lastImport, ImportJob.importTime(Date())) }
                throw Failure.store(error)
            }
        }
        try store.setMeta(.lastImport, ImportJob.importTime(Date()))
        try store.setMeta(.closesNote, closesNote)
    }
}
