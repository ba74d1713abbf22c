import Foundation

/// A problem that stops a file from being imported, with the file (and line) it is in.
public struct ImportError: Error, Equatable, LocalizedError, Sendable {
    /// The file as the user named it.
    public let file: String
    /// The 1-based line, when the problem is at one.
    public let line: Int?
    /// What is wrong.
    public let reason: Reason

    /// Creates an error.
    public init(file: String, line: Int? = nil, reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// What can stop a file.
    public enum Reason: Equatable, Sendable {
        /// The path does not exist.
        case notFound
        /// The path is a folder.
        case isDirectory
        /// The file cannot be read.
        case unreadable(String)
        /// The name does not say the record kind and no `--kind` was given.
        case unknownKind
        /// A `.gz` file that does not decompress.
        case badGzip(String)
        /// The file is in another encoding than UTF-8 (described: "UTF-16 little-endian (…)").
        case encoding(String)
        /// The file has no header row.
        case empty
        /// A CSV syntax error that stops reading.
        case syntax(String)
        /// The header names a column twice.
        case duplicateColumn(String)
        /// Required columns are missing from the header.
        case missingColumns([String], found: [String])
        /// Rows break the rules; the file was not imported. `total` counts them all.
        case invalidRows([RowIssue], total: Int)
        /// The database refused a write.
        case database(String)
        /// Another process kept the database locked for longer than the store waits.
        case busy
    }

    /// `FILE:LINE: reason` lines, then a hint.
    public var errorDescription: String? {
        let place = line.map { "\(file):\($0)" } ?? file
        switch reason {
        case .notFound: return "\(file): no such file"
        case .isDirectory: return "\(file): is a folder, not a file (name the files inside it)"
        case .unreadable(let why): return "\(file): cannot be read: \(why)"
        case .encoding(let found):
            var name = (file as NSString).lastPathComponent
            if name.lowercased().hasSuffix(".gz") { name = String(name.dropLast(3)) }
            let dot = name.firstIndex(of: ".") ?? name.endIndex
            let converted = name[..<dot] + "-utf8" + name[dot...]
            return "\(file): the file is \(found), not UTF-8; convert it with "
                + "`iconv -f UTF-16 -t UTF-8 \(file) > \(converted)` and import that"
        case .unknownKind where file.hasPrefix("/dev/") || file.hasPrefix("/proc/"):
            let kinds = RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
            return "\(file): a pipe or device has no file name to say what it holds; pass --kind with one of: \(kinds)"
        case .unknownKind:
            let kinds = RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
            return "\(file): the file name does not say what it holds; name it after its kind "
                + "(e.g. messages.csv) or pass --kind with one of: \(kinds)"
        case .badGzip(let why): return "\(file): not a readable gzip file: \(why)"
        case .empty: return "\(file): the file is empty (a CSV file needs a header row)"
        case .syntax(let why): return "\(place): \(why); nothing from this file was imported"
        case .duplicateColumn(let column): return "\(place): the header names column \"\(column)\" twice"
        case .missingColumns(let missing, let found):
            let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(place): required column\(missing.count == 1 ? "" : "s") \(list) missing; "
                + "the header has: \(found.joined(separator: ", "))"
        case .invalidRows(let issues, let total):
            var lines = issues.map { "\($0.file ?? file):\($0.line): \($0.reason)" }
            if total > issues.count { lines.append("… and \(total - issues.count) more invalid rows") }
            lines.append(
                "nothing from \(file) was imported (\(total) invalid row\(total == 1 ? "" : "s")); "
                    + "fix the rows, or pass --skip-invalid to import the valid rows and write the rest to a rejects file")
            return lines.joined(separator: "\n")
        case .busy:
            return "\(file): another insights process is writing this database; nothing from this file was "
                + "imported (try again when it has finished)"
        case .database(let why): return "\(file): the database refused the import: \(why); nothing from this file was imported"
        }
    }
}

/// A row that breaks a rule.
public struct RowIssue: Error, Equatable, Sendable {
    /// The file the row is in, when it is not the one being imported (a record of another
    /// source names the file of its source row); nil for the file imported.
    public let file: String?
    /// The 1-based line the row starts on.
    public let line: Int
    /// Why it was rejected.
    public let reason: String

    /// Creates an issue.
    public init(file: String? = nil, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }
}
