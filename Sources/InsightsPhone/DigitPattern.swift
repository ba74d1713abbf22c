/// A libphonenumber pattern as a tree, matched against digit strings of which only a part is
/// known: what `PhonePrefixTable` needs to find where a number's region is decided.
///
/// The metadata's patterns use only digits, `\d`, classes of digits (`[2-79]`), groups
/// (`(…)`, `(?:…)`), alternation, the greedy quantifiers `?`, `{n}` and `{n,m}`, and `$`; a
/// pattern with anything else is refused. Matching follows a backtracking engine's order
/// (ICU's, as `NSRegularExpression` has it): alternatives left to right, quantifiers greedy.
indirect enum DigitPattern: Sendable {
    /// One digit out of a set (bit `d` set: digit `d` matches).
    case digit(UInt16)
    /// The parts one after another.
    case sequence([DigitPattern])
    /// The first alternative that leads to a match.
    case choice([DigitPattern])
    /// A capturing group (numbered from 1 by its opening parenthesis).
    case group(Int, DigitPattern)
    /// `min` to `max` repetitions, as many as possible first.
    case repeated(DigitPattern, min: Int, max: Int)
    /// `$`: the end of the input.
    case end

    /// Every digit.
    static let anyDigit: UInt16 = 0x3FF

    /// The most digits a match can take.
    var maximumLength: Int {
        switch self {
        case .digit: 1
        case .sequence(let parts): parts.reduce(0) { $0 + $1.maximumLength }
        case .choice(let options): options.map(\.maximumLength).max() ?? 0
        case .group(_, let inner): inner.maximumLength
        case .repeated(let inner, _, let max): inner.maximumLength * max
        case .end: 0
        }
    }
}

/// A pattern with its number of capturing groups.
struct ParsedDigitPattern: Sendable {
    let pattern: DigitPattern
    let groupCount: Int

    /// Parses a metadata pattern; throws for syntax outside the subset `DigitPattern` knows.
    init(_ source: String) throws {
        var parser = DigitPatternParser(source)
        pattern = try parser.parse()
        groupCount = parser.groups
    }
}

/// A recursive-descent parser of the patterns' subset of ICU regular expressions.
private struct DigitPatternParser {
    let source: String
    let characters: [Character]
    var index = 0
    var groups = 0

    init(_ source: String) {
        self.source = source
        characters = Array(source)
    }

    private func failure(_ reason: String) -> PhoneMetadataError {
        PhoneMetadataError(description: "pattern \(source): \(reason) at offset \(index)")
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }

    mutating func parse() throws -> DigitPattern {
        let pattern = try choice()
        guard current == nil else { throw failure("unexpected \(String(describing: current))") }
        return pattern
    }

    private mutating func choice() throws -> DigitPattern {
        var options = [try sequence()]
        while current == "|" {
            index += 1
            options.append(try sequence())
        }
        return options.count == 1 ? options[0] : .choice(options)
    }

    private mutating func sequence() throws -> DigitPattern {
        var parts: [DigitPattern] = []
        while let character = current, character != "|", character != ")" {
            var part = try atom()
            while let (min, max) = try quantifier() {
                part = .repeated(part, min: min, max: max)
            }
            parts.append(part)
        }
        return parts.count == 1 ? parts[0] : .sequence(parts)
    }

    private mutating func atom() throws -> DigitPattern {
        guard let character = current else { throw failure("pattern ends early") }
        index += 1
        if let digit = character.wholeNumberValue, character.isASCII {
            return .digit(1 << UInt16(digit))
        }
        switch character {
        case "\\":
            guard current == "d" else { throw failure("unknown escape") }
            index += 1
            return .digit(DigitPattern.anyDigit)
        case "$":
            return .end
        case "[":
            return .digit(try digitClass())
        case "(":
            var number = 0
            if current == "?" {
                guard index + 1 < characters.count, characters[index + 1] == ":" else {
                    throw failure("unknown group kind")
                }
                index += 2
            } else {
                groups += 1
                number = groups
            }
            let inner = try choice()
            guard current == ")" else { throw failure("unclosed group") }
            index += 1
            return number == 0 ? inner : .group(number, inner)
        default:
            throw failure("unsupported \(character)")
        }
    }

    /// The digits of `[…]` (the `[` already read).
    private mutating func digitClass() throws -> UInt16 {
        var mask: UInt16 = 0
        while let character = current, character != "]" {
            index += 1
            if character == "\\" {
                guard current == "d" else { throw failure("unknown escape in a class") }
                index += 1
                mask |= DigitPattern.anyDigit
                continue
            }
            guard let low = character.wholeNumberValue, character.isASCII else {
                throw failure("unsupported \(character) in a class")
            }
            var high = low
            if current == "-", index + 1 < characters.count, let end = characters[index + 1].wholeNumberValue {
                high = end
                index += 2
            }
            guard low <= high else { throw failure("empty range") }
            for digit in low...high { mask |= 1 << UInt16(digit) }
        }
        guard current == "]" else { throw failure("unclosed class") }
        index += 1
        return mask
    }

    private mutating func quantifier() throws -> (Int, Int)? {
        switch current {
        case "?":
            index += 1
            return (0, 1)
        case "{":
            index += 1
            let min = number()
            var max = min
            if current == "," {
                index += 1
                max = number()
            }
            guard current == "}", let min, let max, min <= max else { throw failure("bad {n,m}") }
            index += 1
            return (min, max)
        default:
            return nil
        }
    }

    private mutating func number() -> Int? {
        var value: Int?
        while let character = current, let digit = character.wholeNumberValue, character.isASCII {
            value = (value ?? 0) * 10 + digit
            index += 1
        }
        return value
    }
}

/// Three-valued truth: what a question about a partly known number can answer.
enum Decided: Equatable {
    case yes
    case no
    case unknown
}

/// A partly known digit string: digits `0…9`, or `-1` for a digit not known yet (it may be any).
typealias PartialDigits = [Int8]

/// Matches a `DigitPattern` against `PartialDigits` by backtracking. A step that needs an
/// unknown digit to be in a set that is not every digit cannot be taken or refused: it
/// answers `.unknown`.
final class PartialMatcher {
    /// Whether the first path to succeed decides (a `firstMatch`, whose groups matter) or any
    /// path does (a yes/no question).
    private let firstPathDecides: Bool
    private let input: PartialDigits
    /// Per group (index 0 unused): the digits it took on the current path.
    private(set) var groups: [Range<Int>?]

    private enum Step {
        case success
        case failure
        case unknown
    }

    private init(_ input: PartialDigits, groups: Int, firstPathDecides: Bool) {
        self.input = input
        self.firstPathDecides = firstPathDecides
        self.groups = Array(repeating: nil, count: groups + 1)
    }

    /// Whether `pattern` matches the whole input.
    static func matchesWhole(_ pattern: DigitPattern, _ input: PartialDigits) -> Decided {
        let matcher = PartialMatcher(input, groups: 0, firstPathDecides: false)
        return matcher.decided(matcher.match(pattern, 0) { $0 == input.count ? .success : .failure })
    }

    /// Whether `pattern` matches a start of the input.
    static func matchesStart(_ pattern: DigitPattern, _ input: PartialDigits) -> Decided {
        let matcher = PartialMatcher(input, groups: 0, firstPathDecides: false)
        return matcher.decided(matcher.match(pattern, 0) { _ in .success })
    }

    /// The first match at the start of the input, as a backtracking engine finds it: `nil`
    /// when it depends on unknown digits, else the end of the match and its groups (or no match).
    static func firstMatch(
        _ pattern: ParsedDigitPattern, _ input: PartialDigits
    ) -> (found: Bool, end: Int, groups: [Range<Int>?])? {
        let matcher = PartialMatcher(input, groups: pattern.groupCount, firstPathDecides: true)
        var end = 0
        var groups: [Range<Int>?] = []
        switch matcher.match(
            pattern.pattern, 0,
            { position in
                end = position
                groups = matcher.groups
                return .success
            })
        {
        case .success: return (true, end, groups)
        case .failure: return (false, 0, [])
        case .unknown: return nil
        }
    }

    private func decided(_ step: Step) -> Decided {
        switch step {
        case .success: .yes
        case .failure: .no
        case .unknown: .unknown
        }
    }

    /// Tries `pattern` at `position`, then `next` after it; the first success wins.
    private func match(_ pattern: DigitPattern, _ position: Int, _ next: (Int) -> Step) -> Step {
        switch pattern {
        case .digit(let mask):
            guard position < input.count else { return .failure }
            let digit = input[position]
            if digit < 0 {
                if mask == DigitPattern.anyDigit { return next(position + 1) }
                return mask == 0 ? .failure : .unknown
            }
            return mask & (1 << UInt16(digit)) != 0 ? next(position + 1) : .failure
        case .end:
            return position == input.count ? next(position) : .failure
        case .sequence(let parts):
            return sequence(parts[...], position, next)
        case .choice(let options):
            var unknown = false
            for option in options {
                switch match(option, position, next) {
                case .success: return .success
                case .unknown:
                    if firstPathDecides { return .unknown }
                    unknown = true
                case .failure: continue
                }
            }
            return unknown ? .unknown : .failure
        case .group(let number, let inner):
            let saved = groups[number]
            let step = match(inner, position) { end in
                let before = self.groups[number]
                self.groups[number] = position..<end
                let step = next(end)
                if step != .success { self.groups[number] = before }
                return step
            }
            if step != .success { groups[number] = saved }
            return step
        case .repeated(let inner, let min, let max):
            return repeated(inner, min: min, max: max, count: 0, position, next)
        }
    }

    private func sequence(_ parts: ArraySlice<DigitPattern>, _ position: Int, _ next: (Int) -> Step) -> Step {
        guard let first = parts.first else { return next(position) }
        return match(first, position) { self.sequence(parts.dropFirst(), $0, next) }
    }

    private func repeated(
        _ inner: DigitPattern, min: Int, max: Int, count: Int, _ position: Int, _ next: (Int) -> Step
    ) -> Step {
        var unknown = false
        if count < max {
            switch match(inner, position, { self.repeated(inner, min: min, max: max, count: count + 1, $0, next) }) {
            case .success: return .success
            case .unknown:
                if firstPathDecides { return .unknown }
                unknown = true
            case .failure: break
            }
        }
        if count >= min {
            let step = next(position)
            if step == .success || firstPathDecides { return step }
            if step == .unknown { unknown = true }
        }
        return unknown ? .unknown : .failure
    }
}
