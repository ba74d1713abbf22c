import Foundation
import InsightsImport
import InsightsJobs
import InsightsMetrics
import InsightsPostgres
import InsightsRender
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// The same data in SQLite and in PostgreSQL (loaded from `insights export`) gives the same
/// aggregates, and so the same `metrics.json` to the byte, for the blocks the engine computes
/// (every block: `WarehouseSource.periodAggregates`).
///
/// The server runs with `timezone=Pacific/Chatham` and an ICU collation, so a query that
/// leaned on the connection's zone or string order would differ.
@Suite(.serialized, .temporaryFolders, .enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) struct PostgresParityTests {
    @Test func berlinDST() throws {
        let store = try Self.store(importing: Self.conformanceFiles("berlin-dst"))
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            // The case's period (25 October is a 25-hour day in Berlin), a month, and the
            // same days in +05:45 and in Chatham (+13:45 → +12:45 in April).
            try expectParity(store, connection, from: "2026-10-19", to: "2026-11-01", zone: "Europe/Berlin")
            try expectParity(store, connection, from: "2026-10-01", to: "2026-10-31", zone: "Europe/Berlin")
            try expectParity(store, connection, from: "2026-10-19", to: "2026-11-01", zone: "Asia/Kathmandu")
            try expectParity(store, connection, from: "2026-10-24", to: "2026-10-26", zone: "America/New_York")
        }
    }

    @Test func nairobiJourneys() throws {
        let store = try Self.store(importing: Self.conformanceFiles("nairobi-journeys"))
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            try expectParity(store, connection, from: "2026-10-05", to: "2026-10-18", zone: "Africa/Nairobi")
            try expectParity(store, connection, from: "2026-10-12", to: "2026-10-12", zone: "Pacific/Chatham")
            try expectParity(store, connection, from: "2026-09-01", to: "2026-10-31", zone: "Asia/Kathmandu")
        }
    }

    /// The demo database (`insights demo`): its default month and a DST week.
    @Test func demo() throws {
        let store = try SharedDemoStore.store()
        let span = try #require(try store.messageSpan())
        let calendar = try #require(ReportCalendar(identifier: "UTC"))
        let last = calendar.localDate(at: span.upperBound)
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            try expectParity(store, connection, from: last.adding(days: -29).description, to: last.description, zone: "UTC")
            try expectParity(
                store, connection, from: last.adding(days: -6).description, to: last.description, zone: "Asia/Kathmandu")
            try expectParity(
                store, connection, from: last.adding(days: -60).description, to: last.description, zone: "Europe/London")
            let hours = try BusinessHours("Mon-Fri 08:00-17:00, Sat 09:00-13:00")
            try expectParity(
                store, connection, from: last.adding(days: -29).description, to: last.description, zone: "UTC",
                businessHours: hours)
            try expectParity(
                store, connection, from: last.adding(days: -60).description, to: last.description, zone: "Europe/London",
                businessHours: hours)
        }
    }

    /// Hand-made edge cases (see `EdgeCases`).
    @Test func edgeCases() throws {
        let store = try Self.store(importing: try EdgeCases.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            try expectParity(store, connection, from: "2026-03-29", to: "2026-03-29", zone: "Europe/Berlin")
            try expectParity(store, connection, from: "2026-03-28", to: "2026-03-30", zone: "Europe/Berlin")
            try expectParity(store, connection, from: "2026-10-25", to: "2026-10-25", zone: "Europe/Berlin")
            try expectParity(store, connection, from: "2026-03-29", to: "2026-03-29", zone: "Asia/Kathmandu")
            try expectParity(store, connection, from: "2026-03-01", to: "2026-10-31", zone: "UTC")
            // Response times with business hours, over the spring-forward night and the fall-back one.
            let hours = try BusinessHours("Mon-Fri 08:00-17:00, Sat-Sun 01:00-03:30")
            try expectParity(store, connection, from: "2026-03-28", to: "2026-03-30", zone: "Europe/Berlin", businessHours: hours)
            try expectParity(store, connection, from: "2026-10-25", to: "2026-10-25", zone: "Europe/Berlin", businessHours: hours)
        }
    }

    /// A warehouse without `conversation_events` and `goal_events` tables has no data for
    /// them: SQLite with no such rows gives the same.
    @Test func missingTablesAreNoData() throws {
        let files = try EdgeCases.write().filter { path in
            ["conversation_events", "goal", "behaviours"].allSatisfy { !path.contains($0) }
        }
        let store = try Self.store(importing: files)
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection, leaving: [.conversationEvents, .goalEvents, .goals, .behaviours])
            try expectParity(store, connection, from: "2026-03-28", to: "2026-03-30", zone: "Europe/Berlin")
        }
    }

    /// Conversation events without a messages table: only the events open and close.
    @Test func eventsWithoutMessages() throws {
        let files = try EdgeCases.write().filter { path in
            ["contacts.csv", "conversation_events.csv"].contains { path.hasSuffix("/" + $0) }
        }
        let store = try Self.store(importing: files)
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection, leaving: [.messages, .messageStatuses])
            try expectParity(store, connection, from: "2026-03-29", to: "2026-03-29", zone: "Europe/Berlin")
        }
    }

    // MARK: - Helpers

    static func conformanceFiles(_ name: String) throws -> [String] {
        let data = TestPaths.shared.appendingPathComponent("conformance/\(name)/data")
        return try FileManager.default.contentsOfDirectory(atPath: data.path).sorted().map {
            data.appendingPathComponent($0).path
        }
    }

    static func store(importing files: [String]) throws -> Store {
        let path = try TestPaths.temporaryDirectory("pg-sqlite").appendingPathComponent("s.sqlite").path
        let job = ImportJob(database: path, files: files)
        var failures: [String] = []
        let ok = try job.run(try job.open()) { file, outcome in
            if case .failed(let error) = outcome { failures.append("\(file.path): \(error)") }
        }
        guard ok else { throw WarehouseError.query("import failed: \(failures.joined(separator: "; "))") }
        return try Store(path: path)
    }
}

/// Compares the engine's aggregates of a period with the SQLite path's, block by block, and
/// the `metrics.json` built from each.
func expectParity(
    _ store: Store, _ connection: some WarehouseConnection, from: String, to: String, zone: String,
    businessHours: BusinessHours? = nil, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let first = try #require(LocalDate(iso: from))
    let last = try #require(LocalDate(iso: to))
    let period = try #require(ReportPeriod(from: first, to: last))
    let calendar = try #require(ReportCalendar(identifier: zone))
    let data = try store.periodData(period: period, calendar: calendar)
    var expected = data.aggregates(businessHours: businessHours)
    // The SQLite path computes the trend's medians from `data.trend`'s rows when the report
    // is built; the engine returns them in the aggregate.
    if let input = data.trend {
        expected.summary.trend?.firstResponseMedians = TrendAggregate.firstResponseMedians(
            of: period, input: input, calendar: calendar, businessHours: businessHours)
    }
    let source = WarehouseSource(connection: connection)
    let engine = try source.periodAggregates(period: period, calendar: calendar, businessHours: businessHours)
    let label = "\(from)…\(to) \(zone)\(businessHours.map { " " + $0.text } ?? "")"
    #expect(engine.messages == expected.messages, "messages \(label)", sourceLocation: sourceLocation)
    #expect(engine.previous == expected.previous, "previous \(label)", sourceLocation: sourceLocation)
    #expect(engine.newUsersPerDay == expected.newUsersPerDay, "new users \(label)", sourceLocation: sourceLocation)
    #expect(engine.latestNames == expected.latestNames, "names \(label)", sourceLocation: sourceLocation)
    #expect(engine.goals == expected.goals, "goals \(label)", sourceLocation: sourceLocation)
    #expect(engine.goalCounts == expected.goalCounts, "goal counts \(label)", sourceLocation: sourceLocation)
    #expect(engine.conversations == expected.conversations, "conversations \(label)", sourceLocation: sourceLocation)
    #expect(engine.consent == expected.consent, "consent \(label)", sourceLocation: sourceLocation)
    #expect(engine.consentTimesStored == expected.consentTimesStored, "consent stored \(label)", sourceLocation: sourceLocation)
    #expect(engine.delivery == expected.delivery, "delivery \(label)", sourceLocation: sourceLocation)
    #expect(
        engine.previousReachedUsers == expected.previousReachedUsers, "previous reached \(label)", sourceLocation: sourceLocation)
    #expect(engine.statusesStored == expected.statusesStored, "statuses stored \(label)", sourceLocation: sourceLocation)
    #expect(engine.journeys == expected.journeys, "journeys \(label)", sourceLocation: sourceLocation)
    #expect(engine.countries == expected.countries, "countries \(label)", sourceLocation: sourceLocation)
    #expect(engine.responseTimes == expected.responseTimes, "response times \(label)", sourceLocation: sourceLocation)
    #expect(
        engine.previousResponseTimes == expected.previousResponseTimes, "previous response times \(label)",
        sourceLocation: sourceLocation)
    #expect(engine.summary == expected.summary, "summary \(label)", sourceLocation: sourceLocation)
    #expect(engine.breakdowns == expected.breakdowns, "breakdowns \(label)", sourceLocation: sourceLocation)
    #expect(engine == expected, "every aggregate \(label)", sourceLocation: sourceLocation)
    let sqlite = MetricsJSON.render(
        Report(data: data, serviceName: "Parity", generatorVersion: "test", businessHours: businessHours))
    let warehouse = MetricsJSON.render(
        Report(data: data, aggregates: engine, serviceName: "Parity", generatorVersion: "test", businessHours: businessHours))
    #expect(sqlite == warehouse, "metrics.json \(label)", sourceLocation: sourceLocation)
}
