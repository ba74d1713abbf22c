import InsightsImport
import InsightsMetrics

extension TurnMapper {
    /// `flow_results` as Journey results, and the runs derived from their sessions.
    ///
    /// Every result with a `stack_uuid` and a `response` is a Journey result: `stack_uuid` →
    /// `journey_id`, `session_id` → `run_id`, `question_id` → `question`, `response` →
    /// `answer`, `inserted_at` → `timestamp`. A session belongs to one Journey and one contact
    /// (a session with results of another is a row problem).
    ///
    /// Runs are derived only for the Journeys of the goals file's `journeys` list, one per
    /// session, its results ordered by (`inserted_at`, `uuid`/`id`): started at the first,
    /// `last_step` the last `question_id`; completed at the first result that answers the
    /// completion question; else expired `timeout_hours` after the last result when the export's
    /// newest instant (`asOf`) is later than that; else still going (no `ended_at`).
    mutating func journeys(
        _ rows: [Versioned<TurnFlowResult>], asOf: Instant?, summary: inout TurnSummary
    ) -> (results: [JourneyResultRecord], runs: [JourneyRunRecord]) {
        guard !rows.isEmpty else { return ([], []) }
        var use = TurnSummary.JourneyUse()
        let listed = options.goals?.journeys ?? []
        use.listed = listed.count
        use.asOf = asOf
        var results: [JourneyResultRecord] = []
        var resultOrigins: [RecordOrigin] = []
        var resultKeys: [(id: String, sequence: Int)] = []
        var owner: [String: Versioned<TurnFlowResult>] = [:]
        var sessions: [String: [Versioned<TurnFlowResult>]] = [:]
        var sessionOrder: [String] = []
        for row in rows {
            let result = row.row
            guard let journeyID = result.stackUUID else {
                use.withoutJourney += 1
                continue
            }
            guard let answer = result.response, !answer.isEmpty else {
                use.withoutResponse += 1
                continue
            }
            if let session = result.sessionID {
                if let first = owner[session] {
                    if first.row.stackUUID != journeyID || first.row.contactID != result.contactID {
                        reading.report(
                            RowIssue(
                                line: row.line,
                                reason: "column \"session_id\": session \"\(session)\" is also a session of Journey "
                                    + "\"\(first.row.stackUUID ?? "")\" and contact \"\(first.row.contactID)\" "
                                    + "(\(first.file):\(first.line)); a session is one run of one Journey by one contact"
                            ),
                            in: row.file)
                        continue
                    }
                } else {
                    owner[session] = row
                    sessionOrder.append(session)
                }
                sessions[session, default: []].append(row)
            }
            use.results += 1
            if listed.contains(where: { $0.stackUUID == journeyID }) {
                if result.sessionID == nil { use.withoutSession += 1 }
            } else {
                use.unlisted[journeyID, default: 0] += 1
            }
            results.append(
                JourneyResultRecord(
                    contactID: result.contactID, journeyID: journeyID, runID: result.sessionID,
                    question: result.questionID, answer: answer, timestamp: result.insertedAt))
            resultOrigins.append(row.origin)
            resultKeys.append((row.id ?? "", row.sequence))
        }
        var runs: [(record: JourneyRunRecord, origin: RecordOrigin)] = []
        for session in sessionOrder {
            guard let rows = sessions[session], let first = rows.first,
                let journey = listed.first(where: { $0.stackUUID == first.row.stackUUID })
            else { continue }
            let run = Self.run(session, of: journey, results: rows, asOf: asOf)
            use.runs[run.outcome?.rawValue ?? "in progress", default: 0] += 1
            // The run's origin: the first result of its session.
            let origin = rows.min { ($0.row.insertedAt, $0.sequence) < ($1.row.insertedAt, $1.sequence) }?.origin ?? first.origin
            runs.append((run, origin))
        }
        summary.journeys = use
        runs.sort { ($0.record.startedAt, $0.record.runID) < ($1.record.startedAt, $1.record.runID) }
        // Same-instant answers of a contact to one question are stored, and so replayed, by
        // `uuid`/`id` (then reading order), as the views give them (`seq`); other results keep
        // their reading order.
        var groupStart: [String: Int] = [:]
        let starts = results.enumerated().map { index, result in
            let key = [result.contactID, result.journeyID, result.question, String(result.timestamp)]
                .joined(separator: "\u{1F}")
            if let start = groupStart[key] { return start }
            groupStart[key] = index
            return index
        }
        let order = results.indices.sorted {
            (starts[$0], resultKeys[$0].id, resultKeys[$0].sequence) < (starts[$1], resultKeys[$1].id, resultKeys[$1].sequence)
        }
        origins[.journeyResults] = order.map { resultOrigins[$0] }
        origins[.journeyRuns] = runs.map(\.origin)
        return (order.map { results[$0] }, runs.map(\.record))
    }

    /// The run of one session.
    static func run(
        _ session: String, of journey: TurnGoalsMap.Journey, results: [Versioned<TurnFlowResult>], asOf: Instant?
    ) -> JourneyRunRecord {
        let ordered = results.sorted {
            ($0.row.insertedAt, $0.id ?? "", $0.sequence) < ($1.row.insertedAt, $1.id ?? "", $1.sequence)
        }
        let first = ordered[0].row
        let last = ordered[ordered.count - 1].row
        var run = JourneyRunRecord(
            runID: session, contactID: first.contactID, journeyID: journey.stackUUID, journeyName: journey.name,
            startedAt: first.insertedAt, lastStep: last.questionID)
        if let done = ordered.first(where: { journey.completes(questionID: $0.row.questionID, response: $0.row.response) }) {
            run.endedAt = done.row.insertedAt
            run.outcome = .completed
        } else if let asOf, asOf - last.insertedAt > journey.timeout {
            run.endedAt = last.insertedAt + journey.timeout
            run.outcome = .expired
        }
        return run
    }
}
