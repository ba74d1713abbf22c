import Foundation
import InsightsDemo
import InsightsImport
import InsightsMetrics
import InsightsStore

/// `insights demo`: generate a synthetic helpline into `DIR/import/`, import it through the
/// same path as `insights import` into a fresh `DIR/demo.sqlite`, and write the report of
/// October 2026 in Africa/Johannesburg into `DIR`. The same seed gives the same bytes.
public struct DemoJob {
    /// The demo folder.
    public let folder: URL
    /// The random seed.
    public let seed: UInt64
    /// The templates folder.
    public let templates: URL

    /// Describes a demo run.
    public init(folder: URL, seed: UInt64, templates: URL) {
        self.folder = folder
        self.seed = seed
        self.templates = templates
    }

    /// Writes the demo; `imported` hears of each file's import. Returns the report folder.
    public func run(imported: (ImportSummary) -> Void = { _ in }) throws -> URL {
        let dataFolder = folder.appendingPathComponent("import")
        let dataset = DemoDataset.generate(DemoConfiguration(seed: seed, includesNewKinds: true))
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
            imported(try store.importFile(file, timestamps: parser))
        }
        let period = ReportPeriod(year: 2026, month: 10)
        guard let period, let zone = TimeZone(identifier: "Africa/Johannesburg") else { throw JobError.emptyDatabase }
        let job = ReportJob(
            source: store, period: period, calendar: ReportCalendar(timeZone: zone), out: folder, templates: templates)
        return try job.run().folder
    }
}
