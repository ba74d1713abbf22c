import ArgumentParser
import Foundation
import InsightsMetrics
import InsightsJobs
import InsightsRender
import InsightsStore

/// `insights report`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute every metric for a period and write index.html and metrics.json.",
        discussion: """
            With no period, the last 7 days ending on the local date of the newest message. \
            The previous period (the same number of days just before) is computed for comparison.
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
    @OptionGroup var period: PeriodOptions
    @OptionGroup var businessHours: BusinessHoursOptions
    @OptionGroup var segments: SegmentOptions

    @Option(
        name: .customLong("breakdown"),
        help: ArgumentHelp(
            "Add a table of the main numbers by each value of a contact field (repeatable; country allowed).",
            valueName: "field"))
    var breakdowns: [String] = []

    @Option(help: ArgumentHelp("The report folder (default: output/<from>_<to>).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("The service name shown in the header.", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("A folder of report templates (a copy of templates/).", valueName: "dir"))
    var templates: String?

    @Flag(help: "Also print the page to report.pdf (A4) with headless Chromium.")
    var pdf = false

    @Flag(help: "Also write email.html (for mail clients) and report.eml (a MIME message).")
    var email = false

    @Option(
        name: .customLong("email-to"), help: ArgumentHelp("The report.eml recipients (implies --email).", valueName: "address"))
    var emailTo: String?

    @Option(name: .customLong("email-from"), help: ArgumentHelp("The report.eml sender (implies --email).", valueName: "address"))
    var emailFrom: String?

    @Option(help: ArgumentHelp("The report.eml subject (implies --email).", valueName: "text"))
    var subject: String?

    func validate() throws {
        for field in breakdowns where field.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--breakdown needs a field name, e.g. --breakdown district.")
        }
        for (option, value) in [("--email-to", emailTo), ("--email-from", emailFrom)] {
            do { try value.map { try EmailMessage.validateAddress($0, option: option) } } catch {
                throw ValidationError(error.localizedDescription + ".")
            }
        }
        try validateWarehouse()
    }

    func run() throws {
        if warehouse.isSet {
            try runOnWarehouse()
            return
        }
        try write(from: try Store(path: database.db, create: false))
    }

    /// Computes the report from `source`, writes its folder and says what was written.
    func write<Source: PeriodReportSource>(from source: Source) throws {
        let wantsEmail = email || emailTo != nil || emailFrom != nil || subject != nil
        var job = ReportJob(
            source: source, period: try period.period { try source.newestMessage() }, calendar: period.calendar,
            out: out.map { URL(fileURLWithPath: $0) }, title: title, templates: try TemplateFolder.locate(templates),
            email: wantsEmail ? .init(to: emailTo, from: emailFrom, subject: subject) : nil,
            businessHours: businessHours.hours)
        job.segment = segments.segment
        job.breakdowns = breakdowns.map { $0.trimmingCharacters(in: .whitespaces) }
        job.minCell = segments.minCell
        let folder = try job.run().folder
        if wantsEmail { print("Email written to \(folder.path)/email.html and report.eml") }
        print("Report written to \(folder.path)/index.html (with metrics.json and data/*.csv)")
        if let note = try source.meta(.closesNote), !note.isEmpty { print("note: \(note)") }
        if pdf {
            let path = try PDFPrinter.print(
                folder.appendingPathComponent("index.html"), to: folder.appendingPathComponent("report.pdf"))
            print("PDF written to \(path)")
        }
    }
}
