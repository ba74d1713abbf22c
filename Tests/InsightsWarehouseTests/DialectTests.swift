import InsightsTestSupport
import InsightsWarehouse
import Testing

/// The query templates as each dialect spells them, pinned by golden SQL, and the few
/// dialect functions whose meaning differs between engines.
@Suite struct DialectTests {
    static let dialects: [(String, SQLDialect)] = [
        ("postgres", .postgres(schema: "helpline")), ("bigquery", .bigquery(dataset: "project.helpline")),
    ]

    /// Every query, as each engine gets it, against its golden file
    /// (`Golden/<engine>-<query>.sql`; PostgreSQL's after the `@name` → `$n` rewrite, with
    /// the parameters' order as a comment).
    @Test(arguments: ["postgres", "bigquery"]) func goldenSQL(engine: String) throws {
        let dialect = try #require(Self.dialects.first { $0.0 == engine }?.1)
        for (name, sql) in Self.queries(WarehouseQueries(dialect: dialect)) {
            let (text, names) = dialect.positional(sql)
            let header = names.isEmpty ? "" : "-- parameters: \(names.joined(separator: ", "))\n"
            try assertGolden(header + text + "\n", named: "\(engine)-\(name).sql")
        }
        try assertGolden(WarehouseSchema.ddl(dialect), named: "\(engine)-schema.sql")
    }

    /// The templates without the optional columns (`seq`, `position`) and without a
    /// `conversation_events` table.
    @Test func withoutOptionalColumns() throws {
        var queries = WarehouseQueries(dialect: .postgres(schema: "helpline"))
        queries.eventsHaveSeq = false
        queries.goalsHavePosition = false
        queries.behavioursHavePosition = false
        // Without seq, same-instant events apply `closed` first: the order keys are
        // (instant, inbound first, 1, 0, closed 0 / others 1).
        #expect(
            queries.conversationCounts.contains(
                "1 AS k0, 1 AS k1, 0 AS k2, CASE WHEN e.\"event\" = 'closed' THEN 0 ELSE 1 END AS k3"))
        #expect(queries.goals.hasSuffix("ORDER BY g.\"goal_id\" COLLATE \"C\""))
        #expect(queries.behaviours.hasSuffix("ORDER BY b.\"behaviour_id\" COLLATE \"C\""))
        // Without journey_results.seq, same-instant answers keep the last trimmed answer.
        queries.resultsHaveSeq = false
        #expect(!queries.journeyAnswers.contains("seq"))
        #expect(
            queries.journeyAnswers.contains(
                "ORDER BY x.\"timestamp\" DESC, BTRIM(x.\"answer\", CAST(@blank AS text)) COLLATE \"C\" DESC"))
        queries.hasConversationEvents = false
        #expect(!queries.conversationCounts.contains("conversation_events"))
        queries.hasConversationEvents = true
        queries.hasMessages = false
        #expect(!queries.conversationCounts.contains("\"messages\""))
    }

    /// The heatmap's rows are Monday = 0 … Sunday = 6 in both engines: PostgreSQL's ISODOW
    /// (Monday = 1 … Sunday = 7) minus one, BigQuery's DAYOFWEEK (Sunday = 1 … Saturday = 7)
    /// plus five, modulo seven.
    @Test func weekdayMapping() {
        #expect(
            SQLDialect.postgres().localWeekdayFromMonday("t")
                == "(CAST(EXTRACT(ISODOW FROM t AT TIME ZONE CAST(@zone AS text)) AS integer) - 1)")
        #expect(
            SQLDialect.bigquery(dataset: "p.d").localWeekdayFromMonday("t")
                == "MOD(EXTRACT(DAYOFWEEK FROM t AT TIME ZONE @zone) + 5, 7)")
        // BigQuery's DAYOFWEEK values through that formula: Sunday (1) → 6, Monday (2) → 0,
        // Saturday (7) → 5.
        let mapped = (1...7).map { ($0 + 5) % 7 }
        #expect(mapped == [6, 0, 1, 2, 3, 4, 5])
    }

    /// PostgreSQL takes `$n` parameters: the same name gets the same number, in order of
    /// first use; `@` not followed by a name is left alone.
    @Test func positionalParameters() {
        let (sql, names) = SQLDialect.postgres().positional("a = @to AND b >= @from AND c < @to AND d = '@' AND @x1")
        #expect(sql == "a = $1 AND b >= $2 AND c < $1 AND d = '@' AND $3")
        #expect(names == ["to", "from", "x1"])
        let (same, none) = SQLDialect.bigquery(dataset: "p.d").positional("a = @to")
        #expect(same == "a = @to" && none.isEmpty)
    }

    /// Identifiers and tables are quoted (a schema or dataset named by digits, as Turn names them).
    @Test func tables() {
        #expect(SQLDialect.postgres(schema: "27600000001").table("messages") == "\"27600000001\".\"messages\"")
        #expect(SQLDialect.bigquery(dataset: "local.27600000001").table("messages") == "`local.27600000001.messages`")
    }

    /// The timestamp parameter's text: RFC 3339 UTC with microseconds, before 1970 too.
    @Test func timestampText() {
        // 1791029100123456 µs = 2026-10-03T12:05:00.123456Z (see the psql check in the README).
        #expect(WarehouseParameter.timestamp(1_791_029_100_123_456).text == "2026-10-03T12:05:00.123456Z")
        // −1 µs is the last microsecond of 1969.
        #expect(WarehouseParameter.timestamp(-1).text == "1969-12-31T23:59:59.999999Z")
    }

    static func queries(_ queries: WarehouseQueries) -> [(String, String)] {
        [
            ("messages-per-day", queries.messagesPerDay), ("message-totals", queries.messageTotals),
            ("heatmap", queries.heatmap), ("authors", queries.authors), ("latest-names", queries.latestNames),
            ("new-users-per-day", queries.newUsersPerDay), ("new-users", queries.newUsers), ("goals", queries.goals),
            ("behaviours", queries.behaviours), ("goal-counts", queries.goalCounts),
            ("conversation-counts", queries.conversationCounts),
            ("conversation-middle-durations", queries.conversationMiddleDurations),
            ("consent-counts", queries.consentCounts), ("delivery-counts", queries.deliveryCounts),
            ("reached-users", queries.reachedUsers), ("middle-read-delays", queries.middleReadDelays),
            ("failures", queries.failures), ("any-status", queries.anyStatus),
            ("countries", queries.countries()),
            ("message-span", queries.messageSpan),
            ("activity-span", queries.activitySpan(WarehouseQueries.activityColumns)),
            ("has-activity", queries.hasActivity(WarehouseQueries.activityColumns)),
            ("journey-run-counts", queries.journeyRunCounts),
            ("journey-middle-durations", queries.journeyMiddleDurations), ("journey-drop-off", queries.journeyDropOff),
            ("journey-answers", queries.journeyAnswers), ("journey-names", queries.journeyNames),
            ("any-journey-run", queries.anyJourneyRun), ("journey-results-in-period", queries.journeyResultsInPeriod),
        ]
    }
}
