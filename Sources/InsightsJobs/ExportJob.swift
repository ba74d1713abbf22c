import Foundation
import InsightsImport
import InsightsStore

/// `insights export`: every stored record written back as import files, one per kind, from
/// one snapshot. Each file is written to a temporary sibling; all are renamed into place only
/// when every one is complete. Temporaries of killed exports are removed by the next.
public struct ExportJob {
    /// One file written.
    public struct WrittenFile: Equatable, Sendable {
        /// Its path.
        public let path: String
        /// The records in it.
        public let rows: Int
    }

    /// The database.
    public let store: Store
    /// The folder written into (created if missing).
    public let folder: URL
    /// CSV or NDJSON.
    public let format: ImportFile.Format

    /// Describes an export.
    public init(store: Store, folder: URL, format: ImportFile.Format) {
        self.store = store
        self.folder = folder
        self.format = format
    }

    /// Writes one file per kind, in import order.
    public func run() throws -> [WrittenFile] {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw JobError.write(path: folder.path, reason: error.localizedDescription)
        }
        Self.removeLeftovers(in: folder)
        var pending: [(temporary: URL, final: URL, rows: Int)] = []
        defer {
            for file in pending {
                try? FileManager.default.removeItem(at: file.temporary)
                TemporaryFiles.done(file.temporary)
            }
        }
        try store.withExportSnapshot { snapshot in
            for kind in RecordKind.importOrder {
                let encoder = RecordEncoder(kind: kind, format: format)
                let final = folder.appendingPathComponent(encoder.fileName)
                let temporary = TemporaryFiles.sibling(of: final)
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
        var written: [WrittenFile] = []
        while let file = pending.first {
            guard rename(file.temporary.path, file.final.path) == 0 else {
                throw JobError.write(path: file.final.path, reason: String(cString: strerror(errno)))
            }
            TemporaryFiles.done(file.temporary)
            pending.removeFirst()
            written.append(WrittenFile(path: file.final.path, rows: file.rows))
        }
        return written
    }

    /// Removes what killed exports left: temporaries of processes that no longer run, and
    /// the `.NAME.UUID.partial` files of earlier versions of Insights.
    static func removeLeftovers(in folder: URL) {
        TemporaryFiles.removeLeftovers(in: folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let exported = Set(
            RecordKind.allCases.flatMap { kind in
                [ImportFile.Format.csv, .ndjson].map { RecordEncoder(kind: kind, format: $0).fileName }
            })
        for name in names where name.hasPrefix(".") && name.hasSuffix(".partial") {
            let parts = name.dropFirst().dropLast(".partial".count).split(separator: ".")
            guard parts.count >= 3, UUID(uuidString: String(parts[parts.count - 1])) != nil,
                exported.contains(parts.dropLast().joined(separator: "."))
            else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
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
        else { throw JobError.write(path: url.path, reason: "the file cannot be created") }
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
            throw JobError.write(path: url.path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw JobError.write(path: url.path, reason: error.localizedDescription)
        }
    }
}
