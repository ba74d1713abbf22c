import Foundation
import InsightsImport

/// What a RapidPro file holds.
public enum RapidProKind: String, CaseIterable, Sendable {
    /// A message archive or `messages.json` pages.
    case messages
    /// A run archive or `runs.json` pages.
    case runs
    /// `contacts.json` pages.
    case contacts
    /// `tickets.json` pages.
    case tickets

    /// The kind a file name says: `ticket`, `contact`, `run`, then `message` or `msg` in it
    /// (RapidPro names archives `message_…` and `run_…`; the API's pages are `messages.json` …).
    public init?(fileName: String) {
        let name = fileName.lowercased()
        if name.contains("ticket") {
            self = .tickets
        } else if name.contains("contact") {
            self = .contacts
        } else if name.contains("run") {
            self = .runs
        } else if name.contains("message") || name.contains("msg") {
            self = .messages
        } else {
            return nil
        }
    }

    /// The kind a record's keys say, for a file whose name does not.
    init?(keys: Dictionary<String, JSONValue>.Keys) {
        if keys.contains("direction") {
            self = .messages
        } else if keys.contains("exit_type") || keys.contains("path") || keys.contains("responded") {
            self = .runs
        } else if keys.contains("opened_on") || keys.contains("assignee") {
            self = .tickets
        } else if keys.contains("urns") {
            self = .contacts
        } else {
            return nil
        }
    }

    /// Whether a file in a folder is one to read: `.json`, `.jsonl`, `.ndjson`, gzipped or not.
    static func isDataFile(_ name: String) -> Bool {
        var lower = name.lowercased()
        if lower.hasSuffix(".gz") { lower = String(lower.dropLast(3)) }
        return [".json", ".jsonl", ".ndjson"].contains { lower.hasSuffix($0) }
    }
}

/// The files named on the command line: folders are listed (their `.json`, `.jsonl` and
/// `.ndjson` files, gzipped or not); each file's kind comes from `--kind`, its name or, failing
/// both, its first record.
public enum RapidProExport {
    /// A file to read, and the kind it was named as (nil: from its first record).
    public struct File: Equatable, Sendable {
        /// The path as the user gave it (or the folder joined with the name).
        public let path: String
        /// The kind from `--kind` or the name.
        public let kind: RapidProKind?

        /// Creates a file.
        public init(path: String, kind: RapidProKind?) {
            self.path = path
            self.kind = kind
        }
    }

    /// The files of `arguments` (files and folders).
    /// - Throws: `RapidProImportError` naming every argument that cannot be used.
    public static func locate(_ arguments: [String], forced: RapidProKind? = nil) throws(RapidProImportError) -> [File] {
        var files: [File] = []
        var problems: [RapidProImportError.Problem] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                problems.append(.file(ImportError(file: argument, reason: .notFound)))
                continue
            }
            guard isDirectory.boolValue else {
                let name = (argument as NSString).lastPathComponent
                files.append(File(path: argument, kind: forced ?? RapidProKind(fileName: name)))
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: argument).sorted()
            } catch {
                problems.append(.file(ImportError(file: argument, reason: .unreadable(error.localizedDescription))))
                continue
            }
            let found = names.filter { !$0.hasPrefix(".") && RapidProKind.isDataFile($0) }
            if found.isEmpty { problems.append(.noFiles(folder: argument)) }
            for name in found {
                files.append(
                    File(path: (argument as NSString).appendingPathComponent(name), kind: RapidProKind(fileName: name)))
            }
        }
        guard problems.isEmpty else { throw RapidProImportError(problems: problems) }
        return files
    }
}
