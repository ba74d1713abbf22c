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
            Writes DIR/YYYY-MM/ (index.html, metrics.json, data/) for every month that has
            messages or events, each linking to its neighbours, and DIR/index.html listing them
            newest first with trends. All links are relative, so the folder works from a file or
            any static host. Running it again recomputes nothing when the database, the options
            and the templates are unchanged; otherwise it rewrites only the pages whose content
            changed. Every file is written to a temporary file and renamed.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The archive folder.", valueName: "dir"))
    var out: String = "output/archive"

    @OptionGroup var zone: ZoneOptions
    @OptionGroup var businessHours: BusinessHoursOptions

    @Option(help: ArgumentHelp("The first month to include (YYYY-MM).", valueName: "month"))
    var since: String?

    @Option(help: ArgumentHelp("The last month to include (YYYY-MM).", valueName: "month"))
    var until: String?

    @Option(help: ArgumentHelp("The service name shown in the headers.", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("A folder of report templates (a copy of templates/).", valueName: "dir"))
    var templates: String?

    func validate() throws {
        for (flag, value) in [("--since", since), ("--until", until)] {
            if let value, PeriodOptions.parseMonth(value) == nil {
                throw ValidationError("\(flag) \"\(value)\" is not a month; write YYYY-MM, e.g. 2026-10.")
            }
        }
    }

    func run() throws {
        let job = ArchiveJob(
            store: try Store(path: database.db, create: false), folder: URL(fileURLWithPath: out), calendar: zone.calendar,
            since: since.flatMap(PeriodOptions.parseMonth), until: until.flatMap(PeriodOptions.parseMonth), title: title,
            templates: try TemplateFolder.locate(templates), businessHours: businessHours.hours)
        let result: ArchiveJob.Result
        do {
            result = try job.run()
        } catch JobError.noMonthWithData {
            throw ValidationError("No month between \(since ?? "the first data") and \(until ?? "the last data") has data.")
        }
        let folder = result.folder
        if result.upToDate {
            print("All \(result.months.count) months are up to date in \(folder.path); nothing recomputed.")
            return
        }
        print("Archive of \(result.months.count) months in \(folder.path)/index.html")
        print("  written: \(result.written.isEmpty ? "none" : result.written.joined(separator: ", "))")
        print("  up to date: \(result.unchanged.isEmpty ? "none" : result.unchanged.joined(separator: ", "))")
        print("  home page: \(result.homeChanged ? "written" : "up to date")")
    }
}
