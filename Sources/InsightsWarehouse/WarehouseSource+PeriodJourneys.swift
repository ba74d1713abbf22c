import InsightsMetrics

extension WarehouseSource {
    /// Per period: its Journey aggregate (`journeys(period:…)` of each), from one grouped
    /// query per template for all of them (`WarehouseQueries+PeriodJourneys`), the stored
    /// runs' check once: three to seven queries whatever the number of periods. The errors
    /// are the one-period ones, the periods' rows read in period order.
    func groupedJourneys(
        _ ranges: [Range<Instant>], calendar: ReportCalendar, tables: WarehouseTables, queries: WarehouseQueries
    ) throws(WarehouseError) -> [JourneyAggregate] {
        var result = Array(repeating: JourneyAggregate.none, count: ranges.count)
        guard !ranges.isEmpty else { return result }
        var queries = queries
        queries.resultsHaveSeq = tables.has("journey_results", column: "seq")
        var values = try periodValues(ranges, calendar: calendar, businessHours: nil)
        values["blank"] = .string(trimmedWhiteSpace)
        if tables.has("journey_results") {
            for row in try rows(queries.periodJourneyResults, parameters: values) {
                result[try periodIndex(row, ranges.count)].resultsInPeriod = Int(try integer(row, 1))
            }
        }
        guard tables.has("journey_runs") else { return result }
        let stored = try integer(try rows(queries.anyJourneyRun, parameters: [:]).first ?? [], 0) > 0
        for index in result.indices { result[index].runsStored = stored }
        var counts = Array(repeating: [String: JourneyCounts](), count: ranges.count)
        var runRows: [(i: Int, row: [String?])] = []
        for row in try rows(queries.periodJourneyRunCounts, parameters: values) {
            runRows.append((try periodIndex(row, ranges.count), row))
        }
        // As the months one by one would meet them: the first period's errors first.
        for (i, row) in runRows.sorted(by: { $0.i < $1.i }) {
            let (journey, journeyCounts) = try runCounts(row, from: 1)
            counts[i][journey] = journeyCounts
        }
        guard counts.contains(where: { !$0.isEmpty }) else { return result }
        for row in try rows(queries.periodJourneyMiddleDurations, parameters: values) {
            let i = try periodIndex(row, ranges.count)
            counts[i][try known(row, counts[i], column: 1)]?.middleDurations.append(try integer(row, 2))
        }
        var steps = Array(repeating: [String: [(place: Int64, label: String?, count: Int)]](), count: ranges.count)
        for row in try rows(queries.periodJourneyDropOff, parameters: values) {
            let i = try periodIndex(row, ranges.count)
            steps[i][try known(row, counts[i], column: 1), default: []].append(
                (try integer(row, 2), optionalText(row, 3), Int(try integer(row, 4))))
        }
        for (i, journeys) in steps.enumerated() {
            for (journey, entries) in journeys {
                counts[i][journey]?.dropOff = try topList(entries, limit: JourneyMetrics.dropOffLimit)
            }
        }
        if tables.has("journey_results") {
            try addGroupedAnswers(&counts, queries: queries, values: values)
        }
        var names: [String: String] = [:]
        for row in try rows(queries.periodJourneyNames, parameters: values) {
            let journey = try text(row, 0)
            guard counts.contains(where: { $0[journey] != nil }) else {
                throw .badValue("Journey \"\(journey)\" has no run begun in the period")
            }
            names[journey] = try text(row, 1)
        }
        for i in result.indices {
            result[i].journeys = counts[i]
            for journey in counts[i].keys { result[i].names[journey] = names[journey] }
        }
        return result
    }

    /// Each period's Journeys' answers (`journeyAnswers` of each period), from one query.
    private func addGroupedAnswers(
        _ counts: inout [[String: JourneyCounts]], queries: WarehouseQueries, values: [String: WarehouseParameter]
    ) throws(WarehouseError) {
        var answers = Array(repeating: [String: [String: AnswerEntries]](), count: counts.count)
        for row in try rows(queries.periodJourneyAnswers, parameters: values) {
            let i = try periodIndex(row, counts.count)
            let journey = try known(row, counts[i], column: 1)
            let question = try text(row, 2)
            let (entry, respondents) = try answerEntry(row, from: 3)
            answers[i][journey, default: [:]][question, default: (respondents, [])].entries.append(entry)
        }
        for (i, journeys) in answers.enumerated() {
            for (journey, questions) in journeys {
                counts[i][journey]?.answers = try questionAnswers(questions)
            }
        }
    }
}
