import Foundation
import InsightsMetrics
import InsightsTestSupport
import Testing

@testable import InsightsRender

/// How a segment, a breakdown and `--min-cell` reach metrics.json, the CSV files and the page.
@Suite struct SegmentRenderTests {
    /// A breakdown of the sample's 2 active users: "Kisumu" 1 active (new, 1 message, 0 goals,
    /// 1 reached), "(none)" 1 active (0 new, 7 messages).
    func broken(minCell: Int? = nil, segment: Segment = []) -> Report {
        var report = sampleReport()
        report.breakdowns = [
            Breakdown(
                field: "district",
                rows: [
                    BreakdownRow(
                        kind: .value, value: "Kisumu", activeUsers: 1, newUsers: 1, messagesReceived: 1, goalCompletions: 0,
                        journeyCompletions: 0, reachedUsers: 1),
                    BreakdownRow(
                        kind: .none, value: "(none)", activeUsers: 1, newUsers: 0, messagesReceived: 7, goalCompletions: 0,
                        journeyCompletions: 0, reachedUsers: 0),
                ])
        ]
        report.minCell = minCell
        report.segment = segment
        return report
    }

    func json(_ report: Report) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(MetricsJSON.render(report).utf8)) as? [String: Any])
    }

    @Test func aSegmentIsListedInMetricsJSONAndNamedOnThePage() throws {
        let report = broken(segment: [SegmentCondition(field: "district", value: "kisumu")])
        let document = try json(report)
        let segment = try #require(document["segment"] as? [[String: String]])
        #expect(segment == [["field": "district", "value": "kisumu"]])
        let html = try ReportRenderer(templates: PageTests.templates).render(report)
        #expect(html.contains("<strong>Segment: district=kisumu</strong>"))
        #expect(html.contains("<title>Sample Helpline · district=kisumu · Insights"))
        // Without a segment: null, and no segment line.
        #expect(try json(sampleReport())["segment"] is NSNull)
        #expect(try !ReportRenderer(templates: PageTests.templates).render(sampleReport()).contains("class=\"segment\""))
    }

    @Test func aBreakdownHasItsKeyTableAndCSV() throws {
        let report = broken()
        let rows = try #require((try json(report)["breakdowns"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])
        #expect(rows.map { $0["value"] as? String } == ["Kisumu", "(none)"])
        #expect(rows.map { $0["messages_received"] as? Int } == [1, 7])
        let files = BreakdownCSV.files(for: report)
        #expect(files.map(\.fileName) == ["breakdown-district_2026-10-05_2026-10-07.csv"])
        #expect(
            files.first?.text
                == """
                value,active_users,new_users,messages_received,goal_completions,journey_completions,reached_users
                Kisumu,1,1,1,0,0,1
                (none),1,0,7,0,0,0

                """)
        let html = try ReportRenderer(templates: PageTests.templates).render(report)
        #expect(html.contains("<div class=\"block\" id=\"breakdown-district\">"))
        #expect(html.contains("<h3>By district</h3>"))
        #expect(html.contains("<th scope=\"row\"><em>(none)</em></th><td class=\"num\">1</td>"))
        #expect(html.contains("download=\"breakdown-district_2026-10-05_2026-10-07.csv\""))
        // No breakdown: no key, no block, no file.
        #expect(try json(sampleReport())["breakdowns"] == nil)
        #expect(BreakdownCSV.files(for: sampleReport()).isEmpty)
        #expect(try !ReportRenderer(templates: PageTests.templates).render(sampleReport()).contains("id=\"breakdowns\""))
    }

    @Test func minCellHidesSmallBreakdownCounts() throws {
        // --min-cell 3: 1 and 2 are hidden, 0 and 7 shown; the whole report's page is not a
        // segment's, so its own counts (2 active users) stay.
        let report = broken(minCell: 3)
        let document = try json(report)
        #expect(document["min_cell"] as? Int == 3)
        let rows = try #require((document["breakdowns"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])
        #expect(rows[0]["active_users"] is NSNull)
        #expect(rows[1]["messages_received"] as? Int == 7)
        #expect(rows[1]["new_users"] as? Int == 0)
        #expect((document["audience"] as? [String: Any])?["active_users"] as? Int == 2)
        #expect(BreakdownCSV.files(for: report).first?.text.contains("Kisumu,< 3,< 3,< 3,0,0,< 3\n") == true)
        let html = try ReportRenderer(templates: PageTests.templates).render(report)
        #expect(html.contains("<th scope=\"row\">Kisumu</th><td class=\"num\">&lt; 3</td>"))
    }

    @Test func minCellHidesEverySmallCountOfASegment() throws {
        // A segment's page with --min-cell 3: 2 active users, 1 new, 2 received are hidden
        // everywhere; the 3 days, the schema version and the rates are not counts.
        let report = broken(minCell: 3, segment: [SegmentCondition(field: "district", value: "kisumu")])
        let document = try json(report)
        let audience = try #require(document["audience"] as? [String: Any])
        #expect(audience["active_users"] is NSNull)
        #expect(audience["new_users"] is NSNull)
        #expect((document["period"] as? [String: Any])?["days"] as? Int == 3)
        #expect(document["schema_version"] as? Int == 2)
        let daily = try #require(ReportCSV.files(for: report).first { $0.block == .audienceDaily })
        // 6 October: c2 active and new; dates are kept.
        #expect(daily.text.contains("2026-10-06,< 3,< 3,0\n"))
        let html = try ReportRenderer(templates: PageTests.templates).render(report)
        #expect(html.contains("Counts from 1 to 2 are shown as “&lt; 3”"))
        #expect(html.contains("· 3 days ·"))
        #expect(!html.contains(">2</strong>"))
        // Without --min-cell the same page shows them.
        let plain = try ReportRenderer(templates: PageTests.templates).render(broken(segment: report.segment))
        #expect(plain.contains(">2</strong>"))
        #expect(
            try json(broken(segment: report.segment))["audience"].flatMap { ($0 as? [String: Any])?["active_users"] as? Int } == 2
        )
    }
}
