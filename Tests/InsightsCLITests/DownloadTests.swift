import Foundation
import InsightsImport
import InsightsTestSupport
import Testing

/// Every chart block offers its numbers as CSV, on the page and in `data/`, equal to
/// `metrics.json`; `--pdf` prints the page; `--templates` uses a user's copy.
@Suite(.serialized, .temporaryFolders) struct DownloadTests {
    /// The demo report shared by the CLI tests.
    static var demo: URL? { try? SharedDemo.folder() }

    /// The page's CSV links: file name → decoded text.
    private func links(in html: String) -> [String: String] {
        var result: [String: String] = [:]
        for match in html.matches(of: /<a download="([^"]+)" href="data:text\/csv;charset=utf-8,([^"]*)">/) {
            result[String(match.1)] = String(match.2).removingPercentEncoding
        }
        return result
    }

    /// The data rows of a CSV text (header dropped), read with the importer's RFC 4180 reader.
    private func rows(_ csv: String?) -> [[String]] {
        var reader = CSVReader(bytes: Array((csv ?? "").utf8))
        var result: [[String]] = []
        while let record = try? reader.next() { result.append(record.fields) }
        return Array(result.dropFirst())
    }

    @Test func everyChartBlockHasACSVEqualToMetricsJSON() throws {
        let out = try #require(Self.demo)
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        let files = links(in: html)
        let suffix = "_2026-10-01_2026-10-31.csv"
        let blocks = [
            "summary-trends", "impact-goals", "impact-journeys", "audience-daily", "audience-countries", "audience-reach",
            "engagement-daily", "engagement-heatmap", "guidance-conversations", "guidance-authorship", "guidance-top-authors",
            "guidance-response-times",
        ]
        #expect(Set(files.keys) == Set(blocks.map { $0 + suffix }))
        // data/ holds the same files, byte for byte.
        for (name, text) in files {
            let written = try String(contentsOf: out.appendingPathComponent("data/\(name)"), encoding: .utf8)
            #expect(written == text, "data/\(name) differs from the page's download")
        }
        let metrics = try #require(try readJSON(out.appendingPathComponent("metrics.json")) as? [String: Any])
        let audience = try #require(metrics["audience"] as? [String: Any])
        let engagement = try #require(metrics["engagement"] as? [String: Any])
        let guidance = try #require(metrics["guidance"] as? [String: Any])

        // The summary's CSV: a row per headline and period, as `summary.trends` (counts exact).
        let summary = try #require(metrics["summary"] as? [String: Any])
        let trends = try #require(summary["trends"] as? [String: [[String: Any]]])
        let trendRows = rows(files["summary-trends" + suffix])
        #expect(trendRows.count == 8 * 12)
        for row in trendRows where row[0] != "median_first_response_minutes" {
            let point = try #require(trends[row[0]]?.first { $0["from"] as? String == row[1] })
            #expect([point["to"] as? String ?? "", (point["value"] as? Int).map(String.init) ?? ""] == [row[2], row[3]])
        }

        let daily = try #require(audience["daily"] as? [[String: Any]])
        #expect(
            rows(files["audience-daily" + suffix])
                == daily.map { day in
                    ["date", "active_users", "new_users", "returning_users"].map { "\(day[$0] ?? "")" }
                })
        // The reach CSV splits `other` into sent and no_status: read, delivered, failed, sent + no_status.
        let reach = try #require(audience["reach"] as? [String: Any])
        let reachDaily = try #require(reach["daily"] as? [[String: Any]])
        #expect(
            rows(files["audience-reach" + suffix]).map {
                [$0[0], $0[1], $0[2], $0[3], String((Int($0[4]) ?? -1) + (Int($0[5]) ?? -1))]
            }
                == reachDaily.map { day in ["date", "read", "delivered", "failed", "other"].map { "\(day[$0] ?? "")" } })
        let messages = try #require(engagement["daily"] as? [[String: Any]])
        #expect(
            rows(files["engagement-daily" + suffix])
                == messages.map { day in ["date", "received", "sent"].map { "\(day[$0] ?? "")" } })
        let heatmap = try #require(engagement["heatmap"] as? [[Int]])
        #expect(rows(files["engagement-heatmap" + suffix]).map { $0[2] } == heatmap.flatMap { $0 }.map(String.init))
        #expect(rows(files["engagement-heatmap" + suffix]).first == ["Monday", "0", String(heatmap[0][0])])
        let countries = try #require(audience["countries"] as? [[String: Any]])
        let countryRows = rows(files["audience-countries" + suffix])
        #expect(countryRows.map { $0[0] } == countries.map { "\($0["country"] ?? "")" })
        #expect(countryRows.map { $0.last ?? "" } == countries.map { "\($0["active_users"] ?? "")" })
        let authorship = try #require(guidance["authorship"] as? [[String: Any]])
        #expect(
            rows(files["guidance-authorship" + suffix]).map { [$0[0], $0[1]] }
                == authorship.map { ["\($0["author_type"] ?? "")", "\($0["messages"] ?? "")"] })
        // The Journeys file's Journey rows (those with runs_started) are metrics.json's Journeys.
        let journeys = try #require((metrics["impact"] as? [String: Any])?["journeys"] as? [[String: Any]])
        #expect(!journeys.isEmpty)
        let counts = ["journey_id", "runs_started", "users_started", "completed", "expired", "interrupted", "in_progress"]
        #expect(
            rows(files["impact-journeys" + suffix]).filter { !$0[2].isEmpty }.map { [$0[0]] + $0[2...7] }
                == journeys.map { journey in counts.map { "\(journey[$0] ?? "")" } })
        let conversations = try #require(guidance["conversations"] as? [String: Any])
        for row in rows(files["guidance-conversations" + suffix]) where row[0] != "median_time_to_close_hours" {
            #expect(row[1] == "\(conversations[row[0]] ?? "missing")", "\(row[0])")
        }
        let top = try #require(guidance["top_authors"] as? [String: [[String: Any]]])
        let topRows = rows(files["guidance-top-authors" + suffix])
        #expect(topRows.count == top.values.reduce(0) { $0 + $1.count })
        let coaches = topRows.filter { $0[0] == "coach" }.map { $0[4] }
        #expect(coaches == (top["coach"] ?? []).map { "\($0["messages"] ?? "")" })
        let times = try #require(guidance["response_times"] as? [String: Any])
        let timeRows = rows(files["guidance-response-times" + suffix])
        #expect(
            timeRows.filter { $0[0] == "bucket" }.map { $0[3] }
                == (times["buckets"] as? [[String: Any]] ?? []).map { "\($0["conversations"] ?? "")" })
        #expect(
            timeRows.filter { $0[0] == "coach" }.map { $0[4] }
                == (times["coaches"] as? [[String: Any]] ?? []).map { "\($0["replies"] ?? "")" })
        #expect(timeRows.first == ["summary", "opened_by_users", "", "\(times["opened_by_users"] ?? "")", "", "", "", "", ""])
        let goals = try #require((metrics["impact"] as? [String: Any])?["goals"] as? [[String: Any]])
        let goalRows = rows(files["impact-goals" + suffix]).filter { $0[2].isEmpty }
        #expect(goalRows.map { $0[4] } == goals.map { "\($0["started"] ?? "")" })
        #expect(goalRows.map { $0[5] } == goals.map { "\($0["completed"] ?? "")" })
    }

    @Test func pdfHasTheFourSections() throws {
        let demo = try #require(Self.demo)
        let out = try TestPaths.temporaryDirectory("pdf")
        let result = try CLIRunner.run(
            [
                "report", "--db", demo.appendingPathComponent("demo.sqlite").path, "--month", "2026-10", "--out", out.path,
                "--pdf",
            ],
            in: TestPaths.packageRoot)
        if result.stderr.contains("not installed") {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("chromium is not installed (apt-get install chromium)")
            }
            return
        }
        #expect(result.status == 0, "\(result.stderr)")
        let text = try pdfText(out.appendingPathComponent("report.pdf"))
        for heading in [
            "Are we making an impact?", "Is our audience growing?", "How are our users engaging?",
            "How are we guiding our users?",
        ] {
            #expect(text.contains(heading), "\(heading) missing from the PDF")
        }
        // Explanations are printed expanded.
        #expect(text.contains("An active user is a person who sent the helpline"))
    }

    @Test func pdfWithoutChromiumIsAClearErrorAndTheHTMLIsWritten() throws {
        let out = try #require(Self.demo)
        let folder = try TestPaths.temporaryDirectory("nopdf")
        let result = try CLIRunner.run(
            [
                "report", "--db", out.appendingPathComponent("demo.sqlite").path, "--month", "2026-10", "--out", folder.path,
                "--pdf",
            ],
            in: TestPaths.packageRoot, environment: ["PATH": "/nonexistent"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("--pdf needs headless Chromium, which is not installed (Debian: apt-get install chromium)"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))
    }

    @Test func userTemplatesAreUsed() throws {
        let out = try #require(Self.demo)
        let templates = try TestPaths.temporaryDirectory("templates")
        let copy = templates.appendingPathComponent("mine")
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("templates"), to: copy)
        let style = copy.appendingPathComponent("style.mustache")
        let css = try String(contentsOf: style, encoding: .utf8).replacingOccurrences(
            of: "--blue: #1d4ed8", with: "--blue: #123456")
        try Data(css.utf8).write(to: style)
        let page = copy.appendingPathComponent("report.mustache")
        let html = try String(contentsOf: page, encoding: .utf8)
            .replacingOccurrences(
                of: "<p class=\"eyebrow\">Insights report</p>", with: "<p class=\"eyebrow\">Monthly report to our donors</p>")
        try Data(html.utf8).write(to: page)
        let folder = try TestPaths.temporaryDirectory("custom")
        let result = try CLIRunner.run(
            [
                "report", "--db", out.appendingPathComponent("demo.sqlite").path, "--month", "2026-10", "--out", folder.path,
                "--templates", copy.path,
            ],
            in: TestPaths.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(written.contains("--blue: #123456"))
        #expect(written.contains("Monthly report to our donors"))
    }

    private func pdfText(_ pdf: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-layout", pdf.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "pdftotext failed (Debian: apt-get install poppler-utils)")
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
