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
            Writes the generated import files to DIR/import/, imports them through the same path as
            `insights import` into a fresh DIR/demo.sqlite, and writes DIR/index.html and
            DIR/metrics.json for October 2026 in Africa/Johannesburg. The same seed gives the same
            bytes.
            """)

    @Option(help: ArgumentHelp("The folder to write the demo into.", valueName: "dir"))
    var out: String = "output/demo"

    @Option(help: ArgumentHelp("The random seed of the synthetic data.", valueName: "n"))
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("A folder of report templates (a copy of templates/).", valueName: "dir"))
    var templates: String?

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        let dataFolder = folder.appendingPathComponent("import")
        let dataset = DemoDataset.generate(DemoConfiguration(seed: seed))
        var paths: [String] = []
        for file in dataset.files {
            let url = dataFolder.appendingPathComponent(file.name)
            try AtomicFile.write(file.contents, to: url)
            paths.append(url.path)
        }
        let databasePath = folder.appendingPathComponent("demo.sqlite").path
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: databasePath + suffix) {
            try FileManager.default.removeItem(atPath: databasePath + suffix)
        }
        let store = try Store(path: databasePath)
        try store.setMeta(.serviceName, "Sunrise Health Helpline (demo)")
        // A fixed import time keeps the demo byte-for-byte reproducible.
        try store.setMeta(.lastImport, "1 November 2026, 00:00 UTC")
        let parser = TimestampParser()
        let order = RecordKind.importOrder
        let files = try paths.map { try ImportFile(path: $0) }
            .sorted { (order.firstIndex(of: $0.kind) ?? 0) < (order.firstIndex(of: $1.kind) ?? 0) }
        for file in files {
            let summary = try store.importFile(file, timestamps: parser)
            print(ImportCommand.describe(summary))
        }
        let options = try PeriodOptions.parse(["--month", "2026-10", "--timezone", "Africa/Johannesburg"])
        let job = ReportJob(
            source: store, period: try options.period { try store.newestMessage() }, calendar: options.calendar,
            out: folder, templates: try TemplateFolder.locate(templates))
        print("Demo report written to \(try job.run().folder.path)/index.html (and metrics.json)")
    }
}
