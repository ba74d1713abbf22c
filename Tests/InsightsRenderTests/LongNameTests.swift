import Foundation
import InsightsMetrics
import InsightsTestSupport
import Testing

@testable import InsightsRender

/// A name is data of any length (up to the import's 64 KiB field limit); the page and the
/// email show at most `Format.nameLimit` (80) characters of it, the tooltip 1,000, and
/// `metrics.json` and the CSV files all of it.
@Suite struct LongNameTests {
    @Test func shortNamesAreKept() {
        #expect(Format.shortened("Thandi M.", limit: 80) == "Thandi M.")
        let eighty = String(repeating: "a", count: 80)
        #expect(Format.shortened(eighty, limit: 80) == eighty)
        // 80 characters of two bytes each: more than 80 bytes, still 80 characters.
        let accented = String(repeating: "é", count: 80)
        #expect(Format.shortened(accented, limit: 80) == accented)
    }

    @Test func aLongNameEndsInAnEllipsisWithinTheLimit() {
        // 81 letters: 79 of them and the ellipsis make 80.
        #expect(Format.shortened(String(repeating: "a", count: 81), limit: 80) == String(repeating: "a", count: 79) + "…")
        #expect(Format.visible(String(repeating: "a", count: 10_000)) == String(repeating: "a", count: 79) + "…")
    }

    /// A thumbs-up with a skin tone is two scalars and one character; an `e` with a combining
    /// acute accent too. Neither is ever cut in two.
    @Test(arguments: ["👍🏽", "e\u{301}", "क्ष"])
    func charactersAreNeverCutInside(character: String) throws {
        let name = String(repeating: character, count: 100)
        let short = Format.shortened(name, limit: 80)
        #expect(short.count == 80)
        #expect(short.last == "…")
        #expect(short.dropLast().allSatisfy { String($0) == character })
    }

    /// A family emoji is 7 scalars (4 people, 3 joiners): 4 scalars a character on average, 320
    /// in all, hold 45 families (315 scalars; a 46th would make 322), then the ellipsis.
    @Test func theScalarBudgetBoundsAShortNameOfLongCharacters() {
        let family = "👩\u{200D}👩\u{200D}👧\u{200D}👦"
        let short = Format.shortened(String(repeating: family, count: 100), limit: 80)
        #expect(short == String(repeating: family, count: 45) + "…")
    }

    /// One character of a letter and 1,000 accents (or joined emoji) is cut after 31 scalars
    /// (UAX #15's stream-safe bound), without a joiner left at its end.
    @Test func aPileOfMarksIsCutAfterThirtyOneScalars() throws {
        let marks = "a" + String(repeating: "\u{301}", count: 1_000)
        #expect(marks.count == 1)
        let short = Format.shortened(marks, limit: 80)
        #expect(short == "a" + String(repeating: "\u{301}", count: 30) + "…")
        // The name ends where something was left out: "bc" after the pile is not shown.
        #expect(Format.shortened(marks + "bc", limit: 80) == short)
        // 👩🏽 then 20 × (joiner, 👩): scalars 0 👩, 1 🏽, 2 joiner, 3 👩, 4 joiner, … so the 31st
        // (index 30) is a joiner: dropped, 30 scalars kept.
        let joined = "👩🏽" + String(repeating: "\u{200D}👩", count: 20)
        #expect(joined.count == 1)
        let cut = Format.shortened(joined, limit: 80)
        #expect(Array(cut.unicodeScalars).count == 31)
        #expect(cut.unicodeScalars.dropLast().last?.value == 0x1F469)
        #expect(cut.hasSuffix("…"))
    }

    /// An Arabic name keeps whole letters (the ellipsis at its logical end, where it reads); an
    /// override cut from its closing partner is shown as a marker, never left working.
    @Test func rightToLeftNamesAndCutControls() {
        let arabic = String(repeating: "محمد ", count: 30)
        let short = Format.shortened(arabic, limit: 80)
        #expect(short == String(arabic.prefix(79)) + "…")
        let overridden = "\u{202E}" + String(repeating: "x", count: 100) + "\u{202C}"
        let shown = Format.visible(overridden)
        #expect(shown == "<U+202E>" + String(repeating: "x", count: 78) + "…")
        #expect(!shown.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
    }

    @Test func theTooltipIsThereOnlyWhenTheNameIsShortened() {
        #expect(Format.tooltip("Thandi M.") == nil)
        let long = String(repeating: "a", count: 2_000)
        #expect(Format.tooltip(long) == String(repeating: "a", count: 999) + "…")
        #expect(
            Format.tooltip("\u{202E}" + String(repeating: "x", count: 100)) == "<U+202E>" + String(repeating: "x", count: 100))
    }

    /// The sample's coach k1 has a 10,000-letter name: the page shows 80 characters of it, and
    /// the email too; the page's CSV downloads and `metrics.json` keep it whole.
    @Test func aTenThousandCharacterAuthorGivesABoundedPage() throws {
        let name = String(repeating: "A", count: 10_000)
        let renderer = try ReportRenderer(templates: PageTests.templates)
        let long = sampleReport(authorName: name)
        let short = sampleReport(authorName: "A")
        let page = renderer.render(long)
        // The page shows k1 three times (top authors, their table, the coaches' table): 79
        // letters and the ellipsis (3 bytes in UTF-8), so 81 bytes more than "A", with a
        // tooltip ` title="…"` of 999 letters and the ellipsis (8 + 999 + 3 + 1 = 1,011 bytes).
        let shown = String(repeating: "A", count: 79) + "…"
        let tooltip = " title=\"" + String(repeating: "A", count: 999) + "…\""
        #expect(page.components(separatedBy: shown + "<").count - 1 == 3)
        #expect(page.components(separatedBy: tooltip + ">").count - 1 == 3)
        // Two CSV downloads (top authors, coaches) hold the whole name, 9,999 letters more
        // each: 3 × (81 + 1,011) + 2 × 9,999 = 23,274 bytes more than with "A".
        #expect(page.components(separatedBy: name).count - 1 == 2)
        #expect(page.utf8.count - renderer.render(short).utf8.count == 3 * (81 + 1_011) + 2 * 9_999)
        // The email has neither tooltips nor downloads: the top coach, 81 bytes more.
        let email = try renderer.renderEmail(long)
        #expect(email.contains(shown))
        #expect(email.utf8.count - (try renderer.renderEmail(short)).utf8.count == 81)
        #expect(MetricsJSON.render(long).contains(name))
        let csv = try #require(ReportCSV.files(for: long).first { $0.block == .guidanceTopAuthors }).text
        #expect(csv.contains("coach,1,k1,\(name),1"))
    }
}
