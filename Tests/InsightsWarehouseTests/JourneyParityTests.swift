import Foundation
import InsightsImport
import InsightsMetrics
import InsightsPostgres
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// The Journeys block on hand-made data, SQLite against PostgreSQL (loaded from
/// `insights export`), with the engine's numbers worked out by hand.
///
/// The period is 29 March 2026 in UTC: `[03-29 00:00, 03-30 00:00)`.
/// Journey j1: r00 began a second before the period (not counted; its answer c8 gives
/// inside it counts). r01 (c1) completed in 10 min, r02 (c2) in 20, r03 (c3) in 30 min and
/// 1 µs; r04 (c4) completed at the end instant (in progress). Drop-off: r05 " s1" and r06
/// "s1" + no-break space (both "s1"), r07 and r08 "s2", r09 "S2", r10 no step, r11 "s3",
/// r12 "s4", r13 (c1 again) "s5" + zero-width space. Named runs: r00 "Old name", r01
/// "Intake", and after the period r14 "Later" and r15 "Latest" at one instant (r15 is last
/// by run_id: the name). j2: r20 began at the period's last microsecond, no name. j3: r30
/// began at the end instant (not listed; its answer still counts as a result in the period).
@Suite(.serialized, .temporaryFolders, .enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) struct JourneyParityTests {
    static let files: [String: String] = [
        "journey_runs.ndjson": """
        {"run_id": "r00", "contact_id": "c1", "journey_id": "j1", "journey_name": "Old name", "started_at": "2026-03-28T23:59:59Z", "ended_at": "2026-03-29T00:30:00Z", "outcome": "completed"}
        {"run_id": "r01", "contact_id": "c1", "journey_id": "j1", "journey_name": "Intake", "started_at": "2026-03-29T00:00:00Z", "ended_at": "2026-03-29T00:10:00Z", "outcome": "completed"}
        {"run_id": "r02", "contact_id": "c2", "journey_id": "j1", "started_at": "2026-03-29T01:00:00Z", "ended_at": "2026-03-29T01:20:00Z", "outcome": "completed"}
        {"run_id": "r03", "contact_id": "c3", "journey_id": "j1", "started_at": "2026-03-29T02:00:00Z", "ended_at": "2026-03-29T02:30:00.000001Z", "outcome": "completed"}
        {"run_id": "r04", "contact_id": "c4", "journey_id": "j1", "started_at": "2026-03-29T03:00:00Z", "ended_at": "2026-03-30T00:00:00Z", "outcome": "completed"}
        {"run_id": "r05", "contact_id": "c5", "journey_id": "j1", "started_at": "2026-03-29T03:00:00Z", "ended_at": "2026-03-29T04:00:00Z", "outcome": "expired", "last_step": " s1"}
        {"run_id": "r06", "contact_id": "c6", "journey_id": "j1", "started_at": "2026-03-29T03:00:00Z", "ended_at": "2026-03-29T04:00:00Z", "outcome": "interrupted", "last_step": "s1\\u00a0"}
        {"run_id": "r07", "contact_id": "c7", "journey_id": "j1", "started_at": "2026-03-29T03:00:00Z", "ended_at": "2026-03-29T04:00:00Z", "outcome": "expired", "last_step": "s2"}
        {"run_id": "r08", "contact_id": "c8", "journey_id": "j1", "started_at": "2026-03-29T03:00:00Z", "ended_at": "2026-03-29T04:00:00Z", "outcome": "expired", "last_step": "s2"}
        {"run_id": "r09", "contact_id": "c9", "journey_id": "j1", "started_at": "2026-03-29T03:00:00Z", "ended_at": "2026-03-29T04:00:00Z", "outcome": "expired", "last_step": "S2"}
        {"run_id": "r10", "contact_id": "c10", "journey_id": "j1", "started_at": "2026-03-29T03:00:00Z", "ended_at": "2026-03-29T04:00:00Z", "outcome": "expired", "last_step": "\\t"}
        {"run_id": "r11", "contact_id": "c11", "journey_id": "j1", "started_at": "2026-03-29T03:00:00Z", "ended_at": "2026-03-29T04:00:00Z", "outcome": "interrupted", "last_step": "s3"}
        {"run_id": "r12", "contact_id": "c12", "journey_id": "j1", "started_at": "2026-03-29T03:00:00Z", "ended_at": "2026-03-29T04:00:00Z", "outcome": "interrupted", "last_step": "s4"}
        {"run_id": "r13", "contact_id": "c1", "journey_id": "j1", "started_at": "2026-03-29T03:00:00Z", "ended_at": "2026-03-29T04:00:00Z", "outcome": "interrupted", "last_step": "s5\\u200b"}
        {"run_id": "r14", "contact_id": "c2", "journey_id": "j1", "journey_name": "Later", "started_at": "2026-04-02T00:00:00Z"}
        {"run_id": "r15", "contact_id": "c3", "journey_id": "j1", "journey_name": "Latest", "started_at": "2026-04-02T00:00:00Z"}
        {"run_id": "r20", "contact_id": "c1", "journey_id": "j2", "started_at": "2026-03-29T23:59:59.999999Z"}
        {"run_id": "r30", "contact_id": "c1", "journey_id": "j3", "started_at": "2026-03-30T00:00:00Z"}

        """,
        // mood: c1 "bad" then "good"; c2 "ok" then "fine" at one instant (the later row,
        // "fine"); c3 " good" and c4 "good" + no-break space ("good"); c5 "Good"; c6 before
        // the period; c7 "ok" twice, identical (one row); c8 "meh" in r00. pick: c1 and c2
        // "a", c3…c12 "b"…"k". note: c9 a line break and a space (trimmed: ""). j3: c1 "x". After the period: c1 "late".
        "journey_results.ndjson": """
        {"contact_id": "c1", "journey_id": "j1", "run_id": "r01", "question": "mood", "answer": "bad", "timestamp": "2026-03-29T00:05:00Z"}
        {"contact_id": "c1", "journey_id": "j1", "run_id": "r01", "question": "mood", "answer": "good", "timestamp": "2026-03-29T00:06:00Z"}
        {"contact_id": "c2", "journey_id": "j1", "run_id": "r02", "question": "mood", "answer": "ok", "timestamp": "2026-03-29T01:05:00Z"}
        {"contact_id": "c2", "journey_id": "j1", "run_id": "r02", "question": "mood", "answer": "fine", "timestamp": "2026-03-29T01:05:00Z"}
        {"contact_id": "c3", "journey_id": "j1", "question": "mood", "answer": " good", "timestamp": "2026-03-29T02:05:00Z"}
        {"contact_id": "c4", "journey_id": "j1", "question": "mood", "answer": "good\\u00a0", "timestamp": "2026-03-29T02:05:00Z"}
        {"contact_id": "c5", "journey_id": "j1", "run_id": "r05", "question": "mood", "answer": "Good", "timestamp": "2026-03-29T03:05:00Z"}
        {"contact_id": "c6", "journey_id": "j1", "run_id": "r06", "question": "mood", "answer": "ok", "timestamp": "2026-03-28T23:59:59Z"}
        {"contact_id": "c7", "journey_id": "j1", "run_id": "r07", "question": "mood", "answer": "ok", "timestamp": "2026-03-29T03:05:00Z"}
        {"contact_id": "c7", "journey_id": "j1", "run_id": "r07", "question": "mood", "answer": "ok", "timestamp": "2026-03-29T03:05:00Z"}
        {"contact_id": "c8", "journey_id": "j1", "run_id": "r00", "question": "mood", "answer": "meh", "timestamp": "2026-03-29T03:10:00Z"}
        {"contact_id": "c9", "journey_id": "j1", "question": "note", "answer": "\\n ", "timestamp": "2026-03-29T05:00:00Z"}
        {"contact_id": "c1", "journey_id": "j3", "question": "q", "answer": "x", "timestamp": "2026-03-29T06:00:00Z"}
        {"contact_id": "c1", "journey_id": "j1", "question": "mood", "answer": "late", "timestamp": "2026-03-30T00:00:00Z"}

        """
            + ["a", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"].enumerated().map { index, answer in
                """
                {"contact_id": "c\(index + 1)", "journey_id": "j1", "question": "pick", "answer": "\(answer)", "timestamp": "2026-03-29T05:00:00Z"}

                """
            }.joined(),
    ]

    static func write() throws -> [String] {
        let folder = try TestPaths.temporaryDirectory("pg-journeys")
        return try files.keys.sorted().map { name in
            let url = folder.appendingPathComponent(name)
            try Data(files[name, default: ""].utf8).write(to: url)
            return url.path
        }
    }

    @Test func handMadeJourneys() throws {
        let store = try PostgresParityTests.store(importing: try Self.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            try expectParity(store, connection, from: "2026-03-29", to: "2026-03-29", zone: "UTC")
            try expectParity(store, connection, from: "2026-03-28", to: "2026-04-02", zone: "Europe/Berlin")
            try expectParity(store, connection, from: "2026-03-30", to: "2026-03-30", zone: "UTC")
            let aggregate = try journeys(connection)
            try expectHandWorked(aggregate, fine: true)
            try expectGroupedJourneys(connection)
            // An identical row added to the warehouse counts once, as SQLite stores it once.
            try connection.execute(
                "INSERT INTO \(connection.dialect.table("journey_results")) SELECT * FROM \(connection.dialect.table("journey_results")) WHERE contact_id = 'c7'"
            )
            #expect(try journeys(connection) == aggregate)
        }
    }

    /// Without `seq`, c2's two answers at one instant keep the one last by trimmed answer in
    /// code point order: "ok" (after "fine").
    @Test func withoutSeqTheLastAnswerByTextWins() throws {
        let store = try PostgresParityTests.store(importing: try Self.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            try connection.execute("ALTER TABLE \(connection.dialect.table("journey_results")) DROP COLUMN seq")
            try expectHandWorked(try journeys(connection), fine: false)
            try expectGroupedJourneys(connection)
        }
    }

    /// A warehouse without the Journey tables has no Journey data, as SQLite without them.
    @Test func missingJourneyTablesAreNoData() throws {
        let files = try EdgeCases.write()
        let store = try PostgresParityTests.store(importing: files)
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection, leaving: [.journeyRuns, .journeyResults])
            #expect(try journeys(connection) == .none)
            #expect(try groupedJourneys(connection) == [.none, .none, .none])
            try expectParity(store, connection, from: "2026-03-29", to: "2026-03-29", zone: "Europe/Berlin")
        }
        // Runs without results: the runs count, no answer, no result in the period.
        let runsOnly = try PostgresParityTests.store(importing: try Self.write().filter { $0.hasSuffix("journey_runs.ndjson") })
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(runsOnly, into: connection, leaving: [.journeyResults])
            let aggregate = try journeys(connection)
            #expect(aggregate.journeys["j1"]?.runsStarted == 13)
            #expect(aggregate.journeys["j1"]?.answers == [])
            #expect(aggregate.resultsInPeriod == 0)
            try expectGroupedJourneys(connection)
            try expectParity(runsOnly, connection, from: "2026-03-29", to: "2026-03-29", zone: "UTC")
        }
    }

    /// A run that is not one row, or an outcome the engine does not know, is an error
    /// naming the column.
    @Test func badRunsAreErrors() throws {
        let store = try PostgresParityTests.store(importing: try Self.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let runs = connection.dialect.table("journey_runs")
            try connection.execute("INSERT INTO \(runs) SELECT * FROM \(runs) WHERE run_id = 'r02'")
            let repeated = WarehouseError.badValue("journey_runs.run_id repeats in Journey \"j1\": a run must be one row")
            #expect(throws: repeated) { try journeys(connection) }
            // The grouped queries (an archive's) fail alike.
            #expect(throws: repeated) { try groupedJourneys(connection) }
            try connection.execute("DELETE FROM \(runs) WHERE run_id = 'r02'")
            try connection.execute("UPDATE \(runs) SET outcome = 'done' WHERE run_id = 'r05'")
            let outcome = WarehouseError.badValue(
                "journey_runs.outcome of Journey \"j1\" holds a value that is not an outcome")
            #expect(throws: outcome) { try journeys(connection) }
            #expect(throws: outcome) { try groupedJourneys(connection) }
        }
    }

    private func journeys(_ connection: PostgresConnection) throws -> JourneyAggregate {
        try WarehouseSource(connection: connection).journeys(period: period("2026-03-29", "2026-03-29"), calendar: zone("UTC"))
    }

    /// The periods of the grouped queries: 29 March, 28 March…2 April (holding it: each run
    /// and answer counts in both) and 30 March.
    private var groupedPeriods: [ReportPeriod] {
        [period("2026-03-29", "2026-03-29"), period("2026-03-28", "2026-04-02"), period("2026-03-30", "2026-03-30")]
    }

    /// The Journeys of `groupedPeriods` from `periodAggregates(periods:…)`, in UTC.
    private func groupedJourneys(_ connection: PostgresConnection) throws -> [JourneyAggregate] {
        try WarehouseSource(connection: connection).periodAggregates(periods: groupedPeriods, calendar: zone("UTC"))
            .map(\.journeys)
    }

    /// The grouped Journeys are `journeys(period:…)` of each period, and the periods differ.
    private func expectGroupedJourneys(_ connection: PostgresConnection) throws {
        let source = WarehouseSource(connection: connection)
        let calendar = zone("UTC")
        let each = try groupedPeriods.map { period in try source.journeys(period: period, calendar: calendar) }
        #expect(try groupedJourneys(connection) == each)
        #expect(Set(each.map(\.journeys.count)).count > 1 || Set(each.map(\.resultsInPeriod)).count > 1)
    }

    /// The engine's numbers for the period, by hand.
    private func expectHandWorked(_ aggregate: JourneyAggregate, fine: Bool) throws {
        let j1 = try #require(aggregate.journeys["j1"])
        // r01–r13: 13 runs by c1…c12 (c1 twice) = 12 people. Completed r01–r03; expired r05,
        // r07, r08, r09, r10; interrupted r06, r11, r12, r13; r04 in progress.
        #expect([j1.runsStarted, j1.usersStarted, j1.completed, j1.expired, j1.interrupted] == [13, 12, 3, 5, 4] as [Int])
        // 10, 20 and 30 min + 1 µs: the middle, 20 min.
        #expect(j1.middleDurations == [1_200_000_000])
        // s1 2, s2 2, then one each by code point: (unknown) < S2 < s3 < s4 < s5; s4 and s5
        // make `other` (2).
        #expect(
            j1.dropOff
                == TopList(
                    top: [
                        LabelCount(label: "s1", count: 2), LabelCount(label: "s2", count: 2),
                        LabelCount(label: "(unknown)", count: 1), LabelCount(label: "S2", count: 1),
                        LabelCount(label: "s3", count: 1),
                    ], other: 2))
        #expect(j1.answers.map(\.question) == ["mood", "note", "pick"])
        // mood: c1 good, c2 fine (ok without seq), c3 good, c4 good, c5 Good, c7 ok, c8 meh
        // = 7 respondents.
        let mood =
            fine
            ? [("good", 3), ("Good", 1), ("fine", 1), ("meh", 1), ("ok", 1)] : [("good", 3), ("ok", 2), ("Good", 1), ("meh", 1)]
        #expect(j1.answers.first?.respondents == 7)
        #expect(j1.answers.first?.answers == TopList(top: mood.map { LabelCount(label: $0.0, count: $0.1) }, other: nil))
        #expect(
            j1.answers.dropFirst().first
                == QuestionAnswers(
                    question: "note", respondents: 1, answers: TopList(top: [LabelCount(label: "", count: 1)], other: nil)))
        // pick: "a" 2 (c1, c2), "b"…"k" one each: the top 10 ends at "j", "k" is other (1).
        let pick = try #require(j1.answers.last)
        #expect(pick.respondents == 12)
        #expect(pick.answers.top.map(\.label) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"])
        #expect(pick.answers.other == 1)
        // j2: r20 at the last microsecond, still running, no name.
        #expect(
            aggregate.journeys["j2"]
                == JourneyCounts(
                    runsStarted: 1, usersStarted: 1, completed: 0, expired: 0, interrupted: 0, middleDurations: [],
                    dropOff: TopList(top: [], other: nil), answers: []))
        #expect(aggregate.journeys.keys.sorted() == ["j1", "j2"])
        #expect(aggregate.names == ["j1": "Latest"])
        #expect(aggregate.runsStored)
        // In the period: mood 9 rows (c7's twice once, c6's before), note 1, j3 1, pick 12 = 23.
        #expect(aggregate.resultsInPeriod == 23)
    }
}
