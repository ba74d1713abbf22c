import Foundation
import InsightsMetrics
import InsightsTestSupport
import Testing

@testable import InsightsRender

/// `audience.reach` and `audience.consent` of metrics.json, and the `audience-reach` block.
@Suite struct ReachRenderTests {
    /// Two days in UTC. c1's stack message read 30 minutes after it was sent (10-05); c2's coach
    /// message failed with " 131026 " (10-05); c2's stack message read after 5 minutes with no
    /// delivered (10-06); c3's reminder only sent, c3's API message with no status (10-06).
    private func smallReach() -> ReachMetrics {
        var tally = DeliveryTally(period: period("2026-10-05", "2026-10-06"), calendar: zone("UTC"))
        tally.add(contentsOf: [
            OutboundDeliveryRow(
                contact: 1, timestamp: utc("2026-10-05T10:00"), authorType: .stack,
                statuses: [
                    MessageStatusRow(status: .delivered, timestamp: utc("2026-10-05T10:01")),
                    MessageStatusRow(status: .read, timestamp: utc("2026-10-05T10:30")),
                ]),
            OutboundDeliveryRow(
                contact: 2, timestamp: utc("2026-10-05T11:00"), authorType: .coach,
                statuses: [MessageStatusRow(status: .failed, timestamp: utc("2026-10-05T11:01"), error: " 131026 ")]),
            OutboundDeliveryRow(
                contact: 2, timestamp: utc("2026-10-06T09:00"), authorType: .stack,
                statuses: [MessageStatusRow(status: .read, timestamp: utc("2026-10-06T09:05"))]),
            OutboundDeliveryRow(
                contact: 3, timestamp: utc("2026-10-06T09:30"), authorType: .reminder,
                statuses: [MessageStatusRow(status: .sent, timestamp: utc("2026-10-06T09:30"))]),
            OutboundDeliveryRow(contact: 3, timestamp: utc("2026-10-06T12:00"), authorType: .api, statuses: []),
        ])
        return ReachMetrics(tally: tally, statusesStored: true, previousReachedUsers: 4)
    }

    @Test func reachJSONExactly() {
        // Reached c1 and c2 (2). read 2, failed 1, sent 1, no_status 1; delivery rate
        // 2 / (5 − 1) = 0.5, read rate 2 / 2 = 1.0; median of 30 and 5 minutes = 17.5.
        // Day 1: read 1, failed 1; day 2: read 1, other 2 (sent + no status). Stack: 2 messages,
        // 2 read, 1.0; the others read none of none delivered: null.
        let expected = """
            {
              "reached_users": 2,
              "delivery": {
                "read": 2,
                "delivered": 0,
                "failed": 1,
                "sent": 1,
                "no_status": 1
              },
              "delivery_rate": 0.5,
              "read_rate": 1.0,
              "median_minutes_to_read": 17.5,
              "daily": [
                {
                  "date": "2026-10-05",
                  "read": 1,
                  "delivered": 0,
                  "failed": 1,
                  "other": 0
                },
                {
                  "date": "2026-10-06",
                  "read": 1,
                  "delivered": 0,
                  "failed": 0,
                  "other": 2
                }
              ],
              "by_author_type": [
                {
                  "author_type": "stack",
                  "messages": 2,
                  "read": 2,
                  "read_rate": 1.0
                },
                {
                  "author_type": "coach",
                  "messages": 1,
                  "read": 0,
                  "read_rate": null
                },
                {
                  "author_type": "reminder",
                  "messages": 1,
                  "read": 0,
                  "read_rate": null
                },
                {
                  "author_type": "api",
                  "messages": 1,
                  "read": 0,
                  "read_rate": null
                },
                {
                  "author_type": "automation",
                  "messages": 0,
                  "read": 0,
                  "read_rate": null
                },
                {
                  "author_type": "thread",
                  "messages": 0,
                  "read": 0,
                  "read_rate": null
                }
              ],
              "failures": [
                {
                  "error": "131026",
                  "messages": 1
                }
              ]
            }

            """
        #expect(MetricsJSON.reach(smallReach()).rendered() == expected)
        #expect(
            MetricsJSON.consent(ConsentMetrics(optIns: 2, optOuts: 1, optedInAtEnd: 7)).rendered()
                == "{\n  \"opt_ins\": 2,\n  \"opt_outs\": 1,\n  \"opted_in_at_end\": 7\n}\n")
    }

    @Test func withoutStatusesTheJSONHasNullsNotZerosThatLookMeasured() {
        // One day, one stack message with no status, no status stored anywhere.
        var tally = DeliveryTally(period: period("2026-10-05", "2026-10-05"), calendar: zone("UTC"))
        tally.add(OutboundDeliveryRow(contact: 1, timestamp: utc("2026-10-05T10:00"), authorType: .stack, statuses: []))
        let reach = ReachMetrics(tally: tally, statusesStored: false, previousReachedUsers: nil)
        let types = AuthorType.allCases.map {
            "    {\n      \"author_type\": \"\($0.rawValue)\",\n      \"messages\": \($0 == .stack ? 1 : 0),\n"
                + "      \"read\": 0,\n      \"read_rate\": null\n    }"
        }
        let expected = """
            {
              "reached_users": null,
              "delivery": {
                "read": 0,
                "delivered": 0,
                "failed": 0,
                "sent": 0,
                "no_status": 1
              },
              "delivery_rate": null,
              "read_rate": null,
              "median_minutes_to_read": null,
              "daily": [
                {
                  "date": "2026-10-05",
                  "read": 0,
                  "delivered": 0,
                  "failed": 0,
                  "other": 1
                }
              ],
              "by_author_type": [
            \(types.joined(separator: ",\n"))
              ],
              "failures": []
            }

            """
        #expect(MetricsJSON.reach(reach).rendered() == expected)
        #expect(
            MetricsJSON.consent(.unmeasured).rendered()
                == "{\n  \"opt_ins\": null,\n  \"opt_outs\": null,\n  \"opted_in_at_end\": null\n}\n")
        // The whole document of a report without statuses says so under audience.
        let text = MetricsJSON.render(emptyReport())
        #expect(text.contains("\"reach\": {\n      \"reached_users\": null,"))
        #expect(
            text.contains(
                "\"consent\": {\n      \"opt_ins\": null,\n      \"opt_outs\": null,\n      \"opted_in_at_end\": null\n    }"))
        #expect(text.contains("\n  \"segment\": null,\n"))
    }

    /// The block of the page between its opening tag and the end of the section.
    private func block(_ html: String) throws -> Substring {
        let start = try #require(html.range(of: "<div class=\"block\" id=\"audience-reach\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return html[start.lowerBound..<end.lowerBound]
    }

    @Test func theBlockShowsReachAndConsent() throws {
        // The sample: 3 messages sent; c1's read after 10 minutes, c2's coach message failed
        // (131026), c2's automation message has no status; 1 reached user against 2 before.
        let html = try ReportRenderer(templates: PageTests.templates).render(sampleReport())
        let text = try block(html)
        #expect(text.contains("<div class=\"value\">1</div><div class=\"label\">reached users</div>"))
        #expect(text.contains("▼ −50.0 % on the previous period (2)"))
        // Delivery rate 1 / (3 − 1) = 50 %, read rate 1 / 1 = 100 %.
        #expect(text.contains("<div class=\"value\">50.0 %</div><div class=\"label\">delivery rate</div>"))
        #expect(text.contains("<div class=\"value\">100.0 %</div><div class=\"label\">read rate</div>"))
        #expect(text.contains("<div class=\"value\">10.0 minutes</div><div class=\"label\">median time to read</div>"))
        #expect(text.contains("id=\"audience-reach-funnel-title\""))
        #expect(text.contains("id=\"audience-reach-daily-title\""))
        #expect(text.contains("<td>131026</td><td class=\"num\">1</td>"))
        // Consent: c1 opted in during the period, c2 opted out; c1 is opted in at the end.
        #expect(text.contains("<div class=\"value\">1</div><div class=\"label\">opted in at the end of the period</div>"))
        #expect(!text.contains("message_statuses"))
        #expect(text.contains("people can turn them off"))
        #expect(text.contains("older consent history is not seen"))
    }

    @Test func withoutStatusesTheBlockSaysWhatToImport() throws {
        let html = try ReportRenderer(templates: PageTests.templates).render(emptyReport())
        let text = try block(html)
        #expect(text.contains("Import the <code>message_statuses</code> records"))
        #expect(text.contains("Import contacts with <code>opted_in_at</code> and <code>opted_out_at</code>"))
        #expect(!text.contains("<svg"))
        #expect(!text.contains("reached users</div>"))
        // The email says it in one line too.
        let email = try ReportRenderer(templates: PageTests.templates).renderEmail(emptyReport())
        #expect(email.contains("import message_statuses to see reach"))
    }
}
