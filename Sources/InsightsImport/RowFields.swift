import Foundation
import InsightsMetrics

/// Named access to the values of one row, with the row rules' messages: the one field parser
/// of every import path (`RecordDecoder` for Insights' own files, a platform's converter for
/// its export tables).
public struct RowFields: Sendable {
    /// How a source's timestamps that cannot be read are explained.
    public struct TimestampHints: Sendable {
        /// After a timestamp that is not one ("use e.g. 2026-10-03T12:05:00Z …").
        public let malformed: String
        /// After a timestamp with no offset ("add Z or an offset …").
        public let noOffset: String

        /// Creates hints.
        public init(malformed: String, noOffset: String) {
            self.malformed = malformed
            self.noOffset = noOffset
        }

        /// The hints of Insights' own files.
        public static let insights = TimestampHints(
            malformed: "use e.g. 2026-10-03T12:05:00Z, 2026-10-03 12:05:00 UTC or epoch seconds",
            noOffset: "add Z or an offset such as +02:00, or pass --assume-timezone ZONE")
    }

    /// The column names, in the order of `values`.
    public let columns: [String]
    /// The values (nil = no value).
    public let values: [String?]
    /// The 1-based line of the row.
    public let line: Int
    /// How timestamps are read.
    public let timestamps: TimestampParser
    /// Whether values are read without surrounding spaces and tabs (a platform's export);
    /// Insights' own files keep values exactly.
    public let trims: Bool
    /// How unreadable timestamps are explained.
    public let hints: TimestampHints
    /// Objects nested in NDJSON columns, by column (keys lower-cased, values as column text).
    public var objects: [String: [String: String]] = [:]
    /// The NDJSON line the row was read from (nil for CSV), for the exact text of a nested object.
    public var lineText: String?

    /// Creates the fields of a row.
    public init(
        columns: [String], values: [String?], line: Int, timestamps: TimestampParser, trims: Bool = false,
        hints: TimestampHints = .insights, objects: [String: [String: String]] = [:], lineText: String? = nil
    ) {
        self.columns = columns
        self.values = values
        self.line = line
        self.timestamps = timestamps
        self.trims = trims
        self.hints = hints
        self.objects = objects
        self.lineText = lineText
    }

    /// The value of a column (without surrounding spaces and tabs when `trims`); nil for none.
    public subscript(name: String) -> String? {
        guard let index = columns.firstIndex(of: name), index < values.count, let value = values[index] else {
            return nil
        }
        return trims ? trimmed(value) : value
    }

    /// An issue of this row.
    public func issue(_ reason: String) -> RowIssue {
        RowIssue(line: line, reason: reason)
    }

    /// A value that must be there (not blank).
    public func required(_ name: String) throws(RowIssue) -> String {
        guard let value = self[name], trims ? !value.isEmpty : !isBlank(value) else {
            throw issue("column \"\(name)\": a value is required")
        }
        return value
    }

    /// A timestamp that must be there.
    public func timestamp(_ name: String) throws(RowIssue) -> Instant {
        try parse(name, try required(name))
    }

    /// A timestamp, if there is one.
    public func optionalTimestamp(_ name: String) throws(RowIssue) -> Instant? {
        guard let text = self[name], !text.isEmpty else { return nil }
        return try parse(name, text)
    }

    /// A whole number, if there is one.
    public func optionalInteger(_ name: String) throws(RowIssue) -> Int64? {
        guard let text = self[name], !isBlank(text) else { return nil }
        guard let value = Int64(text.trimmingCharacters(in: .whitespaces)) else {
            throw issue("column \"\(name)\": \"\(text)\" is not a whole number")
        }
        return value
    }

    private func parse(_ name: String, _ text: String) throws(RowIssue) -> Instant {
        switch timestamps.parse(text) {
        case .success(let instant): return instant
        case .failure(let error):
            let why = error.reason(malformedHint: hints.malformed, noOffsetHint: hints.noOffset)
            throw issue("column \"\(name)\": \"\(text)\" \(why)")
        }
    }
}

/// `text` without leading and trailing spaces and tabs (cheap when there are none).
public func trimmed(_ text: String) -> String {
    let utf8 = text.utf8
    guard let first = utf8.first, let last = utf8.last else { return text }
    let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
    guard isBlank(first) || isBlank(last) else { return text }
    let bytes = Array(utf8)
    var start = 0
    var end = bytes.count
    while start < end, isBlank(bytes[start]) { start += 1 }
    while end > start, isBlank(bytes[end - 1]) { end -= 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
}
