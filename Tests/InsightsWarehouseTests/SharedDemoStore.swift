import Foundation
import InsightsJobs
import InsightsStore
import InsightsTestSupport

/// The demo database (`DemoJob`, seed 1), made once per test run, on first use, and shared by
/// the warehouse tests that compare it with an engine: they only read it (each loads it into a
/// schema or dataset of its own). Swift makes a `static let` once, however many tests ask for
/// it at the same time; the folder is removed when the test process exits.
enum SharedDemoStore {
    private static let made = Result { () throws -> String in
        let folder = try TestPaths.sharedDirectory("warehouse-demo")
        _ = try DemoJob(folder: folder, seed: 1, templates: TestPaths.packageRoot.appendingPathComponent("templates")).run()
        return folder.appendingPathComponent("demo.sqlite").path
    }

    /// A store on the shared demo database.
    static func store() throws -> Store { try Store(path: made.get()) }
}
