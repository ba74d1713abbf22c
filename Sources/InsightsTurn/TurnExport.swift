import InsightsImport
import Foundation

/// The files of a Turn.io export named on the command line: folders are listed, each file's
/// table comes from its name (or `--kind`).
public enum TurnExport {
    /// One table file.
    public struct File: Equatable, Sendable {
        /// The path as the user gave it (or the folder joined with the name).
        public let path: String
        /// The table it holds.
        public let table: TurnTable

        /// Creates a file.
        public init(path: String, table: TurnTable) {
            self.path = path
            self.table = table
        }
    }

    /// The table files of `arguments` (files and folders), and the skipped data files.
    ///
    /// The skipped files are those in the folders that are not tables Insights reads. `forced`
    /// (`--kind`) is the table of every file named directly; files found in a folder are
    /// recognised by name.
    ///
    /// - Throws: `TurnImportError` naming every argument that cannot be used.
    public static func locate(
        _ arguments: [String], forced: TurnTable? = nil
    ) throws(TurnImportError) -> (files: [File], skipped: [String]) {
        var files: [File] = []
        var skipped: [String] = []
        var problems: [TurnImportError.Problem] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                problems.append(.file(ImportError(file: argument, reason: .notFound)))
                continue
            }
            guard isDirectory.boolValue else {
                let name = (argument as NSString).lastPathComponent
                if let table = forced ?? TurnTable(fileName: name) {
                    files.append(File(path: argument, table: table))
                } else {
                    problems.append(.file(ImportError(file: argument, reason: .unknownKind)))
                }
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: argument).sorted()
            } catch {
                problems.append(.file(ImportError(file: argument, reason: .unreadable(error.localizedDescription))))
                continue
            }
            var found = 0
            for name in names where !name.hasPrefix(".") && TurnTable.isDataFile(name) {
                let path = (argument as NSString).appendingPathComponent(name)
                if let table = TurnTable(fileName: name) {
                    files.append(File(path: path, table: table))
                    found += 1
                } else {
                    skipped.append(path)
                }
            }
            if found == 0 {
                problems.append(.noTables(folder: argument))
            }
        }
        guard problems.isEmpty else { throw TurnImportError(problems: problems) }
        return (files, skipped)
    }
}
