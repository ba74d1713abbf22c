import InsightsFormat
import InsightsMetrics

/// Writes records back in the import format of DATA.md: the inverse of `RecordDecoder`.
///
/// Columns are the kind's, in DATA.md's order. CSV is RFC 4180 (a header row; a field holding
/// a comma, a quote, a carriage return or a line feed is quoted, quotes doubled; `\n` line
/// ends); NDJSON is one object per line with every column as a key, `null` for no value.
/// `contacts.fields` is its JSON object: as text in CSV, as an object in NDJSON (values as
/// JSON strings, keys in stored order).
/// Timestamps are RFC 3339 in UTC (`TimestampFormatter`), so decoding an encoded record gives
/// the same record. Fields, strings and timestamps are written by `InsightsFormat`, the one
/// writer of every CSV and JSON file.
public struct RecordEncoder: Sendable {
    /// The kind encoded.
    public let kind: RecordKind
    /// CSV or NDJSON.
    public let format: ImportFile.Format
    private let names: [String]
    /// Per column: whether its value is JSON written as it is in NDJSON (`contacts.fields`).
    private let objects: [Bool]
    /// Per column, what an NDJSON line has before its value: `{"message_id":`, `,"contact_id":` …
    private let keys: [String]

    /// Creates an encoder.
    public init(kind: RecordKind, format: ImportFile.Format) {
        self.kind = kind
        self.format = format
        self.names = kind.allColumns.map(\.name)
        self.objects = kind.allColumns.map(\.holdsObject)
        self.keys = names.enumerated().map { index, name in (index == 0 ? "{" : ",") + JSONText.quoted(name) + ":" }
    }

    /// The file name of the kind in this format: `messages.csv`, `goal_events.ndjson`.
    public var fileName: String {
        "\(kind.rawValue).\(format.rawValue)"
    }

    /// What the file starts with: the CSV header line; nothing for NDJSON.
    public var header: String {
        switch format {
        case .csv: names.joined(separator: ",") + "\n"
        case .ndjson: ""
        }
    }

    /// One record as a line (with its line end), or nil when the record is of another kind.
    public func encode(_ record: ImportRecord) -> String? {
        guard let values = columnValues(of: record) else { return nil }
        switch format {
        case .csv:
            var text = CSVText(capacity: 128)
            text.row(values)
            return text.text
        case .ndjson:
            var line = ""
            line.reserveCapacity(256)
            for index in values.indices {
                line += keys[index]
                if let value = values[index] {
                    if objects[index] {
                        line += value
                    } else {
                        line += "\""
                        JSONText.append(value, to: &line)
                        line += "\""
                    }
                } else {
                    line += "null"
                }
            }
            return line + "}\n"
        }
    }

    /// The values of the kind's columns as a file holds them (timestamps RFC 3339 in UTC,
    /// `fields` as its JSON object), nil meaning no value; nil when the record is of another kind.
    public func columnValues(of record: ImportRecord) -> [String?]? {
        let time = TimestampFormatter.string
        switch (kind, record) {
        case (.contacts, .contact(let r)):
            return [
                r.contactID, r.phone, r.country, r.createdAt.map(time), r.optedInAt.map(time), r.optedOutAt.map(time),
                Self.fieldsJSON(r.fields),
            ]
        case (.messages, .message(let r)):
            return [
                r.messageID, r.contactID, r.inbound ? "inbound" : "outbound", time(r.timestamp),
                r.authorType?.rawValue, r.authorID, r.authorName,
            ]
        case (.conversationEvents, .conversationEvent(let r)):
            return [r.contactID, r.event.rawValue, time(r.timestamp), r.actorID, r.actorName, r.seq.map(String.init)]
        case (.goals, .goal(let r)):
            return [r.goalID, r.name, r.description, r.position.map(String.init)]
        case (.behaviours, .behaviour(let r)):
            return [r.behaviourID, r.goalID, r.name, r.position.map(String.init)]
        case (.goalEvents, .goalEvent(let r)):
            return [r.contactID, r.goalID, r.behaviourID, r.event.rawValue, time(r.timestamp)]
        case (.messageStatuses, .messageStatus(let r)):
            return [r.messageID, r.status.rawValue, time(r.timestamp), r.error]
        case (.journeyRuns, .journeyRun(let r)):
            return [
                r.runID, r.contactID, r.journeyID, r.journeyName, time(r.startedAt), r.endedAt.map(time),
                r.outcome?.rawValue, r.lastStep,
            ]
        case (.journeyResults, .journeyResult(let r)):
            return [r.contactID, r.journeyID, r.runID, r.question, r.answer, time(r.timestamp), r.seq.map(String.init)]
        default:
            return nil
        }
    }

    /// A contact's fields as one JSON object (`{"district":"Kisumu","cohort":"3"}`); nil when
    /// it has none.
    static func fieldsJSON(_ fields: [ContactField]) -> String? {
        guard !fields.isEmpty else { return nil }
        return "{" + fields.map { JSONText.quoted($0.name) + ":" + JSONText.quoted($0.value) }.joined(separator: ",") + "}"
    }
}
