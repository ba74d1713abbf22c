import Foundation
import InsightsImport

/// The Glific BigQuery tables Insights reads.
public enum GlificTable: String, CaseIterable, Sendable {
    /// `contacts`.
    case contacts
    /// `messages`.
    case messages
    /// `flow_contexts`: journey runs.
    case flowContexts = "flow_contexts"
    /// `flow_results`: journey results.
    case flowResults = "flow_results"
    /// `tickets`: conversation opens and closes.
    case tickets

    /// The table a file name says: the name without its extensions (`.json`, `.ndjson`,
    /// `.jsonl`, `.gz`) and without the shard number `bq extract` adds to a wildcard URI
    /// (`messages-000000000000.json`), exactly a table's name. `messages_media`,
    /// `message_broadcasts` … are other tables, not messages.
    public init?(fileName: String) {
        var name = fileName.lowercased()
        for suffix in [".gz", ".json", ".ndjson", ".jsonl"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        if let dash = name.lastIndex(where: { $0 == "-" || $0 == "_" }),
            name[name.index(after: dash)...].allSatisfy(\.isNumber), name.index(after: dash) < name.endIndex
        {
            name = String(name[..<dash])
        }
        self.init(rawValue: name)
    }

    /// Whether a file in a folder is one to read: `.json`, `.jsonl`, `.ndjson`, gzipped or not.
    static func isDataFile(_ name: String) -> Bool {
        var lower = name.lowercased()
        if lower.hasSuffix(".gz") { lower = String(lower.dropLast(3)) }
        return [".json", ".jsonl", ".ndjson"].contains { lower.hasSuffix($0) }
    }
}

/// The files named on the command line: folders are listed (their `.json`, `.jsonl`,
/// `.ndjson` files, gzipped or not); each file's table comes from `--kind` or its name.
public enum GlificExport {
    /// A file to read and its table.
    public struct File: Equatable, Sendable {
        /// The path as given (or the folder joined with the name).
        public let path: String
        /// The table.
        public let table: GlificTable

        /// Creates a file.
        public init(path: String, table: GlificTable) {
            self.path = path
            self.table = table
        }
    }

    /// The files of `arguments` (files and folders).
    /// - Throws: `GlificImportError` naming every argument that cannot be used.
    public static func locate(_ arguments: [String], forced: GlificTable? = nil) throws(GlificImportError) -> [File] {
        var files: [File] = []
        var problems: [GlificImportError.Problem] = []
        func add(_ path: String) {
            let name = (path as NSString).lastPathComponent
            if let table = forced ?? GlificTable(fileName: name) {
                files.append(File(path: path, table: table))
            } else {
                problems.append(.unknownTable(file: path))
            }
        }
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                problems.append(.file(ImportError(file: argument, reason: .notFound)))
                continue
            }
            guard isDirectory.boolValue else {
                add(argument)
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted()
            let found = names.filter { !$0.hasPrefix(".") && GlificTable.isDataFile($0) }
            if found.isEmpty { problems.append(.noFiles(folder: argument)) }
            for name in found { add((argument as NSString).appendingPathComponent(name)) }
        }
        guard problems.isEmpty else { throw GlificImportError(problems: problems) }
        return files
    }
}
