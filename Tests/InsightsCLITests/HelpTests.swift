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
        expectParagraphsFilled(help.stdout)
    }

    @Test func rootHelpListsEveryCommand() throws {
        let help = try CLIRunner.run(["--help"], in: TestPaths.packageRoot, environment: [:])
        #expect(help.status == 0)
        try assertGolden(help.stdout, named: "help.txt")
        expectParagraphsFilled(help.stdout)
    }

    /// The text above USAGE is wrapped at the parser's 80 columns only (79 characters and the newline): a line of a paragraph ends early
    /// only when the next word would not fit. (A line break in the command's source text
    /// would otherwise show as a short line in the middle of a paragraph.)
    private func expectParagraphsFilled(_ help: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = help.components(separatedBy: "\n").prefix { !$0.hasPrefix("USAGE:") }
        for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty {
            let nextWord = next.prefix { $0 != " " }
            #expect(line.count + 1 + nextWord.count >= 80, "cut short: \(line)", sourceLocation: sourceLocation)
        }
    }
}
