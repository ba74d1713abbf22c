import Foundation
import InsightsMetrics

/// Parses the timestamp forms of DATA.md into instants (microseconds since the epoch, UTC).
///
/// Accepted: RFC 3339 / ISO 8601 with `Z` or an offset (`2026-10-03T14:05:00+02:00`,
/// `2026-10-03T12:05:00.123Z`), BigQuery's `2026-10-03 12:05:00[.123456] UTC`, and Unix
/// epoch seconds (up to 12 digits) or milliseconds (13 digits). A date-time with no offset is
/// read in `assumedTimeZone` when one is given, and is an error otherwise.
public struct TimestampParser: Sendable {
    /// The zone for timestamps that carry no offset (`--assume-timezone`); nil rejects them.
    public let assumedTimeZone: TimeZone?

    /// Creates a parser.
    public init(assumedTimeZone: TimeZone? = nil) {
        self.assumedTimeZone = assumedTimeZone
    }

    /// The instant of a timestamp, or the reason it is not one.
    public func parse(_ text: String) -> Result<Instant, TimestampError> {
        // Native strings are contiguous UTF-8: read them in place, without a copy.
        if let result = text.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0) }) { return result }
        return Array(text.utf8).withUnsafeBufferPointer { parse(bytes: $0) }
    }

    /// The instant of a timestamp given as UTF-8 bytes, or the reason it is not one.
    func parse(bytes all: UnsafeBufferPointer<UInt8>) -> Result<Instant, TimestampError> {
        var lower = 0
        var upper = all.count
        while upper > lower, all[upper - 1] == 0x20 || all[upper - 1] == 0x09 { upper -= 1 }
        while lower < upper, all[lower] == 0x20 || all[lower] == 0x09 { lower += 1 }
        guard lower < upper else { return .failure(.malformed) }
        let bytes = UnsafeBufferPointer(rebasing: all[lower..<upper])
        let result: Result<Instant, TimestampError>
        if bytes.allSatisfy(isDigit) {
            result = epoch(bytes)
        } else if let instant = Self.commonRFC3339(bytes) {
            result = .success(instant)
        } else {
            result = parseDateTime(bytes)
        }
        if case .success(let instant) = result, !Self.range.contains(instant) { return .failure(.beyondRange) }
        return result
    }

    /// The instants accepted: 1970-01-01T00:00Z up to (not including) 2200-01-01T00:00Z. Outside
    /// it a value is a typo or a misread unit (a 12-digit epoch read as seconds is in year
    /// 33658), and would stretch the default period and the archive across millennia.
    public static let range: Range<Instant> = 0..<(7_258_118_400 * microsecondsPerSecond)

    /// Unix epoch seconds (up to 12 digits) or milliseconds (13 digits). Longer runs of
    /// digits are an `epochDigits` error when they fit an `Int64`, else malformed (as
    /// `Int64(text)` decides).
    private func epoch(_ digits: UnsafeBufferPointer<UInt8>) -> Result<Instant, TimestampError> {
        var value: Int64 = 0
        for digit in digits {
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(digit - 0x30))
            guard !overflow, !overflow2 else { return .failure(.malformed) }
            value = sum
        }
        switch digits.count {
        case ...12: return .success(value * microsecondsPerSecond)
        case 13: return .success(value * 1000)
        default: return .failure(.epochDigits(digits.count))
        }
    }

    /// The common RFC 3339 form `YYYY-MM-DDTHH:MM:SS`, an optional `.` fraction of any
    /// length (the first 6 digits count), then `Z` or `±HH:MM`, when every field is in range;
    /// nil for anything else, which `parseDateTime` then reads or rejects with its reason.
    /// A shortcut only: on the texts it accepts it gives what `parseDateTime` gives.
    static func commonRFC3339(_ b: UnsafeBufferPointer<UInt8>) -> Instant? {
        let count = b.count
        guard count >= 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A else { return nil }
        @inline(__always) func two(_ at: Int) -> Int64? {
            let tens = b[at] &- 0x30
            let ones = b[at + 1] &- 0x30
            guard tens < 10, ones < 10 else { return nil }
            return Int64(tens) * 10 + Int64(ones)
        }
        guard let century = two(0), let yearInCentury = two(2), let month = two(5), let day = two(8),
            let hour = two(11), let minute = two(14), let second = two(17)
        else { return nil }
        let year = century * 100 + yearInCentury
        var i = 19
        var micros: Int64 = 0
        if b[i] == 0x2E {
            i += 1
            var digits = 0
            while i < count, isDigit(b[i]) {
                if digits < 6 { micros = micros * 10 + Int64(b[i] - 0x30) }
                digits += 1
                i += 1
            }
            guard digits > 0, i < count else { return nil }
            if digits < 6 { for _ in digits..<6 { micros *= 10 } }
        }
        let offset: Int64
        if b[i] == 0x5A, i + 1 == count {
            offset = 0
        } else if b[i] == 0x2B || b[i] == 0x2D, i + 6 == count, b[i + 3] == 0x3A,
            let hours = two(i + 1), let minutes = two(i + 4), hours < 24, minutes < 60
        {
            offset = (b[i] == 0x2D ? -1 : 1) * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard month >= 1, month <= 12, day >= 1, day <= Int64(LocalDate.daysIn(month: Int(month), year: Int(year))),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let days = LocalDate.daysFromCivil(year: year, month: month, day: day)
        let wall = days * 86_400 + hour * 3600 + minute * 60 + second
        return (wall - offset) * microsecondsPerSecond + micros
    }

    /// Every accepted date-time form, and the reason for any other text.
    func parseDateTime(_ b: UnsafeBufferPointer<UInt8>) -> Result<Instant, TimestampError> {
        var i = 0
        func number(_ width: Int) -> Int64? {
            guard i + width <= b.count else { return nil }
            var value: Int64 = 0
            for k in i..<(i + width) {
                guard isDigit(b[k]) else { return nil }
                value = value * 10 + Int64(b[k] - 0x30)
            }
            i += width
            return value
        }
        func expect(_ first: UInt8, _ second: UInt8? = nil, _ third: UInt8? = nil) -> Bool {
            guard i < b.count, b[i] == first || b[i] == second || b[i] == third else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2),
            expect(0x54, 0x74, 0x20), let hour = number(2), expect(0x3A), let minute = number(2),
            expect(0x3A), let second = number(2)
        else { return .failure(.malformed) }
        var micros: Int64 = 0
        if i < b.count, b[i] == 0x2E || b[i] == 0x2C {
            i += 1
            var digits = 0
            while i < b.count, isDigit(b[i]) {
                if digits < 6 { micros = micros * 10 + Int64(b[i] - 0x30) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return .failure(.malformed) }
            if digits < 6 { for _ in digits..<6 { micros *= 10 } }
        }
        guard (1...12).contains(month), day >= 1, day <= Int64(LocalDate.daysIn(month: Int(month), year: Int(year))),
            hour < 24, minute < 60, second < 60
        else { return .failure(.outOfRange) }
        let days = LocalDate.daysFromCivil(year: year, month: month, day: day)
        let wall = days * 86_400 + hour * 3600 + minute * 60 + second
        // The zone designator.
        var offset: Int64?
        if i == b.count {
            offset = nil
        } else if b[i] == 0x5A || b[i] == 0x7A, i + 1 == b.count {  // Z
            offset = 0
        } else if b[i] == 0x20 || b[i] == 0x2B || b[i] == 0x2D {
            if b[i] == 0x20 {
                i += 1
                let rest = UnsafeBufferPointer(rebasing: b[i...])
                if rest.elementsEqual("UTC".utf8) || rest.elementsEqual("Z".utf8) || rest.elementsEqual("+00:00".utf8)
                    || rest.elementsEqual("GMT".utf8)
                {
                    offset = 0
                    i = b.count
                } else if rest.first == 0x2B || rest.first == 0x2D {
                    // "2026-10-03 12:05:00 +02:00": fall through to the signed offset.
                } else {
                    return .failure(.malformed)
                }
            }
            if offset == nil {
                let negative = b[i] == 0x2D
                i += 1
                guard let hours = number(2) else { return .failure(.malformed) }
                var minutes: Int64 = 0
                if i < b.count {
                    _ = expect(0x3A)
                    guard let m = number(2) else { return .failure(.malformed) }
                    minutes = m
                }
                guard i == b.count, hours < 24, minutes < 60 else { return .failure(.malformed) }
                let value = hours * 3600 + minutes * 60
                offset = negative ? -value : value
            }
        } else {
            return .failure(.malformed)
        }
        if let offset {
            return .success((wall - offset) * microsecondsPerSecond + micros)
        }
        guard let zone = assumedTimeZone else { return .failure(.noOffset) }
        return .success(instant(wallSeconds: wall, in: zone) * microsecondsPerSecond + micros)
    }
}

/// The instant whose local wall-clock time in `zone` is `wall` (seconds, read as UTC). In a
/// gap (spring forward) the offset before the gap is used; in an overlap, the first instant.
func instant(wallSeconds wall: Int64, in zone: TimeZone) -> Int64 {
    let before = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wall - 86_400))))
    let after = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wall + 86_400))))
    for offset in [before, after] {
        let candidate = wall - offset
        if Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(candidate)))) == offset {
            return candidate
        }
    }
    return wall - before
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

/// Why a text is not a timestamp.
public enum TimestampError: Error, Equatable, Sendable {
    /// Not one of the accepted forms.
    case malformed
    /// A field (month, day, hour …) out of range.
    case outOfRange
    /// A date-time with no offset and no `--assume-timezone`.
    case noOffset
    /// All digits, but neither seconds (≤ 12 digits) nor milliseconds (13 digits).
    case epochDigits(Int)
    /// A valid timestamp outside ``TimestampParser/range`` (1970-01-01 … 2200-01-01).
    case beyondRange
}

extension TimestampError {
    /// Why a text is not a timestamp, as the end of a row's message (`"…" has no time zone
    /// (…)`), with the hints of the format at hand for a malformed text and a missing zone.
    public func reason(malformedHint: String, noOffsetHint: String) -> String {
        switch self {
        case .malformed: "is not a timestamp (\(malformedHint))"
        case .outOfRange: "has a month, day or time out of range"
        case .noOffset: "has no time zone (\(noOffsetHint))"
        case .epochDigits(let count): "has \(count) digits: epoch seconds have up to 12 digits, milliseconds 13"
        case .beyondRange:
            "is outside 1970-01-01 … 2200-01-01 (a typo, or epoch milliseconds or microseconds read as seconds?)"
        }
    }
}
