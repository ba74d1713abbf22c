import InsightsImport
import InsightsMetrics
import InsightsWarehouse

extension TurnSQL {
    /// The goals file's `journeys` as array parameters: per Journey its `stack_uuid`, name
    /// (`''` for none), completion question, whether any response completes (1) and timeout
    /// in microseconds; per accepted response (lower-cased, trimmed) its Journey.
    static func journeyParameters(_ journeys: [TurnGoalsMap.Journey]) -> [String: WarehouseParameter] {
        let responses = journeys.flatMap { journey in journey.completionResponses.map { (journey.stackUUID, $0) } }
        return [
            "turn_journey_ids": .strings(journeys.map(\.stackUUID)),
            "turn_journey_names": .strings(journeys.map { $0.name ?? "" }),
            "turn_journey_questions": .strings(journeys.map(\.completionQuestion)),
            "turn_journey_any": .integers(journeys.map { $0.completionResponses.isEmpty ? 1 : 0 }),
            "turn_journey_timeouts": .integers(journeys.map { Int64($0.timeout) }),
            "turn_journey_response_ids": .strings(responses.map(\.0)),
            "turn_journey_responses": .strings(responses.map(\.1)),
        ]
    }

    /// The dataset's newest instant as the importer finds it (`TurnConversion`): the latest
    /// version (`updated_at`; chat_events' version column; flow_results' `updated_at`, else
    /// `inserted_at`) and the latest `inserted_at` (contacts, messages, flow_results),
    /// `timestamp` (statuses, else `inserted_at`) and event time (chat_events) of the rows kept.
    /// A version's maximum over all rows is its maximum over the newest rows.
    var newestInstant: String {
        var parts: [String] = []
        func add(_ expression: String, _ from: String) {
            parts.append("SELECT MAX(\(expression)) AS turn_at FROM \(from)")
        }
        for table in TurnTable.allCases where tables[table] != nil {
            let raw = "\(self.table(table)) t"
            let version = table == .chatEvents ? eventColumns?.version : "updated_at"
            if let version, has(table, version) { add(time(table, "t", version), raw) }
            switch table {
            case .contacts: add("l.inserted_at", "\(latestContacts) l")
            case .chats: break
            case .messages: add("l.inserted_at", "\(latestMessages) l")
            case .statuses: add("l.turn_at", "\(latestStatuses) l")
            case .flowResults: add("l.inserted_at", "\(latestFlowResults) l")
            case .chatEvents: if let events = latestChatEvents { add("l.turn_at", "\(events) l") }
            }
        }
        guard !parts.isEmpty else { return "CAST(NULL AS TIMESTAMP)" }
        return "(SELECT MAX(na.turn_at) FROM (\(parts.joined(separator: " UNION ALL "))) na)"
    }

    /// `journey_runs`: one run per session of a Journey the goals file lists (`TurnMapper.run`),
    /// its results (with a Journey and a response) ordered by (`inserted_at`, `uuid`/`id`):
    /// started at the first, `last_step` the last one's question; completed at the first that
    /// answers the completion question (with an accepted response, compared lower-cased and
    /// trimmed, when the Journey names any); else expired `timeout_hours` after the last when
    /// the dataset's newest instant is later than that; else in progress (no `ended_at`).
    var journeyRunsView: WarehouseView {
        let journeys = dialect.arrayTable(
            "j",
            [
                ("stack", "turn_journey_ids", .string), ("name", "turn_journey_names", .string),
                ("question", "turn_journey_questions", .string), ("any_response", "turn_journey_any", .integer),
                ("timeout", "turn_journey_timeouts", .integer),
            ])
        let responses = dialect.arrayTable(
            "jr", [("stack", "turn_journey_response_ids", .string), ("response", "turn_journey_responses", .string)])
        let micros = dialect.epochMicroseconds
        let expired = "\(micros("a.turn_as_of")) - \(micros("g.last_at")) > g.timeout"
        let sql = """
            SELECT g.session_id AS run_id, g.contact_id AS contact_id, g.stack_uuid AS journey_id,
              NULLIF(g.name, '') AS journey_name, g.started_at AS started_at,
              CASE WHEN g.done_at IS NOT NULL THEN g.done_at
                WHEN \(expired) THEN TIMESTAMP_MICROS(\(micros("g.last_at")) + g.timeout) END AS ended_at,
              CASE WHEN g.done_at IS NOT NULL THEN 'completed' WHEN \(expired) THEN 'expired' END AS outcome,
              g.last_step AS last_step
            FROM (
              SELECT x.session_id, x.stack_uuid, MIN(x.contact_id) AS contact_id, MIN(j.name) AS name,
                MIN(j.timeout) AS timeout, MIN(x.inserted_at) AS started_at, MAX(x.inserted_at) AS last_at,
                MAX(CASE WHEN x.turn_last = 1 THEN x.question_id END) AS last_step,
                MIN(CASE WHEN x.question_id = j.question AND (j.any_response = 1 OR jr.response IS NOT NULL)
                  THEN x.inserted_at END) AS done_at
              FROM (SELECT f.*, ROW_NUMBER() OVER (
                  PARTITION BY f.session_id ORDER BY f.inserted_at DESC, f.turn_id DESC) AS turn_last
                FROM \(latestFlowResults) f
                WHERE f.stack_uuid IS NOT NULL AND f.response IS NOT NULL AND f.session_id IS NOT NULL) x
              JOIN \(journeys) ON j.stack = x.stack_uuid
              LEFT JOIN \(responses) ON jr.stack = x.stack_uuid AND jr.response = LOWER(x.response)
              GROUP BY x.session_id, x.stack_uuid
            ) g
            CROSS JOIN (SELECT \(newestInstant) AS turn_as_of) a
            """
        return WarehouseView(
            sql: sql,
            columns: [
                "run_id": Self.string, "contact_id": Self.string, "journey_id": Self.string, "journey_name": Self.string,
                "started_at": Self.timestamp, "ended_at": Self.timestamp, "outcome": Self.string,
                "last_step": Self.string,
            ])
    }
}

extension TurnViews {
    /// flow_results as the importer checks and counts them for Journeys: a session with results
    /// of more than one Journey or contact stops the report; results, rows that are not
    /// results, runs per outcome and the newest instant for the summary.
    func checkJourneys(_ sql: TurnSQL, _ summary: inout TurnSummary) throws(TurnWarehouseError) {
        let results = "\(sql.latestFlowResults) f WHERE f.stack_uuid IS NOT NULL AND f.response IS NOT NULL"
        let shared = try rows(
            """
            SELECT s.session_id, COUNT(*) OVER () FROM (
              SELECT f.session_id FROM \(results) AND f.session_id IS NOT NULL
              GROUP BY f.session_id HAVING COUNT(DISTINCT f.stack_uuid) > 1 OR COUNT(DISTINCT f.contact_id) > 1) s
            ORDER BY s.session_id LIMIT 5
            """)
        if let first = shared.first {
            throw .sharedSessions(count: Self.int(first[1]), examples: shared.map { $0[0] ?? "" })
        }
        let counts = try rows(
            """
            SELECT f.stack_uuid, COUNT(*), COUNTIF(f.response IS NULL), COUNTIF(f.response IS NOT NULL AND f.session_id IS NULL)
            FROM \(sql.latestFlowResults) f GROUP BY f.stack_uuid ORDER BY f.stack_uuid
            """)
        guard !counts.isEmpty else { return }
        let listed = options.goals?.journeys ?? []
        var use = TurnSummary.JourneyUse()
        use.listed = listed.count
        for row in counts {
            let total = Self.int(row[1])
            guard let stack = row[0] else {
                use.withoutJourney += total
                continue
            }
            let withoutResponse = Self.int(row[2])
            use.withoutResponse += withoutResponse
            use.results += total - withoutResponse
            if listed.contains(where: { $0.stackUUID == stack }) {
                use.withoutSession += Self.int(row[3])
            } else if total > withoutResponse {
                use.unlisted[stack] = total - withoutResponse
            }
        }
        if !listed.isEmpty {
            let runs = try rows(
                """
                SELECT COALESCE(r.outcome, 'in progress'), CAST(COUNT(*) AS STRING) FROM (\(sql.journeyRunsView.sql)) r
                GROUP BY r.outcome
                UNION ALL SELECT 'turn_as_of', CAST(\(sql.dialect.epochMicroseconds(sql.newestInstant)) AS STRING)
                """)
            for row in runs {
                guard let key = row[0] else { continue }
                if key == "turn_as_of" {
                    use.asOf = row[1].flatMap { Instant($0) }
                } else {
                    use.runs[key] = Self.int(row[1])
                }
            }
        }
        summary.journeys = use
    }
}
