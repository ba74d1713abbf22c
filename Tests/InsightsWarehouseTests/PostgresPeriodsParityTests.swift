import Foundation
import InsightsJobs
import InsightsMetrics
import InsightsPostgres
import InsightsRender
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// `WarehouseSource.periodAggregates(periods:…)` (one grouped query per template for many
/// periods, what an archive sends) gives each period exactly the aggregates
/// `periodAggregates(period:…)` gives it alone, and the SQLite path's: the conformance
/// cases, the edge cases and the demo over several months, in two zones (Berlin with its
/// DST changes, Kathmandu at +05:45), with and without business hours.
@Suite(.serialized, .temporaryFolders, .enabled(if: TestPostgres.shouldRun, TestPostgres.missing))
struct PostgresPeriodsParityTests {
    @Test func conformanceCases() throws {
        for name in ["berlin-dst", "nairobi-journeys"] {
            let store = try PostgresParityTests.store(importing: PostgresParityTests.conformanceFiles(name))
            try TestPostgres.withSchema { connection, _ in
                try TestPostgres.load(store, into: connection)
                let months = try Self.months(2026, 8...11)
                try expectGroupedParity(store, connection, months, zone: "Europe/Berlin")
                try expectGroupedParity(store, connection, months, zone: "Asia/Kathmandu")
            }
        }
    }

    /// The edge cases' two months with data and the months between (empty ones too: an
    /// archive leaves them out, the grouped queries must still give them zeros), and days
    /// periods that overlap one another.
    @Test func edgeCases() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let months = try Self.months(2026, 2...10)
            try expectGroupedParity(store, connection, months, zone: "Europe/Berlin")
            try expectGroupedParity(store, connection, months, zone: "Asia/Kathmandu")
            let hours = try BusinessHours("Mon-Fri 08:00-17:00, Sat-Sun 01:00-03:30")
            try expectGroupedParity(store, connection, months, zone: "Europe/Berlin", businessHours: hours)
            let days = try ["2026-03-28", "2026-03-29", "2026-03-30"].map { day in try Self.period(day, day) }
            try expectGroupedParity(store, connection, days, zone: "Europe/Berlin", businessHours: hours)
        }
    }

    /// The demo database's last four months, in London (summer time ends in October) and
    /// Kathmandu, and with business hours.
    @Test func demo() throws {
        let store = try SharedDemoStore.store()
        let span = try #require(try store.messageSpan())
        let last = try #require(ReportCalendar(identifier: "UTC")).localDate(at: span.upperBound).components
        let months = (0..<4).compactMap { back in
            let total = last.year * 12 + last.month - 1 - (3 - back)
            return ReportPeriod(year: total / 12, month: total % 12 + 1)
        }
        #expect(months.count == 4)
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let london = try expectGroupedParity(store, connection, months, zone: "Europe/London")
            // The grouping is exercised: July…October 2026 each have runs of the 5 Journeys
            // begun in them and active contacts in 15, 14, 15 and 15 regions (read from
            // demo.sqlite: distinct `journey_runs.journey_id` by `started_at`, distinct
            // `contacts.region` of the contacts with an inbound message, London months).
            #expect(london.map { $0.journeys.journeys.count } == [5, 5, 5, 5])
            #expect(london.map { $0.countries.count } == [15, 14, 15, 15])
            try expectGroupedParity(store, connection, months, zone: "Asia/Kathmandu")
            try expectGroupedParity(
                store, connection, months, zone: "Europe/London", businessHours: try BusinessHours("Mon-Fri 08:00-17:00"))
        }
    }

    static func period(_ from: String, _ to: String) throws -> ReportPeriod {
        let first = try #require(LocalDate(iso: from))
        let last = try #require(LocalDate(iso: to))
        return try #require(ReportPeriod(from: first, to: last))
    }

    static func months(_ year: Int, _ months: ClosedRange<Int>) throws -> [ReportPeriod] {
        try months.map { month in try #require(ReportPeriod(year: year, month: month)) }
    }
}

/// Compares `periodAggregates(periods:…)` with `periodAggregates(period:…)` of each period
/// and with the SQLite path's aggregates, and the `metrics.json` built from each; returns
/// the grouped aggregates.
@discardableResult func expectGroupedParity(
    _ store: Store, _ connection: some WarehouseConnection, _ periods: [ReportPeriod], zone: String,
    businessHours: BusinessHours? = nil, sourceLocation: SourceLocation = #_sourceLocation
) throws -> [PeriodAggregates] {
    let calendar = try #require(ReportCalendar(identifier: zone))
    let source = WarehouseSource(connection: connection)
    let grouped = try source.periodAggregates(periods: periods, calendar: calendar, businessHours: businessHours)
    try #require(grouped.count == periods.count, sourceLocation: sourceLocation)
    for (period, engine) in zip(periods, grouped) {
        let label = "\(period.from)…\(period.to) \(zone)\(businessHours.map { " " + $0.text } ?? "")"
        let one = try source.periodAggregates(period: period, calendar: calendar, businessHours: businessHours)
        #expect(engine.messages == one.messages, "messages \(label)", sourceLocation: sourceLocation)
        #expect(engine.previous == one.previous, "previous \(label)", sourceLocation: sourceLocation)
        #expect(engine.newUsersPerDay == one.newUsersPerDay, "new users \(label)", sourceLocation: sourceLocation)
        #expect(engine.latestNames == one.latestNames, "names \(label)", sourceLocation: sourceLocation)
        #expect(engine.goalCounts == one.goalCounts, "goal counts \(label)", sourceLocation: sourceLocation)
        #expect(engine.conversations == one.conversations, "conversations \(label)", sourceLocation: sourceLocation)
        #expect(engine.consent == one.consent, "consent \(label)", sourceLocation: sourceLocation)
        #expect(engine.responseTimes == one.responseTimes, "response times \(label)", sourceLocation: sourceLocation)
        #expect(
            engine.previousResponseTimes == one.previousResponseTimes, "previous response times \(label)",
            sourceLocation: sourceLocation)
        #expect(engine.summary == one.summary, "summary \(label)", sourceLocation: sourceLocation)
        #expect(engine == one, "every aggregate \(label)", sourceLocation: sourceLocation)
        // And the SQLite path's, to the byte of metrics.json.
        let data = try store.periodData(period: period, calendar: calendar)
        let sqlite = MetricsJSON.render(
            Report(data: data, serviceName: "Parity", generatorVersion: "test", businessHours: businessHours))
        let warehouse = MetricsJSON.render(
            Report(data: data, aggregates: engine, serviceName: "Parity", generatorVersion: "test", businessHours: businessHours))
        #expect(sqlite == warehouse, "metrics.json \(label)", sourceLocation: sourceLocation)
    }
    return grouped
}
