import Foundation
import InsightsMetrics
import InsightsTestSupport
import Testing

@testable import InsightsRender

/// `guidance.response_times` in metrics.json, the block's CSV and its page and email pieces.
@Suite struct ResponseTimesRenderTests {
    private func buckets(_ counts: [Int]) -> [ResponseTimeBucketCount] {
        zip(ResponseTimeBucket.allCases, counts).map { ResponseTimeBucketCount(bucket: $0, conversations: $1) }
    }

    /// The block of `ResponseTimesReportTests` round the clock: 3 opened, 2 answered in 30 and
    /// 920 minutes, and a coach grouped by name (no id) who wrote once and answered no one.
    private var roundTheClock: ResponseTimeMetrics {
        ResponseTimeMetrics(
            openedByUsers: 3, answeredByCoach: 2, unanswered: 1, medianFirstResponseMinutes: 475,
            p90FirstResponseMinutes: 920, businessHours: nil, buckets: buckets([0, 0, 1, 0, 1, 0]),
            coaches: [
                CoachResponses(
                    authorID: "k1", name: "Kim", replies: 2, users: 2, firstResponses: 1, medianFirstResponseMinutes: 30,
                    closes: 1),
                CoachResponses(
                    authorID: nil, name: "HELP", replies: 1, users: 1, firstResponses: 0, medianFirstResponseMinutes: nil,
                    closes: 0),
            ])
    }

    @Test func exactJSONWithoutBusinessHours() {
        #expect(
            MetricsJSON.responseTimes(roundTheClock).rendered() == """
                {
                  "opened_by_users": 3,
                  "answered_by_coach": 2,
                  "unanswered": 1,
                  "median_first_response_minutes": 475.0,
                  "p90_first_response_minutes": 920.0,
                  "business_hours": null,
                  "buckets": [
                    {
                      "bucket": "<5m",
                      "conversations": 0
                    },
                    {
                      "bucket": "5-15m",
                      "conversations": 0
                    },
                    {
                      "bucket": "15-60m",
                      "conversations": 1
                    },
                    {
                      "bucket": "1-4h",
                      "conversations": 0
                    },
                    {
                      "bucket": "4-24h",
                      "conversations": 1
                    },
                    {
                      "bucket": ">=24h",
                      "conversations": 0
                    }
                  ],
                  "coaches": [
                    {
                      "author_id": "k1",
                      "name": "Kim",
                      "replies": 2,
                      "users": 2,
                      "first_responses": 1,
                      "median_first_response_minutes": 30.0,
                      "closes": 1
                    },
                    {
                      "author_id": null,
                      "name": "HELP",
                      "replies": 1,
                      "users": 1,
                      "first_responses": 0,
                      "median_first_response_minutes": null,
                      "closes": 0
                    }
                  ]
                }

                """)
    }

    @Test func exactJSONWithBusinessHoursAndNothingAnswered() {
        // Two conversations opened, none answered: nulls, six zero buckets, no coach; the
        // setting is echoed as given (spacing and case kept).
        let times = ResponseTimeMetrics(
            openedByUsers: 2, answeredByCoach: 0, unanswered: 2, medianFirstResponseMinutes: nil, p90FirstResponseMinutes: nil,
            businessHours: "mon-fri 08:00-17:00,  Sat 09:00-13:00", buckets: buckets([0, 0, 0, 0, 0, 0]), coaches: [])
        let text = MetricsJSON.responseTimes(times).rendered()
        #expect(
            text.hasPrefix(
                """
                {
                  "opened_by_users": 2,
                  "answered_by_coach": 0,
                  "unanswered": 2,
                  "median_first_response_minutes": null,
                  "p90_first_response_minutes": null,
                  "business_hours": "mon-fri 08:00-17:00,  Sat 09:00-13:00",
                  "buckets": [
                    {
                      "bucket": "<5m",
                      "conversations": 0
                    },
                """))
        #expect(text.hasSuffix("  ],\n  \"coaches\": []\n}\n"))
        // The whole file carries the block under guidance, with schema 2 and no segment.
        let json = MetricsJSON.render(sampleReport())
        #expect(json.hasPrefix("{\n  \"schema_version\": 2,\n  \"segment\": null,\n"))
        #expect(
            json.contains("\n  \"guidance\": {\n")
                && json.contains("\n    \"response_times\": {\n      \"opened_by_users\": 2,\n"))
    }

    @Test func csvRows() throws {
        let table = ReportCSV.responseTimesTable(roundTheClock)
        #expect(table.header.first == "kind")
        #expect(table.rows.count == 6 + 6 + 2)
        #expect(table.rows[3] == ["summary", "median_first_response_minutes", "", "475.0", "", "", "", "", ""])
        #expect(table.rows[5] == ["summary", "business_hours", "", "", "", "", "", "", ""])
        #expect(table.rows[8] == ["bucket", "15-60m", "", "1", "", "", "", "", ""])
        #expect(table.rows[12] == ["coach", "k1", "Kim", "", "2", "2", "1", "30.0", "1"])
        #expect(table.rows[13] == ["coach", "", "HELP", "", "1", "1", "0", "", "0"])
    }

    @Test func headlinesAndPage() throws {
        // sampleReport: 1 of 2 answered in 5 minutes; the previous period waited 10: 50 % shorter.
        let report = sampleReport()
        let headlines = ReportHeadlines(report).headlines(for: .guidanceResponseTimes)
        #expect(headlines.map(\.value) == ["5.0 minutes", "5.0 minutes", "50 % (1 of 2)"])
        #expect(headlines[0].change == "▼ −50.0 % shorter than the previous period (10.0 minutes)")
        #expect(headlines[0].direction == "up")
        let page = try ReportRenderer(templates: PageTests.templates).render(report, dataAsOf: nil)
        #expect(page.contains("<div class=\"block\" id=\"guidance-response-times\">"))
        #expect(page.contains("Round the clock: every minute counts"))
        #expect(
            page.contains(
                "<tr><th scope=\"row\">Thandi M.</th><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">5.0 minutes</td><td class=\"num\">1</td></tr>"
            ))
        // The email's rows and its plain text.
        let email = try ReportRenderer(templates: PageTests.templates).renderEmail(report, dataAsOf: nil)
        #expect(email.contains("median first coach response"))
        #expect(EmailText.plain(report, dataAsOf: nil).contains("  50 % (1 of 2) conversations answered by a coach\n"))
    }
}
