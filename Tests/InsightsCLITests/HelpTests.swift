import Foundation
import InsightsTestSupport
import Testing

/// Each command's whole `--help` text, against `Golden/help-COMMAND.txt`
/// (`INSIGHTS_RECORD_GOLDEN=1 swift test` rewrites them for review).
@Suite struct HelpTests {
    @Test(arguments: ["import", "report", "archive", "export", "demo", "send", "fields", "schema"])
    func helpIsTheGoldenText(command: String) throws {
        // No terminal and no COLUMNS: the text is wrapped at the parser's fixed 80 columns.
        let help = try CLIRunner.run([command, "--help"], in: TestPaths.packageRoot, environment: [:])
        #expect(help.status == 0)
        #expect(help.stderr == "")
        try assertGolden(help.stdout, named: "help-\(command).txt")
    }

    @Test func rootHelpListsEveryCommand() throws {
        let help = try CLIRunner.run(["--help"], in: TestPaths.packageRoot, environment: [:])
        #expect(help.status == 0)
        try assertGolden(help.stdout, named: "help.txt")
    }
}
