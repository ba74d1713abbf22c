import InsightsMetrics

extension WarehouseSource {
    /// The median first response (minutes) of each range alone, from ONE query grouped by
    /// range (`periodMiddleWaits`): what the summary's trend shows per earlier period (nil
    /// where none was answered), each the same as `medianFirstResponseMinutes(instants:…)`.
    public func medianFirstResponseMinutes(
        ranges: [Range<Instant>], calendar: ReportCalendar, businessHours: BusinessHours?
    ) throws(WarehouseError) -> [Double?] {
        guard !ranges.isEmpty else { return [] }
        let tables = try tables()
        guard tables.has("messages") else { return ranges.map { _ in nil } }
        let middle = try middleAndP90(
            queries(tables), ranges: ranges, calendar: calendar, businessHours: businessHours)
        return middle.map { entry in
            var aggregate = ResponseTimeAggregate.empty()
            aggregate.middleWaits = entry.middle
            return aggregate.medianFirstResponseMinutes
        }
    }

    /// The response times of each range (`responseTimes(instants:…)` of each), from one query
    /// per template grouped by range. `names` are the newest names of the author ids sent
    /// with in the ranges (`latestNames` over their span), read once by the caller.
    func responseTimes(
        ranges: [Range<Instant>], calendar: ReportCalendar, businessHours: BusinessHours?, names: [String: String]
    ) throws(WarehouseError) -> [ResponseTimeAggregate] {
        var empty = ResponseTimeAggregate.empty(businessHours: businessHours?.text)
        empty.buckets = Array(repeating: 0, count: ResponseTimeBucket.allCases.count)
        var aggregates = Array(repeating: empty, count: ranges.count)
        let tables = try tables()
        guard tables.has("messages"), !ranges.isEmpty else { return aggregates }
        let queries = queries(tables)
        let values = try periodValues(ranges, calendar: calendar, businessHours: businessHours)
        let business = businessHours != nil
        for row in try rows(queries.periodResponseTimeCounts(business: business), parameters: values) {
            let i = try periodIndex(row, ranges.count)
            aggregates[i].openedByUsers = Int(try integer(row, 1))
            aggregates[i].answered = Int(try integer(row, 2))
            aggregates[i].buckets = try (0..<ResponseTimeBucket.allCases.count).map { index throws(WarehouseError) in
                Int(try integer(row, 3 + index))
            }
        }
        let middle = try middleAndP90(queries, ranges: ranges, calendar: calendar, businessHours: businessHours)
        for (i, entry) in middle.enumerated() {
            (aggregates[i].middleWaits, aggregates[i].p90Wait) = (entry.middle, entry.p90)
        }
        for row in try rows(queries.periodCoachReplies, parameters: values) {
            let i = try periodIndex(row, ranges.count)
            let key = AuthorKey(type: .coach, id: optionalText(row, 1), name: optionalText(row, 2))
            aggregates[i].coaches[key] = CoachResponseCounts(
                replies: Int(try integer(row, 3)), users: Int(try integer(row, 4)), firstResponses: 0, middleWaits: [],
                closes: 0)
        }
        for row in try rows(queries.periodCoachMiddleWaits(business: business), parameters: values) {
            let i = try periodIndex(row, ranges.count)
            let key = AuthorKey(type: .coach, id: optionalText(row, 1), name: optionalText(row, 2))
            guard aggregates[i].coaches[key] != nil else { throw .badValue("a first response by a coach without messages") }
            aggregates[i].coaches[key]?.firstResponses = Int(try integer(row, 3))
            aggregates[i].coaches[key]?.middleWaits.append(try integer(row, 4))
        }
        if tables.has("conversation_events") {
            for row in try rows(queries.periodCoachCloses, parameters: values) {
                let i = try periodIndex(row, ranges.count)
                // Closes count only for coaches with a message in the period.
                aggregates[i].coaches[AuthorKey(type: .coach, id: try text(row, 1), name: nil)]?.closes = Int(
                    try integer(row, 2))
            }
        }
        for i in aggregates.indices {
            for id in aggregates[i].coaches.keys.compactMap(\.id) {
                if let name = names[id] { aggregates[i].names[id] = name }
            }
        }
        return aggregates
    }

    /// Per range: the middle one or two waits and the nearest-rank 90th percentile.
    private func middleAndP90(
        _ queries: WarehouseQueries, ranges: [Range<Instant>], calendar: ReportCalendar, businessHours: BusinessHours?
    ) throws(WarehouseError) -> [(middle: [Int64], p90: Int64?)] {
        var result: [(middle: [Int64], p90: Int64?)] = Array(repeating: ([], nil), count: ranges.count)
        let values = try periodValues(ranges, calendar: calendar, businessHours: businessHours)
        for row in try rows(queries.periodMiddleWaits(business: businessHours != nil), parameters: values) {
            let i = try periodIndex(row, ranges.count)
            let (rank, total, wait) = (try integer(row, 1), try integer(row, 2), try integer(row, 3))
            if rank >= (total + 1) / 2 && rank <= total / 2 + 1 { result[i].middle.append(wait) }
            if rank == (9 * total + 9) / 10 { result[i].p90 = wait }
        }
        return result
    }

    /// The periods' parameters (`SQLDialect.periodParameters`) and, with business hours, each
    /// range's UTC ranges inside them (`BusinessClock.intervals` of that range, as
    /// `responseTimes(instants:…)` sends them), a `(0, 0)` range for a range with none.
    func periodValues(
        _ ranges: [Range<Instant>], calendar: ReportCalendar, businessHours: BusinessHours?
    ) throws(WarehouseError) -> [String: WarehouseParameter] {
        var values = connection.dialect.periodParameters(ranges)
        values["zone"] = .string(calendar.identifier)
        guard businessHours != nil else { return values }
        var (periods, starts, ends): ([Int64], [Int64], [Int64]) = ([], [], [])
        for (i, range) in ranges.enumerated() {
            let intervals = Self.businessIntervals(range, calendar: calendar, businessHours: businessHours) ?? []
            for interval in intervals.isEmpty ? [0..<0] : intervals {
                periods.append(Int64(i))
                starts.append(interval.lowerBound)
                ends.append(interval.upperBound)
            }
        }
        values["business_period"] = .integers(periods)
        values["business_start"] = .integers(starts)
        values["business_end"] = .integers(ends)
        return values
    }

    /// The first cell of a grouped query's row: the index of one of `count` periods.
    func periodIndex(_ row: [String?], _ count: Int) throws(WarehouseError) -> Int {
        let index = Int(try integer(row, 0))
        guard (0..<count).contains(index) else { throw .badValue("a period index out of range (\(index))") }
        return index
    }
}
