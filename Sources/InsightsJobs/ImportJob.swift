import Foundation
import InsightsFormat
import InsightsImport
import InsightsMetrics
import InsightsStore

/// `insights import` of Insights' own files: every file opened and checked first (a missing
/// one, or one whose kind or columns are wrong, stops the run before anything is written),
/// then imported in `RecordKind.importOrder`, each in one transaction. With `skipInvalid`,
/// each input's rejected rows go to its own file in `<database folder>/rejects/`.
///
/// A file is read into memory whole when it is opened, so the check lets go of each regular
/// file's bytes and `run` opens the files again one at a time: an import of many large files
/// holds one of them at a time, and that one only while its rows are read (not while the
/// indexes built after them are). A pipe (`<(zcat …)`) can be read only once: it is kept.
public struct ImportJob {
    /// A file `open()` checked: where it is and what it holds.
    public struct CheckedFile: Sendable {
        /// The path as given.
        public let path: String
        /// Its record kind.
        public let kind: RecordKind
        /// The opened file, kept only when it cannot be read again (a pipe).
        fileprivate let kept: ImportFile?
    }

    /// What happened to one file, in the order the files are imported.
    public enum Outcome {
        /// Imported; `rejects` is the path of its rejects file, when rows were rejected.
        case imported(ImportSummary, rejects: String?)
        /// Refused as a whole (invalid data, or the database refused it).
        case failed(any Error)
    }

    /// The database file (created when missing).
    public let database: String
    /// The input files.
    public let files: [String]
    /// The kind of every file, when their names do not say it.
    public let kind: RecordKind?
    /// Store valid rows and write invalid ones to a rejects file.
    public let skipInvalid: Bool
    /// The zone of timestamps without an offset.
    public let assumedTimeZone: TimeZone?

    /// Describes an import.
    public init(
        database: String, files: [String], kind: RecordKind? = nil, skipInvalid: Bool = false, assumedTimeZone: TimeZone? = nil
    ) {
        self.database = database
        self.files = files
        self.kind = kind
        self.skipInvalid = skipInvalid
        self.assumedTimeZone = assumedTimeZone
    }

    /// Opens and checks every file (then lets go of its bytes), in import order; throws the
    /// first that cannot be opened (exit `ExitStatus.noInput`).
    public func open() throws -> [CheckedFile] {
        let order = RecordKind.importOrder
        return try files.map { path in
            let file = try ImportFile(path: path, kind: kind)
            var status = stat()
            let regular = stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
            return CheckedFile(path: file.path, kind: file.kind, kept: regular ? nil : file)
        }
        .sorted { (order.firstIndex(of: $0.kind) ?? 0) < (order.firstIndex(of: $1.kind) ?? 0) }
    }

    /// Imports checked files, each opened again at its turn, telling `outcome` about each as
    /// it is done and `progress` the rows read so far; records the import time when anything
    /// was imported. Returns whether every file was imported.
    public func run(
        _ checked: [CheckedFile], progress: (CheckedFile, Int) -> Void = { _, _ in },
        outcome: (CheckedFile, Outcome) -> Void
    ) throws -> Bool {
        let parser = TimestampParser(assumedTimeZone: assumedTimeZone)
        let store = try Store(path: database)
        var failed = false
        var imported = false
        var rejectFiles: Set<String> = []
        for file in checked {
            do {
                let opened = try file.kept ?? ImportFile(path: file.path, kind: file.kind)
                let summary = try store.importFile(
                    consume opened, timestamps: parser, options: ImportOptions(skipInvalid: skipInvalid)
                ) { progress(file, $0) }
                imported = true
                let rejects = summary.rejected.isEmpty ? nil : try writeRejects(summary, besides: &rejectFiles)
                outcome(file, .imported(summary, rejects: rejects))
            } catch {
                outcome(file, .failed(error))
                failed = true
            }
        }
        if imported { try store.setMeta(.lastImport, Self.importTime(Date())) }
        return !failed
    }

    /// `25 November 2026, 06:26 UTC`: when data was last imported, shown in report headers.
    public static func importTime(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970)
        let day = LocalDate(dayNumber: floorDiv(seconds, 86_400))
        let (year, month, dayOfMonth) = day.components
        let minutes = (seconds - day.dayNumber * 86_400) / 60
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let clock = String(format: "%02d:%02d", Int(minutes / 60), Int(minutes % 60))
        return "\(dayOfMonth) \(months[month - 1]) \(year), \(clock) UTC"
    }

    /// The line printed for an imported file.
    public static func describe(_ summary: ImportSummary) -> String {
        var line =
            "\(summary.file) (\(summary.kind.rawValue)): \(summary.read) read, \(summary.new) new, "
            + "\(summary.replaced) replaced, \(summary.rejected.count) rejected"
        if !summary.unknownColumns.isEmpty {
            line += "\n  ignored unknown columns: \(summary.unknownColumns.joined(separator: ", "))"
        }
        return line
    }

    /// `<db folder>/rejects/<file name>.rejects.csv`: line, reason, then the row's fields. A
    /// second input of this run with the same file name (`a/messages.csv`, `b/messages.csv`)
    /// gets `<file name>.2.rejects.csv`, and so on, so no input's rejects replace another's.
    private func writeRejects(_ summary: ImportSummary, besides written: inout Set<String>) throws -> String {
        let folder = URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("rejects")
        let name = URL(fileURLWithPath: summary.file).lastPathComponent
        var fileName = name + ".rejects.csv"
        var number = 1
        while written.contains(fileName) {
            number += 1
            fileName = "\(name).\(number).rejects.csv"
        }
        written.insert(fileName)
        let url = folder.appendingPathComponent(fileName)
        var text = CSVText(header: ["line", "reason", "row"])
        for row in summary.rejected {
            text.row([String(row.issue.line), row.issue.reason, row.fields.joined(separator: ",")])
        }
        try AtomicFile.write(text.text, to: url)
        return url.path
    }
}
