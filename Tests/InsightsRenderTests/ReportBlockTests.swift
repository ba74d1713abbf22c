import Foundation
import InsightsMetrics
import InsightsTestSupport
import Testing

@testable import InsightsRender

/// The one list of blocks reaches every output: each block has its template, its element on
/// the page, its CSV download (on the page and as a file), and the email keeps the sections.
@Suite struct ReportBlockTests {
    @Test func idsKeysAndSections() {
        #expect(
            ReportBlock.allCases.map(\.id) == [
                "summary-trends", "impact-goals", "impact-journeys", "audience-daily", "audience-countries", "audience-reach",
                "engagement-daily", "engagement-heatmap", "guidance-conversations", "guidance-authorship", "guidance-top-authors",
                "guidance-response-times",
            ])
        #expect(ReportBlock.guidanceTopAuthors.templateKey == "guidanceTopAuthors")
        #expect(ReportBlock.impactGoals.templateKey == "impactGoals")
        #expect(ReportBlock.audienceDaily.templateName == "blocks/audience-daily")
        #expect(
            ReportBlock.engagementHeatmap.csvFileName(for: period("2026-10-01", "2026-10-31"))
                == "engagement-heatmap_2026-10-01_2026-10-31.csv")
        #expect(
            ReportSection.guidance.blocks == [
                .guidanceConversations, .guidanceAuthorship, .guidanceTopAuthors, .guidanceResponseTimes,
            ])
        // Sections are contiguous runs of blocks, so the page order of blocks is the order of the enum.
        #expect(ReportSection.allCases.flatMap(\.blocks) == ReportBlock.allCases)
    }

    @Test func everyBlockHasATemplateIncludedByItsSection() throws {
        for block in ReportBlock.allCases {
            let file = PageTests.templates.appendingPathComponent("\(block.templateName).mustache")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.hasPrefix("  <div class=\"block\" id=\"\(block.id)\">"), "\(file.lastPathComponent)")
            let section = PageTests.templates.appendingPathComponent("\(block.section.templateName).mustache")
            #expect(try String(contentsOf: section, encoding: .utf8).contains("{{> \(block.templateName)}}"))
        }
    }

    @Test func everyBlockIsOnThePageInOrderWithItsDownload() throws {
        let report = sampleReport()
        let html = try ReportRenderer(templates: PageTests.templates).render(report)
        let positions = try ReportBlock.allCases.map { block in
            try #require(html.range(of: "<div class=\"block\" id=\"\(block.id)\">")?.lowerBound, "\(block.id)")
        }
        #expect(positions == positions.sorted())
        let files = ReportCSV.files(for: report)
        #expect(files.map(\.block) == ReportBlock.allCases)
        for file in files {
            #expect(file.fileName == file.block.csvFileName(for: report.period))
            #expect(html.contains("<a download=\"\(file.fileName)\" href=\"\(file.dataURL)\">"), "\(file.block.id)")
        }
    }

    @Test func theEmailHasEverySectionWithItsHeadlines() throws {
        let report = sampleReport()
        let text = try ReportRenderer(templates: PageTests.templates).renderEmailText(report)
        let headlines = ReportHeadlines(report)
        let titles = try ReportSection.allCases.map { try #require(text.range(of: $0.title)?.lowerBound) }
        #expect(titles == titles.sorted())
        // The sample has 2 active users against 1 before: the audience leads with them.
        #expect(headlines.headlines(for: .audience).first?.value == "2")
        for section in ReportSection.allCases {
            for headline in headlines.headlines(for: section) {
                #expect(text.contains("  \(headline.value) \(headline.label)"), "\(headline.label)")
            }
        }
        // Blocks without headline numbers add none.
        #expect(headlines.headlines(for: .guidanceTopAuthors).isEmpty)
        #expect(
            headlines.headlines(for: .guidance).map(\.label) == [
                "conversations active", "opened in the period", "median time to close",
                "median first coach response", "90 % answered within", "conversations answered by a coach",
            ])
    }
}
