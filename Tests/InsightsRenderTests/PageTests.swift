import Foundation
import InsightsMetrics
import InsightsTestSupport
@testable import InsightsRender
import Testing

@Suite(.temporaryFolders) struct PageTests {
    static let templates = TestPaths.packageRoot.appendingPathComponent("templates")

    @Test func pageHasTheFourSectionsInOrder() throws {
        let html = try ReportRenderer(templates: Self.templates).render(sampleReport())
        let headings = [
            "Are we making an impact?", "Is our audience growing?", "How are our users engaging?",
            "How are we guiding our users?",
        ]
        let positions = try headings.map { try #require(html.range(of: $0)?.lowerBound) }
        #expect(positions == positions.sorted())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Sample Helpline"))
        #expect(html.contains("5–7 October 2026"))
        #expect(html.contains("Côte d"))  // country names, not only codes
        #expect(html.contains("Automation (discontinued 30 June 2024)"))
    }

    @Test func everyBlockExplainsItself() throws {
        let html = try ReportRenderer(templates: Self.templates).render(sampleReport())
        let blocks = html.components(separatedBy: "<div class=\"block\"").count - 1
        let explanations = html.components(separatedBy: "<details>").count - 1
        #expect(blocks == ReportBlock.allCases.count)
        #expect(explanations == blocks)
    }

    @Test func dataIsEscaped() throws {
        let hostile = "<script>alert('x')</script>Eve & <b>Co</b>"
        let html = try ReportRenderer(templates: Self.templates).render(
            sampleReport(authorName: hostile, serviceName: "A & B <Helpline>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>Co</b>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("A &amp; B &lt;Helpline&gt;"))
    }

    @Test func everyChartIsAnAccessibleImage() throws {
        let html = try ReportRenderer(templates: Self.templates).render(sampleReport())
        let charts = html.components(separatedBy: "<svg ").dropFirst()
        // Goal, daily users, countries, reach funnel, daily delivery, read rate by author type,
        // daily messages, heatmap, conversations, authorship, response times.
        #expect(charts.count == 11)
        for chart in charts {
            #expect(chart.hasPrefix("class=\"chart "))
            #expect(chart.contains("role=\"img\""))
            let labelled = try #require(chart.firstRange(of: /aria-labelledby="([^ "]+)-title ([^ "]+)-desc"/))
            let id = String(chart[labelled].dropFirst("aria-labelledby=\"".count).prefix { $0 != " " }.dropLast("-title".count))
            #expect(chart.contains("<title id=\"\(id)-title\">"))
            #expect(chart.contains("<desc id=\"\(id)-desc\">"))
        }
        // Every bar and heatmap cell has a tooltip with its exact value.
        let bars = html.components(separatedBy: "<rect class=\"s-").count - 1
        let titledBars = html.matches(of: /<rect class="s-[a-z]+"[^>]*><title>/).count
        #expect(bars == titledBars)
        #expect(html.contains("<title>Monday 09:00–10:00: 1 message</title>"))
        #expect(html.contains("<title>Mon 5 Oct: 0 new users</title>"))
    }

    @Test func emptySectionsSayWhy() throws {
        let renderer = try ReportRenderer(templates: Self.templates)
        let html = renderer.render(emptyReport())
        #expect(html.contains("No user sent a message in this period."))
        #expect(html.contains("No messages were received or sent in this period."))
        #expect(html.contains("The helpline sent no messages in this period."))
        #expect(html.contains("No conversation was open in this period."))
        #expect(!html.contains("<svg "))
    }

    @Test func goldenPage() throws {
        let html = try ReportRenderer(templates: Self.templates).render(sampleReport(), dataAsOf: "1 November 2026, 00:00 UTC")
        try assertGolden(html, named: "sample-report.html")
    }

    @Test func selfContained() throws {
        let html = try ReportRenderer(templates: Self.templates).render(sampleReport())
        for reference in ["http:", "https:", "src=", "<link", "@import", "url("] {
            #expect(!html.contains(reference), "found \(reference)")
        }
    }

    @Test func missingAndBrokenTemplatesAreClearErrors() throws {
        let empty = try TestPaths.temporaryDirectory("templates")
        #expect(throws: TemplateError.missing(name: "report.mustache", searched: empty.path)) {
            try ReportRenderer(templates: empty)
        }
        try Data("<p>{{#open}}never closed</p>\n".utf8).write(to: empty.appendingPathComponent("report.mustache"))
        #expect {
            try ReportRenderer(templates: empty)
        } throws: { error in
            guard case .syntax(let file, _, _, _) = error as? TemplateError else { return false }
            return file.hasSuffix("report.mustache")
        }
    }
}

@Suite(.temporaryFolders) struct EmailRenderTests {
    @Test func emailHasNoSVGNoDetailsNoStyleAndEscapes() throws {
        let renderer = try ReportRenderer(templates: PageTests.templates)
        let html = try renderer.renderEmail(sampleReport(authorName: "<script>alert('x')</script>Eve & <b>Co</b>"))
        for forbidden in ["<svg", "<details", "<style", "<script>", "<b>Co</b>", "http:", "https:", "src="] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;Eve &amp; &lt;b&gt;Co&lt;/b&gt; (Coach)"))
        for heading in [
            "Are we making an impact?", "Is our audience growing?", "How are our users engaging?",
            "How are we guiding our users?",
        ] {
            #expect(html.contains(heading))
        }
        let text = renderer.renderEmailText(sampleReport())
        #expect(text.contains("  2 unique active users (▲ +100.0 % on the previous period (1))"))
    }

    @Test func mimeDate() {
        #expect(EmailMessage.rfc5322Date(utc("2026-11-01T00:00")) == "Sun, 01 Nov 2026 00:00:00 +0000")
    }
}
