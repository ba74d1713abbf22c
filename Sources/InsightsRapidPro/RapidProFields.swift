import InsightsImport
import InsightsMetrics

/// Named access to one RapidPro record's members, with the row problem of a missing or bad
/// value (`RowIssue`, at the record's line).
struct RapidProFields {
    /// The record's members.
    let members: [String: JSONValue]
    /// Its line.
    let line: Int
    /// How timestamps are read.
    let timestamps: TimestampParser
    /// The member path before a nested key (`values.agree.`), for messages.
    var prefix = ""

    /// A string or number member as text; nil for null, "" and a missing key.
    subscript(_ key: String) -> String? {
        switch members[key] {
        case .string(let text)?:
            let trimmed = text.trimmingSpaces
            return trimmed.isEmpty ? nil : trimmed
        case .number(let text)?: return text
        case .bool(let flag)?: return flag ? "true" : "false"
        default: return nil
        }
    }

    /// The problem of this record.
    func issue(_ reason: String) -> RowIssue {
        RowIssue(line: line, reason: reason)
    }

    /// A value that must be there.
    func required(_ key: String) throws(RowIssue) -> String {
        guard let value = self[key] else { throw issue("\"\(prefix)\(key)\" is missing or empty") }
        return value
    }

    /// A nested object (`{"uuid": …, "name": …}`); nil for null or a missing key.
    func object(_ key: String) throws(RowIssue) -> RapidProFields? {
        switch members[key] {
        case nil, .null?: return nil
        case .object(let nested)?:
            var keyed: [String: JSONValue] = [:]
            for member in nested { keyed[member.key] = member.value }
            return RapidProFields(members: keyed, line: line, timestamps: timestamps, prefix: "\(prefix)\(key).")
        default: throw issue("\"\(prefix)\(key)\" is not a JSON object")
        }
    }

    /// A nested array; empty for null or a missing key.
    func array(_ key: String) throws(RowIssue) -> [JSONValue] {
        switch members[key] {
        case nil, .null?: return []
        case .array(let values)?: return values
        default: throw issue("\"\(prefix)\(key)\" is not a JSON array")
        }
    }

    /// A timestamp that may be missing.
    func optionalTimestamp(_ key: String) throws(RowIssue) -> Instant? {
        guard let text = self[key] else { return nil }
        switch timestamps.parse(text) {
        case .success(let instant): return instant
        case .failure(let error):
            throw issue(
                "\"\(prefix)\(key)\": \"\(text)\" "
                    + error.reason(
                        malformedHint: "RapidPro writes e.g. 2026-10-05T08:00:00.123456+00:00",
                        noOffsetHint: "RapidPro's times carry an offset: add one, or pass --assume-timezone UTC"))
        }
    }

    /// A timestamp that must be there.
    func timestamp(_ key: String) throws(RowIssue) -> Instant {
        guard let instant = try optionalTimestamp(key) else { throw issue("\"\(prefix)\(key)\" is missing or empty") }
        return instant
    }
}
