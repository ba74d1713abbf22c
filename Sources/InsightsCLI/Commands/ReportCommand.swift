import ArgumentParser
import Foundation
import InsightsMetrics
import InsightsRender
import InsightsStore

/// `insights report`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute every metric for a period and write index.html and metrics.json.",
        discussion: """
            With no period, the last 7 days ending on the local date of the newest message.
            The previous period (the same number of days just before) is computed for comparison.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var period: PeriodOptions

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

    @Option(name: .customLong("email-to"), help: ArgumentHelp("The report.eml recipients (implies --email).", valueName: "address"))
    var emailTo: String?

    @Option(name: .customLong("email-from"), help: ArgumentHelp("The report.eml sender (implies --email).", valueName: "address"))
    var emailFrom: String?

    @Option(help: ArgumentHelp("The report.eml subject (implies --email).", valueName: "text"))
    var subject: String?

    func validate() throws {
        for (option, value) in [("--email-to", emailTo), ("--email-from", emailFrom)] {
            do { try value.map { try EmailMessage.validateAddress($0, option: option) } } catch {
                throw ValidationError(error.localizedDescription + ".")
            }
        }
    }

    func run() throws {
        let store = try Store(path: database.db, create: false)
        let wantsEmail = email || emailTo != nil || emailFrom != nil || subject != nil
        let folder = try ReportWriter.write(
            store: store, period: period, out: out, title: title, templates: templates,
            email: wantsEmail ? EmailOptions(to: emailTo, from: emailFrom, subject: subject) : nil)
        if wantsEmail { print("Email written to \(folder.path)/email.html and report.eml") }
        print("Report written to \(folder.path)/index.html (with metrics.json and data/*.csv)")
        if let note = try store.meta(ImportCommand.closesNoteKey), !note.isEmpty { print("note: \(note)") }
        if pdf {
            let path = try PDFPrinter.print(folder.appendingPathComponent("index.html"), to: folder.appendingPathComponent("report.pdf"))
            print("PDF written to \(path)")
        }
    }
}

/// Computes and writes one report folder.
enum ReportWriter {
    static func write(
        store: Store, period options: PeriodOptions, out: String?, title: String?, templates: String?,
        email: EmailOptions? = nil
    ) throws -> URL {
        let renderer = try ReportRenderer(templates: try templatesDirectory(templates))
        let calendar = options.calendar
        let period = try options.period { try store.newestMessage() }
        let name = try title ?? store.meta("service_name") ?? "Helpline"
        let report = try store.report(
            period: period, calendar: calendar, serviceName: name, generatorVersion: Insights.version)
        if report.isEmpty {
            if try store.newestMessage() == nil { throw CLIError.emptyDatabase }
            throw CLIError.emptyPeriod(period, calendar.identifier)
        }
        let folder = URL(fileURLWithPath: out ?? "output/\(period.from)_\(period.to)")
        try writeAtomically(MetricsJSON.render(report), to: folder.appendingPathComponent("metrics.json"))
        let dataAsOf = try store.meta(Store.lastImportKey)
        for file in ReportCSV.files(for: report) {
            try writeAtomically(file.text, to: folder.appendingPathComponent("data").appendingPathComponent(file.fileName))
        }
        let note = try store.meta(ImportCommand.closesNoteKey)
        let page = renderer.render(report, dataAsOf: dataAsOf, conversationNote: note)
        try writeAtomically(page, to: folder.appendingPathComponent("index.html"))
        if let email {
            let html = try renderer.renderEmail(report, dataAsOf: dataAsOf)
            try writeAtomically(html, to: folder.appendingPathComponent("email.html"))
            let message = EmailMessage(
                from: email.from ?? "Insights <insights@localhost>", to: email.to,
                subject: email.subject ?? "\(report.serviceName): Insights report, \(Format.monthLabel(report.period))",
                date: calendarlessMidnight(after: report.period.to), html: html,
                text: renderer.renderEmailText(report, dataAsOf: dataAsOf), attachment: page)
            try writeAtomically(message.rendered(), to: folder.appendingPathComponent("report.eml"))
        }
        return folder
    }
}

/// The `report.eml` headers a user can set.
struct EmailOptions {
    let to: String?
    let from: String?
    let subject: String?
}

/// 00:00 UTC of the day after `date`: the `Date:` of a report's email, derived from the
/// report rather than the clock so that the same report gives the same bytes.
func calendarlessMidnight(after date: LocalDate) -> Instant {
    date.adding(days: 1).dayNumber * 86_400 * microsecondsPerSecond
}
