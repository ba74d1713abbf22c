import Foundation
import Testing

/// Compares `actual` with the golden file `Golden/<name>` beside the calling test file.
///
/// When the file is missing, or `INSIGHTS_RECORD_GOLDEN=1` is set, the file is (re)written and
/// the test fails with "recorded", so a new baseline is always a reviewed diff, never silent.
/// Otherwise the first differing line is reported.
public func assertGolden(
    _ actual: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let url = folder.appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["INSIGHTS_RECORD_GOLDEN"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        Issue.record("Recorded new golden file \(url.path); review it and run the tests again", sourceLocation: sourceLocation)
        return
    }
    if expected == actual { return }
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = actual.components(separatedBy: "\n")
    let common = min(expectedLines.count, actualLines.count)
    let index = (0..<common).first { expectedLines[$0] != actualLines[$0] } ?? common
    let want = index < expectedLines.count ? expectedLines[index] : "<end of file>"
    let got = index < actualLines.count ? actualLines[index] : "<end of file>"
    Issue.record(
        """
        \(name) differs from its golden file at line \(index + 1) \
        (INSIGHTS_RECORD_GOLDEN=1 swift test rewrites it):
          expected: \(want.prefix(300))
          actual:   \(got.prefix(300))
        """, sourceLocation: sourceLocation)
}
