import Foundation
import InsightsMetrics
import InsightsRender
import InsightsTestSupport
import Testing

@Suite struct PageTests {
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
        let blocks = html.components(separatedBy: "<div class=\"block\">").count - 1
        let explanations = html.components(separatedBy: "<details>").count - 1
        #expect(blocks >= 7)
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
