import Foundation

/// Microseconds since 1970-01-01T00:00:00Z: how every instant is stored and compared.
public typealias Instant = Int64

/// Microseconds in one second.
public let microsecondsPerSecond: Int64 = 1_000_000

/// The time zone a report is computed in, and the local day, hour and weekday of instants.
///
/// All buckets are local to `timeZone`, daylight-saving changes included. The UTC offset of
/// an instant comes from the zone's own rules (`TimeZone.secondsFromGMT(for:)`); offsets
/// are cached per quarter hour, and looked up exactly inside a quarter hour that holds a
/// change of offset, so a day can have 23 or 25 hours and buckets stay exact.
public struct ReportCalendar: Sendable {
    /// The report's zone.
    public let timeZone: TimeZone
    /// The zone's name as it was given, shown in reports: `UTC` stays `UTC`, although
    /// Foundation on Linux names that zone `GMT` (`TimeZone(identifier: "UTC")?.identifier`).
    public let identifier: String
    private let calendar: Calendar
    private let cache: OffsetCache?

    /// Creates a calendar for a zone; `window` (instants) is the span whose offsets are cached.
    ///
    /// - Parameter identifier: the zone's name to show (default: `timeZone.identifier`).
    public init(timeZone: TimeZone, window: Range<Instant>? = nil, identifier: String? = nil) {
        self.timeZone = timeZone
        self.identifier = identifier ?? timeZone.identifier
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        self.cache = window.map { OffsetCache(timeZone: timeZone, window: $0) }
    }

    /// Creates a calendar from an IANA zone name; nil when the zone is unknown.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(timeZone: zone, identifier: identifier)
    }

    /// A copy that caches offsets over `window` (use it before bucketing many instants).
    public func caching(_ window: Range<Instant>) -> ReportCalendar {
        ReportCalendar(timeZone: timeZone, window: window, identifier: identifier)
    }

    /// The UTC offset in seconds at an instant.
    public func offsetSeconds(at instant: Instant) -> Int64 {
        if let offset = cache?.offset(at: instant) { return offset }
        return exactOffset(timeZone, instant)
    }

    /// Seconds since 1970-01-01T00:00 local time (local wall clock read as if it were UTC).
    public func localSeconds(at instant: Instant) -> Int64 {
        floorDiv(instant, microsecondsPerSecond) + offsetSeconds(at: instant)
    }

    /// The local date of an instant.
    public func localDate(at instant: Instant) -> LocalDate {
        LocalDate(dayNumber: floorDiv(localSeconds(at: instant), 86_400))
    }

    /// The local weekday (0 = Monday) and hour (0–23) of an instant.
    public func weekdayAndHour(at instant: Instant) -> (weekday: Int, hour: Int) {
        let local = localSeconds(at: instant)
        let date = LocalDate(dayNumber: floorDiv(local, 86_400))
        let hour = Int((local - date.dayNumber * 86_400) / 3600)
        return (date.weekdayFromMonday, hour)
    }

    /// The first instant of a local date (its midnight, or the first existing moment after
    /// it when a daylight-saving change skips midnight).
    public func startOfDay(_ date: LocalDate) -> Instant {
        let (year, month, day) = date.components
        let noon = DateComponents(year: year, month: month, day: day, hour: 12)
        guard let middle = calendar.date(from: noon) else {
            // Unreachable for real dates; fall back to the zone's offset at UTC midnight.
            let utc = date.dayNumber * 86_400
            return (utc - Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utc)))))
                * microsecondsPerSecond
        }
        let start = calendar.startOfDay(for: middle)
        return Int64((start.timeIntervalSince1970).rounded()) * microsecondsPerSecond
    }
}

private func exactOffset(_ zone: TimeZone, _ instant: Instant) -> Int64 {
    let seconds = Double(floorDiv(instant, microsecondsPerSecond))
    return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds)))
}

/// Floor division for possibly negative numbers.
@inlinable public func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

/// UTC offsets of a zone at every quarter hour of a window.
private final class OffsetCache: Sendable {
    static let slot: Int64 = 900 * microsecondsPerSecond
    let zone: TimeZone
    let base: Instant
    let offsets: [Int64]

    init(timeZone: TimeZone, window: Range<Instant>) {
        zone = timeZone
        let start = floorDiv(window.lowerBound, OffsetCache.slot) * OffsetCache.slot
        let count = Int(floorDiv(window.upperBound - start, OffsetCache.slot)) + 2
        base = start
        offsets = (0..<max(count, 1)).map { exactOffset(timeZone, start + Int64($0) * OffsetCache.slot) }
    }

    func offset(at instant: Instant) -> Int64? {
        guard instant >= base else { return nil }
        let index = Int((instant - base) / Self.slot)
        guard index + 1 < offsets.count else { return nil }
        let offset = offsets[index]
        // A change of offset inside this quarter hour: look the instant up exactly.
        return offset == offsets[index + 1] ? offset : exactOffset(zone, instant)
    }
}
