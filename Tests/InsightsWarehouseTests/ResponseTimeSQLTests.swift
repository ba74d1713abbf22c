import InsightsMetrics
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// The response-time queries as each dialect spells them, pinned by golden SQL
/// (`Golden/<engine>-<query>.sql`, as `DialectTests.goldenSQL` writes them), with and
/// without business ranges.
@Suite struct ResponseTimeSQLTests {
    /// Two business ranges: 2026-10-05 08:00Z–17:00Z and 2026-10-06 08:00Z–17:00Z.
    static let business: [Range<Instant>] = [
        1_791_187_200_000_000..<1_791_219_600_000_000, 1_791_273_600_000_000..<1_791_306_000_000_000,
    ]

    static func queries(_ queries: WarehouseQueries) -> [(String, String)] {
        [
            ("response-time-counts", queries.responseTimeCounts(business: nil)),
            ("response-time-counts-business", queries.responseTimeCounts(business: business)),
            ("response-time-middle-waits", queries.responseTimeMiddleWaits(business: nil)),
            ("coach-middle-waits", queries.coachMiddleWaits(business: nil)),
            ("coach-replies", queries.coachReplies), ("coach-closes", queries.coachCloses),
        ]
    }

    @Test(arguments: ["postgres", "bigquery"]) func goldenSQL(engine: String) throws {
        let dialect: SQLDialect = engine == "postgres" ? .postgres(schema: "helpline") : .bigquery(dataset: "project.helpline")
        for (name, sql) in Self.queries(WarehouseQueries(dialect: dialect)) {
            let (text, names) = dialect.positional(sql)
            let header = names.isEmpty ? "" : "-- parameters: \(names.joined(separator: ", "))\n"
            try assertGolden(header + text + "\n", named: "\(engine)-\(name).sql")
        }
    }

    /// The business ranges as a table: PostgreSQL's VALUES, BigQuery's UNNEST of structs; a
    /// single empty range when there is none (a Sunday under "Mon-Fri 08:00-17:00").
    @Test func integerPairs() {
        #expect(
            SQLDialect.postgres().integerPairs([(1, 2), (-3, 4)], alias: "b")
                == "(VALUES (1, 2), (-3, 4)) AS b(start_us, end_us)")
        #expect(
            SQLDialect.bigquery(dataset: "p.d").integerPairs([(1, 2)], alias: "b")
                == "UNNEST([STRUCT(1 AS start_us, 2 AS end_us)]) AS b")
        #expect(SQLDialect.postgres().integerPairs([], alias: "b") == "(VALUES (0, 0)) AS b(start_us, end_us)")
    }

    /// Without `seq`, closes at one instant are ranked by actor id alone.
    @Test func closesWithoutSeq() {
        var queries = WarehouseQueries(dialect: .postgres(schema: "helpline"))
        queries.eventsHaveSeq = false
        #expect(queries.coachCloses.contains("e.\"actor_id\", 0 AS k1, 0 AS k2\n"))
        #expect(!queries.coachCloses.contains("\"seq\""))
    }
}
