import Foundation
import InsightsTestSupport
import Testing

/// Not serialized: each test archives into a folder of its own (the demo's database is only
/// read), so the demo archive, the suite's longest work, runs beside the other test.
@Suite(.temporaryFolders) struct ArchiveTests {
    /// Writes `text` into `folder/name`.
    private func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Every relative `href` of a page, resolved against its folder.
    private func links(of page: URL) throws -> [URL] {
        let html = try String(contentsOf: page, encoding: .utf8)
        return html.matches(of: /<a href="([^"]+)"/).map { match in
            URL(fileURLWithPath: String(match.1), relativeTo: page.deletingLastPathComponent()).standardizedFileURL
        }
    }

    private func modificationDates(under folder: URL) throws -> [String: Date] {
        var result: [String: Date] = [:]
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
        while let url = files?.nextObject() as? URL {
            guard !url.hasDirectoryPath else { continue }
            result[url.path] = try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
        }
        return result
    }

    /// January and March 2026 have messages, February none: February gets no page, and
    /// January's "next" link goes to March.
    @Test func monthsWithoutDataAreSkippedAndNeighboursLink() throws {
        let work = try TestPaths.temporaryDirectory("archive")
        let database = work.appendingPathComponent("a.sqlite").path
        let messages = try write(
            """
            message_id,contact_id,direction,timestamp,author_type,author_id,author_name
            m1,c1,inbound,2026-01-10T09:00:00Z,,,
            m2,c1,outbound,2026-01-10T09:01:00Z,coach,k1,Thandi
            m3,c2,inbound,2026-03-05T09:00:00Z,,,

            """, "messages.csv", in: work)
        #expect(try CLIRunner.run(["import", "--db", database, messages], in: work).status == 0)
        let out = work.appendingPathComponent("archive")
        let result = try CLIRunner.run(["archive", "--db", database, "--out", out.path], in: work)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("written: 2026-01, 2026-03"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names == ["2026-01", "2026-03", "index.html"])
        let january = try links(of: out.appendingPathComponent("2026-01/index.html"))
        #expect(january.map(\.lastPathComponent).contains("index.html"))
        #expect(january.contains(out.appendingPathComponent("2026-03/index.html").standardizedFileURL))
        #expect(january.contains(out.appendingPathComponent("index.html").standardizedFileURL))
        let march = try String(contentsOf: out.appendingPathComponent("2026-03/index.html"), encoding: .utf8)
        #expect(march.contains("<a href=\"../2026-01/index.html\" rel=\"prev\">← January 2026</a>"))
        #expect(!march.contains("rel=\"next\""))

        // A new message in March: only March (and the home page) are rewritten.
        let more = try write(
            "message_id,contact_id,direction,timestamp\nm4,c3,inbound,2026-03-06T09:00:00Z\n", "messages-2.csv", in: work)
        #expect(try CLIRunner.run(["import", "--db", database, "--kind", "messages", more], in: work).status == 0)
        let again = try CLIRunner.run(["archive", "--db", database, "--out", out.path], in: work)
        #expect(again.stdout.contains("written: 2026-03"))
        #expect(again.stdout.contains("up to date: 2026-01"))
        #expect(again.stdout.contains("home page: written"))

        // --since/--until clip the months; a bad month is a usage error.
        let clipped = try CLIRunner.run(
            ["archive", "--db", database, "--out", work.appendingPathComponent("clipped").path, "--since", "2026-02"], in: work)
        #expect(clipped.stdout.contains("Archive of 1 months"))
        let bad = try CLIRunner.run(["archive", "--db", database, "--since", "2026-2"], in: work)
        #expect(bad.status == 64)
    }

    @Test func demoArchiveIsBrowsableAndASecondRunRewritesNothing() throws {
        let work = try TestPaths.temporaryDirectory("demo-archive")
        let demo = try SharedDemo.folder()
        let out = work.appendingPathComponent("archive")
        let arguments = [
            "archive", "--db", demo.appendingPathComponent("demo.sqlite").path, "--out", out.path, "--timezone",
            "Africa/Johannesburg",
        ]
        let first = try CLIRunner.run(arguments, in: TestPaths.packageRoot)
        #expect(first.status == 0, "\(first.stderr)")
        // The demo runs from January 2024 to October 2026: 34 months, all linked from home.
        let home = out.appendingPathComponent("index.html")
        let html = try String(contentsOf: home, encoding: .utf8)
        let targets = try links(of: home)
        #expect(targets.count == 34)
        #expect(targets.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        #expect(targets.first?.path.hasSuffix("2026-10/index.html") == true)  // newest first
        #expect(!html.contains("href=\"/") && !html.contains("href=\"http"))
        #expect(html.contains("<svg class=\"chart bars\" role=\"img\""))
        // The demo has Journey runs in every month: their trend is shown.
        #expect(html.contains("aria-labelledby=\"trend-journeys-title trend-journeys-desc\""))
        for page in targets {
            for target in try links(of: page) where target.pathExtension == "html" {
                #expect(FileManager.default.fileExists(atPath: target.path), "\(page.path) links to a missing \(target.path)")
            }
        }
        try validateHTML(in: out)

        let before = try modificationDates(under: out)
        let second = try CLIRunner.run(arguments, in: TestPaths.packageRoot)
        #expect(second.status == 0)
        #expect(second.stdout.contains("All 34 months are up to date"))
        #expect(try modificationDates(under: out) == before)
    }
}
