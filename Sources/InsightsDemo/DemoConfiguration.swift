/// A calendar day (proleptic Gregorian), free of `DateComponents`, time zones and locales.
public struct DemoDate: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// Creates a day; nil when the month or day is out of range (e.g. 2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Civil.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, e.g. `2026-10-31`; nil when the text is not such a day.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Creates the day `epochDay` days after 1970-01-01.
    init(epochDay: Int64) {
        let (y, m, d) = Civil.date(fromEpochDay: epochDay)
        self.year = y
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (negative before it).
    var epochDay: Int64 { Civil.epochDay(year: year, month: month, day: day) }

    /// The day as `YYYY-MM-DD`.
    public var description: String {
        Civil.pad(year, 4) + "-" + Civil.pad(month, 2) + "-" + Civil.pad(day, 2)
    }

    /// Earlier days sort first.
    public static func < (lhs: DemoDate, rhs: DemoDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// What `DemoDataset.generate(_:)` makes: the seed, the span of history and the number of
/// people. The defaults give the demo helpline (about 3,000 contacts and 100,000 messages
/// from 2024-01-01 to 2026-10-31); tests shrink `contacts` and `days` for speed.
///
/// The service's local time is South Africa's (UTC+2, no daylight saving): each day of the
/// span runs from 00:00 to 24:00 at UTC+2, so the span in UTC is
/// `[first day − 1 22:00Z, endDate 22:00Z)`, exactly ``interval``.
public struct DemoConfiguration: Sendable, Equatable {
    /// The seed of the pseudo-random generator; the same configuration gives the same bytes.
    public var seed: UInt64
    /// The last day of data (local time, UTC+2).
    public var endDate: DemoDate
    /// The number of days of history, ending with `endDate` (at least 1).
    public var days: Int
    /// The number of contacts (people) to generate (at least 0).
    public var contacts: Int
    /// Whether `DemoDataset.files` also holds the newer record kinds (`message_statuses.csv`,
    /// `journey_runs.csv`, `journey_results.csv`). Default false, until the importer reads
    /// them; they are always in `DemoDataset.newKindFiles`.
    public var includesNewKinds: Bool

    /// The default last day of data: 2026-10-31.
    public static let defaultEndDate = DemoDate(epochDay: 20_757)  // 2026-10-31 (a test checks the text)
    /// The default number of days: 1,035, so that the history starts on 2024-01-01.
    public static let defaultDays = 1035
    /// The default number of contacts.
    public static let defaultContacts = 3000

    /// The offset of the service's local time from UTC, in seconds (UTC+2, South Africa).
    public static let utcOffsetSeconds: Int64 = 7200
    /// The instant legacy Automation and Threads were discontinued, 2024-06-30T00:00:00Z, in
    /// seconds since the epoch: `automation` and `thread` messages all come before it.
    public static let legacyCutoff: Int64 = Civil.epochDay(year: 2024, month: 6, day: 30) * 86_400
    /// The instant the helpline began exporting message statuses, 2025-05-01T00:00:00Z, in
    /// seconds since the epoch: only outbound messages from then on have statuses.
    public static let statusExportStart: Int64 = Civil.epochDay(year: 2025, month: 5, day: 1) * 86_400

    /// Creates a configuration.
    /// - Parameters:
    ///   - seed: the random seed (default 42).
    ///   - endDate: the last day of data (default 2026-10-31).
    ///   - days: days of history ending with `endDate` (default 1,035: from 2024-01-01); values
    ///     below 1 count as 1.
    ///   - contacts: the number of contacts (default 3,000); negative values count as 0.
    ///   - includesNewKinds: whether `DemoDataset.files` holds the newer record kinds too
    ///     (default false).
    public init(
        seed: UInt64 = 42, endDate: DemoDate = DemoConfiguration.defaultEndDate,
        days: Int = DemoConfiguration.defaultDays, contacts: Int = DemoConfiguration.defaultContacts,
        includesNewKinds: Bool = false
    ) {
        self.seed = seed
        self.endDate = endDate
        self.days = days
        self.contacts = contacts
        self.includesNewKinds = includesNewKinds
    }

    /// The first day of data (`days − 1` days before `endDate`).
    public var startDate: DemoDate {
        DemoDate(epochDay: endDate.epochDay - Int64(max(days, 1) - 1))
    }

    /// The span of the data in seconds since the epoch, UTC: from the first day's local
    /// midnight (UTC+2) up to, not including, the local midnight after `endDate`. Every
    /// timestamp generated lies in it.
    public var interval: Range<Int64> {
        let offset = DemoConfiguration.utcOffsetSeconds
        return (startDate.epochDay * 86_400 - offset)..<((endDate.epochDay + 1) * 86_400 - offset)
    }
}

/// Integer calendar arithmetic (Howard Hinnant's civil-date algorithms), UTC only.
enum Civil {
    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func epochDay(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day since 1970-01-01.
    static func date(fromEpochDay days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }

    /// The day of the week of a day since 1970-01-01: 0 = Sunday … 6 = Saturday.
    static func weekday(epochDay: Int64) -> Int {
        Int(((epochDay % 7) + 11) % 7)  // 1970-01-01 was a Thursday (4)
    }

    /// The number of days in a month.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// A non-negative number in decimal, left-padded with zeros to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
