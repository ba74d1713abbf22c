import InsightsMetrics

/// Writes records back in the import format of DATA.md: the inverse of `RecordDecoder`.
///
/// Columns are the kind's, in DATA.md's order. CSV is RFC 4180 (a header row; a field holding
/// a comma, a quote, a carriage return or a line feed is quoted, quotes doubled; `\n` line
/// ends); NDJSON is one object per line with every column as a key, `null` for no value.
/// `contacts.fields` is its JSON object: as text in CSV, as an object in NDJSON (values as
/// JSON strings, keys in stored order).
/// Timestamps are RFC 3339 in UTC (`TimestampFormatter`), so decoding an encoded record gives
/// the same record.
public struct RecordEncoder: Sendable {
    /// The kind encoded.
    public let kind: RecordKind
    /// CSV or NDJSON.
    public let format: ImportFile.Format
    private let names: [String]
    /// Per column: whether its value is JSON written as it is in NDJSON (`contacts.fields`).
    private let objects: [Bool]

    /// Creates an encoder.
    public init(kind: RecordKind, format: ImportFile.Format) {
        self.kind = kind
        self.format = format
        self.names = kind.allColumns.map(\.name)
        self.objects = kind.allColumns.map(\.holdsObject)
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
        guard let values = values(of: record) else { return nil }
        switch format {
        case .csv:
            return values.map { Self.csvField($0 ?? "") }.joined(separator: ",") + "\n"
        case .ndjson:
            var line = "{"
            for (index, (name, value)) in zip(names, values).enumerated() {
                if index > 0 { line += "," }
                let json = objects[index] ? value : value.map(Self.jsonString)
                line += Self.jsonString(name) + ":" + (json ?? "null")
            }
            return line + "}\n"
        }
    }

    /// The values of the kind's columns, nil meaning no value.
    private func values(of record: ImportRecord) -> [String?]? {
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
            return [r.contactID, r.journeyID, r.runID, r.question, r.answer, time(r.timestamp)]
        default:
            return nil
        }
    }

    /// A contact's fields as one JSON object (`{"district":"Kisumu","cohort":"3"}`); nil when
    /// it has none.
    static func fieldsJSON(_ fields: [ContactField]) -> String? {
        guard !fields.isEmpty else { return nil }
        return "{" + fields.map { jsonString($0.name) + ":" + jsonString($0.value) }.joined(separator: ",") + "}"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ value: String) -> String {
        let special = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard special else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest
    /// as UTF-8.
    static func jsonString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Writes instants as the RFC 3339 timestamps `TimestampParser` reads back exactly.
public enum TimestampFormatter {
    /// `2026-10-03T12:05:00Z`, `…:00.123Z` or `…:00.123456Z`: UTC, with as many fractional
    /// digits as the instant needs (0, 3 or 6).
    ///
    /// An instant after 9999-12-31T23:59:59Z (only reachable through 12-digit epoch seconds)
    /// has no RFC 3339 form and is written as epoch seconds, which is how it was read.
    public static func string(_ instant: Instant) -> String {
        let seconds = floorDiv(instant, microsecondsPerSecond)
        let micros = instant - seconds * microsecondsPerSecond
        let day = LocalDate(dayNumber: floorDiv(seconds, 86_400))
        let (year, month, dayOfMonth) = day.components
        if !(0...9999).contains(year), micros == 0, seconds >= 0 { return String(seconds) }
        let clock = seconds - day.dayNumber * 86_400
        var text = "\(digits(year, 4))-\(digits(month, 2))-\(digits(dayOfMonth, 2))T"
        text += "\(digits(Int(clock / 3600), 2)):\(digits(Int(clock / 60 % 60), 2)):\(digits(Int(clock % 60), 2))"
        if micros != 0 {
            text += micros % 1000 == 0 ? "." + digits(Int(micros / 1000), 3) : "." + digits(Int(micros), 6)
        }
        return text + "Z"
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
