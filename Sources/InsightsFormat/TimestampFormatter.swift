import InsightsMetrics

/// Writes instants as the RFC 3339 timestamps the importer's `TimestampParser` reads back
/// exactly.
public enum TimestampFormatter {
    /// `2026-10-03T12:05:00Z`, `…:00.123Z` or `…:00.123456Z`: UTC, with as many fractional
    /// digits as the instant (microseconds since the epoch) needs (0, 3 or 6).
    ///
    /// An instant after 9999-12-31T23:59:59Z (only reachable through 12-digit epoch seconds)
    /// has no RFC 3339 form and is written as epoch seconds, which is how it was read.
    public static func string(_ instant: Int64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(27)
        append(instant, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the text of `string(_:)` to `bytes`.
    public static func append(_ instant: Int64, to bytes: inout [UInt8]) {
        let perSecond: Int64 = 1_000_000
        let seconds = floorDiv(instant, perSecond)
        let micros = instant - seconds * perSecond
        let dayNumber = floorDiv(seconds, 86_400)
        let (year, month, day) = LocalDate(dayNumber: dayNumber).components
        if !(0...9999).contains(year), micros == 0, seconds >= 0 {
            bytes.append(contentsOf: String(seconds).utf8)
            return
        }
        let clock = Int(seconds - dayNumber * 86_400)
        digits(year, 4, &bytes)
        bytes.append(0x2D)
        digits(month, 2, &bytes)
        bytes.append(0x2D)
        digits(day, 2, &bytes)
        bytes.append(0x54)
        digits(clock / 3600, 2, &bytes)
        bytes.append(0x3A)
        digits(clock / 60 % 60, 2, &bytes)
        bytes.append(0x3A)
        digits(clock % 60, 2, &bytes)
        if micros != 0 {
            bytes.append(0x2E)
            if micros % 1000 == 0 { digits(Int(micros / 1000), 3, &bytes) } else { digits(Int(micros), 6, &bytes) }
        }
        bytes.append(0x5A)
    }

    /// `value` in decimal with at least `width` digits (zeros in front); a negative year
    /// keeps its sign. Digit by digit, without making a `String` (six per timestamp; an export
    /// writes millions).
    private static func digits(_ value: Int, _ width: Int, _ bytes: inout [UInt8]) {
        guard value >= 0 else {
            let text = String(value)
            if text.count < width { bytes.append(contentsOf: repeatElement(0x30, count: width - text.count)) }
            bytes.append(contentsOf: text.utf8)
            return
        }
        var divisor = 1
        for _ in 1..<max(width, 1) { divisor *= 10 }
        while value / divisor >= 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(0x30 + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
