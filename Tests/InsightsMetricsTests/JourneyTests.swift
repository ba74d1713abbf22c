import InsightsMetrics
import InsightsTestSupport
import Testing

@Suite struct JourneyTests {
    /// Period 2026-10-10 to 2026-10-12 in UTC: [10-10T00:00Z, 10-13T00:00Z).
    static let range = period("2026-10-10", "2026-10-12").instants(in: zone("UTC"))

    @Test func outcomesAtTheEndOfThePeriod() throws {
        let runs = [
            run("r1", 1, "j", "2026-10-09T23:59", "2026-10-10T01:00", .completed),  // began before: not counted
            run("r2", 1, "j", "2026-10-10T00:00", "2026-10-10T00:10", .completed),  // 10 min
            run("r3", 2, "j", "2026-10-10T08:00", "2026-10-10T08:30:30", .completed),  // 30.5 min
            run("r4", 3, "j", "2026-10-11T09:00", "2026-10-11T10:00", .expired, step: "  name "),
            run("r5", 4, "j", "2026-10-11T09:00", "2026-10-12T23:59:59", .interrupted, step: nil),
            run("r6", 4, "j", "2026-10-12T09:00", "2026-10-13T00:00", .completed),  // ends at the end instant
            run("r7", 5, "j", "2026-10-12T10:00", "2026-10-14T00:00", .expired),  // ends after the period
            run("r8", 6, "j", "2026-10-12T11:00"),  // still running
            run("r9", 6, "j", "2026-10-13T00:00"),  // starts at the end instant: not in the period
        ]
        let metrics = JourneyMetrics(period: Self.range, runs: runs, results: [], names: ["j": "Journey J"])
        let journey = try #require(metrics.journeys.first)
        // Runs r2…r8 = 7, contacts 1, 2, 3, 4, 5, 6 = 6.
        #expect(journey.runsStarted == 7)
        #expect(journey.usersStarted == 6)
        // Completed r2, r3; expired r4; interrupted r5; in progress r6 (ends at the end), r7, r8.
        #expect(journey.completed == 2)
        #expect(journey.expired == 1)
        #expect(journey.interrupted == 1)
        #expect(journey.inProgress == 3)
        // 2 / 7.
        #expect(journey.completionRate == 2.0 / 7.0)
        // Median of 10 and 30.5 minutes: (10 + 30.5) / 2 = 20.25.
        #expect(journey.medianMinutesToComplete == 20.25)
        // r4 at "name" (trimmed), r5 with no step: one each, ties by text ("(" < "n").
        #expect(
            journey.dropOff
                == TopList(top: [LabelCount(label: "(unknown)", count: 1), LabelCount(label: "name", count: 1)], other: nil))
        #expect(journey.name == "Journey J")
        #expect(metrics.totalCompleted == 2)
    }

    @Test func dropOffKeepsTheFiveLargestThenOther() throws {
        // Steps: a ×3, b ×2, c ×2, "" ×2 (→ "(unknown)"), d ×1, e ×1, f ×1 = 12 runs.
        let steps: [String?] = ["a", "a", "a", "b", "b", "c", "c", "", " ", "d", "e", "f"]
        let runs = steps.enumerated().map { index, step in
            run(
                "r\(index)", ContactKey(index), "j", "2026-10-10T10:00", "2026-10-10T11:00",
                index % 2 == 0 ? .expired : .interrupted, step: step)
        }
        let journey = try #require(JourneyMetrics(period: Self.range, runs: runs, results: [], names: [:]).journeys.first)
        // a 3; then the 2s by text: "(unknown)", b, c; then the 1s: d (e, f left) → other = 2.
        #expect(
            journey.dropOff
                == TopList(
                    top: [
                        LabelCount(label: "a", count: 3), LabelCount(label: "(unknown)", count: 2),
                        LabelCount(label: "b", count: 2), LabelCount(label: "c", count: 2), LabelCount(label: "d", count: 1),
                    ], other: 2))
        #expect(journey.dropOff.total == 12)
        // 6 expired (even indices), 6 interrupted; none completed: no median.
        #expect(journey.expired == 6)
        #expect(journey.interrupted == 6)
        #expect(journey.medianMinutesToComplete == nil)
        #expect(journey.name == "j")
    }

    @Test func journeysSortByRunsThenID() {
        let runs = [
            run("r1", 1, "b", "2026-10-10T10:00"), run("r2", 2, "b", "2026-10-10T10:00"),
            run("r3", 1, "c", "2026-10-10T10:00"), run("r4", 1, "a", "2026-10-10T10:00"),
            run("r5", 1, "z", "2026-10-01T10:00"),  // only before the period: not listed
        ]
        let metrics = JourneyMetrics(period: Self.range, runs: runs, results: [], names: [:])
        // b has 2 runs; a and c 1 each, by id.
        #expect(metrics.journeys.map(\.journeyID) == ["b", "a", "c"])
        #expect(metrics.journeys.map(\.runsStarted) == [2, 1, 1])
        // Contact 1 ran b once: users 2 of b.
        #expect(metrics.journeys.first?.usersStarted == 2)
    }

    @Test func answersTakeEachRespondentsNewestAnswer() throws {
        let runs = [run("r1", 1, "j", "2026-10-10T10:00")]
        let results = [
            result(1, "mood", "bad", "2026-10-10T10:00", 1),
            result(1, "mood", "good", "2026-10-10T11:00", 2),  // newer: contact 1 counts "good"
            result(2, "mood", "ok", "2026-10-11T10:00", 4),
            result(2, "mood", "good ", "2026-10-11T10:00", 3),  // same instant, earlier row: loses
            result(3, "mood", " ok", "2026-10-11T10:00", 5),  // trimmed: "ok"
            result(4, "mood", "Good", "2026-10-11T10:00", 6),  // case kept: its own answer
            result(5, "mood", "bad", "2026-10-09T23:00", 7),  // before the period: not a respondent
            result(6, "mood", "bad", "2026-10-12T10:00", 8),
            result(6, "mood", "good", "2026-10-13T00:00", 9),  // after the period: "bad" stays
            result(1, "age", "30", "2026-10-12T10:00", 10),
            result(1, "mood", "ok", "2026-10-12T10:00", 11, journey: "other"),  // another Journey, no run there
        ]
        let metrics = JourneyMetrics(period: Self.range, runs: runs, results: results, names: [:])
        // Only "j" has a run in the period; "other" is not listed.
        #expect(metrics.journeys.map(\.journeyID) == ["j"])
        let journey = try #require(metrics.journeys.first)
        // Questions by text: age, mood.
        #expect(journey.answers.map(\.question) == ["age", "mood"])
        #expect(
            journey.answers[0] == QuestionAnswers(question: "age", respondents: 1, answers: TopList(counts: ["30": 1], limit: 10))
        )
        // mood: contacts 1 good, 2 ok, 3 ok, 4 Good, 6 bad → 5 respondents; ok 2, then 1s by code
        // point: "Good" (G = 71) < "bad" < "good".
        #expect(journey.answers[1].respondents == 5)
        #expect(
            journey.answers[1].answers
                == TopList(
                    top: [
                        LabelCount(label: "ok", count: 2), LabelCount(label: "Good", count: 1),
                        LabelCount(label: "bad", count: 1), LabelCount(label: "good", count: 1),
                    ], other: nil))
    }

    @Test func answersKeepTheTenMostGivenThenOther() throws {
        // 12 contacts: answer "a" by contacts 0–1 (2 users), then "b"…"l" one each (11 answers).
        let answers = ["a", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]
        let results = answers.enumerated().map { index, answer in
            result(ContactKey(index), "q", answer, "2026-10-11T10:00", Int64(index))
        }
        let runs = [run("r1", 1, "j", "2026-10-10T10:00")]
        let question = try #require(
            JourneyMetrics(period: Self.range, runs: runs, results: results, names: [:]).journeys.first?.answers.first)
        // 13 respondents; top: a 2, b…j 1 each (10 entries); k, l left → other 2.
        #expect(question.respondents == 13)
        #expect(question.answers.top.map(\.label) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"])
        #expect(question.answers.top.first?.count == 2)
        #expect(question.answers.other == 2)
    }

    @Test func codePointOrderIsNotCanonicalOrder() {
        // "é" precomposed (U+00E9) and decomposed ("e" U+0065 + U+0301) are canonically equal for
        // Swift's `==`, but differ by code points: U+0065 < U+00E9.
        #expect(codePointPrecedes("e\u{301}", "\u{E9}"))
        #expect(!codePointPrecedes("\u{E9}", "e\u{301}"))
        #expect(codePointPrecedes("B", "a"))
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
    _ contact: ContactKey, _ question: String, _ answer: String, _ at: String, _ sequence: Int64, journey: String = "j"
) -> JourneyResultRow {
    JourneyResultRow(
        contact: contact, journeyID: journey, question: question, answer: answer, timestamp: utc(at), sequence: sequence)
}
