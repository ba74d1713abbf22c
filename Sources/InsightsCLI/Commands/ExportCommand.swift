import ArgumentParser
import Foundation
import InsightsImport
import InsightsStore

/// `insights export`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every stored record back as import files (a backup, or a move to another machine).",
        discussion: """
            Writes one file per kind to DIR (goals, behaviours, contacts, messages,
            message_statuses, conversation_events, goal_events, journey_runs, journey_results;
            e.g. DIR/messages.csv) in the format `insights import` reads,
            from one consistent snapshot of the database. Timestamps are RFC 3339 in UTC with as
            many fractional digits as they need. Importing the files into a fresh database gives
            the same metrics for any period. Each file is written to a temporary file and renamed
            once all of them are complete. The service name shown in reports is not a record:
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
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError.write(path: folder.path, reason: error.localizedDescription)
        }
        let written = try Self.export(store: store, to: folder, format: format.fileFormat)
        print("Exported \(database.db) to \(folder.path)/ (\(format.rawValue)):")
        let names = written.map { URL(fileURLWithPath: $0.path).lastPathComponent }
        let width = names.map(\.count).max() ?? 0
        for (name, file) in zip(names, written) {
            let padding = String(repeating: " ", count: width - name.count)
            print("  \(name)\(padding)  \(file.rows) rows")
        }
        if let name = try store.meta("service_name") {
            print("note: the service name \"\(name)\" is not part of the files; after importing them, "
                + "pass --title to `insights report`.")
        }
    }

    /// Writes one file per kind from one snapshot: each to a temporary file first, all renamed
    /// into place only when every one is complete.
    static func export(store: Store, to folder: URL, format: ImportFile.Format) throws -> [(path: String, rows: Int)] {
        var pending: [(temporary: URL, final: URL, rows: Int)] = []
        defer {
            for file in pending { try? FileManager.default.removeItem(at: file.temporary) }
        }
        try store.withExportSnapshot { snapshot in
            for kind in RecordKind.importOrder {
                let encoder = RecordEncoder(kind: kind, format: format)
                let final = folder.appendingPathComponent(encoder.fileName)
                let temporary = folder.appendingPathComponent(".\(encoder.fileName).\(UUID().uuidString).partial")
                var output = try BufferedFile(temporary)
                pending.append((temporary, final, 0))
                try output.write(encoder.header)
                var rows = 0
                try snapshot.forEachRecord(of: kind) { record in
                    if let line = encoder.encode(record) { try output.write(line) }
                    rows += 1
                }
                try output.close()
                pending[pending.count - 1].rows = rows
            }
        }
        var written: [(path: String, rows: Int)] = []
        while let file = pending.first {
            guard rename(file.temporary.path, file.final.path) == 0 else {
                throw CLIError.write(path: file.final.path, reason: String(cString: strerror(errno)))
            }
            pending.removeFirst()
            written.append((file.final.path, file.rows))
        }
        return written
    }
}

/// A file written through a buffer, a megabyte at a time.
private struct BufferedFile {
    let url: URL
    let handle: FileHandle
    var buffer: [UInt8] = []

    init(_ url: URL) throws {
        self.url = url
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: url.path)
        else { throw CLIError.write(path: url.path, reason: "the file cannot be created") }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    mutating func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func flush() throws {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw CLIError.write(path: url.path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw CLIError.write(path: url.path, reason: error.localizedDescription)
        }
    }
}
