import Foundation
import InsightsTestSupport
import Testing

/// The conformance cases of `../shared/conformance`: import every data file with the built
/// `insights`, report the case's period, and compare every key of `expected.json`.
@Suite(.serialized, .temporaryFolders) struct ConformanceTests {
    @Test func berlinDST() throws {
        try expectConformance(
            "berlin-dst", report: ["--from", "2026-10-19", "--to", "2026-11-01", "--timezone", "Europe/Berlin"])
    }

    /// `nairobi-journeys`, the whole of `expected.json` (run with its business hours): message
    /// statuses out of order and duplicated, `read` without `delivered`, Journey runs begun
    /// before the period or exported again when they end, a renamed Journey, answers with case
    /// and space variants, consent times, conversations answered overnight and over a weekend.
    @Test func nairobiJourneys() throws {
        try expectConformance(
            "nairobi-journeys",
            report: [
                "--from", "2026-10-05", "--to", "2026-10-18", "--timezone", "Africa/Nairobi", "--business-hours",
                "Mon-Fri 08:00-17:00",
            ])
    }

    /// `nairobi-journeys` with `--segment district=kisumu`, the whole of
    /// `expected-segment.json`: the district is spelled `Kisumu`, ` kisumu ` and `KISUMU`,
    /// some contacts have no district or an empty or null one, and every block is restricted.
    @Test func nairobiJourneysSegment() throws {
        try expectConformance(
            "nairobi-journeys",
            report: [
                "--from", "2026-10-05", "--to", "2026-10-18", "--timezone", "Africa/Nairobi", "--business-hours",
                "Mon-Fri 08:00-17:00", "--segment", "district=kisumu",
            ], expected: "expected-segment.json")
    }

    /// Imports every file of the case's `data/`, reports with `report` and compares every key
    /// of its `expected.json` with the `metrics.json` written.
    private func expectConformance(_ name: String, report arguments: [String], expected file: String = "expected.json") throws {
        let caseFolder = TestPaths.shared.appendingPathComponent("conformance/\(name)")
        let work = try TestPaths.temporaryDirectory("conformance-\(name)")
        let data = caseFolder.appendingPathComponent("data")
        let files = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
            .map { data.appendingPathComponent($0).path }
        let database = work.appendingPathComponent("c.sqlite").path
        let imported = try CLIRunner.run(["import", "--db", database] + files, in: TestPaths.packageRoot)
        #expect(imported.status == 0, "\(imported.stderr)")
        let out = work.appendingPathComponent("report")
        let reported = try CLIRunner.run(
            ["report", "--db", database] + arguments + ["--out", out.path], in: TestPaths.packageRoot)
        #expect(reported.status == 0, "\(reported.stderr)")
        let expected = try readJSON(caseFolder.appendingPathComponent(file))
        let actual = try readJSON(out.appendingPathComponent("metrics.json"))
        let found = differences(expected: expected, actual: actual)
        #expect(found.isEmpty, "\(found.count) differences:\n\(found.prefix(40).joined(separator: "\n"))")
    }
}
