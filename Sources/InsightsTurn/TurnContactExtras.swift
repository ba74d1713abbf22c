import InsightsImport
import Foundation
import InsightsMetrics

/// What a `contacts` row gives beyond the phone: consent times and `details` as fields.
///
/// Consent: `opted_in` (a boolean) and `opted_in_at`, as columns or as keys of `details`
/// (the column first). Turn records no opt-out time; an `opted_out_at` column or key is read if
/// an export has one. A contact whose `opted_in` is false but who has an `opted_in_at` opted in
/// and then out at an unknown time: its opt-out is dated by the row's `updated_at` (the latest
/// it can have been), and without `updated_at` no consent time is stored at all (otherwise the
/// contact would count as opted in). Every case is counted in the summary.
///
/// Fields: every key of `details` with a text, number or boolean value, as text (numbers as
/// written); keys holding an object or array are left out and counted, not refused.
struct TurnContactExtras {
    /// When the person last opted in.
    let optedInAt: Instant?
    /// When the person last opted out (exact or approximate, see `consent`).
    let optedOutAt: Instant?
    /// How the consent times were found.
    let consent: Consent
    /// The scalar keys of `details`, in the object's order.
    let fields: [ContactField]
    /// The keys of `details` left out because their values are objects or arrays.
    let nestedKeys: [String]

    /// How a contact's consent times were found.
    enum Consent: String, CaseIterable, Sendable {
        /// No `opted_in`, `opted_in_at` or `opted_out_at`.
        case none
        /// An `opted_in_at` (and `opted_in` not false): an opt-in time.
        case optedIn = "opted in"
        /// `opted_in` false and an `opted_out_at`: both times as given.
        case optedOut = "opted out"
        /// `opted_in` false, an `opted_in_at` and no `opted_out_at`: opt-out dated by `updated_at`.
        case optedOutAtUpdate = "opted out, dated by updated_at (approximate)"
        /// As above without `updated_at`: no consent time stored.
        case optedOutUnknown = "opted out at an unknown time (no consent times stored)"
        /// `opted_in` true without `opted_in_at`: no consent time stored.
        case optedInUnknown = "opted in at an unknown time (no consent time stored)"
        /// `opted_in` false and no times: never opted in.
        case notOptedIn = "not opted in"
    }

    init(_ f: TurnFields, details: [String: String]?) throws(RowIssue) {
        func value(_ key: String) -> (column: String, text: String)? {
            if let text = f[key] { return (key, text) }
            if let text = details?[key].map(trimmed), !text.isEmpty { return ("details.\(key)", text) }
            return nil
        }
        func time(_ key: String) throws(RowIssue) -> Instant? {
            guard let (column, text) = value(key) else { return nil }
            if column == key { return try f.optionalTimestamp(key) }
            switch f.timestamps.parse(text) {
            case .success(let instant): return instant
            case .failure(let error):
                let why = error.reason(
                    malformedHint: "BigQuery writes e.g. 2026-10-03 12:05:00.123456 UTC",
                    noOffsetHint: "Turn's times are UTC: add Z, or pass --assume-timezone UTC")
                throw f.issue("column \"\(column)\": \"\(text)\" \(why)")
            }
        }
        var optedIn: Bool?
        if let (column, text) = value("opted_in") {
            switch text.lowercased() {
            case "true", "t", "1", "yes": optedIn = true
            case "false", "f", "0", "no": optedIn = false
            default: throw f.issue("column \"\(column)\": \"\(text)\" is neither true nor false")
            }
        }
        let inAt = try time("opted_in_at")
        let outAt = try time("opted_out_at")
        switch (optedIn, inAt, outAt) {
        case (false, let inAt?, nil):
            if let updated = try f.optionalTimestamp("updated_at") {
                (optedInAt, optedOutAt, consent) = (inAt, max(updated, inAt), .optedOutAtUpdate)
            } else {
                (optedInAt, optedOutAt, consent) = (nil, nil, .optedOutUnknown)
            }
        case (false, _, let outAt?): (optedInAt, optedOutAt, consent) = (inAt, outAt, .optedOut)
        case (false, nil, nil): (optedInAt, optedOutAt, consent) = (nil, nil, .notOptedIn)
        case (true, nil, _): (optedInAt, optedOutAt, consent) = (nil, outAt, .optedInUnknown)
        case (_, nil, nil): (optedInAt, optedOutAt, consent) = (nil, nil, .none)
        case (_, let inAt, let outAt): (optedInAt, optedOutAt, consent) = (inAt, outAt, inAt == nil ? .optedOut : .optedIn)
        }
        (fields, nestedKeys) = try Self.fields(f)
    }

    /// The fields of `details`: from the NDJSON line's own text when it is a nested object (so
    /// that keys keep their order and numbers their spelling), else from the column's JSON text.
    private static func fields(_ f: TurnFields) throws(RowIssue) -> (fields: [ContactField], nested: [String]) {
        var text: String?
        if f.objects["details"] != nil, let line = f.lineText {
            text = ContactFieldsJSON.rawValue(of: "details", inLine: line)
        } else if let column = f["details"] {
            text = column
            // A JSON column exported through TO_JSON_STRING of a STRING column is encoded twice.
            if column.hasPrefix("\""),
                let inner = try? JSONSerialization.jsonObject(with: Data(column.utf8), options: [.fragmentsAllowed])
                    as? String
            {
                text = inner
            }
        }
        guard let text else { return ([], []) }
        switch ContactFieldsJSON.fieldsSkippingNested(text) {
        case .success(let result): return result
        case .failure(let problem): throw f.issue("column \"details\": the value \(problem.message)")
        }
    }
}
