import ArgumentParser
import Foundation
import InsightsImport
import InsightsMetrics
import InsightsStore

/// `insights import`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import exported records (CSV or NDJSON, optionally gzipped) into the database.",
        discussion: """
            The record kind (contacts, messages, message_statuses, conversation_events, goals,
            behaviours, goal_events, journey_runs, journey_results) comes from each file's name or
            from --kind. Files are imported goals first, then behaviours, contacts, messages,
            message statuses, conversation events, goal events, journey runs and journey results,
            each in one transaction: a file with an invalid row is not imported at all, unless --skip-invalid.
            Importing the same records again replaces them.

            With --source turn, the arguments are the files or folders of a Turn.io BigQuery \
            export (messages, chats, contacts, chat_events, flow_results), converted and checked \
            as a whole before anything is stored; see the README, "Using a Turn.io export".
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The kind of every file, when their names do not say it.", valueName: "kind"))
    var kind: String?

    @Flag(help: "Store the valid rows and write invalid ones, with their reasons, to a rejects file.")
    var skipInvalid = false

    @Option(
        name: [.customLong("assume-timezone")],
        help: ArgumentHelp("Read timestamps that have no offset in this IANA zone.", valueName: "zone"))
    var assumeTimezone: String?

    @OptionGroup(title: "Turn.io export") var turn: TurnImportFlags

    @Argument(help: ArgumentHelp("The files to import (with --source turn: files or folders).", valueName: "file"))
    var files: [String]

    func validate() throws {
        try turn.validate(kind: kind, skipInvalid: skipInvalid)
        if turn.source == .insights, let kind, RecordKind(rawValue: kind) == nil {
            throw ValidationError(
                "Unknown --kind \"\(kind)\"; use one of \(RecordKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let assumeTimezone, TimeZone(identifier: assumeTimezone) == nil {
            throw ValidationError("Unknown time zone \"\(assumeTimezone)\" for --assume-timezone.")
        }
        if files.isEmpty { throw ValidationError("Name at least one file to import.") }
    }

    func run() throws {
        if turn.source == .turn { return try runTurn() }
        let forcedKind = kind.flatMap(RecordKind.init(rawValue:))
        let parser = TimestampParser(assumedTimeZone: assumeTimezone.flatMap(TimeZone.init(identifier:)))
        // Open every file first: a missing or unnamed file stops the run before anything is written.
        var opened: [ImportFile] = []
        for path in files {
            do {
                opened.append(try ImportFile(path: path, kind: forcedKind))
            } catch {
                printError("error: \(error.localizedDescription)")
                throw ExitCode(66)
            }
        }
        let order = RecordKind.importOrder
        opened.sort { (order.firstIndex(of: $0.kind) ?? 0) < (order.firstIndex(of: $1.kind) ?? 0) }
        let store = try Store(path: database.db)
        var failed = false
        var imported = false
        for file in opened {
            do {
                let summary = try store.importFile(
                    file, timestamps: parser, options: ImportOptions(skipInvalid: skipInvalid)
                ) { rows in
                    if standardErrorIsTerminal { printError("  \(file.path): \(rows) rows…") }
                }
                print(Self.describe(summary))
                imported = true
                if !summary.rejected.isEmpty {
                    let path = try writeRejects(summary)
                    print("  rejected rows and reasons written to \(path)")
                }
            } catch {
                printError("error: \(error.localizedDescription)")
                failed = true
            }
        }
        if imported { try store.setMeta(Store.lastImportKey, Self.importTime(Date())) }
        if failed { throw ExitCode(65) }
    }

    /// `25 November 2026, 06:26 UTC`: when data was last imported, shown in report headers.
    static func importTime(_ date: Date) -> String {
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

    static func describe(_ summary: ImportSummary) -> String {
        var line = "\(summary.file) (\(summary.kind.rawValue)): \(summary.read) read, \(summary.new) new, "
            + "\(summary.replaced) replaced, \(summary.rejected.count) rejected"
        if !summary.unknownColumns.isEmpty {
            line += "\n  ignored unknown columns: \(summary.unknownColumns.joined(separator: ", "))"
        }
        return line
    }

    /// `<db folder>/rejects/<file name>.rejects.csv`: line, reason, then the row's fields.
    private func writeRejects(_ summary: ImportSummary) throws -> String {
        let folder = URL(fileURLWithPath: database.db).deletingLastPathComponent().appendingPathComponent("rejects")
        let name = URL(fileURLWithPath: summary.file).lastPathComponent
        let url = folder.appendingPathComponent(name + ".rejects.csv")
        var text = "line,reason,row\n"
        for row in summary.rejected {
            let fields = [String(row.issue.line), row.issue.reason, row.fields.joined(separator: ",")]
            text += fields.map(Self.csvField).joined(separator: ",") + "\n"
        }
        try writeAtomically(text, to: url)
        return url.path
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension RecordKind {
    /// The order files are imported in, so that references resolve.
    /// Statuses come after messages and results after runs, though neither needs the other
    /// stored first.
    static let importOrder: [RecordKind] = [
        .goals, .behaviours, .contacts, .messages, .messageStatuses, .conversationEvents, .goalEvents, .journeyRuns,
        .journeyResults,
    ]
}
