import ArgumentParser
import Foundation
import InsightsDemo
import InsightsImport
import InsightsJobs
import InsightsStore

/// `insights demo`.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate a synthetic helpline, import it and write its report.",
        discussion: """
            Writes the generated import files to DIR/import/, imports them through the same path as \
            `insights import` into a fresh DIR/demo.sqlite, and writes DIR/index.html and \
            DIR/metrics.json for October 2026 in Africa/Johannesburg. The same seed gives the same \
            bytes.
            """)

    @Option(help: ArgumentHelp("The folder to write the demo into.", valueName: "dir"))
    var out: String = "output/demo"

    @Option(help: ArgumentHelp("The random seed of the synthetic data.", valueName: "n"))
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("A folder of report templates (a copy of templates/).", valueName: "dir"))
    var templates: String?

    func run() throws {
        let job = DemoJob(folder: URL(fileURLWithPath: out), seed: seed, templates: try TemplateFolder.locate(templates))
        let folder = try job.run { print(ImportJob.describe($0)) }
        print("Demo report written to \(folder.path)/index.html (and metrics.json)")
    }
}
