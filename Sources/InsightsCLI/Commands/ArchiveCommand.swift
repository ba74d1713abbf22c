import ArgumentParser
import Foundation
import InsightsMetrics
import InsightsJobs
import InsightsStore

/// `insights archive`.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Write one report per calendar month with data, and an archive home page.",
        discussion: """
            Writes DIR/YYYY-MM/ (index.html, metrics.json, data/) for every month that has \
            messages or events, each linking to its neighbours, and DIR/index.html listing them \
            newest first with trends. All links are relative, so the folder works from a file or \
            any static host. Running it again recomputes nothing when the database, the options \
            and the templates are unchanged; otherwise it rewrites only the pages whose content \
            changed. Every file is written to a temporary file and renamed.

            With --send, the newest month also gets email.html and report.eml (as from \
            `insights report --email`), and its report.eml is sent as `insights send` sends it, \
            but only when it differs from the last one sent (DIR/.insights-archive-sent): running \
            again sends nothing twice, and a run that reached nobody is retried by the next run. \
            Exit status: 0 written (and sent to everyone, or nothing to send), 1 a failure or \
            nobody got the report, 2 some recipients were refused (the others got it), 64 bad \
            options.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup(title: "Computing inside a warehouse") var warehouse: WarehouseOptions
    // Siblings of `warehouse`, not groups inside it: in debug builds ArgumentParser checks
    // each group once per level it is nested in, and three levels took a debug `report` 0.35 s
    // to parse its command line (most of the CLI tests' time); the help is the same.
    @OptionGroup(title: "Computing inside a warehouse") var platformOptions: WarehousePlatformOptions
    @OptionGroup(title: "Computing inside a warehouse") var turn: TurnMappingFlags
    @OptionGroup(title: "Computing inside a warehouse") var glific: GlificImportFlags
    @OptionGroup(title: "Computing inside a warehouse") var statusMapOption: WarehouseStatusMapOption

    @Option(help: ArgumentHelp("The archive folder.", valueName: "dir"))
    var out: String = "output/archive"

    @OptionGroup var zone: ZoneOptions
    @OptionGroup var businessHours: BusinessHoursOptions
    @OptionGroup var segments: SegmentOptions

    @Option(
        help: ArgumentHelp(
            "Write one archive per value of a contact field (the 20 held by most contacts) in DIR/<value>/, and a home page.",
            valueName: "field"))
    var per: String?

    @Option(help: ArgumentHelp("The first month to include (YYYY-MM).", valueName: "month"))
    var since: String?

    @Option(help: ArgumentHelp("The last month to include (YYYY-MM).", valueName: "month"))
    var until: String?

    @Option(help: ArgumentHelp("The service name shown in the headers.", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("A folder of report templates (a copy of templates/).", valueName: "dir"))
    var templates: String?

    @Flag(help: "Then send the newest month's report.eml through --smtp, unless it was sent before unchanged.")
    var send = false

    @Option(name: .customLong("email-from"), help: ArgumentHelp("The report.eml sender (with --send).", valueName: "address"))
    var emailFrom: String?

    @OptionGroup(title: "Sending (with --send)") var mail: SMTPOptions

    func validate() throws {
        for (flag, value) in [("--since", since), ("--until", until)] {
            if let value, PeriodOptions.parseMonth(value) == nil {
                throw ValidationError("\(flag) \"\(value)\" is not a month; write YYYY-MM, e.g. 2026-10.")
            }
        }
        try validateSending()
        try validateWarehouse()
        if let per {
            if per.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--per needs a field name.") }
            if send {
                throw ValidationError("--per writes one archive per value; send each with `insights send` instead of --send.")
            }
        }
    }

    func run() throws {
        if warehouse.dryRun {
            try dryRun()
            return
        }
        let server = send ? try mail.server() : nil
        var job = ArchiveJob(
            store: try warehouse.source(platform: platform) ?? Store(path: database.db, create: false),
            folder: URL(fileURLWithPath: out),
            calendar: zone.calendar,
            since: since.flatMap(PeriodOptions.parseMonth), until: until.flatMap(PeriodOptions.parseMonth), title: title,
            templates: try TemplateFolder.locate(templates), email: email, businessHours: businessHours.hours)
        job.segment = segments.segment
        job.minCell = segments.minCell
        if let per {
            try runPerValue(job, field: per.trimmingCharacters(in: .whitespaces))
            return
        }
        let result: ArchiveJob.Result
        do {
            result = try job.run()
        } catch JobError.noMonthWithData {
            throw ValidationError("No month between \(since ?? "the first data") and \(until ?? "the last data") has data.")
        }
        let folder = result.folder
        if result.upToDate {
            print("All \(result.months.count) months are up to date in \(folder.path); nothing recomputed.")
        } else {
            print("Archive of \(result.months.count) months in \(folder.path)/index.html")
            print("  written: \(result.written.isEmpty ? "none" : result.written.joined(separator: ", "))")
            print("  up to date: \(result.unchanged.isEmpty ? "none" : result.unchanged.joined(separator: ", "))")
            print("  home page: \(result.homeChanged ? "written" : "up to date")")
        }
        if let server { try sendNewest(of: result, through: server) }
    }
}
