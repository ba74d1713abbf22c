import Foundation
import InsightsJobs
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// `--segment country=XX` and `--breakdown country` in PostgreSQL: contacts are placed in the
/// region the SQLite path stores (`country`, else the phone number's region, else `ZZ`; a
/// contact known only from its messages is `ZZ`), so segmented reports and breakdowns give the
/// same aggregates and `metrics.json` (`expectSegmentParity`).
@Suite(.serialized, .temporaryFolders, .enabled(if: TestPostgres.shouldRun, TestPostgres.missing))
struct PostgresCountrySegmentTests {
    /// EdgeCases with one more contact, `x1`, known only from an inbound message (no contacts
    /// row: a stub, `ZZ`, on the SQLite path).
    static func edgeFiles() throws -> [String] {
        let files = try EdgeCases.write()
        let messages = try #require(files.first { $0.hasSuffix("/messages.csv") })
        let text = try String(contentsOfFile: messages, encoding: .utf8) + "q01,x1,inbound,2026-03-29T15:00:00Z,,,\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: messages))
        return files
    }

    /// 29 March 2026 in Berlin (2026-03-28T23:00Z to 2026-03-29T22:00Z): every contact of
    /// EdgeCases is active. Its regions (see `EdgeCases`): US c2 (+1 212), n01 (+1 800);
    /// CA c1 (+1 613), n02 (+1 506), n20 (fullwidth +1 613); GB n07, n19 (`tel:`), n22
    /// (country `gb` over a US number); ZZ c4 (no phone), n16 (+999), n17 (+800), n18
    /// (`+00`), n23 (two digits), x1 (no contacts row).
    @Test func edgeCases() throws {
        let store = try PostgresParityTests.store(importing: try Self.edgeFiles())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            func segment(_ value: String, breakdowns: [String] = ["country"]) throws -> PeriodAggregates? {
                try expectSegmentParity(
                    store, connection, segment: [SegmentCondition(field: "country", value: value)], breakdowns: breakdowns,
                    from: "2026-03-29", to: "2026-03-29", zone: "Europe/Berlin")
            }
            // US: c2 (i03; o01, m1a, M9a sent) and n01 (p01): 2 active, 2 received, 3 sent.
            let us = try segment("US")
            #expect(us?.messages.activeUsers == 2)
            #expect(us?.messages.received == 2)
            #expect(us?.messages.sent == 3)
            // Lower case and +1 numbers by range: c1, n02, n20.
            #expect(try segment("ca")?.messages.activeUsers == 3)
            // A country column wins over the number: n07, n19 and n22.
            #expect(try segment("GB")?.messages.activeUsers == 3)
            // ZZ: c4, n16, n17, n18, n23 and the stub x1, one inbound message each.
            let unknown = try segment("zz")
            #expect(unknown?.messages.activeUsers == 6)
            #expect(unknown?.messages.received == 6)
            #expect(unknown?.breakdowns.first?.values["ZZ"]?.holders == 6)
            // Two countries: nobody.
            let both = try expectSegmentParity(
                store, connection,
                segment: [SegmentCondition(field: "country", value: "US"), SegmentCondition(field: "country", value: "CA")],
                breakdowns: [], from: "2026-03-29", to: "2026-03-29", zone: "Europe/Berlin")
            #expect(both?.messages.activeUsers == 0)
            // ZZ twice is ZZ (the stub included).
            let twice = try expectSegmentParity(
                store, connection,
                segment: [SegmentCondition(field: "country", value: "ZZ"), SegmentCondition(field: "country", value: " zz ")],
                breakdowns: [], from: "2026-03-29", to: "2026-03-29", zone: "Europe/Berlin")
            #expect(twice?.messages.activeUsers == 6)
            // The whole data by country: the regions above, and nothing without one.
            let all = try expectSegmentParity(
                store, connection, segment: [], breakdowns: ["country"], from: "2026-03-29", to: "2026-03-29",
                zone: "Europe/Berlin")
            let countries = try #require(all?.breakdowns.first)
            #expect(countries.values["US"]?.activeUsers == 2)
            #expect(countries.values["CA"]?.activeUsers == 3)
            #expect(countries.values["GB"]?.activeUsers == 3)
            #expect(countries.values["ZZ"]?.activeUsers == 6)
            #expect(countries.none == BreakdownValueCounts())
            // Over March to October in UTC, and a segment by country broken down by country.
            try expectSegmentParity(
                store, connection, segment: [SegmentCondition(field: "country", value: "CA")], breakdowns: ["country"],
                from: "2026-03-01", to: "2026-10-31", zone: "UTC")
        }
    }

    /// nairobi-journeys: numbers from shared calling codes (+1 809 DO, +1 876 JM, +1 787 PR,
    /// +1 506 CA, +7 KZ and RU, with `00` and without a plus), a segment per region of the
    /// case's active contacts, and the country breakdown beside the fields'. Each region's
    /// segment has as many active users as the unsegmented report places there.
    @Test func nairobiJourneys() throws {
        let store = try PostgresParityTests.store(importing: PostgresParityTests.conformanceFiles("nairobi-journeys"))
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let all = try #require(
                try expectSegmentParity(
                    store, connection, segment: [], breakdowns: ["country", "district"], from: "2026-10-05", to: "2026-10-18",
                    zone: "Africa/Nairobi"))
            let placed = all.countries
            #expect(placed.count > 20)
            for region in ["DO", "JM", "PR", "CA", "KZ", "KE", "ZZ"] {
                let engine = try expectSegmentParity(
                    store, connection, segment: [SegmentCondition(field: "country", value: region)], breakdowns: ["district"],
                    from: "2026-10-05", to: "2026-10-18", zone: "Africa/Nairobi")
                #expect(engine?.messages.activeUsers == placed[region] ?? 0, "\(region)")
                #expect(all.breakdowns.first?.values[region]?.activeUsers ?? 0 == placed[region] ?? 0, "\(region)")
            }
            // A country and a field together; another zone.
            try expectSegmentParity(
                store, connection,
                segment: [SegmentCondition(field: "country", value: "gp"), SegmentCondition(field: "district", value: "kisumu")],
                breakdowns: ["country"], from: "2026-10-05", to: "2026-10-18", zone: "Africa/Nairobi")
            try expectSegmentParity(
                store, connection, segment: [], breakdowns: ["country"], from: "2026-09-01", to: "2026-10-31",
                zone: "Asia/Kathmandu")
        }
    }

    /// The demo database: its most common region as a segment, and the country breakdown.
    @Test func demo() throws {
        let store = try SharedDemoStore.store()
        let span = try #require(try store.messageSpan())
        let last = try #require(ReportCalendar(identifier: "UTC")).localDate(at: span.upperBound)
        let top = try #require(try store.fieldValueCounts("country").first)
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let all = try expectSegmentParity(
                store, connection, segment: [], breakdowns: ["country"], from: last.adding(days: -29).description,
                to: last.description, zone: "UTC")
            let engine = try expectSegmentParity(
                store, connection, segment: [SegmentCondition(field: "country", value: top.value)], breakdowns: ["country"],
                from: last.adding(days: -29).description, to: last.description, zone: "UTC")
            #expect((engine?.messages.activeUsers ?? 0) > 0)
            #expect(engine?.messages.activeUsers == all?.countries[top.value])
        }
    }

    /// Without a contacts table every contact is `ZZ` (on the SQLite path too, imported
    /// without contacts): `country=ZZ` is everyone, any other country nobody.
    @Test func withoutContacts() throws {
        let files = try Self.edgeFiles().filter { !$0.hasSuffix("/contacts.csv") }
        let store = try PostgresParityTests.store(importing: files)
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection, leaving: [.contacts])
            let everyone = try expectSegmentParity(
                store, connection, segment: [SegmentCondition(field: "country", value: "ZZ")], breakdowns: ["country"],
                from: "2026-03-29", to: "2026-03-29", zone: "Europe/Berlin")
            // c1…c5, n01…n24 and x1.
            #expect(everyone?.messages.activeUsers == 30)
            let nobody = try expectSegmentParity(
                store, connection, segment: [SegmentCondition(field: "country", value: "US")], breakdowns: ["country"],
                from: "2026-03-29", to: "2026-03-29", zone: "Europe/Berlin")
            #expect(nobody?.messages.activeUsers == 0)
        }
    }

    /// A field name holding a double quote: PostgreSQL's `->>` takes the key as a parameter,
    /// so it is segmented and broken down as on SQLite; BigQuery's JSONPath cannot name it and
    /// refuses it with the field named.
    @Test func fieldNameWithADoubleQuote() throws {
        let folder = try TestPaths.temporaryDirectory("pg-quote-field")
        let contacts = folder.appendingPathComponent("contacts.ndjson")
        let messages = folder.appendingPathComponent("messages.csv")
        // c1 and c2 say "Yes" (spelled two ways), c3 "no", c4 nothing; one inbound message each.
        try Data(
            """
            {"contact_id": "c1", "fields": {"say \\"hi\\"": "Yes"}}
            {"contact_id": "c2", "fields": {"say \\"hi\\"": " yes"}}
            {"contact_id": "c3", "fields": {"say \\"hi\\"": "no"}}
            {"contact_id": "c4"}

            """.utf8
        ).write(to: contacts)
        try Data(
            """
            message_id,contact_id,direction,timestamp,author_type,author_id,author_name
            i1,c1,inbound,2026-03-02T10:00:00Z,,,
            i2,c2,inbound,2026-03-02T11:00:00Z,,,
            i3,c3,inbound,2026-03-02T12:00:00Z,,,
            i4,c4,inbound,2026-03-02T13:00:00Z,,,

            """.utf8
        ).write(to: messages)
        let store = try PostgresParityTests.store(importing: [contacts.path, messages.path])
        let field = "say \"hi\""
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let yes = try expectSegmentParity(
                store, connection, segment: [SegmentCondition(field: field, value: "YES")], breakdowns: [field, "country"],
                from: "2026-03-02", to: "2026-03-02", zone: "UTC")
            #expect(yes?.messages.activeUsers == 2)
            let all = try expectSegmentParity(
                store, connection, segment: [], breakdowns: [field], from: "2026-03-02", to: "2026-03-02", zone: "UTC")
            // "Yes" and " yes" (one group), "no", and c4 without the field.
            #expect(all?.breakdowns.first?.values.keys.sorted() == [" yes", "Yes", "no"])
            #expect(all?.breakdowns.first?.none.activeUsers == 1)
        }
        do {
            _ = try SQLDialect.bigquery(dataset: "p.d").jsonKey(field)
            Issue.record("BigQuery named a key holding a double quote")
        } catch {
            #expect(
                error.description
                    == "The warehouse engine cannot compute the contact field \"say \"hi\"\" in BigQuery: a JSONPath cannot "
                    + "name a key holding a double quote (rename the key, or report from PostgreSQL) yet.")
        }
    }
}
