import ArgumentParser
import Foundation
import InsightsGlific
import InsightsImport
import InsightsJobs
import InsightsMetrics
import InsightsStore

/// The options of `insights import --source glific` (with `--author-map` and `--status-map`,
/// shared with Turn and RapidPro).
struct GlificImportFlags: ParsableArguments {
    @Option(
        name: [.customLong("source-timezone")],
        help: ArgumentHelp(
            "The Glific organisation's IANA zone, in which Glific writes its DATETIMEs (required with --source glific).",
            valueName: "zone"))
    var sourceTimezone: String?

    @Option(
        help: ArgumentHelp(
            "Glific tickets.status words → open or closed, added to the built-in ones (open, closed).",
            valueName: "word=open|closed,…"))
    var ticketMap: String?

    /// Checks the flags against the source; the others are the import's own.
    func validate(source: ImportSource, kind: String?, skipInvalid: Bool, authorMap: String?, statusMap: String?) throws {
        guard source == .glific else {
            if sourceTimezone != nil { throw ValidationError("--source-timezone only applies with --source glific.") }
            if ticketMap != nil { throw ValidationError("--ticket-map only applies with --source glific.") }
            return
        }
        guard let sourceTimezone else {
            throw ValidationError(
                "--source glific needs --source-timezone ZONE (the organisation's IANA zone, e.g. Asia/Kolkata): "
                    + "Glific writes its DATETIMEs in local time without a zone, so Insights cannot place them otherwise.")
        }
        guard TimeZone(identifier: sourceTimezone) != nil else {
            throw ValidationError("Unknown time zone \"\(sourceTimezone)\" for --source-timezone.")
        }
        if let kind, GlificTable(rawValue: kind) == nil {
            throw ValidationError(
                "Unknown --kind \"\(kind)\" for Glific files; use one of "
                    + GlificTable.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        if skipInvalid {
            throw ValidationError(
                "--skip-invalid does not apply with --source glific: Glific files are converted as a whole, "
                    + "so every problem must be fixed first.")
        }
        _ = try options(authorMap: authorMap, statusMap: statusMap)
    }

    /// The import options these flags, `--author-map` and `--status-map` say.
    func options(authorMap: String?, statusMap: String?) throws -> GlificImportOptions {
        let zone = sourceTimezone.flatMap(TimeZone.init(identifier:)) ?? .gmt
        do {
            let types = AuthorType.allCases.map(\.rawValue).joined(separator: ", ")
            let authors = try authorMap.map {
                try GlificImportOptions.parsePairs(
                    $0, option: "--author-map", expected: types, value: { AuthorType(rawValue: $0) })
            }
            for key in (authors ?? [:]).keys where GlificRules.builtInAuthorMap[key] == nil {
                throw GlificOptionError(
                    message: "--author-map: \"\(key)\" is not what sends a Glific message (user, broadcast, flow, none)")
            }
            let statuses = try statusMap.map {
                try GlificImportOptions.parsePairs(
                    $0, option: "--status-map", expected: GlificStatus.allCases.map(\.rawValue).joined(separator: ", "),
                    value: { GlificStatus(rawValue: $0) })
            }
            let tickets = try ticketMap.map {
                try GlificImportOptions.parsePairs(
                    $0, option: "--ticket-map", expected: "open, closed",
                    value: { $0 == "open" ? false : $0 == "closed" ? true : nil })
            }
            return GlificImportOptions(
                zone: zone, authorMap: authors ?? [:], statusMap: statuses ?? [:], ticketMap: tickets ?? [:])
        } catch let error as GlificOptionError {
            throw ValidationError(error.message + ".")
        }
    }
}

extension ImportCommand {
    /// `insights import --source glific`: convert and check every file, then import the
    /// converted records through the usual per-kind transactions.
    func runGlific() throws {
        let options = try glific.options(authorMap: turn.authorMap, statusMap: rapidPro.statusMap)
        let conversion: GlificConversion
        do {
            let located = try GlificExport.locate(files, forced: kind.flatMap(GlificTable.init(rawValue:)))
            conversion = try GlificConversion(files: located, options: options)
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
            printError("error: \(error.localizedDescription)")
            printError("  (kinds listed above were stored; run the same command again once fixed: imports replace)")
            let busy = (error as? ImportError)?.reason == .busy
            throw ExitCode(busy ? StoreError.busy(database.db).exitStatus : ExitStatus.data.rawValue)
        }
        if !conversion.summary.closesNote.isEmpty { print("note: \(conversion.summary.closesNote)") }
    }
}
