import Foundation

/// Why the embedded metadata could not be loaded.
struct PhoneMetadataError: Error, CustomStringConvertible {
    let description: String
}

/// A libphonenumber pattern compiled once with `NSRegularExpression`.
///
/// `NSRegularExpression` is immutable and documented as safe to use from several
/// threads at once, hence `@unchecked Sendable`.
struct PhonePattern: @unchecked Sendable {
    private let regex: NSRegularExpression
    /// The pattern as the metadata writes it (unanchored), for `PhonePrefixTable`.
    let source: String
    /// How it is anchored.
    let anchoring: Anchoring

    /// Whether the pattern must match the whole input (national number patterns) or
    /// only its start (leading digits, national prefix for parsing).
    enum Anchoring {
        case whole
        case start
    }

    init(_ pattern: String, _ anchoring: Anchoring) throws {
        source = pattern
        self.anchoring = anchoring
        let anchored: String
        switch anchoring {
        case .whole: anchored = "^(?:" + pattern + ")$"
        case .start: anchored = "^(?:" + pattern + ")"
        }
        do {
            regex = try NSRegularExpression(pattern: anchored)
        } catch {
            throw PhoneMetadataError(description: "bad pattern \(pattern): \(error)")
        }
    }

    var numberOfCaptureGroups: Int { regex.numberOfCaptureGroups }

    /// The match at the start of `number` (an ASCII digit string), if any.
    func firstMatch(in number: PhoneDigits) -> NSTextCheckingResult? {
        regex.firstMatch(
            in: number.string, options: [.anchored],
            range: NSRange(location: 0, length: number.count))
    }

    /// Whether the pattern matches `number` (whole or at its start, as compiled).
    func matches(_ number: PhoneDigits) -> Bool {
        firstMatch(in: number) != nil
    }
}

/// An ASCII digit string with its length (UTF-8 length == UTF-16 length == count).
struct PhoneDigits {
    let string: String
    let count: Int

    init(_ bytes: some Collection<UInt8>) {
        string = String(decoding: bytes, as: UTF8.self)
        count = bytes.count
    }

    /// The digits from UTF-16 offset `start` on.
    func suffix(from start: Int) -> PhoneDigits {
        PhoneDigits(string.utf8.dropFirst(start))
    }

    /// The digits in `range` (UTF-16 offsets), or "" for a group that did not take part.
    func substring(_ range: NSRange) -> Substring {
        guard range.location != NSNotFound else { return "" }
        let utf8 = string.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.location)
        let upper = utf8.index(lower, offsetBy: range.length)
        return Substring(utf8[lower..<upper])
    }
}

/// A set of national number lengths (libphonenumber's `possible_length`), as a bit mask.
struct LengthSet: Sendable {
    private var mask: UInt64 = 0
    /// The smallest and largest member (libphonenumber keeps these lists sorted).
    private(set) var minimum = Int.max
    private(set) var maximum = Int.min

    init(_ lengths: [Int]) {
        for length in lengths where length >= 0 && length < 64 {
            mask |= 1 << UInt64(length)
            minimum = Swift.min(minimum, length)
            maximum = Swift.max(maximum, length)
        }
    }

    var isEmpty: Bool { mask == 0 }

    func contains(_ length: Int) -> Bool {
        length >= 0 && length < 64 && mask & (1 << UInt64(length)) != 0
    }
}

/// libphonenumber's `PhoneNumberDesc`: possible lengths plus a national number pattern.
struct NumberDesc: Sendable {
    let lengths: LengthSet
    let pattern: PhonePattern

    /// `_is_number_matching_desc`: the length is possible (when lengths are given) and
    /// the pattern matches the whole national number.
    func matches(_ number: PhoneDigits) -> Bool {
        if !lengths.isEmpty && !lengths.contains(number.count) { return false }
        return pattern.matches(number)
    }
}

/// One piece of a national prefix transform rule.
enum TransformPart: Sendable {
    case literal(String)
    case group(Int)
}

/// The metadata of one region, limited to what parsing and region lookup need.
/// (A class, so that walking a calling code's region list doesn't copy every field.)
final class RegionMetadata: Sendable {
    let id: String
    /// `leading_digits`, matched at the start of the national number.
    let leadingDigits: PhonePattern?
    /// `national_prefix_for_parsing` (only kept for a calling code's main region).
    let nationalPrefixForParsing: PhonePattern?
    /// `national_prefix_transform_rule`, split at its `$n` group references.
    let nationalPrefixTransform: [TransformPart]?
    /// `general_desc` pattern, possible lengths and local-only lengths.
    let general: NumberDesc?
    let localOnlyLengths: LengthSet
    /// Every type desc that can make `_number_type_helper` return a known type.
    let types: [NumberDesc]

    init(
        id: String, leadingDigits: PhonePattern?, nationalPrefixForParsing: PhonePattern?,
        nationalPrefixTransform: [TransformPart]?, general: NumberDesc?, localOnlyLengths: LengthSet,
        types: [NumberDesc]
    ) {
        self.id = id
        self.leadingDigits = leadingDigits
        self.nationalPrefixForParsing = nationalPrefixForParsing
        self.nationalPrefixTransform = nationalPrefixTransform
        self.general = general
        self.localOnlyLengths = localOnlyLengths
        self.types = types
    }

    /// `_number_type_helper(...) != UNKNOWN`.
    func hasKnownType(_ number: PhoneDigits) -> Bool {
        guard let general, general.matches(number) else { return false }
        for desc in types where desc.matches(number) {
            return true
        }
        return false
    }

    /// `_maybe_strip_national_prefix_carrier_code` followed by the `_test_number_length`
    /// check `parse()` applies to its result: the national number to keep.
    func strippingNationalPrefix(_ number: PhoneDigits) -> PhoneDigits {
        guard number.count > 0, let prefix = nationalPrefixForParsing, let general,
            let match = prefix.firstMatch(in: number)
        else { return number }
        let isViableOriginal = general.pattern.matches(number)
        let end = match.range.location + match.range.length
        let candidate: PhoneDigits
        let groups = prefix.numberOfCaptureGroups
        if let transform = nationalPrefixTransform, groups > 0,
            match.range(at: groups).location != NSNotFound
        {
            var text = ""
            for part in transform {
                switch part {
                case .literal(let literal): text += literal
                case .group(let index):
                    if index <= groups { text += number.substring(match.range(at: index)) }
                }
            }
            text += number.suffix(from: end).string
            candidate = PhoneDigits(Array(text.utf8))
        } else {
            candidate = number.suffix(from: end)
        }
        if isViableOriginal && !general.pattern.matches(candidate) { return number }
        return hasPossibleLength(candidate.count) ? candidate : number
    }

    /// `_test_number_length(number, metadata)` is IS_POSSIBLE or TOO_LONG (not
    /// TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY or INVALID_LENGTH).
    func hasPossibleLength(_ length: Int) -> Bool {
        guard let lengths = general?.lengths, !lengths.isEmpty else { return false }
        if localOnlyLengths.contains(length) { return false }
        if length == lengths.minimum { return true }
        if length < lengths.minimum { return false }
        if length > lengths.maximum { return true }
        return lengths.contains(length)
    }
}

/// All calling codes with their regions, indexed by calling code.
final class PhoneMetadataTable: Sendable {
    /// libphonenumber's limits on a national significant number.
    static let minNationalLength = 2
    static let maxNationalLength = 17
    /// `_MAX_INPUT_STRING_LENGTH` of `parse()`, counted on `"+" + digits`.
    static let maxInputLength = 250

    /// Index = calling code (1...999); `[]` for a non-geographic calling code.
    let regionsByCallingCode: [[RegionMetadata]?]

    init(json: String) throws {
        let raw = try JSONDecoder().decode([RawCallingCode].self, from: Data(json.utf8))
        var table = [[RegionMetadata]?](repeating: nil, count: 1000)
        for code in raw {
            guard code.cc > 0 && code.cc < 1000 else {
                throw PhoneMetadataError(description: "bad calling code \(code.cc)")
            }
            table[code.cc] = try code.r.map(RegionMetadata.init(raw:))
            if let main = table[code.cc]?.first, main.general == nil {
                throw PhoneMetadataError(description: "no general desc for \(main.id)")
            }
        }
        regionsByCallingCode = table
    }

    /// `parse("+" + digits, None)` then `region_code_for_number`, minus "001".
    func region(forInternationalDigits digits: [UInt8]) -> String? {
        // "+" + fewer than 3 digits is not viable / too short after the IDD.
        guard digits.count >= 3, digits.count + 1 <= Self.maxInputLength else { return nil }
        // _extract_country_code: 1 to 3 digits, never starting with 0.
        var callingCode = 0
        var regions: [RegionMetadata]? = nil
        var codeLength = 0
        for index in 0..<3 {
            let digit = Int(digits[index]) - 0x30
            callingCode = callingCode * 10 + digit
            if callingCode == 0 { return nil }
            if let found = regionsByCallingCode[callingCode] {
                regions = found
                codeLength = index + 1
                break
            }
        }
        guard let regions, let main = regions.first else { return nil }  // unknown or 001
        let national = PhoneDigits(digits[codeLength...])
        guard national.count >= Self.minNationalLength else { return nil }
        let nsn = main.strippingNationalPrefix(national)
        guard nsn.count >= Self.minNationalLength, nsn.count <= Self.maxNationalLength else {
            return nil
        }
        if regions.count == 1 { return main.id }
        // _region_code_for_number_from_list
        for region in regions {
            if let leadingDigits = region.leadingDigits {
                if leadingDigits.matches(nsn) { return region.id }
            } else if region.hasKnownType(nsn) {
                return region.id
            }
        }
        return nil
    }
}

// MARK: - JSON format written by Sources/InsightsPhone/Scripts/generate_metadata.py

private struct RawDesc: Decodable {
    let p: String
    let l: [Int]
    let lo: [Int]?
}

private struct RawRegion: Decodable {
    let id: String
    let ld: String?
    let np: String?
    let nt: String?
    let g: RawDesc?
    let t: [RawDesc]?
}

private struct RawCallingCode: Decodable {
    let cc: Int
    let r: [RawRegion]
}

extension NumberDesc {
    fileprivate init(raw: RawDesc) throws {
        lengths = LengthSet(raw.l)
        pattern = try PhonePattern(raw.p, .whole)
    }
}

extension RegionMetadata {
    fileprivate convenience init(raw: RawRegion) throws {
        self.init(
            id: raw.id,
            leadingDigits: try raw.ld.map { try PhonePattern($0, .start) },
            nationalPrefixForParsing: try raw.np.map { try PhonePattern($0, .start) },
            nationalPrefixTransform: raw.nt.map(Self.parseTransform),
            general: try raw.g.map(NumberDesc.init(raw:)),
            localOnlyLengths: LengthSet(raw.g?.lo ?? []),
            types: try (raw.t ?? []).map(NumberDesc.init(raw:)))
    }

    /// Splits `"9$1"` into `[.literal("9"), .group(1)]`.
    private static func parseTransform(_ rule: String) -> [TransformPart] {
        var parts: [TransformPart] = []
        var literal = ""
        var iterator = rule.makeIterator()
        while let character = iterator.next() {
            if character == "$", let next = iterator.next() {
                if let index = next.wholeNumberValue, next.isASCII {
                    if !literal.isEmpty { parts.append(.literal(literal)) }
                    literal = ""
                    parts.append(.group(index))
                } else {
                    literal.append(character)
                    literal.append(next)
                }
            } else {
                literal.append(character)
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }
}
