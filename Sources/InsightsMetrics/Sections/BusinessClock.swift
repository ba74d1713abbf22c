/// Business hours bound to a report's zone: measures how much of an interval lies inside them.
///
/// Between two changes of the zone's UTC offset, local wall-clock time runs at the pace of
/// real time, so the business time of such a piece is the difference of a weekly running
/// total of open time taken at the piece's two local wall-clock readings. The clock finds the
/// offset changes of a window once (sampling the offset every three hours and bisecting to the
/// second) and then measures each interval in O(log changes + pieces), however many days it
/// spans. A day with a change of offset counts what its wall clock shows: 23 or 25 hours of
/// `00:00-24:00`, an hour of the window skipped or repeated.
public struct BusinessClock: Sendable {
    /// The opening hours.
    public let hours: BusinessHours
    /// The zone they are local to.
    public let calendar: ReportCalendar
    /// The instants whose offset changes were looked up.
    public let window: Range<Instant>
    /// The instants in `window` at which the UTC offset changes, in order.
    let changes: [Instant]
    /// Per weekday (Monday first): open microseconds of the whole days before it in the week.
    private let weekPrefix: [Int64]
    /// Open microseconds of a whole week.
    private let weekTotal: Int64

    private static let day: Int64 = 86_400 * microsecondsPerSecond
    private static let minute: Int64 = 60 * microsecondsPerSecond
    private static let sampleStep: Int64 = 3 * 3_600 * microsecondsPerSecond

    /// Prepares the clock for intervals inside `window` (others are measured too, looking up
    /// their offset changes each time).
    public init(hours: BusinessHours, calendar: ReportCalendar, window: Range<Instant>) {
        self.hours = hours
        self.calendar = calendar
        self.window = window
        self.changes = Self.offsetChanges(in: window, calendar: calendar)
        var prefix: [Int64] = []
        var total: Int64 = 0
        for weekday in 0..<7 {
            prefix.append(total)
            total += hours.windows[weekday].reduce(0) { $0 + Int64($1.count) * Self.minute }
        }
        self.weekPrefix = prefix
        self.weekTotal = total
    }

    /// The microseconds of `[start, end)` inside business hours (0 when `end` is not after
    /// `start`).
    public func businessMicroseconds(from start: Instant, to end: Instant) -> Int64 {
        guard start < end else { return 0 }
        let inWindow = window.lowerBound <= start && end <= window.upperBound
        let changes = inWindow ? self.changes : Self.offsetChanges(in: start..<end, calendar: calendar)
        // The first change after `start`; the pieces are cut at the changes before `end`.
        var next = firstIndex(after: start, in: changes)
        var pieceStart = start
        var total: Int64 = 0
        while pieceStart < end {
            let pieceEnd = next < changes.count && changes[next] < end ? changes[next] : end
            let offset = calendar.offsetSeconds(at: pieceStart) * microsecondsPerSecond
            total += openBefore(localMicroseconds: pieceEnd + offset) - openBefore(localMicroseconds: pieceStart + offset)
            pieceStart = pieceEnd
            next += 1
        }
        return total
    }

    /// Open microseconds from a fixed Monday midnight to a local wall-clock reading
    /// (microseconds since 1970-01-01T00:00 local, read as if UTC); may be negative.
    private func openBefore(localMicroseconds local: Int64) -> Int64 {
        let dayNumber = floorDiv(local, Self.day)
        let intoDay = local - dayNumber * Self.day
        // Day number 4 (1970-01-05) is a Monday.
        let sinceMonday = dayNumber - 4
        let weeks = floorDiv(sinceMonday, 7)
        let weekday = Int(sinceMonday - weeks * 7)
        var total = weeks * weekTotal + weekPrefix[weekday]
        for range in hours.windows[weekday] {
            let lower = Int64(range.lowerBound) * Self.minute
            let upper = Int64(range.upperBound) * Self.minute
            total += max(0, min(intoDay, upper) - lower)
        }
        return total
    }

    private func firstIndex(after instant: Instant, in changes: [Instant]) -> Int {
        var low = 0
        var high = changes.count
        while low < high {
            let middle = (low + high) / 2
            if changes[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The instants (whole seconds) in a range at which the offset differs from the second
    /// before.
    private static func offsetChanges(in range: Range<Instant>, calendar: ReportCalendar) -> [Instant] {
        guard !range.isEmpty else { return [] }
        var changes: [Instant] = []
        var previous = range.lowerBound
        var previousOffset = calendar.offsetSeconds(at: previous)
        while previous < range.upperBound {
            let next = min(previous + sampleStep, range.upperBound)
            let nextOffset = calendar.offsetSeconds(at: next)
            if nextOffset != previousOffset {
                // Bisect over whole seconds: `low` has the old offset, `high` the new one.
                var low = floorDiv(previous, microsecondsPerSecond)
                var high = floorDiv(next, microsecondsPerSecond)
                while high - low > 1 {
                    let middle = (low + high) / 2
                    if calendar.offsetSeconds(at: middle * microsecondsPerSecond) == previousOffset {
                        low = middle
                    } else {
                        high = middle
                    }
                }
                changes.append(high * microsecondsPerSecond)
            }
            previous = next
            previousOffset = nextOffset
        }
        return changes
    }
}
