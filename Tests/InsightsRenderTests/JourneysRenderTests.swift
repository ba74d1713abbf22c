import Foundation
import InsightsMetrics
import InsightsTestSupport
import Testing

@testable import InsightsRender

/// The sample report with Journeys (or without goals), for the Journeys block's outputs.
func journeysReport(
    _ journeys: [JourneyResult], goals: Bool = true, imported: Bool? = nil
) -> Report {
    let base = sampleReport()
    return Report(
        serviceName: base.serviceName, generatorVersion: base.generatorVersion, period: base.period,
        timeZoneIdentifier: base.timeZoneIdentifier,
        impact: goals ? base.impact : ImpactMetrics(goals: [], events: []), audience: base.audience,
        engagement: base.engagement, conversations: base.conversations, authorship: base.authorship,
        journeys: JourneyMetrics(journeys: journeys), journeysImported: imported)
}

/// A Journey with a hostile name: 10 runs, 4 completed, 3 expired, 2 interrupted, 1 going;
/// five drop-off steps (nothing left over), one question with 10 answers and 2 more as other.
let hostileJourney = JourneyResult(
    journeyID: "j<1>", name: "<b>Quiz</b> & more", runsStarted: 10, usersStarted: 9, completed: 4, expired: 3,
    interrupted: 2, medianMinutesToComplete: 12.5,
    dropOff: TopList(counts: ["s1": 1, "s2": 1, "s3": 1, "s4": 1, "s5": 1], limit: 5),
    answers: [
        QuestionAnswers(
            question: "favourite <colour>", respondents: 12,
            answers: TopList(top: (1...10).map { LabelCount(label: "a\($0)", count: 1) }, other: 2))
    ])

@Suite struct JourneysRenderTests {
    /// `impact.journeys` exactly: every key in METRICS.md's order, a drop-off list with its
    /// `other` entry last, an answer list with its `other` entry last, and the nulls of a
    /// Journey with no completed run.
    @Test func metricsJSONOfAJourney() {
        let metrics = JourneyMetrics(journeys: [
            JourneyResult(
                journeyID: "j1", name: "Quiz", runsStarted: 8, usersStarted: 7, completed: 2, expired: 4, interrupted: 1,
                medianMinutesToComplete: 12.5,
                dropOff: TopList(top: [LabelCount(label: "q2", count: 3)], other: 2),
                answers: [
                    QuestionAnswers(
                        question: "score", respondents: 3,
                        answers: TopList(top: [LabelCount(label: "7", count: 2)], other: 1))
                ]),
            JourneyResult(
                journeyID: "j2", name: "j2", runsStarted: 1, usersStarted: 1, completed: 0, expired: 0, interrupted: 0,
                medianMinutesToComplete: nil, dropOff: TopList(top: [], other: nil), answers: []),
        ])
        // j1: 8 − 2 − 4 − 1 = 1 in progress, 2 / 8 = 0.25. j2: 1 in progress, 0 / 1 = 0.0.
        #expect(
            MetricsJSON.journeys(metrics).rendered() == """
                [
                  {
                    "journey_id": "j1",
                    "name": "Quiz",
                    "runs_started": 8,
                    "users_started": 7,
                    "completed": 2,
                    "expired": 4,
                    "interrupted": 1,
                    "in_progress": 1,
                    "completion_rate": 0.25,
                    "median_minutes_to_complete": 12.5,
                    "drop_off": [
                      {
                        "step": "q2",
                        "runs": 3
                      },
                      {
                        "step": "other",
                        "runs": 2
                      }
                    ],
                    "answers": [
                      {
                        "question": "score",
                        "respondents": 3,
                        "answers": [
                          {
                            "answer": "7",
                            "users": 2
                          },
                          {
                            "answer": "other",
                            "users": 1
                          }
                        ]
                      }
                    ]
                  },
                  {
                    "journey_id": "j2",
                    "name": "j2",
                    "runs_started": 1,
                    "users_started": 1,
                    "completed": 0,
                    "expired": 0,
                    "interrupted": 0,
                    "in_progress": 1,
                    "completion_rate": 0.0,
                    "median_minutes_to_complete": null,
                    "drop_off": [],
                    "answers": []
                  }
                ]

                """)
    }

    @Test func theDocumentHasSchemaTwoSegmentNullAndTheJourneys() throws {
        let text = MetricsJSON.render(journeysReport([hostileJourney]))
        #expect(text.hasPrefix("{\n  \"schema_version\": 2,\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["segment"] is NSNull)
        let impact = try #require(json["impact"] as? [String: Any])
        #expect((impact["goals"] as? [Any])?.count == 1)
        let journeys = try #require(impact["journeys"] as? [[String: Any]])
        // The keys of METRICS.md's Journey object, nothing more.
        #expect(
            Set(journeys[0].keys) == [
                "journey_id", "name", "runs_started", "users_started", "completed", "expired", "interrupted", "in_progress",
                "completion_rate", "median_minutes_to_complete", "drop_off", "answers",
            ])
        // 5 steps of 1 each, then nothing left: `TopList` made no other entry.
        #expect((journeys[0]["drop_off"] as? [Any])?.count == 5)
        // No Journey: an empty list, not a missing key.
        let none = try #require(
            try JSONSerialization.jsonObject(with: Data(MetricsJSON.render(sampleReport()).utf8)) as? [String: Any])
        #expect(((none["impact"] as? [String: Any])?["journeys"] as? [Any])?.isEmpty == true)
    }

    @Test func theBlockShowsEachJourneyEscaped() throws {
        let html = try ReportRenderer(templates: PageTests.templates).render(journeysReport([hostileJourney]))
        let block = try #require(html.firstRange(of: "<div class=\"block\" id=\"impact-journeys\">"))
        let goals = try #require(html.firstRange(of: "<div class=\"block\" id=\"impact-goals\">"))
        // Both blocks, goals first.
        #expect(goals.lowerBound < block.lowerBound)
        #expect(!html.contains("<b>Quiz</b>"))
        #expect(html.contains("<h4>&lt;b&gt;Quiz&lt;/b&gt; &amp; more</h4>"))
        #expect(!html.contains("favourite <colour>"))
        #expect(html.contains("favourite &lt;colour&gt;"))
        // 10 runs by 9 people, 4 / 10 = 40.0 %, 12.5 minutes rounds to 13.
        #expect(html.contains("10 runs started by 9 people · completion rate 40.0 % · median time to complete 13 minutes"))
        #expect(html.contains("Expired 3 (30.0 %)"))
        #expect(html.contains("In progress 1 (10.0 %)"))
        // The bar's parts, each with its tooltip.
        #expect(html.contains("<title>Completed: 4 (40.0 %)</title>"))
        #expect(html.contains("<title>Interrupted: 2 (20.0 %)</title>"))
        // The eleventh answer and beyond (2 people) as "Other answers", 2 of 12 = 17 %.
        #expect(html.contains("<title>Other answers: 2 (17 %)</title>"))
        #expect(html.contains("<td>Other answers</td><td class=\"num\">2</td>"))
        // Headlines: 10 runs, 4 completed, 40 %.
        #expect(html.contains("<div class=\"value\">40 %</div><div class=\"label\">completed per run started</div>"))
        #expect(html.contains("<a download=\"impact-journeys_2026-10-05_2026-10-07.csv\""))
        #expect(!html.contains("Nothing to show yet"))
        // Every chart rect has its tooltip.
        #expect(
            html.components(separatedBy: "<rect class=\"s-").count - 1
                == html.matches(of: /<rect class="s-[a-z]+"[^>]*><title>/).count)
    }

    @Test func whatToImportWhenThereIsNothing() throws {
        let renderer = try ReportRenderer(templates: PageTests.templates)
        // Neither goals nor Journey runs: one line for the section, no block.
        let neither = renderer.render(journeysReport([], goals: false))
        #expect(neither.contains("Nothing to show yet: import goals and goal events, or journey runs and journey results"))
        #expect(!neither.contains("id=\"impact-goals\""))
        #expect(!neither.contains("id=\"impact-journeys\""))
        // Goals but no runs: the goals block, and the Journeys block saying what to import.
        let goalsOnly = renderer.render(journeysReport([]))
        #expect(goalsOnly.contains("id=\"impact-goals\""))
        #expect(goalsOnly.contains("No Journey runs are imported for this service: import journey runs and journey results"))
        #expect(!goalsOnly.contains("Nothing to show yet"))
        // Runs stored, none begun in the period.
        let quiet = renderer.render(journeysReport([], goals: false, imported: true))
        #expect(quiet.contains("No Journey run started in this period."))
        #expect(!quiet.contains("Nothing to show yet"))
    }

    @Test func theCSVHasARowPerJourneyStepAndAnswer() {
        let table = ReportCSV.table(for: .impactJourneys, in: journeysReport([hostileJourney]))
        #expect(table.header.count == 16)
        // 1 Journey row + 5 steps + 10 answers + the other answers.
        #expect(table.rows.count == 17)
        #expect(
            table.rows[0] == ["j<1>", "<b>Quiz</b> & more", "10", "9", "4", "3", "2", "1", "0.4", "12.5", "", "", "", "", "", ""])
        #expect(table.rows[1] == ["j<1>", "<b>Quiz</b> & more", "", "", "", "", "", "", "", "", "s1", "1", "", "", "", ""])
        #expect(
            table.rows[16] == [
                "j<1>", "<b>Quiz</b> & more", "", "", "", "", "", "", "", "", "", "", "favourite <colour>", "12", "other", "2",
            ])
    }

    @Test func theEmailHasARowPerJourney() throws {
        let report = journeysReport([hostileJourney])
        let renderer = try ReportRenderer(templates: PageTests.templates)
        let html = try renderer.renderEmail(report)
        #expect(html.contains("&lt;b&gt;Quiz&lt;/b&gt; &amp; more"))
        #expect(html.contains("10 started · 4 completed · completion rate 40.0 %"))
        // The bar: 40 + 30 + 20 + 10 percent.
        #expect(html.contains("<td width=\"40%\" bgcolor=\"#15803d\" title=\"Completed: 4\""))
        #expect(html.contains("<td width=\"10%\" bgcolor=\"#5f6b7a\" title=\"In progress: 1\""))
        let text = renderer.renderEmailText(report)
        #expect(text.contains("  10 Journey runs started\n  4 Journey runs completed\n  40 % completed per run started\n"))
        #expect(
            text.contains("  <b>Quiz</b> & more: 10 started · 4 completed · completion rate 40.0 %\n\nIs our audience growing?"))
    }

    @Test func theArchiveTrendsCountRunsStartedAndCompleted() {
        // hostileJourney: 10 runs started, 4 completed.
        let entry = ArchiveEntry(month: "2026-10", href: "b", report: journeysReport([hostileJourney]))
        #expect(entry.journeyRunsStarted == 10)
        #expect(entry.journeyRunsCompleted == 4)
        let without = ArchiveEntry(month: "2026-09", href: "a", report: sampleReport())
        #expect(without.journeyRunsStarted == 0)
        let view = ArchiveView(entries: [without, entry], serviceName: "s", timeZone: "UTC", generatorVersion: "0")
        #expect(view.hasJourneyTrend)
        #expect(view.journeysChart.contains("<title>October 2026: 10 runs started</title>"))
        #expect(view.journeysChart.contains("<title>October 2026: 4 runs completed</title>"))
        // No month with a run: no Journeys trend.
        #expect(
            !ArchiveView(entries: [without, without], serviceName: "s", timeZone: "UTC", generatorVersion: "0").hasJourneyTrend)
    }
}
