import Foundation
import InsightsTestSupport
import Testing

@testable import InsightsMetrics
@testable import InsightsRender

/// The summary band: its sparklines, its sentences in the templates' words, metrics.json's
/// `summary`, and the band on the page and in the email.
@Suite struct SummaryRenderTests {
    /// November 2025 … October 2026, the first four before any data.
    static let months = period("2026-10-01", "2026-10-31").trendPeriods

    static func trend(_ values: [Double?]) -> [TrendPoint] {
        zip(months, values).map { TrendPoint(period: $0, value: $1) }
    }

    /// The sample report with a summary of every headline: active users 4 … 11 from March,
    /// the median with a null in July.
    static func reportWithTrend(facts: [SummaryFact] = []) -> Report {
        var report = sampleReport()
        let n: Double? = nil
        let counts: [Double?] = [n, n, n, n, 4, 5, 6, 7, 8, 9, 10, 11]
        let metrics: [HeadlineMetric] = [
            .activeUsers, .newUsers, .reachedUsers, .messagesReceived, .messagesSent, .journeyCompletions,
            .medianFirstResponseMinutes, .conversationsClosed,
        ]
        report.summary = SummaryMetrics(
            headlines: metrics.map { metric in
                metric == .medianFirstResponseMinutes
                    ? SummaryHeadline(
                        metric: metric, value: 14.25, previous: 16,
                        trend: trend([n, n, n, n, 20.5, 18, 17, n, 16, 15, 16, 14.25]))
                    : SummaryHeadline(metric: metric, value: 11, previous: 10, trend: trend(counts))
            }, facts: facts)
        return report
    }

    /// Points 3 and 4, then 6 to 12, are joined; the rest are gaps with a tick; each of the
    /// 12 periods has its tooltip and the last is marked.
    @Test func sparklineBreaksAtGapsAndMarksTheCurrentPeriod() {
        let values: [Double?] = [nil, nil, 10, 20, nil, 30, 40, 50, 60, 70, 80, 90]
        let svg = Sparkline(
            id: "s", title: "Active users", description: "d",
            points: zip(Self.months, values).map { period, value in
                Sparkline.Point(
                    label: SummaryView.label(period, months: true), value: value, text: value.map { "\(Int($0))" } ?? "no data")
            }
        ).render()
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        // x = 5 + i × 158 / 11; y = 39 − (v − 10) / 80 × 34: (33.7, 39) and (48.1, 34.75 → 34.8).
        #expect(svg.contains("<polyline class=\"line\" points=\"33.7,39 48.1,34.8\"/>"))
        #expect(svg.components(separatedBy: "class=\"gap\"").count - 1 == 3)
        #expect(svg.components(separatedBy: "<title").count - 1 == 13)
        #expect(svg.contains("<title>November 2025: no data</title>"))
        #expect(svg.contains("<title>October 2026: 90</title>"))
        #expect(svg.components(separatedBy: "dot current").count - 1 == 1)
        // The current point: x = 163, y = 5.
        #expect(svg.contains("<circle class=\"dot current\" cx=\"163\" cy=\"5\" r=\"3.5\"/>"))
    }

    /// The templates' words for each rule; every number is one of the facts'.
    @Test func sentencesInTheTemplatesWords() throws {
        let best = JourneyRate(journeyID: "a", name: "R&D <intro>", completed: 5, runsStarted: 10)
        let worst = JourneyRate(journeyID: "b", name: "Check-in", completed: 1, runsStarted: 8)
        let report = Self.reportWithTrend(facts: [
            .change(.activeUsers, value: 559, previous: 520, fraction: 39.0 / 520),
            .change(.medianFirstResponseMinutes, value: 14.25, previous: 16, fraction: -1.75 / 16),
            .fromZero(.reachedUsers, value: 45),
            .unchanged(.messagesSent, value: 1200),
            .noPrevious(.conversationsClosed, value: 3),
            .noData(.reachedUsers),
            .noData(.goalCompletions),
            .journeys(best: best, worst: worst),
            .journeysAlike(rate: 0.5, journeys: 2),
            .onlyJourney(worst),
            .busiestHour(HeatmapSlot(weekday: 1, hour: 14, count: 1)),
        ])
        let sentences = try ReportRenderer(templates: PageTests.templates).summarySentences(report)
        #expect(
            sentences == [
                "Active users rose 7.5 % to 559, from 520.",
                // 1.75 / 16 = 10.9375 %; 14.25 shown with one decimal.
                "The median first coach response fell 10.9 % to 14.3 minutes, from 16.0.",
                "Users reached rose from 0 to 45.",
                "Messages sent stayed at 1,200, as in the previous period.",
                "Closed conversations stood at 3, with no figure for the previous period to compare with.",
                "Reach is not measured: import message statuses to see how many users the messages reached.",
                "People who completed a goal: no figure for this period.",
                "Of the Journeys started, R&D <intro> was completed most often (50.0 % of 10 runs) and Check-in least often "
                    + "(12.5 % of 8 runs).",
                "All 2 Journeys started were completed in 50.0 % of their runs.",
                "Check-in, the only Journey started, was completed in 12.5 % of its 8 runs.",
                "The busiest hour was Tuesday 14:00–15:00, with 1 message received.",
            ])
        // The page escapes the sentence; metrics.json keeps it as it is.
        let html = try ReportRenderer(templates: PageTests.templates).render(report)
        #expect(html.contains("<p>Of the Journeys started, R&amp;D &lt;intro&gt; was completed most often"))
        let json = MetricsJSON.render(report, sentences: sentences)
        #expect(json.contains("\"Of the Journeys started, R&D <intro> was completed most often"))
    }

    /// `summary.trends`: each headline in band order, 12 `{from, to, value}` oldest first,
    /// integers for counts, null before the data; without a trend read, `trends` is null.
    @Test func metricsJSONShape() throws {
        let text = MetricsJSON.render(Self.reportWithTrend(), sentences: ["One.", "Two.", "Three."])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["sentences"] as? [String] == ["One.", "Two.", "Three."])
        let trends = try #require(summary["trends"] as? [String: Any])
        #expect(
            Set(trends.keys) == [
                "active_users", "new_users", "reached_users", "messages_received", "messages_sent", "journey_completions",
                "median_first_response_minutes", "conversations_closed",
            ])
        let active = try #require(trends["active_users"] as? [[String: Any]])
        #expect(active.count == 12)
        #expect(active.first?["from"] as? String == "2025-11-01")
        #expect(active.first?["to"] as? String == "2025-11-30")
        #expect(active.first?["value"] is NSNull)
        #expect(active.last?["to"] as? String == "2026-10-31")
        #expect(active.last?["value"] as? Int == 11)
        // Key order in the file: band order, and from, to, value.
        let order = try [
            "\"active_users\": [", "\"new_users\": [", "\"reached_users\": [", "\"messages_received\": [",
            "\"messages_sent\": [", "\"journey_completions\": [", "\"median_first_response_minutes\": [",
            "\"conversations_closed\": [",
        ].map { try #require(text.range(of: $0)?.lowerBound) }
        #expect(order == order.sorted())
        // The median in exact minutes, null in June (no coach answered).
        let median = try #require(trends["median_first_response_minutes"] as? [[String: Any]])
        #expect(median.last?["value"] as? Double == 14.25)
        #expect(median[7]["from"] as? String == "2026-06-01")
        #expect(median[7]["value"] is NSNull)
        // The sample report alone (no source read a trend).
        let plain = try #require(
            try JSONSerialization.jsonObject(with: Data(MetricsJSON.render(sampleReport()).utf8)) as? [String: Any])
        #expect((plain["summary"] as? [String: Any])?["trends"] is NSNull)
    }

    /// The band leads the page: 8 numbers with sparklines, a table for screen readers, the
    /// sentences; the email shows the numbers, changes and bars of table cells, no SVG.
    @Test func bandOnThePageAndInTheEmail() throws {
        let report = Self.reportWithTrend(facts: [.unchanged(.messagesSent, value: 11)])
        let renderer = try ReportRenderer(templates: PageTests.templates)
        let html = renderer.render(report)
        let band = try #require(html.range(of: "<div class=\"block\" id=\"summary-trends\">"))
        let impact = try #require(html.range(of: "<div class=\"block\" id=\"impact-goals\">"))
        #expect(band.lowerBound < impact.lowerBound)
        #expect(html.components(separatedBy: "<svg class=\"chart spark\"").count - 1 == 8)
        #expect(html.contains("<table class=\"visually-hidden\">"))
        #expect(
            html.contains(
                "<th scope=\"row\">active users</th><td class=\"num\">11</td><td>▲ +10.0 % on the previous period (10)</td>"))
        #expect(html.contains("<p>Messages sent stayed at 11, as in the previous period.</p>"))
        // The median's change: shorter is better (▼, the colour of an improvement).
        #expect(html.contains("<div class=\"change up\">▼ −10.9 % · was 16.0 minutes</div>"))
        #expect(html.contains("<td>▼ −10.9 % shorter than the previous period (16.0 minutes)</td>"))
        // The trend table: the last row marked current (the sample's period is not a calendar
        // month, so periods are named by their days).
        #expect(
            html.contains("<tr class=\"current\"><th scope=\"row\"><time datetime=\"2026-10-01\">1–31 October 2026</time></th>"))
        let email = try renderer.renderEmail(report)
        #expect(!email.contains("<svg"))
        #expect(email.contains("The period at a glance"))
        #expect(email.contains("title=\"1–30 November 2025: no data\""))
        #expect(email.contains("title=\"1–31 October 2026: 11\""))
        #expect(email.contains("Messages sent stayed at 11, as in the previous period."))
        let text = renderer.renderEmailText(report)
        #expect(text.contains("The period at a glance\n  11 active users (▲ +10.0 % on the previous period (10))"))
        #expect(text.contains("\nMessages sent stayed at 11, as in the previous period.\n"))
    }
}
