import InsightsMetrics

/// Where a record handed to the store came from: the file and line (or the table and row)
/// of the source row it was made of, for every message about it.
public struct RecordOrigin: Equatable, Sendable {
    /// The file as the user named it, or a table's name.
    public let file: String
    /// The 1-based line (or row) in it.
    public let line: Int

    /// Creates an origin.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}

/// A record and where it came from: what a source other than Insights' own files (a Turn
/// or RapidPro export, a warehouse table) hands to the store's import of records.
public struct SourcedRecord: Sendable {
    /// The source row it was made of.
    public let origin: RecordOrigin
    /// The record.
    public let record: ImportRecord

    /// Creates a sourced record.
    public init(_ record: ImportRecord, from origin: RecordOrigin) {
        self.origin = origin
        self.record = record
    }
}

extension RecordDecoder {
    /// A record made by another source, checked by exactly the rules of a file's row.
    ///
    /// The record's column values, as `RecordEncoder` writes them (an empty value is no
    /// value, as in a file), first get the checks a reader gives every field (no NUL
    /// character, at most ``ImportLimits/fieldBytes``), then go through `decode(_:)`: so a
    /// record is refused, or normalised (`za` → `ZA`, an empty author name → none), exactly
    /// as the same values in a file would be.
    public func check(_ record: ImportRecord, line: Int) -> (row: RawRow, decoded: Result<ImportRecord, RowIssue>) {
        let encoder = RecordEncoder(kind: kind, format: .csv)
        guard let values = encoder.columnValues(of: record) else {
            let problem = "a \(record.kind.rawValue) record where \(kind.rawValue) records were expected"
            let row = RawRow(line: line, values: [], fields: [], problem: problem)
            return (row, .failure(RowIssue(line: line, reason: problem)))
        }
        let fields = values.map { $0 ?? "" }
        var problem: String?
        for (column, value) in zip(kind.allColumns, values) {
            guard let value else { continue }
            if value.utf8.count > ImportLimits.fieldBytes {
                problem = ImportLimits.fieldTooLong("column \"\(column.name)\"", bytes: value.utf8.count)
            } else if value.utf8.contains(0) {
                problem = "column \"\(column.name)\": holds a NUL character"
            }
            if problem != nil { break }
        }
        let row = RawRow(line: line, values: values.map { $0?.isEmpty == true ? nil : $0 }, fields: fields, problem: problem)
        return (row, decode(row))
    }
}

extension ImportRecord {
    /// The kind of the record.
    public var kind: RecordKind {
        switch self {
        case .contact: .contacts
        case .message: .messages
        case .conversationEvent: .conversationEvents
        case .goal: .goals
        case .behaviour: .behaviours
        case .goalEvent: .goalEvents
        case .messageStatus: .messageStatuses
        case .journeyRun: .journeyRuns
        case .journeyResult: .journeyResults
        }
    }
}
