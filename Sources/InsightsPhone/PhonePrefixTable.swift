/// ``PhoneRegions/region(for:)`` as a table of digit prefixes, so that an engine without
/// libphonenumber (a SQL warehouse) can place numbers in regions with the same answers.
///
/// A number is looked up by its international digits (``PhoneRegions`` step 1 and 2: the digits
/// without `+` or `00`) and their count: of the rows whose length range holds the count, the
/// one with the longest ``Row/prefix`` that starts the digits gives the region (`ZZ`: none);
/// no row means none as well. For a count and a prefix there is at most one row.
///
/// The table is worked out from the same metadata as ``PhoneRegions``, by walking the digits
/// of each calling code and national length one at a time until every question
/// ``PhoneRegions`` asks of the number (national prefix, leading digits, number patterns,
/// possible lengths) has the same answer whatever the remaining digits are. So it gives
/// exactly ``PhoneRegions/region(for:)``'s answer for every number; the tests compare both
/// on the libphonenumber fixture and on random numbers of every calling code.
public struct PhonePrefixTable: Sendable {
    /// Numbers of `minLength…maxLength` international digits that start with `prefix` are
    /// in `region`.
    public struct Row: Equatable, Hashable, Sendable {
        /// The leading digits, calling code first.
        public let prefix: String
        /// The fewest international digits (calling code included) of the numbers placed.
        public let minLength: Int
        /// The most.
        public let maxLength: Int
        /// The ISO 3166-1 alpha-2 region, `ZZ` for none (a row that overrides a shorter one).
        public let region: String

        /// Creates a row.
        public init(prefix: String, minLength: Int, maxLength: Int, region: String) {
            self.prefix = prefix
            self.minLength = minLength
            self.maxLength = maxLength
            self.region = region
        }
    }

    /// The rows, by prefix (digits in code point order), then length.
    public let rows: [Row]
    /// The longest prefix of ``rows``.
    public let maxPrefixLength: Int
    private let index: [String: [Row]]

    /// Creates a table from its rows.
    public init(rows: [Row]) {
        self.rows = rows
        maxPrefixLength = rows.map(\.prefix.count).max() ?? 0
        index = Dictionary(grouping: rows, by: \.prefix)
    }

    /// The region of a number given as its international digits (ASCII `0`–`9`, no `+` and
    /// no `00`): the region of the longest prefix among the rows whose length range holds
    /// the digits' count, nil when none does or its region is `ZZ`.
    public func region(forInternationalDigits digits: String) -> String? {
        let length = digits.utf8.count
        var prefix = ""
        var found: String?
        for character in digits.prefix(maxPrefixLength) {
            prefix.append(character)
            for row in index[prefix] ?? [] where row.minLength <= length && length <= row.maxLength {
                found = row.region
            }
        }
        return found == "ZZ" ? nil : found
    }
}

extension PhoneRegions {
    /// The table of the embedded metadata (worked out once, on first use).
    public static let prefixTable: PhonePrefixTable = PhonePrefixTable(rows: PrefixTableBuilder(shared.table).rows())

    /// The international digits of a number as ``region(for:)`` reads them (every decimal
    /// digit as ASCII, without a leading `00` unless a `+` comes first), or nil if it has none.
    public static func internationalDigitString(_ rawNumber: String) -> String? {
        internationalDigits(rawNumber).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The characters ``region(for:)`` reads as digits or as a plus sign besides ASCII `0`–`9`
    /// and `+` (every other decimal digit of Unicode, and the fullwidth plus), with the ASCII
    /// character each stands for, at the same position: what SQL's `TRANSLATE` needs to read a
    /// stored number the same way.
    public static let digitTranslation: (sources: String, targets: String) = {
        var sources = String.UnicodeScalarView()
        var targets = String.UnicodeScalarView()
        sources.append("\u{FF0B}")
        targets.append("+")
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.numericType == .decimal,
                let numeric = scalar.properties.numericValue, numeric >= 0, numeric <= 9,
                let digit = Unicode.Scalar(0x30 + UInt32(numeric))
            else { continue }
            sources.append(scalar)
            targets.append(digit)
        }
        return (String(sources), String(targets))
    }()
}
