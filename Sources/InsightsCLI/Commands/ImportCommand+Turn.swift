import ArgumentParser
import Foundation
import InsightsImport
import InsightsTurn
import InsightsMetrics
import InsightsJobs
import InsightsStore

/// Where the files of `insights import` come from.
enum ImportSource: String, CaseIterable, ExpressibleByArgument {
    /// Insights' own import files (DATA.md).
    case insights
    /// A Turn.io BigQuery export.
    case turn
    /// RapidPro or TextIt archives and v2 API pages.
    case rapidpro
    /// Glific's BigQuery tables exported as NDJSON.
    case glific
}

/// The options of `insights import --source turn`.
struct TurnImportFlags: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "insights: files in Insights' own format; turn: a Turn.io BigQuery export (files or folders); "
                + "rapidpro: RapidPro or TextIt archives and API pages; glific: Glific's BigQuery tables as NDJSON.",
            valueName: "source"))
    var source: ImportSource = .insights

    @OptionGroup var mapping: TurnMappingFlags

    /// `--author-map`, which RapidPro and Glific read too.
    var authorMap: String? { mapping.authorMap }
    /// `--goals-map`.
    var goalsMap: String? { mapping.goalsMap }

    /// Checks the flags against the source; `kind` and `skipInvalid` are the import's own.
    func validate(kind: String?, skipInvalid: Bool) throws {
        guard source == .turn else {
            let given = [
                ("--author-map", mapping.authorMap), ("--goals-map", mapping.goalsMap),
                ("--chat-event-map", mapping.chatEventMap), ("--chat-event-columns", mapping.chatEventColumns),
            ].filter { $0.1 != nil && !([.rapidpro, .glific].contains(source) && $0.0 == "--author-map") }.map(\.0)
            if let first = given.first { throw ValidationError("\(first) only applies with --source turn.") }
            return
        }
        if let kind, TurnTable(rawValue: kind) == nil {
            throw ValidationError(
                "Unknown --kind \"\(kind)\" for a Turn export; use one of "
                    + TurnTable.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        if skipInvalid {
            throw ValidationError(
                "--skip-invalid does not apply with --source turn: a Turn export is converted as a whole, so "
                    + "every problem must be fixed first.")
        }
        _ = try options(timestamps: TimestampParser())
    }

    /// The import options these flags say (without the goals file).
    func options(timestamps: TimestampParser) throws -> TurnImportOptions {
        try mapping.options(timestamps: timestamps)
    }
}

/// The Turn mapping flags of `insights import --source turn`, which `report` and `archive`
/// take too with `--bigquery … --source turn`.
struct TurnMappingFlags: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Turn author types → Insights author types, added to OPERATOR=coach,STACK=stack,SYSTEM=api "
                + "(e.g. REMINDER=reminder,THREAD=thread; NONE = no author type). RapidPro: flow, broadcast, "
                + "ticket or none → type (e.g. broadcast=api). Glific: user, broadcast, flow or none → type.",
            valueName: "TYPE=type,…"))
    var authorMap: String?

    @Option(
        help: ArgumentHelp(
            "A JSON file mapping flow_results (question_id, response) to goal events.", valueName: "file"))
    var goalsMap: String?

    @Option(
        help: ArgumentHelp(
            "chat_events type values → closed, reopened, opened or ignore (default: guessed from the words).",
            valueName: "VALUE=action,…"))
    var chatEventMap: String?

    @Option(
        help: ArgumentHelp(
            "Which chat_events columns to read: chat, type, time, id, actor_id, actor_name (default: detected).",
            valueName: "role=column,…"))
    var chatEventColumns: String?

    /// The import options these flags say (without the goals file).
    func options(timestamps: TimestampParser) throws -> TurnImportOptions {
        do {
            let types = AuthorType.allCases.map(\.rawValue).joined(separator: ", ")
            let authors = try authorMap.map {
                try TurnImportOptions.parsePairs(
                    $0, option: "--author-map", upperKeys: true, expected: types,
                    value: { AuthorType(rawValue: $0.lowercased()) })
            }
            let actions = TurnChatEventAction.allCases.map(\.rawValue).joined(separator: ", ")
            let events = try chatEventMap.map {
                try TurnImportOptions.parsePairs(
                    $0, option: "--chat-event-map", upperKeys: true, expected: actions,
                    value: { TurnChatEventAction(rawValue: $0.lowercased()) })
            }
            let roles = TurnChatEventColumns.Role.allCases.map(\.rawValue)
            let columns = try chatEventColumns.map {
                try TurnImportOptions.parsePairs(
                    $0, option: "--chat-event-columns", upperKeys: false, expected: "a column name",
                    value: { $0.isEmpty ? nil : $0.lowercased() })
            }
            var byRole: [TurnChatEventColumns.Role: String] = [:]
            for (role, column) in columns ?? [:] {
                guard let known = TurnChatEventColumns.Role(rawValue: role) else {
                    throw TurnOptionError(
                        message: "--chat-event-columns: \"\(role)\" is not one of \(roles.joined(separator: ", "))")
                }
                byRole[known] = column
            }
            return TurnImportOptions(
                timestamps: timestamps, authorMap: authors ?? [:], chatEventMap: events ?? [:],
                chatEventColumns: byRole)
        } catch let error as TurnOptionError {
            throw ValidationError(error.message + ".")
        }
    }
}

extension ImportCommand {
    /// `insights import --source turn`: convert and check the whole export, then import the
    /// converted records through the usual per-kind transactions.
    func runTurn() throws {
        let parser = TimestampParser(assumedTimeZone: assumeTimezone.flatMap(TimeZone.init(identifier:)))
        var options = try turn.options(timestamps: parser)
        if let path = turn.goalsMap {
            do {
                options.goals = try TurnGoalsMap(path: path)
                options.goalsFile = path
            } catch {
                printError("error: \(error.localizedDescription)")
                throw ExitCode((FileManager.default.fileExists(atPath: path) ? ExitStatus.data : .noInput).rawValue)
            }
        }
        let conversion: TurnConversion
        do {
            let located = try TurnExport.locate(files, forced: kind.flatMap(TurnTable.init(rawValue:)))
            conversion = try TurnConversion(files: located.files, skipped: located.skipped, options: options)
        } catch {
            printError(Self.errorLines(error.localizedDescription))
            throw ExitCode((error.isUnopenable ? ExitStatus.noInput : .data).rawValue)
        }
        conversion.summary.lines.forEach { print($0) }

        let job = PlatformImportJob(database: database.db, conversion: conversion)
        do {
            try job.run(opened: { print("Stored (one transaction per kind):") }) { summary in
                print("  \(summary.kind.rawValue): \(summary.read) converted, \(summary.new) new, \(summary.replaced) replaced")
            }
        } catch PlatformImportJob.Failure.store(let error) {
            // The conversion checked every row, so this is the database refusing a write.
            printError("error: \(error.localizedDescription)")
            printError("  (kinds listed above were stored; run the same command again once fixed: imports replace)")
            let busy = (error as? ImportError)?.reason == .busy
            throw ExitCode(busy ? StoreError.busy(database.db).exitStatus : ExitStatus.data.rawValue)
        }
        if !conversion.summary.closesNote.isEmpty { print("note: \(conversion.summary.closesNote)") }
    }

    /// `error: ` before each problem line; indented and closing lines as they are.
    static func errorLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(" ") || line.hasPrefix("nothing was imported") ? String(line) : "error: \(line)"
        }.joined(separator: "\n")
    }
}
