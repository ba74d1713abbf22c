extension BusinessClock {
    /// The instants of `window` inside business hours, as sorted, disjoint, non-adjacent UTC
    /// ranges: what a warehouse is sent to measure waits with (the business time of
    /// `[start, end)` inside the window is the sum of its overlaps with these ranges, to the
    /// microsecond the same as `businessMicroseconds(from:to:)`).
    ///
    /// Between two changes of the zone's offset an instant is inside when its local wall-clock
    /// reading is, so each local day's windows map to UTC by that piece's offset: an hour the
    /// clocks skip is absent, an hour they repeat is there twice (two hours of UTC).
    public var intervals: [Range<Instant>] {
        var result: [Range<Instant>] = []
        var pieceStart = window.lowerBound
        var next = 0
        while pieceStart < window.upperBound {
            while next < changes.count && changes[next] <= pieceStart { next += 1 }
            let pieceEnd = next < changes.count && changes[next] < window.upperBound ? changes[next] : window.upperBound
            let offset = calendar.offsetSeconds(at: pieceStart) * microsecondsPerSecond
            appendIntervals(localFrom: pieceStart + offset, localTo: pieceEnd + offset, offset: offset, to: &result)
            pieceStart = pieceEnd
        }
        return result
    }

    /// Appends the open parts of the local wall-clock readings `[localFrom, localTo)`, shifted
    /// back to UTC by `offset`, joining a range that touches the last one.
    private func appendIntervals(localFrom: Int64, localTo: Int64, offset: Int64, to result: inout [Range<Instant>]) {
        let day: Int64 = 86_400 * microsecondsPerSecond
        let minute: Int64 = 60 * microsecondsPerSecond
        var dayNumber = floorDiv(localFrom, day)
        while dayNumber * day < localTo {
            // Day number 4 (1970-01-05) is a Monday.
            let sinceMonday = dayNumber - 4
            let weekday = Int(sinceMonday - floorDiv(sinceMonday, 7) * 7)
            for window in hours.windows[weekday] {
                let lower = max(localFrom, dayNumber * day + Int64(window.lowerBound) * minute) - offset
                let upper = min(localTo, dayNumber * day + Int64(window.upperBound) * minute) - offset
                guard lower < upper else { continue }
                if let last = result.last, last.upperBound == lower {
                    result[result.count - 1] = last.lowerBound..<upper
                } else {
                    result.append(lower..<upper)
                }
            }
            dayNumber += 1
        }
    }
}
