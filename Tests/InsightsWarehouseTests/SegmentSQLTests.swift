import InsightsMetrics
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// The segment, breakdown and summary queries as each dialect spells them (golden SQL), and
/// the segment applied to every table reference of every query.
@Suite struct SegmentSQLTests {
    /// `district` spelled "Kisumu" or "kisumu ", and `cohort` "3".
    static let segment = WarehouseSegment(conditions: [
        WarehouseSegment.Condition(field: "district", spellings: ["Kisumu", "kisumu "]),
        WarehouseSegment.Condition(field: "cohort", spellings: ["3"]),
    ])

    static let contactTables = [
        "contacts", "messages", "message_statuses", "conversation_events", "goal_events", "journey_runs", "journey_results",
    ]

    @Test(arguments: ["postgres", "bigquery"]) func goldenSQL(engine: String) throws {
        let dialect = try #require(DialectTests.dialects.first { $0.0 == engine }?.1)
        var queries = WarehouseQueries(dialect: dialect)
        var segmented = queries
        segmented.segment = Self.segment
        // 11 periods: a week's trend without the report's own week.
        let all: [(String, String)] = [
            ("field-values", queries.fieldValues), ("breakdown-counts", queries.breakdownCounts(reached: true)),
            ("trend-counts", queries.trendCounts(periodCount: 11, reached: true)),
            ("trend-closes", queries.trendCloses(periodCount: 11)), ("goal-completers", queries.goalCompleters),
            ("first-data-at", queries.firstDataAt), ("segmented-message-totals", segmented.messageTotals),
            ("segmented-any-status", segmented.anyStatus), ("segmented-latest-names", segmented.latestNames),
            ("segmented-breakdown-counts", segmented.breakdownCounts(reached: false)),
        ]
        for (name, sql) in all {
            let (text, names) = dialect.positional(sql)
            let header = names.isEmpty ? "" : "-- parameters: \(names.joined(separator: ", "))\n"
            try assertGolden(header + text + "\n", named: "\(engine)-\(name).sql")
        }
        // Without journey_runs, goal_events or fields, those parts are left out.
        queries.hasJourneyRuns = false
        queries.hasGoalEvents = false
        queries.contactsHaveFields = false
        #expect(!queries.trendCounts(periodCount: 2, reached: false).contains("journey_runs"))
        #expect(!queries.breakdownCounts(reached: false).contains("goal_events"))
        #expect(!queries.breakdownCounts(reached: false).contains("fields"))
    }

    /// With a segment, no query of the engine reads a contact's table whole: every reference
    /// is the segment's subquery, except the names resolved over all data (the outer read of
    /// `latestNames` and `journeyNames`), the first stored instant, whether any run is stored and
    /// the spans of the data (the months an archive
    /// has, the default period).
    @Test(arguments: ["postgres", "bigquery"]) func everyTableReferenceIsSegmented(engine: String) throws {
        let dialect = try #require(DialectTests.dialects.first { $0.0 == engine }?.1)
        var queries = WarehouseQueries(dialect: dialect)
        queries.segment = Self.segment
        let own = [
            queries.breakdownCounts(reached: true), queries.trendCounts(periodCount: 3, reached: true),
            queries.trendCloses(periodCount: 3), queries.goalCompleters,
        ]
        let all = DialectTests.queries(queries) + PeriodsSQLTests.queries(queries) + own.map({ ("own", $0) })
        for (name, sql) in all {
            var rest = sql
            for table in Self.contactTables { rest = rest.replacingOccurrences(of: queries.table(table), with: "") }
            if name == "latest-names" {
                rest = rest.replacingOccurrences(of: "FROM \(queries.allData("messages")) m", with: "")
            }
            if name == "journey-names" || name == "period-journey-names" {
                rest = rest.replacingOccurrences(of: "FROM \(queries.allData("journey_runs")) r", with: "")
            }
            // Which months hold data, the newest message and whether any run is stored: over
            // all data, as on SQLite.
            if ["message-span", "activity-span", "has-activity", "period-activity", "any-journey-run"].contains(name) {
                continue
            }
            for table in Self.contactTables {
                #expect(!rest.contains(dialect.table(table)), "\(engine) \(name) reads \(table) whole")
            }
        }
        #expect(queries.table("goals") == dialect.table("goals"))
        // The parameters: each field as the dialect's JSON access takes it, each spelling.
        let parameters = try Self.segment.parameters(dialect)
        #expect(parameters["segment_field_0"] == .string(engine == "postgres" ? "district" : "$.district"))
        #expect(parameters["segment_value_0_1"] == .string("kisumu "))
        #expect(parameters["segment_value_1_0"] == .string("3"))
        #expect(parameters.count == 5)
    }

    /// A condition no stored value matches selects nobody, without reading `contacts`' fields.
    @Test func aConditionWithoutSpellingsSelectsNobody() {
        var queries = WarehouseQueries(dialect: .postgres(schema: "helpline"))
        queries.segment = WarehouseSegment(conditions: [WarehouseSegment.Condition(field: "district", spellings: [])])
        #expect(
            queries.table("messages")
                == "(SELECT * FROM \"helpline\".\"messages\" segment_rows WHERE \"contact_id\" IN (SELECT z.contact FROM (SELECT '' AS contact) z WHERE 1 = 0))"
        )
    }

    /// BigQuery names a key by a JSONPath: plain names as `$.name`, others quoted, a name with
    /// a double quote refused.
    @Test func bigQueryJSONPaths() throws {
        let bigquery = SQLDialect.bigquery(dataset: "p.d")
        #expect(try bigquery.jsonKey("sms_ok") == "$.sms_ok")
        #expect(try bigquery.jsonKey("home district") == "$.\"home district\"")
        #expect(throws: WarehouseError.self) { try bigquery.jsonKey("a\"b") }
        #expect(try SQLDialect.postgres().jsonKey("a\"b") == "a\"b")
    }
}
