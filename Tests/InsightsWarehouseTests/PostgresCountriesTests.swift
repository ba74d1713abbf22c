import Foundation
import InsightsMetrics
import InsightsPhone
import InsightsPostgres
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// The engine's countries: the edge cases' numbers by hand, and every number of
/// libphonenumber's fixture placed by the SQL as `PhoneRegions` places it.
@Suite(.serialized, .temporaryFolders, .enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) struct PostgresCountriesTests {
    /// 29 March 2026 in Berlin (2026-03-28T23:00Z … 2026-03-29T22:00Z): c1…c5 and n01…n24 are
    /// active (see `EdgeCases`). CA: c1 (+1 613), n02 (506), n20 (fullwidth 613); US: c2
    /// (212), n01 (800); GG: c3, n08 (1481); GB: n07, n19, n22 (its country); ZA: n21, n24;
    /// NP: c5; one each for PR, JM, RU, KZ, JE, IM, RE, YT, GP, BL, MF; ZZ: c4 (no phone),
    /// n16 (+999), n17 (+800), n18 (`+00`), n23 (`12`). 29 contacts in all.
    static let edgeCountries: [String: Int] = [
        "CA": 3, "US": 2, "GG": 2, "GB": 3, "ZA": 2, "NP": 1, "PR": 1, "JM": 1, "RU": 1, "KZ": 1, "JE": 1, "IM": 1,
        "RE": 1, "YT": 1, "GP": 1, "BL": 1, "MF": 1, "ZZ": 5,
    ]

    @Test func edgeCaseNumbers() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        let day = try #require(LocalDate(iso: "2026-03-29"))
        let period = try #require(ReportPeriod(from: day, to: day))
        let calendar = try #require(ReportCalendar(identifier: "Europe/Berlin"))
        #expect(try store.periodData(period: period, calendar: calendar).countries == Self.edgeCountries)
        #expect(Self.edgeCountries.values.reduce(0, +) == 29)
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let source = WarehouseSource(connection: connection)
            #expect(try source.countries(period: period, calendar: calendar) == Self.edgeCountries)
        }
    }

    /// Every fixture line as a contact with one inbound message: the SQL's counts per region
    /// are the fixture's (libphonenumber's) counts, and so `PhoneRegions`'.
    @Test func fixtureNumbers() throws {
        let url = TestPaths.packageRoot.appendingPathComponent("Tests/InsightsPhoneTests/Fixtures/numbers.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        }
        #expect(lines.count >= 2500)
        var expected: [String: Int] = [:]
        var contacts = "contact_id,phone,country\n"
        var messages = "message_id,contact_id,direction,timestamp\n"
        for (index, fields) in lines.enumerated() where fields.count == 2 {
            expected[fields[1], default: 0] += 1
            let quoted = "\"" + fields[0].replacingOccurrences(of: "\"", with: "\"\"") + "\""
            contacts += "k\(index),\(quoted),\n"
            messages += "m\(index),k\(index),inbound,2026-05-01T12:00:00Z\n"
        }
        let day = try #require(LocalDate(iso: "2026-05-01"))
        let period = try #require(ReportPeriod(from: day, to: day))
        let calendar = try #require(ReportCalendar(identifier: "UTC"))
        try TestPostgres.withSchema { connection, _ in
            let dialect = connection.dialect
            try connection.execute(
                "CREATE TABLE \(dialect.table("contacts")) (contact_id text NOT NULL, phone text, country text)")
            try connection.execute(
                """
                CREATE TABLE \(dialect.table("messages")) (message_id text NOT NULL, contact_id text NOT NULL,
                direction text NOT NULL, "timestamp" timestamptz NOT NULL, author_type text, author_id text, author_name text)
                """)
            try connection.copyIn(
                "COPY \(dialect.table("contacts")) FROM STDIN WITH (FORMAT csv, HEADER true)", data: Array(contacts.utf8))
            try connection.copyIn(
                "COPY \(dialect.table("messages"))(message_id, contact_id, direction, \"timestamp\") FROM STDIN WITH (FORMAT csv, HEADER true)",
                data: Array(messages.utf8))
            let source = WarehouseSource(connection: connection)
            #expect(try source.countries(period: period, calendar: calendar) == expected)
        }
    }
}
