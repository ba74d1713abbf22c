import Foundation
import InsightsMetrics
import InsightsTestSupport
import Testing

@testable import InsightsRender

/// Mustache renders a key the model lacks as nothing, silently; this test makes a typo in a
/// template (or a renamed property) fail instead.
@Suite struct TemplateKeyTests {
    /// Every property name reachable from a value, through nested structs and arrays.
    private func names(_ value: Any, into result: inout Set<String>) {
        if let dictionary = value as? [String: Any] {
            // Read by Mustache through `MustacheParent`: its keys are names too.
            for (key, element) in dictionary {
                result.insert(key)
                names(element, into: &result)
            }
            return
        }
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else {
                names(child.value, into: &result)
                continue
            }
            result.insert(label)
            names(child.value, into: &result)
        }
    }

    @Test func everyTemplateKeyExistsInTheModel() throws {
        var page: Set<String> = []
        names(
            PageView(
                report: sampleReport(), dataAsOf: "x",
                navigation: PageNavigation(previous: nil, next: nil, index: .init(href: "i", label: "l")),
                conversationNote: "n"),
            into: &page)
        var archive: Set<String> = []
        let entries = [
            ArchiveEntry(month: "2026-09", href: "a", report: sampleReport()),
            ArchiveEntry(month: "2026-10", href: "b", report: sampleReport()),
        ]
        names(ArchiveView(entries: entries, serviceName: "s", timeZone: "UTC", generatorVersion: "0"), into: &archive)
        var email: Set<String> = []
        names(EmailView(report: sampleReport(), dataAsOf: "x"), into: &email)
        // The sample has no Journey: the Journeys block's nested keys come from one that has.
        names(PageView(report: journeysReport([hostileJourney]), dataAsOf: "x"), into: &page)
        names(EmailView(report: journeysReport([hostileJourney]), dataAsOf: "x"), into: &email)
        // The summary band's trend rows and sentences come from a report with a trend.
        names(PageView(report: SummaryRenderTests.reportWithTrend(), dataAsOf: "x", sentences: ["s"]), into: &page)
        names(EmailView(report: SummaryRenderTests.reportWithTrend(), dataAsOf: "x", sentences: ["s"]), into: &email)
        // A summary sentence has its own model.
        var sentence: Set<String> = []
        names(SentenceView(.unchanged(.activeUsers, value: 1)), into: &sentence)
        // The breakdown tables come from a report that has one.
        names(PageView(report: SegmentRenderTests().broken(minCell: 5), dataAsOf: "x"), into: &page)
        var perValue: Set<String> = []
        names(
            ArchivePerView(
                serviceName: "s", field: "f", timeZone: "UTC", generator: "g", count: "1",
                values: [.init(value: "v", contacts: "1", href: "h")], hasLeftOut: true, leftOut: "1", segmentText: "s",
                hasSegment: true), into: &perValue)
        // The page's partials (style) are shared; the archive home page has its own model.
        let models: [String: Set<String>] = [
            "archive-index.mustache": archive.union(page), "email.mustache": email, "sentence.mustache": sentence,
            "metric.mustache": sentence, "archive-per-index.mustache": perValue.union(page),
        ]
        let folder = TestPaths.packageRoot.appendingPathComponent("templates")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var checked = 0
        for case let url as URL in files where url.pathExtension == "mustache" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let known = models[url.lastPathComponent] ?? page
            for match in text.matches(of: /\{\{\{?\s*([#^\/]?)\s*([A-Za-z0-9_.]+)\s*\}?\}\}/) {
                let key = String(match.2)
                guard key != "." else { continue }
                for part in key.split(separator: ".") {
                    let found = known.contains(String(part))
                    #expect(found, "\(url.lastPathComponent): {{\(key)}} is not in its view model")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }
}
