import Foundation
import InsightsMetrics
import InsightsTestSupport
import Testing

@testable import InsightsRender

/// Names from the data are data: a spreadsheet must not run them, and invisible characters
/// must not make one name look like another.
@Suite struct HostileTextTests {
    private func topAuthorsCSV(_ name: String) throws -> String {
        let files = ReportCSV.files(for: sampleReport(authorName: name))
        return try #require(files.first { $0.block == .guidanceTopAuthors }).text
    }

    // The sample's coach k1 sent 1 message: its row is "coach,1,k1,<name>,1".
    @Test(arguments: [
        ("=HYPERLINK(\"http://evil.example\",\"x\")", "coach,1,k1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",1"),
        ("+1 555", "coach,1,k1,'+1 555,1"),
        ("-2+3", "coach,1,k1,'-2+3,1"),
        ("@SUM(A1)", "coach,1,k1,'@SUM(A1),1"),
        ("\tcmd", "coach,1,k1,'\tcmd,1"),
        ("\rcmd", "coach,1,k1,\"'\rcmd\",1"),
        ("Thandi M.", "coach,1,k1,Thandi M.,1"),
        ("Ana-Maria", "coach,1,k1,Ana-Maria,1"),
    ])
    func formulaCellsGetALeadingQuote(name: String, row: String) throws {
        let csv = try topAuthorsCSV(name)
        #expect(csv.components(separatedBy: "\n").contains(row) || csv.contains(row), "\(csv)")
    }

    @Test func numbersAreNeverChanged() throws {
        let files = ReportCSV.files(for: sampleReport(authorName: "=1+1"))
        let daily = try #require(files.first { $0.block == .audienceDaily }).text
        // 5 Oct: contact 1 wrote, first seen 1 Sep: 1 active, 0 new, 1 returning.
        #expect(daily.hasPrefix("date,active_users,new_users,returning_users\n2026-10-05,1,0,1\n"))
        let goals = try #require(files.first { $0.block == .impactGoals }).text
        // g1: 1 started, 0 completed, rate 0.0; b1: 1 user, 1 action.
        #expect(goals.contains("g1,Quit smoking,,,1,0,0.0,,\n"))
        #expect(goals.contains("g1,Quit smoking,b1,Quit date,,,,1,1\n"))
    }

    @Test func invisibleCharactersAreShown() {
        #expect(Format.visible("Eve\u{202E}live") == "Eve<U+202E>live")
        #expect(Format.visible("\u{2066}x\u{2069}\u{200E}\u{200F}") == "<U+2066>x<U+2069><U+200E><U+200F>")
        #expect(Format.visible("E\u{200B}ve\u{2060}\u{FEFF}") == "E<U+200B>ve<U+2060><U+FEFF>")
        #expect(Format.visible("E\u{200C}v\u{200D}e") == "E<U+200C>v<U+200D>e")
        #expect(Format.visible("Thandi M.") == "Thandi M.")
        // Where a script needs a joiner it shows, so it stays: Persian, Hindi, an emoji sequence.
        #expect(Format.visible("می\u{200C}خواهم") == "می\u{200C}خواهم")
        #expect(Format.visible("क्\u{200D}ष") == "क्\u{200D}ष")
        #expect(Format.visible("👩\u{200D}⚕\u{FE0F}") == "👩\u{200D}⚕\u{FE0F}")
        // ...but not at the edge of a name or next to a Latin letter.
        #expect(Format.visible("\u{200C}می") == "<U+200C>می")
        #expect(Format.visible("a\u{200C}می") == "a<U+200C>می")
    }

    @Test func pageAndEmailShowThemAndMetricsJSONKeepsThem() throws {
        let report = sampleReport(authorName: "Eve\u{202E}live", serviceName: "Help\u{200B}line")
        let renderer = try ReportRenderer(templates: PageTests.templates)
        for html in [renderer.render(report), try renderer.renderEmail(report)] {
            #expect(html.contains("Eve&lt;U+202E&gt;live"))
            #expect(html.contains("Help&lt;U+200B&gt;line"))
            #expect(!html.contains("\u{202E}") && !html.contains("\u{200B}"))
        }
        // The plain text has the service name (and no author names).
        let text = renderer.renderEmailText(report)
        #expect(text.hasPrefix("Help<U+200B>line: Insights report\n"))
        let json = MetricsJSON.render(report)
        #expect(json.contains("Eve\u{202E}live"))
        #expect(json.contains("Help\u{200B}line"))
    }
}
