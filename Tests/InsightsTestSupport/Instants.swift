import Foundation
import InsightsMetrics

/// The instant of a UTC date-time written `YYYY-MM-DDTHH:MM:SS` (seconds optional).
public func utc(_ text: String) -> Instant {
    let (date, seconds) = splitDateTime(text)
    return (date.dayNumber * 86_400 + seconds) * microsecondsPerSecond
}

/// The instant at which the wall clock in `zone` shows `YYYY-MM-DDTHH:MM[:SS]`; in an
/// ambiguous hour (clocks going back), the first of the two.
public func local(_ text: String, _ zone: String) -> Instant {
    let (date, seconds) = splitDateTime(text)
    let wall = date.dayNumber * 86_400 + seconds
    guard let timeZone = TimeZone(identifier: zone) else { fatalError("unknown zone \(zone)") }
    let candidates = [wall - 86_400, wall + 86_400].map {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double($0))))
    }
    for offset in candidates.sorted(by: >)
    where
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wall - offset)))) == offset
    {
        return (wall - offset) * microsecondsPerSecond
    }
    fatalError("\(text) does not exist in \(zone)")
}

/// A date written `YYYY-MM-DD`.
public func day(_ text: String) -> LocalDate {
    guard let date = LocalDate(iso: text) else { fatalError("bad date \(text)") }
    return date
}

/// A period of whole days, both inclusive.
public func period(_ from: String, _ to: String) -> ReportPeriod {
    guard let period = ReportPeriod(from: day(from), to: day(to)) else { fatalError("bad period") }
    return period
}

/// A calendar for a zone name.
public func zone(_ identifier: String) -> ReportCalendar {
    guard let calendar = ReportCalendar(identifier: identifier) else { fatalError("unknown zone \(identifier)") }
    return calendar
}

private func splitDateTime(_ text: String) -> (LocalDate, Int64) {
    let parts = text.split(separator: "T")
    let date = day(String(parts[0]))
    let clock = parts.count > 1 ? parts[1].split(separator: ":").compactMap { Int64($0) } : []
    let hours = clock.count > 0 ? clock[0] : 0
    let minutes = clock.count > 1 ? clock[1] : 0
    let seconds = clock.count > 2 ? clock[2] : 0
    return (date, hours * 3600 + minutes * 60 + seconds)
}
