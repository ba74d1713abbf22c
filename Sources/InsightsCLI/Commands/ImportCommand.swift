import ArgumentParser
import Foundation
import InsightsImport
import InsightsTurn
import InsightsMetrics
import InsightsJobs
import InsightsStore

/// `insights import`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import exported records (CSV or NDJSON, optionally gzipped) into the database.",
        discussion: """
            The record kind (contacts, messages, message_statuses, conversation_events, goals, \
            behaviours, goal_events, journey_runs, journey_results) comes from each file's name or \
            from --kind. Files are imported goals first, then behaviours, contacts, messages, \
            message statuses, conversation events, goal events, journey runs and journey results, \
            each in one transaction: a file with an invalid row is not imported at all, unless --skip-invalid. \
            Importing the same records again replaces them.

            With --source turn, the arguments are the files or folders of a Turn.io BigQuery \
            export (messages, chats, contacts, chat_events, flow_results), converted and checked \
            as a whole before anything is stored; see the README, "Using a Turn.io export".

            With --source rapidpro, the arguments are RapidPro or TextIt message and run archives \
            (.jsonl.gz) and pages of the v2 API (messages.json, runs.json, contacts.json, \
            tickets.json), or folders of them, converted and checked as a whole before anything \
            is stored; see the README, "Using RapidPro or TextIt".

            With --source glific and --source-timezone, the arguments are Glific's BigQuery \
            tables (messages, contacts, flow_contexts, flow_results, tickets) exported with bq \
            extract as NDJSON, or folders of them, converted and checked as a whole before \
            anything is stored; see the README, "Using Glific".
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

    @OptionGroup(title: "RapidPro / TextIt") var rapidPro: RapidProImportFlags

    @OptionGroup(title: "Glific") var glific: GlificImportFlags

    @Argument(
        help: ArgumentHelp("The files to import (with --source turn, rapidpro or glific: files or folders).", valueName: "file"))
    var files: [String]

    func validate() throws {
        try turn.validate(kind: kind, skipInvalid: skipInvalid)
        try rapidPro.validate(source: turn.source, kind: kind, skipInvalid: skipInvalid, authorMap: turn.authorMap)
        try glific.validate(
            source: turn.source, kind: kind, skipInvalid: skipInvalid, authorMap: turn.authorMap,
            statusMap: rapidPro.statusMap)
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
        if turn.source == .rapidpro { return try runRapidPro() }
        if turn.source == .glific { return try runGlific() }
        let job = ImportJob(
            database: database.db, files: files, kind: kind.flatMap(RecordKind.init(rawValue:)), skipInvalid: skipInvalid,
            assumedTimeZone: assumeTimezone.flatMap(TimeZone.init(identifier:)))
        // Open every file first: a missing or unnamed file stops the run before anything is written.
        let opened: [ImportJob.CheckedFile]
        do {
            opened = try job.open()
        } catch {
            printError("error: \(error.localizedDescription)")
            throw ExitCode(ExitStatus.noInput.rawValue)
        }
        var busy = false
        let succeeded = try job.run(
            opened,
            progress: { file, rows in
                if standardErrorIsTerminal { printError("  \(file.path): \(rows) rows…") }
            },
            outcome: { _, outcome in
                switch outcome {
                case .imported(let summary, let rejects):
                    print(ImportJob.describe(summary))
                    if let rejects { print("  rejected rows and reasons written to \(rejects)") }
                case .failed(let error):
                    printError("error: \(error.localizedDescription)")
                    if (error as? ImportError)?.reason == .busy { busy = true }
                }
            })
        // Another process holding the database is worth a retry later (75), not a data error.
        if busy { throw ExitCode(StoreError.busy(database.db).exitStatus) }
        if !succeeded { throw ExitCode(ExitStatus.data.rawValue) }
    }
}
