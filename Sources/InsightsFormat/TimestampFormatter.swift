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
        let seconds = floorDivide(instant, perSecond)
        let micros = instant - seconds * perSecond
        let dayNumber = floorDivide(seconds, 86_400)
        let (year, month, day) = civil(dayNumber)
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
    /// keeps its sign.
    private static func digits(_ value: Int, _ width: Int, _ bytes: inout [UInt8]) {
        let text = String(value)
        if text.count < width { bytes.append(contentsOf: repeatElement(0x30, count: width - text.count)) }
        bytes.append(contentsOf: text.utf8)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    /// Year, month and day of a day number (days since 1970-01-01; Howard Hinnant's
    /// civil_from_days).
    private static func civil(_ dayNumber: Int64) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
