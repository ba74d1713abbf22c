import InsightsImport
import InsightsMetrics
import InsightsPostgres
import InsightsRender
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// Segments and breakdowns in the engine: the same data in SQLite and in PostgreSQL gives the
/// same aggregates for a segmented report, block by block, the same breakdowns and summary,
/// and so the same `metrics.json` to the byte.
@Suite(.serialized, .temporaryFolders, .enabled(if: TestPostgres.shouldRun, TestPostgres.missing))
struct PostgresSegmentParityTests {
    /// nairobi-journeys: its contacts have `district`, `cohort`, `language` and `sms_ok`
    /// fields, spelled variously (`Kisumu`, `Nairobi ` with a space, `""`, numbers as 3 and
    /// "3", `true`).
    @Test func nairobiSegmentsAndBreakdowns() throws {
        let store = try PostgresParityTests.store(importing: PostgresParityTests.conformanceFiles("nairobi-journeys"))
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let fields = ["district", "cohort", "language", "sms_ok", "no_such_field"]
            // The conformance case's segment (expected-segment.json, worked out
            // independently): 45 active users, 21 new, 253 messages received, 39 reached.
            let engine = try expectSegmentParity(
                store, connection, segment: [SegmentCondition(field: "district", value: "kisumu")], breakdowns: fields,
                from: "2026-10-05", to: "2026-10-18", zone: "Africa/Nairobi")
            #expect(engine?.messages.activeUsers == 45)
            #expect(engine?.newUsersPerDay.reduce(0, +) == 21)
            #expect(engine?.messages.received == 253)
            #expect(engine?.delivery?.reachedUsers == 39)
            // The whole data, broken down; a month in another zone.
            try expectSegmentParity(
                store, connection, segment: [], breakdowns: fields, from: "2026-10-05", to: "2026-10-18", zone: "Africa/Nairobi")
            try expectSegmentParity(
                store, connection, segment: [], breakdowns: ["district"], from: "2026-09-01", to: "2026-09-30",
                zone: "Asia/Kathmandu")
            // Two conditions, the value spelled otherwise; a number matched as its text.
            try expectSegmentParity(
                store, connection,
                segment: [
                    SegmentCondition(field: "district", value: " KISUMU "), SegmentCondition(field: "cohort", value: "3"),
                ], breakdowns: ["language"], from: "2026-10-05", to: "2026-10-18", zone: "Africa/Nairobi")
            try expectSegmentParity(
                store, connection, segment: [SegmentCondition(field: "sms_ok", value: "TRUE")], breakdowns: ["district"],
                from: "2026-10-05", to: "2026-10-18", zone: "Africa/Nairobi")
            // A value nobody holds and a field nobody has: an empty report.
            let nobody = try expectSegmentParity(
                store, connection, segment: [SegmentCondition(field: "district", value: "atlantis")], breakdowns: ["district"],
                from: "2026-10-05", to: "2026-10-18", zone: "Africa/Nairobi")
            #expect(nobody?.messages.activeUsers == 0)
            #expect(nobody?.breakdowns.first?.values.isEmpty == true)
            try expectSegmentParity(
                store, connection, segment: [SegmentCondition(field: "no_such_field", value: "x")], breakdowns: [],
                from: "2026-10-05", to: "2026-10-18", zone: "Africa/Nairobi")
        }
    }

    /// Without messages (only contacts and conversation events) or without goal and Journey
    /// tables, breakdowns and the summary count what is there.
    @Test func missingTables() throws {
        let files = try EdgeCases.write()
        let eventsOnly = try PostgresParityTests.store(
            importing: files.filter { path in ["contacts.csv", "conversation_events.csv"].contains { path.hasSuffix("/" + $0) } })
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(eventsOnly, into: connection, leaving: [.messages, .messageStatuses])
            try expectSegmentParity(
                eventsOnly, connection, segment: [], breakdowns: ["district"], from: "2026-03-28", to: "2026-03-30",
                zone: "Europe/Berlin")
        }
        let noGoals = try PostgresParityTests.store(
            importing: files.filter { path in
                ["conversation_events", "goal", "behaviours", "journey"].allSatisfy { !path.contains($0) }
            })
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(
                noGoals, into: connection,
                leaving: [.conversationEvents, .goalEvents, .goals, .behaviours, .journeyRuns, .journeyResults])
            try expectSegmentParity(
                noGoals, connection, segment: [], breakdowns: ["district"], from: "2026-03-28", to: "2026-03-30",
                zone: "Europe/Berlin")
        }
    }
}

/// Compares the engine's aggregates of a segmented period (with breakdowns) with the SQLite
/// path's, and the `metrics.json` built from each; returns the engine's.
@discardableResult
func expectSegmentParity(
    _ store: Store, _ connection: some WarehouseConnection, segment: Segment, breakdowns: [String], from: String, to: String,
    zone: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> PeriodAggregates? {
    let first = try #require(LocalDate(iso: from))
    let last = try #require(LocalDate(iso: to))
    let period = try #require(ReportPeriod(from: first, to: last))
    let calendar = try #require(ReportCalendar(identifier: zone))
    let data = try store.periodData(period: period, calendar: calendar, segment: segment, breakdowns: breakdowns)
    let hours = try BusinessHours("Mon-Fri 08:00-17:00")
    var expected = data.aggregates(businessHours: hours)
    if let input = data.trend {
        expected.summary.trend?.firstResponseMedians = TrendAggregate.firstResponseMedians(
            of: period, input: input, calendar: calendar, businessHours: hours)
    }
    let source = try WarehouseSource(connection: connection).segmented(segment)
    let engine = try source.periodAggregates(period: period, calendar: calendar, businessHours: hours, breakdowns: breakdowns)
    let label = "\(segment.label ?? "all") \(from)…\(to) \(zone)"
    #expect(engine.messages == expected.messages, "messages \(label)", sourceLocation: sourceLocation)
    #expect(engine.previous == expected.previous, "previous \(label)", sourceLocation: sourceLocation)
    #expect(engine.newUsersPerDay == expected.newUsersPerDay, "new users \(label)", sourceLocation: sourceLocation)
    #expect(engine.latestNames == expected.latestNames, "names \(label)", sourceLocation: sourceLocation)
    #expect(engine.goalCounts == expected.goalCounts, "goal counts \(label)", sourceLocation: sourceLocation)
    #expect(engine.conversations == expected.conversations, "conversations \(label)", sourceLocation: sourceLocation)
    #expect(engine.consent == expected.consent, "consent \(label)", sourceLocation: sourceLocation)
    #expect(engine.delivery == expected.delivery, "delivery \(label)", sourceLocation: sourceLocation)
    #expect(
        engine.previousReachedUsers == expected.previousReachedUsers, "previous reached \(label)", sourceLocation: sourceLocation)
    #expect(engine.statusesStored == expected.statusesStored, "statuses stored \(label)", sourceLocation: sourceLocation)
    #expect(engine.breakdowns == expected.breakdowns, "breakdowns \(label)", sourceLocation: sourceLocation)
    #expect(engine.summary == expected.summary, "summary \(label)", sourceLocation: sourceLocation)
    #expect(engine == expected, "every aggregate \(label)", sourceLocation: sourceLocation)
    let sqlite = MetricsJSON.render(
        Report(data: data, serviceName: "Parity", generatorVersion: "test", businessHours: hours))
    let warehouse = MetricsJSON.render(
        Report(data: data, aggregates: engine, serviceName: "Parity", generatorVersion: "test", businessHours: hours))
    #expect(sqlite == warehouse, "metrics.json \(label)", sourceLocation: sourceLocation)
    return engine
}
