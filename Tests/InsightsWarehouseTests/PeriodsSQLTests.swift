import InsightsMetrics
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// The grouped templates (`WarehouseQueries+Periods`, `+PeriodResponseTimes`, `+PeriodReach`,
/// `+PeriodJourneys`, `periodCountries`, `periodActivity`) as each dialect spells them, pinned by golden SQL, and the periods relation's parameters.
@Suite struct PeriodsSQLTests {
    static func queries(_ queries: WarehouseQueries) -> [(String, String)] {
        [
            ("period-messages-per-day", queries.periodMessagesPerDay), ("period-heatmap", queries.periodHeatmap),
            ("period-authors", queries.periodAuthors), ("period-new-users-per-day", queries.periodNewUsersPerDay),
            ("period-goal-counts", queries.periodGoalCounts), ("period-consent-counts", queries.periodConsentCounts),
            ("period-conversation-counts", queries.periodConversationCounts),
            ("period-conversation-middle-durations", queries.periodConversationMiddleDurations),
            ("period-middle-waits", queries.periodMiddleWaits(business: false)),
            ("period-middle-waits-business", queries.periodMiddleWaits(business: true)),
            ("period-response-time-counts", queries.periodResponseTimeCounts(business: false)),
            ("period-coach-middle-waits", queries.periodCoachMiddleWaits(business: false)),
            ("period-coach-replies", queries.periodCoachReplies), ("period-coach-closes", queries.periodCoachCloses),
            ("period-delivery-counts", queries.periodDeliveryCounts), ("period-reached-users", queries.periodReachedUsers),
            ("period-middle-read-delays", queries.periodMiddleReadDelays), ("period-failures", queries.periodFailures),
            ("period-countries", queries.periodCountries()),
            ("period-activity", queries.periodActivity(WarehouseQueries.activityColumns)),
            ("period-journey-results", queries.periodJourneyResults),
            ("period-journey-run-counts", queries.periodJourneyRunCounts),
            ("period-journey-middle-durations", queries.periodJourneyMiddleDurations),
            ("period-journey-drop-off", queries.periodJourneyDropOff),
            ("period-journey-answers", queries.periodJourneyAnswers), ("period-journey-names", queries.periodJourneyNames),
        ]
    }

    /// Every grouped query, as each engine gets it, against its golden file
    /// (`Golden/<engine>-period-<query>.sql`; `INSIGHTS_RECORD_GOLDEN=1` re-records).
    @Test(arguments: ["postgres", "bigquery"]) func goldenSQL(engine: String) throws {
        let dialect: SQLDialect = engine == "postgres" ? .postgres(schema: "helpline") : .bigquery(dataset: "project.helpline")
        for (name, sql) in Self.queries(WarehouseQueries(dialect: dialect)) {
            let (text, names) = dialect.positional(sql)
            let header = names.isEmpty ? "" : "-- parameters: \(names.joined(separator: ", "))\n"
            try assertGolden(header + text + "\n", named: "\(engine)-\(name).sql")
        }
    }

    /// The periods go as two arrays of UTC bounds, index = position, and `from`/`to` their
    /// span: RFC 3339 text for PostgreSQL's `timestamptz[]`, microseconds for BigQuery's
    /// `TIMESTAMP_MICROS`. Two overlapping periods: [0 s, 86 400 s) and [3 600 s, 90 000 s).
    @Test func periodParameters() {
        let day: Instant = 86_400_000_000
        let hour: Instant = 3_600_000_000
        let ranges = [0..<day, hour..<(day + hour)]
        let postgres = SQLDialect.postgres().periodParameters(ranges)
        #expect(postgres["from"] == .timestamp(0))
        #expect(postgres["to"] == .timestamp(day + hour))
        #expect(
            postgres["period_from"] == .strings(["1970-01-01T00:00:00.000000Z", "1970-01-01T01:00:00.000000Z"]))
        #expect(postgres["period_to"] == .strings(["1970-01-02T00:00:00.000000Z", "1970-01-02T01:00:00.000000Z"]))
        let bigquery = SQLDialect.bigquery(dataset: "p.d").periodParameters(ranges)
        #expect(bigquery["period_from"] == .integers([0, hour]))
        #expect(bigquery["period_to"] == .integers([day, day + hour]))
        #expect(bigquery["to"] == .timestamp(day + hour))
    }

    /// The periods relation: PostgreSQL's ordinality counts from 1, so `i` is it minus 1;
    /// GoogleSQL's offset counts from 0.
    @Test func periodTable() {
        #expect(
            SQLDialect.postgres().periodTable("p")
                == "(SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST(@period_from AS timestamptz[]), "
                + "CAST(@period_to AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS p")
        #expect(
            SQLDialect.bigquery(dataset: "p.d").periodTable("p")
                == "(SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi "
                + "FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS p")
    }
}
