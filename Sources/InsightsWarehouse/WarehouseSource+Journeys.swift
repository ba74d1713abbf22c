import InsightsMetrics

extension WarehouseSource {
    /// The period's Journey aggregate: runs begun in the period counted at its end, their
    /// names, the answers given in it, whether any run is stored and how many results lie in
    /// the period. A missing `journey_runs` or `journey_results` table is no data.
    public func journeys(period: ReportPeriod, calendar: ReportCalendar) throws(WarehouseError) -> JourneyAggregate {
        let tables = try tables()
        var queries = queries(tables)
        queries.resultsHaveSeq = tables.has("journey_results", column: "seq")
        let range = period.instants(in: calendar)
        let values: [String: WarehouseParameter] = [
            "from": .timestamp(range.lowerBound), "to": .timestamp(range.upperBound), "blank": .string(trimmedWhiteSpace),
        ]
        var aggregate = JourneyAggregate.none
        if tables.has("journey_results") {
            aggregate.resultsInPeriod = Int(
                try integer(try rows(queries.journeyResultsInPeriod, parameters: values).first ?? [], 0))
        }
        guard tables.has("journey_runs") else { return aggregate }
        aggregate.runsStored = try integer(try rows(queries.anyJourneyRun, parameters: [:]).first ?? [], 0) > 0
        var counts: [String: JourneyCounts] = [:]
        for row in try rows(queries.journeyRunCounts, parameters: values) {
            let (journey, journeyCounts) = try runCounts(row, from: 0)
            counts[journey] = journeyCounts
        }
        guard !counts.isEmpty else { return aggregate }
        for row in try rows(queries.journeyMiddleDurations, parameters: values) {
            counts[try known(row, counts)]?.middleDurations.append(try integer(row, 1))
        }
        var steps: [String: [(place: Int64, label: String?, count: Int)]] = [:]
        for row in try rows(queries.journeyDropOff, parameters: values) {
            steps[try known(row, counts), default: []].append(
                (try integer(row, 1), optionalText(row, 2), Int(try integer(row, 3))))
        }
        for (journey, entries) in steps {
            counts[journey]?.dropOff = try topList(entries, limit: JourneyMetrics.dropOffLimit)
        }
        if tables.has("journey_results") {
            var answers: [String: [String: AnswerEntries]] = [:]
            for row in try rows(queries.journeyAnswers, parameters: values) {
                let journey = try known(row, counts)
                let question = try text(row, 1)
                let (entry, respondents) = try answerEntry(row, from: 2)
                answers[journey, default: [:]][question, default: (respondents, [])].entries.append(entry)
            }
            for (journey, questions) in answers {
                counts[journey]?.answers = try questionAnswers(questions)
            }
        }
        for row in try rows(queries.journeyNames, parameters: values) {
            aggregate.names[try known(row, counts)] = try text(row, 1)
        }
        aggregate.journeys = counts
        return aggregate
    }

    /// One question's answers as read: its respondents and its top list's rows.
    typealias AnswerEntries = (respondents: Int, entries: [(place: Int64, label: String?, count: Int)])

    /// A row of `journeyRunCounts` (its Journey at `column`, then runs, users, completed,
    /// expired, interrupted, runs with no outcome, distinct run ids): the Journey and its
    /// counts, or the error for an outcome that is none or a `run_id` on two rows.
    func runCounts(_ row: [String?], from column: Int) throws(WarehouseError) -> (String, JourneyCounts) {
        let journey = try text(row, column)
        guard try integer(row, column + 6) == 0 else {
            throw .badValue("journey_runs.outcome of Journey \"\(journey)\" holds a value that is not an outcome")
        }
        guard try integer(row, column + 7) == integer(row, column + 1) else {
            throw .badValue("journey_runs.run_id repeats in Journey \"\(journey)\": a run must be one row")
        }
        let counts = JourneyCounts(
            runsStarted: Int(try integer(row, column + 1)), usersStarted: Int(try integer(row, column + 2)),
            completed: Int(try integer(row, column + 3)),
            expired: Int(try integer(row, column + 4)), interrupted: Int(try integer(row, column + 5)), middleDurations: [],
            dropOff: TopList(top: [], other: nil), answers: [])
        return (journey, counts)
    }

    /// A row of `journeyAnswers` from `column` on (place, answer, users, respondents): the top
    /// list's entry and the question's respondents.
    func answerEntry(
        _ row: [String?], from column: Int
    ) throws(WarehouseError) -> (entry: (place: Int64, label: String?, count: Int), respondents: Int) {
        let entry = (try integer(row, column), optionalText(row, column + 1), Int(try integer(row, column + 2)))
        return (entry, Int(try integer(row, column + 3)))
    }

    /// A Journey's questions with their answers' top lists, by question in code-point order.
    func questionAnswers(_ questions: [String: AnswerEntries]) throws(WarehouseError) -> [QuestionAnswers] {
        try questions.map { question, value throws(WarehouseError) in
            QuestionAnswers(
                question: question, respondents: value.respondents,
                answers: try topList(value.entries, limit: JourneyMetrics.answerLimit))
        }.sorted { codePointPrecedes($0.question, $1.question) }
    }

    /// The cell `column` of a row (the first by default): a Journey the run counts listed.
    func known(_ row: [String?], _ counts: [String: JourneyCounts], column: Int = 0) throws(WarehouseError) -> String {
        let journey = try text(row, column)
        guard counts[journey] != nil else { throw .badValue("Journey \"\(journey)\" has no run begun in the period") }
        return journey
    }

    /// A top list from its rows: places 1…`limit` with their label, in place order, and a
    /// place `limit + 1` without one for the rest.
    func topList(
        _ entries: [(place: Int64, label: String?, count: Int)], limit: Int
    ) throws(WarehouseError) -> TopList {
        var top: [LabelCount] = []
        var other: Int?
        for entry in entries.sorted(by: { $0.place < $1.place }) {
            if entry.place > limit {
                other = entry.count
            } else if let label = entry.label {
                top.append(LabelCount(label: label, count: entry.count))
            } else {
                throw .badValue("a top list's place \(entry.place) has no label")
            }
        }
        return TopList(top: top, other: other)
    }
}
