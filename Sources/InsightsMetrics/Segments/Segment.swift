import Foundation

/// One condition of a segment (`--segment FIELD=VALUE`): the contacts whose field `field`
/// (matched exactly) holds `value` (compared after trimming, ignoring case). The field
/// `country` selects by the country the report places the contact in.
public struct SegmentCondition: Equatable, Hashable, Sendable {
    /// The field name, trimmed, otherwise as typed.
    public let field: String
    /// The value, trimmed, otherwise as typed (shown and written to metrics.json so).
    public let value: String

    /// The name that selects by country rather than by a contact field.
    public static let countryField = "country"

    /// Creates a condition from its parts, trimmed.
    public init(field: String, value: String) {
        self.field = trimmedText(field)
        self.value = trimmedText(value)
    }

    /// Parses `FIELD=VALUE` (split at the first `=`); nil when there is no `=`, or the field
    /// or the value is empty after trimming (an empty value is no value: it selects nobody).
    public init?(parsing text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        self.init(field: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
        guard !field.isEmpty, !value.isEmpty else { return nil }
    }

    /// Whether the condition selects by country.
    public var isCountry: Bool { field == Self.countryField }

    /// `district=kisumu`: how the page header, the email subject and the archive name it.
    public var label: String { "\(field)=\(value)" }
}

/// The conditions of a segment, in the order given: all must hold. Empty: the whole report.
public typealias Segment = [SegmentCondition]

extension Array where Element == SegmentCondition {
    /// `district=kisumu, cohort=2`, or nil for no segment.
    public var label: String? { isEmpty ? nil : map(\.label).joined(separator: ", ") }
}

/// Text with white space and newlines removed from both ends, as `Store.foldedFieldValue`
/// trims before folding.
func trimmedText(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespacesAndNewlines)
}
