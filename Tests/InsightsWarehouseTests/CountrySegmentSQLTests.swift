import InsightsMetrics
import InsightsPhone
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// Countries as segments, breakdowns and `archive --per` values, as each dialect spells them
/// (golden SQL), and what a country condition sends.
@Suite struct CountrySegmentSQLTests {
    /// `country=KE` and `district` spelled "Kisumu".
    static let kenya = WarehouseSegment(conditions: [
        WarehouseSegment.Condition(region: "KE"), WarehouseSegment.Condition(field: "district", spellings: ["Kisumu"]),
    ])
    /// `country=ZZ`: contacts without a contacts row too.
    static let unknown = WarehouseSegment(conditions: [WarehouseSegment.Condition(region: "ZZ")])

    @Test(arguments: ["postgres", "bigquery"]) func goldenSQL(engine: String) throws {
        let dialect = try #require(DialectTests.dialects.first { $0.0 == engine }?.1)
        let queries = WarehouseQueries(dialect: dialect)
        var kenya = queries
        kenya.segment = Self.kenya
        var unknown = queries
        unknown.segment = Self.unknown
        let all: [(String, String)] = [
            ("country-breakdown-counts", queries.countryBreakdownCounts(reached: true)),
            ("region-counts", queries.regionCounts), ("field-value-counts", queries.fieldValueCounts),
            ("country-segmented-message-totals", kenya.messageTotals),
            ("unknown-country-segmented-message-totals", unknown.messageTotals),
            ("unknown-country-segmented-breakdown-counts", unknown.countryBreakdownCounts(reached: false)),
        ]
        for (name, sql) in all {
            let (text, names) = dialect.positional(sql)
            let header = names.isEmpty ? "" : "-- parameters: \(names.joined(separator: ", "))\n"
            try assertGolden(header + text + "\n", named: "\(engine)-\(name).sql")
        }
    }

    /// A country condition sends its region and the prefix table; the breakdown and the
    /// region counts read every contact table present for contacts without a contacts row.
    @Test func parametersAndTables() throws {
        let parameters = try Self.kenya.parameters(.postgres())
        #expect(parameters["segment_region_0"] == .string("KE"))
        #expect(parameters["segment_field_1"] == .string("district"))
        #expect(parameters["segment_value_1_0"] == .string("Kisumu"))
        #expect(parameters["phone_prefixes"] == .strings(PhoneRegions.prefixTable.rows.map(\.prefix)))
        #expect(parameters["max_prefix_length"] == .integer(Int64(PhoneRegions.prefixTable.maxPrefixLength)))
        // 3 of the conditions, 7 of the prefix table.
        #expect(parameters.count == 10)
        var queries = WarehouseQueries(dialect: .postgres(schema: "h"))
        for table in ["messages", "conversation_events", "goal_events", "journey_runs", "journey_results"] {
            #expect(queries.regionCounts.contains("\"h\".\"\(table)\""), "\(table)")
        }
        // Without contacts, every contact is ZZ: no region is placed, nobody is left out.
        queries.hasContacts = false
        queries.hasJourneyResults = false
        #expect(!queries.regionCounts.contains("\"h\".\"contacts\""))
        #expect(!queries.regionCounts.contains("journey_results"))
        queries.segment = Self.unknown
        #expect(queries.table("messages") == "(SELECT * FROM \"h\".\"messages\" segment_rows WHERE 1 = 1)")
        queries.segment = Self.kenya
        #expect(
            queries.table("messages")
                == "(SELECT * FROM \"h\".\"messages\" segment_rows WHERE \"contact_id\" IN (SELECT z.contact FROM (SELECT '' AS contact) z WHERE 1 = 0))"
        )
    }
}
