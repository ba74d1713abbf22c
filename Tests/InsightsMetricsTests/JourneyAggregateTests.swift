import Foundation
import InsightsMetrics
import InsightsTestSupport
import Testing

/// `JourneyAggregate` reduces a period's Journey rows to counts, and `JourneyMetrics(aggregate:)`
/// builds from them the same block as `JourneyMetrics(period:runs:results:names:)` builds from
/// the rows.
///
/// Period 2026-10-10 to 2026-10-12 in UTC: `[10-10 00:00, 10-13 00:00)`.
/// Journey j ("Journey J"): r0 (c1) began 10-09 23:00, before the period: not counted. r1 (c1)
/// 00:00→00:10 completed (10 min); r2 (c2) 08:00→08:30:30 completed (30.5 min); r3 (c3)
/// 09:00→11:00 completed (120 min); r4 (c1) expired at " q2 "; r5 (c4) interrupted at "q2";
/// r6 (c5) expired with no step; r7 (c5) completed at 10-13 00:00, the end instant: in progress.
/// Journey k (no name): r8 (c6) still running; r9 (c7) completed in 45 min.
@Suite struct JourneyAggregateTests {
    static let range = period("2026-10-10", "2026-10-12").instants(in: zone("UTC"))

    static let runs = [
        run("r0", 1, "j", "2026-10-09T23:00", "2026-10-10T01:00", .completed),
        run("r1", 1, "j", "2026-10-10T00:00", "2026-10-10T00:10", .completed),
        run("r2", 2, "j", "2026-10-10T08:00", "2026-10-10T08:30:30", .completed),
        run("r3", 3, "j", "2026-10-10T09:00", "2026-10-10T11:00", .completed),
        run("r4", 1, "j", "2026-10-11T09:00", "2026-10-11T10:00", .expired, step: " q2 "),
        run("r5", 4, "j", "2026-10-11T09:00", "2026-10-11T12:00", .interrupted, step: "q2"),
        run("r6", 5, "j", "2026-10-11T09:00", "2026-10-12T00:00", .expired, step: nil),
        run("r7", 5, "j", "2026-10-12T09:00", "2026-10-13T00:00", .completed),
        run("r8", 6, "k", "2026-10-12T10:00"),
        run("r9", 7, "k", "2026-10-12T11:00", "2026-10-12T11:45", .completed),
    ]

    /// j's mood: c1 "bad" then "good" (newer); c2 "ok" (row 3) and "fine" (row 4) at the same
    /// instant: the later row, "fine", counts (though "ok" sorts after it); c3 " good "
    /// (trimmed); c4 before the period: not a respondent; c5 "ok"; c6 "bad" (c6 ran k, not j:
    /// answers count whatever run). j's age: c1 and c2 "30" at the same instant (two people).
    /// z has no run in the period: its answer is not counted. k's rating: c7 "  " (trimmed
    /// to ""). c1's "ok" at the end instant is outside the period.
    static let results = [
        result(1, "j", "mood", "bad", "2026-10-10T10:00", 1),
        result(1, "j", "mood", "good", "2026-10-10T11:00", 2),
        result(2, "j", "mood", "ok", "2026-10-11T10:00", 3),
        result(2, "j", "mood", "fine", "2026-10-11T10:00", 4),
        result(3, "j", "mood", " good ", "2026-10-11T12:00", 5),
        result(4, "j", "mood", "ok", "2026-10-09T12:00", 6),
        result(5, "j", "mood", "ok", "2026-10-12T20:00", 7),
        result(6, "j", "mood", "bad", "2026-10-10T01:00", 8),
        result(1, "j", "age", "30", "2026-10-12T00:00", 9),
        result(2, "j", "age", "30", "2026-10-12T00:00", 10),
        result(1, "z", "q", "x", "2026-10-11T00:00", 11),
        result(7, "k", "rating", "  ", "2026-10-12T12:00", 12),
        result(1, "j", "mood", "ok", "2026-10-13T00:00", 13),
    ]

    static let names = ["j": "Journey J", "z": "Zed"]

    @Test func rowsReduceToHandWorkedCounts() {
        let aggregate = JourneyAggregate(
            period: Self.range, runs: Self.runs, results: Self.results, names: Self.names, runsStored: false)
        // j: r1–r7 = 7 runs by c1…c5 = 5 people; completed r1, r2, r3; expired r4, r6;
        // interrupted r5. Durations 10, 30.5, 120 min: the middle one, 30.5 min = 1 830 s.
        // Drop-off: "q2" twice (r4 trimmed, r5), "(unknown)" once (r6).
        // mood: c1 good, c2 fine, c3 good, c5 ok, c6 bad = 5; good 2, then bad, fine, ok by text.
        let j = JourneyCounts(
            runsStarted: 7, usersStarted: 5, completed: 3, expired: 2, interrupted: 1, middleDurations: [1_830_000_000],
            dropOff: TopList(top: [LabelCount(label: "q2", count: 2), LabelCount(label: "(unknown)", count: 1)], other: nil),
            answers: [
                QuestionAnswers(question: "age", respondents: 2, answers: TopList(counts: ["30": 2], limit: 10)),
                QuestionAnswers(
                    question: "mood", respondents: 5,
                    answers: TopList(
                        top: [
                            LabelCount(label: "good", count: 2), LabelCount(label: "bad", count: 1),
                            LabelCount(label: "fine", count: 1), LabelCount(label: "ok", count: 1),
                        ], other: nil)),
            ])
        // k: r8, r9 by c6, c7; r9 completed in 45 min = 2 700 s; no drop-off.
        let k = JourneyCounts(
            runsStarted: 2, usersStarted: 2, completed: 1, expired: 0, interrupted: 0, middleDurations: [2_700_000_000],
            dropOff: TopList(top: [], other: nil),
            answers: [QuestionAnswers(question: "rating", respondents: 1, answers: TopList(counts: ["": 1], limit: 10))])
        // Results in the period: all but rows 6 (before) and 13 (at the end) = 11. Runs were
        // given, so runs are stored. Only j's name is kept (z is not counted).
        #expect(
            aggregate
                == JourneyAggregate(journeys: ["j": j, "k": k], names: ["j": "Journey J"], runsStored: true, resultsInPeriod: 11))
    }

    @Test func metricsFromTheAggregateEqualMetricsFromTheRows() throws {
        let aggregate = JourneyAggregate(
            period: Self.range, runs: Self.runs, results: Self.results, names: Self.names, runsStored: true)
        let fromRows = JourneyMetrics(period: Self.range, runs: Self.runs, results: Self.results, names: Self.names)
        let metrics = JourneyMetrics(aggregate: aggregate)
        #expect(metrics == fromRows)
        // j (7 runs) before k (2); j's median is its middle 30.5 min, k is named by its id.
        #expect(metrics.journeys.map(\.journeyID) == ["j", "k"])
        #expect(metrics.journeys.map(\.name) == ["Journey J", "k"])
        #expect(metrics.journeys.map(\.medianMinutesToComplete) == [30.5, 45])
        #expect(metrics.journeys.map(\.inProgress) == [1, 1])
    }

    @Test func anEvenNumberOfCompletionsKeepsTwoMiddleValues() throws {
        // Four completions of 1, 2, 4 and 8 minutes (in shuffled order): middle 2 and 4 → 3.
        let runs = [8, 1, 4, 2].enumerated().map { index, minutes in
            JourneyRunRow(
                runID: "r\(index)", contact: ContactKey(index), journeyID: "j", startedAt: utc("2026-10-11T00:00"),
                endedAt: utc("2026-10-11T00:00") + Int64(minutes) * 60_000_000, outcome: .completed)
        }
        let aggregate = JourneyAggregate(period: Self.range, runs: runs, results: [], names: [:], runsStored: true)
        #expect(aggregate.journeys["j"]?.middleDurations == [120_000_000, 240_000_000])
        let metrics = JourneyMetrics(aggregate: aggregate)
        #expect(metrics == JourneyMetrics(period: Self.range, runs: runs, results: [], names: [:]))
        #expect(metrics.journeys.first?.medianMinutesToComplete == 3)
    }

    @Test func anEmptyPeriod() {
        // Nothing started or answered in the period: no Journey, nothing counted.
        let before = [run("r0", 1, "j", "2026-10-01T10:00", "2026-10-11T10:00", .completed)]
        let late = [result(1, "j", "mood", "ok", "2026-10-13T00:00", 1)]
        let stored = JourneyAggregate(period: Self.range, runs: [], results: late, names: ["j": "J"], runsStored: true)
        #expect(stored == JourneyAggregate(journeys: [:], names: [:], runsStored: true, resultsInPeriod: 0))
        #expect(JourneyMetrics(aggregate: stored).journeys.isEmpty)
        // Rows given that are outside the period still say runs exist (as the rows path did).
        let outside = JourneyAggregate(period: Self.range, runs: before, results: [], names: [:], runsStored: false)
        #expect(outside == JourneyAggregate(journeys: [:], names: [:], runsStored: true, resultsInPeriod: 0))
        #expect(JourneyAggregate(period: Self.range, runs: [], results: [], names: [:], runsStored: false) == .none)
    }

    @Test func theReportReadsTheJourneysBlockFromTheAggregateOnly() {
        let calendar = zone("UTC")
        let days = period("2026-10-10", "2026-10-12")
        var data = PeriodData(
            period: days, calendar: calendar, tally: MessageTally(period: days, calendar: calendar),
            previous: PreviousPeriodCounts(received: 0, sent: 0, activeUsers: 0, newUsers: 0), firstInbound: [],
            countries: [:], latestNames: [:], conversationSpans: [], goals: [], goalEvents: [])
        data.journeyRuns = Self.runs.filter { Self.range.contains($0.startedAt) }
        data.journeyResults = Self.results.filter { Self.range.contains($0.timestamp) }
        data.journeyNames = Self.names
        data.journeysImported = true
        let aggregates = data.aggregates
        let fromRows = Report(data: data, serviceName: "Line", generatorVersion: "9.9")
        // The same aggregates with the rows gone: the block, the stored flag and the count
        // of results are unchanged.
        var rowless = data
        rowless.journeyRuns = []
        rowless.journeyResults = []
        rowless.journeyNames = [:]
        rowless.journeysImported = false
        let fromAggregates = Report(data: rowless, aggregates: aggregates, serviceName: "Line", generatorVersion: "9.9")
        #expect(fromAggregates.journeys == fromRows.journeys)
        #expect(fromAggregates.journeys.journeys.count == 2)
        #expect(fromAggregates.journeysImported)
        // 11 results lie in the period.
        #expect(fromAggregates.journeyResultsInPeriod == 11)
        #expect(fromRows.journeyResultsInPeriod == 11)
    }

    @Test func trimmedWhiteSpaceIsFoundationsWhitespacesAndNewlines() {
        // Every Unicode scalar Foundation trims, and no other: the set a warehouse trims with.
        let expected = (0...0x10FFFF).compactMap(Unicode.Scalar.init(_:)).filter {
            CharacterSet.whitespacesAndNewlines.contains($0)
        }
        #expect(Array(trimmedWhiteSpace.unicodeScalars) == expected)
        // Trimming works on scalars: a space before a combining mark is trimmed, the mark kept.
        #expect(" \u{301}x ".trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars.map(\.value) == [0x301, 0x78])
    }
}

private func run(
    _ id: String, _ contact: ContactKey, _ journey: String, _ started: String, _ ended: String? = nil,
    _ outcome: JourneyOutcome? = nil, step: String? = "x"
) -> JourneyRunRow {
    JourneyRunRow(
        runID: id, contact: contact, journeyID: journey, startedAt: utc(started), endedAt: ended.map(utc),
        outcome: outcome, lastStep: step)
}

private func result(
    _ contact: ContactKey, _ journey: String, _ question: String, _ answer: String, _ at: String, _ sequence: Int64
) -> JourneyResultRow {
    JourneyResultRow(
        contact: contact, journeyID: journey, question: question, answer: answer, timestamp: utc(at), sequence: sequence)
}
