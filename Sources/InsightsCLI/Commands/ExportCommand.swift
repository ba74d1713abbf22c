import ArgumentParser
import Foundation
import InsightsImport
import InsightsJobs
import InsightsStore

/// `insights export`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every stored record back as import files (a backup, or a move to another machine).",
        discussion: """
            Writes one file per kind to DIR (goals, behaviours, contacts, messages, \
            message_statuses, conversation_events, goal_events, journey_runs, journey_results; \
            e.g. DIR/messages.csv) in the format `insights import` reads, \
            from one consistent snapshot of the database. Timestamps are RFC 3339 in UTC with as \
            many fractional digits as they need. Importing the files into a fresh database gives \
            the same metrics for any period. Each file is written to a temporary file and renamed \
            once all of them are complete. The service name shown in reports is not a record: \
            pass it with `report --title` on the imported copy.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, ndjson

        var fileFormat: ImportFile.Format {
            switch self {
            case .csv: .csv
            case .ndjson: .ndjson
            }
        }
    }

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The folder to write the files into (created if missing).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("The file format: csv or ndjson.", valueName: "format"))
    var format: Format = .csv

    func run() throws {
        let store = try Store(path: database.db, create: false)
        let folder = URL(fileURLWithPath: out)
        let written = try ExportJob(store: store, folder: folder, format: format.fileFormat).run()
        print("Exported \(database.db) to \(folder.path)/ (\(format.rawValue)):")
        let names = written.map { URL(fileURLWithPath: $0.path).lastPathComponent }
        let width = names.map(\.count).max() ?? 0
        for (name, file) in zip(names, written) {
            let padding = String(repeating: " ", count: width - name.count)
            print("  \(name)\(padding)  \(file.rows) rows")
        }
        if let name = try store.meta(.serviceName) {
            print(
                "note: the service name \"\(name)\" is not part of the files; after importing them, "
                    + "pass --title to `insights report`.")
        }
    }
}
