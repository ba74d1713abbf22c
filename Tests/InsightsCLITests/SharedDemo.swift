import Foundation
import InsightsTestSupport

/// The demo (`insights demo`), made once per test run, on first use, and shared by every CLI
/// test that only reads it (its database, report and import files). A test that writes a
/// report writes it to a folder of its own. Swift makes a `static let` once, however many
/// tests ask for it at the same time; the folder is removed when the test process exits.
enum SharedDemo {
    private static let made = Result { () throws -> URL in
        let out = try TestPaths.sharedDirectory("demo").appendingPathComponent("demo")
        let result = try CLIRunner.run(["demo", "--out", out.path], in: TestPaths.packageRoot)
        guard result.status == 0 else { throw TestServerError(message: "insights demo failed: \(result.stderr)") }
        return out
    }

    /// The demo folder (`index.html`, `metrics.json`, `data/`, `import/`, `demo.sqlite`).
    static func folder() throws -> URL { try made.get() }

    /// The demo database's path.
    static func database() throws -> String { try folder().appendingPathComponent("demo.sqlite").path }
}
