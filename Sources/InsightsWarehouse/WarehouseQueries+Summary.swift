import InsightsMetrics

extension WarehouseQueries {
    /// The trend periods as rows (index, start, end): `trend_from_N` and `trend_to_N`
    /// timestamp parameters, worked out by Insights.
    private func trendPeriods(_ count: Int) -> String {
        (0..<count).map { index in
            "SELECT \(index) AS i, \(dialect.timestampParameter("trend_from_\(index)")) AS lo, "
                + "\(dialect.timestampParameter("trend_to_\(index)")) AS hi"
        }.joined(separator: "\n  UNION ALL ")
    }

    /// Per trend period (index `i` of `periodCount` periods, bounds in `trend_from_N` /
    /// `trend_to_N`, all within `[from, to)`): messages received, sent, distinct contacts
    /// with an inbound message, new users, distinct goal completers, completed runs started
    /// in it (ended before its end) and, with `reached`, distinct contacts with a message
    /// sent in it that was delivered or read. Periods without any row are absent (zeros).
    public func trendCounts(periodCount: Int, reached: Bool) -> String {
        let c = dialect.identifier
        let from = dialect.timestampParameter("from")
        let to = dialect.timestampParameter("to")
        func within(_ alias: String, _ column: String) -> String {
            "\(alias).\(column) >= p.lo AND \(alias).\(column) < p.hi"
        }
        var parts: [String] = []
        if hasMessages {
            let inbound = "m.\(c("direction")) = 'inbound'"
            parts.append(
                """
                SELECT p.i, COUNT(CASE WHEN \(inbound) THEN 1 END) AS received,
                      COUNT(CASE WHEN m.\(c("direction")) = 'outbound' THEN 1 END) AS sent,
                      COUNT(DISTINCT CASE WHEN \(inbound) THEN m.\(c("contact_id")) END) AS active, 0 AS new_users, 0 AS completers,
                      0 AS journeys, 0 AS reached
                    FROM \(table("messages")) m CROSS JOIN periods p
                    WHERE m.\(c("timestamp")) >= \(from) AND m.\(c("timestamp")) < \(to) AND \(within("m", c("timestamp")))
                    GROUP BY p.i
                """)
            parts.append(
                """
                SELECT p.i, 0 AS received, 0 AS sent, 0 AS active, COUNT(*) AS new_users, 0 AS completers, 0 AS journeys, 0 AS reached
                    FROM (SELECT n.\(c("contact_id")) AS contact, MIN(n.\(c("timestamp"))) AS first_at FROM \(table("messages")) n
                      WHERE n.\(c("direction")) = 'inbound' GROUP BY n.\(c("contact_id"))) f CROSS JOIN periods p
                    WHERE f.first_at >= \(from) AND f.first_at < \(to) AND \(within("f", "first_at"))
                    GROUP BY p.i
                """)
            if reached {
                parts.append(
                    """
                    SELECT p.i, 0 AS received, 0 AS sent, 0 AS active, 0 AS new_users, 0 AS completers, 0 AS journeys, COUNT(DISTINCT o.\(c("contact_id"))) AS reached
                        FROM \(table("messages")) o
                          JOIN (\(reachedMessages)) d ON d.message_id = o.\(c("message_id"))
                          CROSS JOIN periods p
                        WHERE o.\(c("direction")) = 'outbound' AND o.\(c("timestamp")) >= \(from) AND o.\(c("timestamp")) < \(to)
                          AND \(within("o", c("timestamp")))
                        GROUP BY p.i
                    """)
            }
        }
        if hasGoalEvents {
            parts.append(
                """
                SELECT p.i, 0 AS received, 0 AS sent, 0 AS active, 0 AS new_users, COUNT(DISTINCT g.\(c("contact_id"))) AS completers, 0 AS journeys, 0 AS reached
                    FROM \(table("goal_events")) g CROSS JOIN periods p
                    WHERE g.\(c("event")) = 'completed' AND g.\(c("timestamp")) >= \(from) AND g.\(c("timestamp")) < \(to)
                      AND \(within("g", c("timestamp")))
                    GROUP BY p.i
                """)
        }
        if hasJourneyRuns {
            parts.append(
                """
                SELECT p.i, 0 AS received, 0 AS sent, 0 AS active, 0 AS new_users, 0 AS completers, COUNT(*) AS journeys, 0 AS reached
                    FROM \(table("journey_runs")) r CROSS JOIN periods p
                    WHERE r.\(c("outcome")) = 'completed' AND r.\(c("started_at")) >= \(from) AND r.\(c("started_at")) < \(to)
                      AND \(within("r", c("started_at"))) AND r.\(c("ended_at")) IS NOT NULL AND r.\(c("ended_at")) < p.hi
                    GROUP BY p.i
                """)
        }
        if parts.isEmpty {
            parts.append(
                "SELECT p.i, 0 AS received, 0 AS sent, 0 AS active, 0 AS new_users, 0 AS completers, 0 AS journeys, 0 AS reached FROM periods p"
            )
        }
        return """
            WITH periods AS (
              \(trendPeriods(periodCount))
            )
            SELECT x.i, SUM(x.received), SUM(x.sent), SUM(x.active), SUM(x.new_users), SUM(x.completers), SUM(x.journeys),
              SUM(x.reached)
            FROM (
              \(parts.joined(separator: "\n  UNION ALL\n  "))
            ) x
            GROUP BY x.i
            ORDER BY x.i
            """
    }

    /// Per trend period (as `trendCounts`): transitions to closed in it, from the
    /// conversation replay up to `to` (the end of the latest period).
    public func trendCloses(periodCount: Int) -> String {
        """
        \(liveSpans),
        periods AS (
          \(trendPeriods(periodCount))
        )
        SELECT p.i, COUNT(*)
        FROM transitions t CROSS JOIN periods p
        WHERE t.opens = 0 AND t.step_at >= p.lo AND t.step_at < p.hi
        GROUP BY p.i
        ORDER BY p.i
        """
    }

    /// The ids of the messages with a `delivered` or `read` status, once each (joined by
    /// equality, so the engine hashes it rather than testing each message against a list).
    var reachedMessages: String {
        let c = dialect.identifier
        return """
            SELECT DISTINCT s.\(c("message_id")) AS message_id FROM \(table("message_statuses")) s
                WHERE s.\(c("status")) IN ('delivered', 'read')
            """
    }

    /// One row: distinct contacts with a `completed` goal event in the period.
    public var goalCompleters: String {
        let c = dialect.identifier
        return """
            SELECT COUNT(DISTINCT g.\(c("contact_id"))) FROM \(table("goal_events")) g
            WHERE g.\(c("event")) = 'completed' AND g.\(c("timestamp")) >= \(dialect.timestampParameter("from"))
              AND g.\(c("timestamp")) < \(dialect.timestampParameter("to"))
            """
    }

    /// One row: the earliest instant (microseconds) of any message, conversation event, goal
    /// event or Journey run, over all data (NULL when none), of the tables present.
    public var firstDataAt: String {
        let c = dialect.identifier
        var parts: [String] = []
        if hasMessages { parts.append("SELECT MIN(m.\(c("timestamp"))) AS first_at FROM \(allData("messages")) m") }
        if hasConversationEvents {
            parts.append("SELECT MIN(e.\(c("timestamp"))) AS first_at FROM \(allData("conversation_events")) e")
        }
        if hasGoalEvents { parts.append("SELECT MIN(g.\(c("timestamp"))) AS first_at FROM \(allData("goal_events")) g") }
        if hasJourneyRuns { parts.append("SELECT MIN(r.\(c("started_at"))) AS first_at FROM \(allData("journey_runs")) r") }
        guard !parts.isEmpty else { return "SELECT CAST(NULL AS \(dialect.engine == .postgres ? "bigint" : "INT64"))" }
        return """
            SELECT \(dialect.epochMicroseconds("MIN(x.first_at)"))
            FROM (
              \(parts.joined(separator: "\n  UNION ALL "))
            ) x
            """
    }
}
