import Foundation
import InsightsTestSupport
import Testing

/// The conformance cases of `../shared/conformance`: import every data file with the built
/// `insights`, report the case's period, and compare every key of `expected.json`.
@Suite(.serialized, .temporaryFolders) struct ConformanceTests {
    @Test func berlinDST() throws {
        let caseFolder = TestPaths.shared.appendingPathComponent("conformance/berlin-dst")
        let work = try TestPaths.temporaryDirectory("conformance")
        let data = caseFolder.appendingPathComponent("data")
        let files = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
            .map { data.appendingPathComponent($0).path }
        let database = work.appendingPathComponent("c.sqlite").path
        let imported = try CLIRunner.run(["import", "--db", database] + files, in: TestPaths.packageRoot)
        #expect(imported.status == 0, "\(imported.stderr)")
        let out = work.appendingPathComponent("report")
        let reported = try CLIRunner.run(
            [
                "report", "--db", database, "--from", "2026-10-19", "--to", "2026-11-01", "--timezone", "Europe/Berlin",
                "--out", out.path,
            ], in: TestPaths.packageRoot)
        #expect(reported.status == 0, "\(reported.stderr)")
        let expected = try readJSON(caseFolder.appendingPathComponent("expected.json"))
        let actual = try readJSON(out.appendingPathComponent("metrics.json"))
        let found = differences(expected: expected, actual: actual)
        #expect(found.isEmpty, "\(found.count) differences:\n\(found.prefix(40).joined(separator: "\n"))")
    }

    /// nairobi-journeys: only `audience.reach` and `audience.consent` (the other blocks of the
    /// case are compared by their own tests). Run without `--business-hours`, which does not
    /// change these keys.
    @Test func nairobiJourneysReachAndConsent() throws {
        let caseFolder = TestPaths.shared.appendingPathComponent("conformance/nairobi-journeys")
        let work = try TestPaths.temporaryDirectory("conformance-reach")
        let data = caseFolder.appendingPathComponent("data")
        let files = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
            .map { data.appendingPathComponent($0).path }
        let database = work.appendingPathComponent("c.sqlite").path
        let imported = try CLIRunner.run(["import", "--db", database] + files, in: TestPaths.packageRoot)
        #expect(imported.status == 0, "\(imported.stderr)")
        let out = work.appendingPathComponent("report")
        let reported = try CLIRunner.run(
            [
                "report", "--db", database, "--from", "2026-10-05", "--to", "2026-10-18", "--timezone", "Africa/Nairobi",
                "--out", out.path,
            ], in: TestPaths.packageRoot)
        #expect(reported.status == 0, "\(reported.stderr)")
        let expected = try #require(try readJSON(caseFolder.appendingPathComponent("expected.json")) as? [String: Any])
        let actual = try #require(try readJSON(out.appendingPathComponent("metrics.json")) as? [String: Any])
        let expectedAudience = try #require(expected["audience"] as? [String: Any])
        let actualAudience = try #require(actual["audience"] as? [String: Any])
        for key in ["reach", "consent"] {
            let found = differences(
                expected: try #require(expectedAudience[key]), actual: actualAudience[key], path: "$.audience.\(key)")
            #expect(found.isEmpty, "\(found.count) differences:\n\(found.prefix(40).joined(separator: "\n"))")
        }
        #expect(actual["schema_version"] as? Int == 2)
        #expect(actual["segment"] is NSNull)
    }


    /// `nairobi-journeys`, only its `impact.journeys` subtree (the other blocks are compared
    /// by their own tests until the whole file is): runs begun before the period, still
    /// running, exported again when they end, a renamed Journey, answers with case and space
    /// variants, answered twice or at the same instant.
    @Test func nairobiJourneys() throws {
        let caseFolder = TestPaths.shared.appendingPathComponent("conformance/nairobi-journeys")
        let work = try TestPaths.temporaryDirectory("conformance-journeys")
        let data = caseFolder.appendingPathComponent("data")
        let files = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
            .map { data.appendingPathComponent($0).path }
        let database = work.appendingPathComponent("c.sqlite").path
        let imported = try CLIRunner.run(["import", "--db", database] + files, in: TestPaths.packageRoot)
        #expect(imported.status == 0, "\(imported.stderr)")
        let out = work.appendingPathComponent("report")
        let reported = try CLIRunner.run(
            [
                "report", "--db", database, "--from", "2026-10-05", "--to", "2026-10-18", "--timezone", "Africa/Nairobi",
                "--out", out.path,
            ], in: TestPaths.packageRoot)
        #expect(reported.status == 0, "\(reported.stderr)")
        let expected = try #require(try readJSON(caseFolder.appendingPathComponent("expected.json")) as? [String: Any])
        let actual = try #require(try readJSON(out.appendingPathComponent("metrics.json")) as? [String: Any])
        let expectedJourneys = try #require((expected["impact"] as? [String: Any])?["journeys"] as? [Any])
        // Five Journeys in the case; every one compared key by key.
        #expect(expectedJourneys.count == 5)
        let found = differences(
            expected: expectedJourneys, actual: (actual["impact"] as? [String: Any])?["journeys"], path: "$.impact.journeys")
        #expect(found.isEmpty, "\(found.count) differences:\n\(found.prefix(40).joined(separator: "\n"))")
        #expect(actual["schema_version"] as? Int == 2)
        #expect(actual["segment"] is NSNull)
    }
}
