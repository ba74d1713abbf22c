import InsightsMetrics
import InsightsTestSupport
import Testing

/// Two days in UTC, 2026-10-05 and 2026-10-06 (instants `[10-05 00:00, 10-07 00:00)`), with
/// no message at all: only Journeys, as a source hands them over.
///
/// Journey j1 ("Baseline survey"): r0 (c1) began 10-04 23:00, before the period, and
/// completed inside it: not counted. r1 (c1) 08:00→08:10 completed (10 min); r2 (c2)
/// 09:00→09:30 completed (30 min); r3 (c3) began 10-05 10:00, expired 10-06 10:00 at step
/// " age "; r4 (c1) began 10-06 08:00, interrupted 09:00 with no step; r5 (c4) began 10-06
/// 20:00 and completed at 10-07 00:00, the very end instant: still in progress.
/// Journey j2 has no name: r6 (c5) began 10-06 12:00 and has not ended.
/// Answers to j1's q1: c1 "Yes" then "No" (the newest counts), c2 " Yes " (trimmed), c3
/// "Yes" on 10-04 (before the period, ignored). c6 answered j3's q9, a Journey with no run
/// begun in the period: not listed, but an answer in the period.
private func journeyDays() -> PeriodData {
    let calendar = zone("UTC")
    let days = period("2026-10-05", "2026-10-06")
    var data = PeriodData(
        period: days, calendar: calendar, tally: MessageTally(period: days, calendar: calendar),
        previous: PreviousPeriodCounts(received: 0, sent: 0, activeUsers: 0, newUsers: 0), firstInbound: [], countries: [:],
        latestNames: [:], conversationSpans: [], goals: [], goalEvents: [])
    data.journeyRuns = [
        JourneyRunRow(
            runID: "r0", contact: 1, journeyID: "j1", startedAt: utc("2026-10-04T23:00"), endedAt: utc("2026-10-05T01:00"),
            outcome: .completed),
        JourneyRunRow(
            runID: "r1", contact: 1, journeyID: "j1", startedAt: utc("2026-10-05T08:00"), endedAt: utc("2026-10-05T08:10"),
            outcome: .completed),
        JourneyRunRow(
            runID: "r2", contact: 2, journeyID: "j1", startedAt: utc("2026-10-05T09:00"), endedAt: utc("2026-10-05T09:30"),
            outcome: .completed),
        JourneyRunRow(
            runID: "r3", contact: 3, journeyID: "j1", startedAt: utc("2026-10-05T10:00"), endedAt: utc("2026-10-06T10:00"),
            outcome: .expired, lastStep: " age "),
        JourneyRunRow(
            runID: "r4", contact: 1, journeyID: "j1", startedAt: utc("2026-10-06T08:00"), endedAt: utc("2026-10-06T09:00"),
            outcome: .interrupted),
        JourneyRunRow(
            runID: "r5", contact: 4, journeyID: "j1", startedAt: utc("2026-10-06T20:00"), endedAt: utc("2026-10-07T00:00"),
            outcome: .completed),
        JourneyRunRow(runID: "r6", contact: 5, journeyID: "j2", startedAt: utc("2026-10-06T12:00")),
    ]
    data.journeyResults = [
        JourneyResultRow(
            contact: 3, journeyID: "j1", question: "q1", answer: "Yes", timestamp: utc("2026-10-04T12:00"), sequence: 0),
        JourneyResultRow(
            contact: 1, journeyID: "j1", question: "q1", answer: "Yes", timestamp: utc("2026-10-05T08:05"), sequence: 1),
        JourneyResultRow(
            contact: 2, journeyID: "j1", question: "q1", answer: " Yes ", timestamp: utc("2026-10-05T09:05"), sequence: 2),
        JourneyResultRow(
            contact: 1, journeyID: "j1", question: "q1", answer: "No", timestamp: utc("2026-10-06T08:05"), sequence: 5),
        JourneyResultRow(
            contact: 6, journeyID: "j3", question: "q9", answer: "x", timestamp: utc("2026-10-05T12:00"), sequence: 6),
    ]
    data.journeyNames = ["j1": "Baseline survey"]
    data.journeysImported = true
    return data
}

@Suite struct ReportJourneysTests {
    @Test func theJourneysBlockFromPeriodData() {
        let report = Report(data: journeyDays(), serviceName: "Line", generatorVersion: "9.9")
        // j1 has 5 runs begun in the period (r1–r5), j2 one: j1 first.
        #expect(report.journeys.journeys.map(\.journeyID) == ["j1", "j2"])
        let j1 = report.journeys.journeys[0]
        #expect(j1.name == "Baseline survey")
        // r1–r5 by c1, c2, c3, c1, c4: 4 people.
        #expect(j1.runsStarted == 5)
        #expect(j1.usersStarted == 4)
        // r1, r2 completed; r3 expired; r4 interrupted; r5 ends at the end instant: in progress.
        #expect([j1.completed, j1.expired, j1.interrupted, j1.inProgress] == [2, 1, 1, 1])
        // 2 of 5.
        #expect(j1.completionRate == 0.4)
        // Median of 10 and 30 minutes; r0's 60 minutes is not counted.
        #expect(j1.medianMinutesToComplete == 20)
        // r3 at "age" (trimmed), r4 without a step: one each, "(" sorts before "a".
        #expect(
            j1.dropOff
                == TopList(top: [LabelCount(label: "(unknown)", count: 1), LabelCount(label: "age", count: 1)], other: nil))
        // c1's newest answer is "No", c2's trimmed "Yes"; c3's answer before the period is ignored.
        #expect(
            j1.answers == [
                QuestionAnswers(
                    question: "q1", respondents: 2,
                    answers: TopList(top: [LabelCount(label: "No", count: 1), LabelCount(label: "Yes", count: 1)], other: nil))
            ])
        // j2 has no stored name: named by its id; its one run is still going.
        let j2 = report.journeys.journeys[1]
        #expect(j2.name == "j2")
        #expect([j2.runsStarted, j2.usersStarted, j2.completed, j2.inProgress] == [1, 1, 0, 1])
        #expect(j2.completionRate == 0)
        #expect(j2.medianMinutesToComplete == nil)
        #expect(j2.dropOff.top.isEmpty && j2.dropOff.other == nil)
        // Completed over every Journey: r1 and r2.
        #expect(report.journeys.totalCompleted == 2)
        #expect(report.journeysImported)
        // 4 answers lie in the period (c1 twice, c2, c6 in j3); c3's does not.
        #expect(report.journeyResultsInPeriod == 4)
        #expect(!report.isEmpty)
    }

    @Test func journeyActivityAloneMakesAPeriodNonEmpty() {
        var data = journeyDays()
        data.journeyRuns = []
        // Only answers: c6's in j3 (and c1's, c2's) lie in the period.
        #expect(!Report(data: data, serviceName: "Line", generatorVersion: "9.9").isEmpty)
        data.journeyResults = []
        let quiet = Report(data: data, serviceName: "Line", generatorVersion: "9.9")
        #expect(quiet.isEmpty)
        // Runs are stored (in other periods): the page shows the block, with no Journey listed.
        #expect(quiet.journeysImported)
        #expect(quiet.journeys.journeys.isEmpty)
        data.journeysImported = false
        #expect(!Report(data: data, serviceName: "Line", generatorVersion: "9.9").journeysImported)
    }
}
