import ArgumentParser
import Foundation
import InsightsImport
import InsightsJobs
import InsightsMetrics
import InsightsRapidPro
import InsightsStore

/// The options of `insights import --source rapidpro` (with `--author-map`, shared with Turn).
struct RapidProImportFlags: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "RapidPro message status words → sent, delivered, read, failed or none, added to the built-in "
                + "ones (sent, delivered, read; errored, failed → failed; queued, wired, handled … → none). "
                + "Glific: bsp_status words (built in: sent, delivered, read; error → failed; enqueued → none).",
            valueName: "word=status,…"))
    var statusMap: String?

    @Option(
        help: ArgumentHelp(
            "RapidPro run exit types → completed, expired, interrupted or active, added to the built-in ones "
                + "(failed → interrupted; none = exited_on without exit_type).",
            valueName: "type=end,…"))
    var exitMap: String?

    @Option(
        help: ArgumentHelp(
            "RapidPro URN schemes → phone or none, added to the built-in ones (tel, whatsapp → phone).",
            valueName: "scheme=phone|none,…"))
    var urnMap: String?

    /// Checks the flags against the source; `kind`, `skipInvalid` and `authorMap` are the import's own.
    func validate(source: ImportSource, kind: String?, skipInvalid: Bool, authorMap: String?) throws {
        guard source == .rapidpro else {
            let given = [("--status-map", statusMap), ("--exit-map", exitMap), ("--urn-map", urnMap)]
                .filter { $0.1 != nil && !(source == .glific && $0.0 == "--status-map") }.map(\.0)
            if let first = given.first { throw ValidationError("\(first) only applies with --source rapidpro.") }
            return
        }
        if let kind, RapidProKind(rawValue: kind) == nil {
            throw ValidationError(
                "Unknown --kind \"\(kind)\" for RapidPro files; use one of "
                    + RapidProKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        if skipInvalid {
            throw ValidationError(
                "--skip-invalid does not apply with --source rapidpro: RapidPro files are converted as a whole, "
                    + "so every problem must be fixed first.")
        }
        _ = try options(authorMap: authorMap, timestamps: TimestampParser())
    }

    /// The import options these flags and `--author-map` say.
    func options(authorMap: String?, timestamps: TimestampParser) throws -> RapidProImportOptions {
        do {
            let types = AuthorType.allCases.map(\.rawValue).joined(separator: ", ")
            let authors = try authorMap.map {
                try RapidProImportOptions.parsePairs(
                    $0, option: "--author-map", expected: types, value: { AuthorType(rawValue: $0) })
            }
            for key in (authors ?? [:]).keys where RapidProImportOptions.builtInAuthorMap[key] == nil {
                throw RapidProOptionError(
                    message: "--author-map: \"\(key)\" is not what sends a RapidPro message (flow, broadcast, ticket, none)")
            }
            let statuses = try statusMap.map {
                try RapidProImportOptions.parsePairs(
                    $0, option: "--status-map", expected: RapidProStatus.allCases.map(\.rawValue).joined(separator: ", "),
                    value: { RapidProStatus(rawValue: $0) })
            }
            let exits = try exitMap.map {
                try RapidProImportOptions.parsePairs(
                    $0, option: "--exit-map", expected: RapidProRunEnd.allCases.map(\.rawValue).joined(separator: ", "),
                    value: { RapidProRunEnd(rawValue: $0) })
            }
            let schemes = try urnMap.map {
                try RapidProImportOptions.parsePairs(
                    $0, option: "--urn-map", expected: "phone, none", value: { RapidProURNScheme(rawValue: $0) })
            }
            return RapidProImportOptions(
                timestamps: timestamps, authorMap: authors ?? [:], statusMap: statuses ?? [:], exitMap: exits ?? [:],
                urnMap: schemes ?? [:])
        } catch let error as RapidProOptionError {
            throw ValidationError(error.message + ".")
        }
    }
}

extension ImportCommand {
    /// `insights import --source rapidpro`: convert and check every file, then import the
    /// converted records through the usual per-kind transactions.
    func runRapidPro() throws {
        let parser = TimestampParser(assumedTimeZone: assumeTimezone.flatMap(TimeZone.init(identifier:)))
        let options = try rapidPro.options(authorMap: turn.authorMap, timestamps: parser)
        let conversion: RapidProConversion
        do {
            let located = try RapidProExport.locate(files, forced: kind.flatMap(RapidProKind.init(rawValue:)))
            conversion = try RapidProConversion(files: located, options: options)
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
            // The conversion checked every record, so this is the database refusing a write.
            printError("error: \(error.localizedDescription)")
            printError("  (kinds listed above were stored; run the same command again once fixed: imports replace)")
            let busy = (error as? ImportError)?.reason == .busy
            throw ExitCode(busy ? StoreError.busy(database.db).exitStatus : ExitStatus.data.rawValue)
        }
        if !conversion.summary.closesNote.isEmpty { print("note: \(conversion.summary.closesNote)") }
    }
}
