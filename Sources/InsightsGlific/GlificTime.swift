import Foundation
import InsightsMetrics

/// Glific's DATETIMEs: a wall-clock time in the organisation's zone, with no offset
/// (`2026-10-05T09:30:00`, `2026-10-05 09:30:00.123456`), turned into instants.
///
/// Plain functions, not tied to file reading: a BigQuery view would use
/// `TIMESTAMP(datetime_column, zone)`, which reads a skipped time the same way (its repeated
/// times are to be checked against ``instant(wallClock:in:)`` on the emulator).
public enum GlificTime {
    /// Why a text is not a Glific DATETIME.
    public enum Problem: Error, Equatable, Sendable {
        /// Not `YYYY-MM-DD[T| ]HH:MM[:SS[.ffffff]]`.
        case malformed
        /// It carries a zone or an offset (`Z`, `+05:30`, ` UTC`), which Glific never writes.
        case hasZone
    }

    /// The wall-clock time of a DATETIME as microseconds since 1970-01-01T00:00 of the same
    /// calendar (the local time read as if it were UTC).
    public static func wallClock(_ text: String) -> Result<Int64, Problem> {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[from..<(from + count)] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            return value
        }
        guard bytes.count >= 16, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x20,
            bytes[13] == 0x3A, let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2)
        else { return .failure(.malformed) }
        var position = 16
        var second: Int64 = 0
        var micro: Int64 = 0
        if position < bytes.count, bytes[position] == 0x3A {
            guard let value = number(position + 1, 2) else { return .failure(.malformed) }
            second = value
            position += 3
            if position < bytes.count, bytes[position] == 0x2E {
                position += 1
                var digits = 0
                while position < bytes.count, (0x30...0x39).contains(bytes[position]) {
                    guard digits < 6 else { return .failure(.malformed) }
                    micro = micro * 10 + Int64(bytes[position] - 0x30)
                    digits += 1
                    position += 1
                }
                guard digits > 0 else { return .failure(.malformed) }
                for _ in digits..<6 { micro *= 10 }
            }
        }
        if position < bytes.count {
            let rest = String(decoding: bytes[position...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let zoned = rest == "Z" || rest == "UTC" || rest.hasPrefix("+") || rest.hasPrefix("-")
            return .failure(zoned ? .hasZone : .malformed)
        }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60,
            second < 60
        else { return .failure(.malformed) }
        let days = daysFromCivil(year: year, month: month, day: day)
        return .success(((days * 24 + hour) * 60 + minute) * 60 * 1_000_000 + second * 1_000_000 + micro)
    }

    /// The instant of a wall-clock time in `zone`.
    ///
    /// A time that happens once is that instant. A time that happens twice (the hour repeated
    /// when clocks go back) is the FIRST of them, the one with the offset before the change. A
    /// time that never happens (the hour skipped when clocks go forward) is read with the offset
    /// before the change, so it lands as far after the gap as it was into it (Europe/Berlin
    /// 2026-03-29 02:30 → 01:30Z, which is 03:30 CEST), as PostgreSQL and BigQuery read a
    /// skipped time (PostgreSQL takes the second of a repeated one).
    public static func instant(wallClock: Int64, in zone: TimeZone) -> Instant {
        let local = floorDivide(wallClock, 1_000_000)
        let fraction = wallClock - local * 1_000_000
        func offset(_ seconds: Int64) -> Int64 {
            Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
        let before = local - offset(local - 86_400)
        let after = local - offset(local + 86_400)
        let chosen: Int64
        if before + offset(before) == local {
            chosen = before
        } else if after + offset(after) == local {
            chosen = after
        } else {
            chosen = before
        }
        return chosen * 1_000_000 + fraction
    }

    /// The instant of a Glific DATETIME text in `zone`.
    public static func instant(_ text: String, in zone: TimeZone) -> Result<Instant, Problem> {
        wallClock(text).map { instant(wallClock: $0, in: zone) }
    }

    /// What a text that is not a DATETIME is told.
    static func reason(_ problem: Problem, column: String, text: String) -> String {
        switch problem {
        case .malformed:
            "\(column) \"\(text)\" is not a Glific DATETIME (YYYY-MM-DDTHH:MM:SS, as bq extract writes it)"
        case .hasZone:
            "\(column) \"\(text)\" has a zone or an offset, which Glific's DATETIMEs never have: these are not "
                + "Glific's tables as exported, or were changed"
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
