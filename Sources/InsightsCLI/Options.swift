import ArgumentParser
import Foundation
import InsightsMetrics
import InsightsRender
import InsightsStore

/// `--db PATH`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "path"))
    var db: String = "insights.sqlite"
}

/// `--timezone ZONE`: the IANA zone days, hours and months are local to.
struct ZoneOptions: ParsableArguments {
    @Option(
        name: [.customLong("timezone"), .customLong("time-zone")],
        help: ArgumentHelp("IANA time zone for days and hours, e.g. Africa/Johannesburg.", valueName: "zone"))
    var timezone: String = "UTC"

    func validate() throws {
        guard TimeZone(identifier: timezone) != nil else {
            throw ValidationError("Unknown time zone \"\(timezone)\"; use an IANA name such as Africa/Johannesburg or UTC.")
        }
    }

    var calendar: ReportCalendar {
        ReportCalendar(timeZone: TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 0) ?? .current)
    }
}

/// The period and zone of a report.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day of the period (YYYY-MM-DD, inclusive).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of the period (YYYY-MM-DD, inclusive).", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("A calendar month (YYYY-MM).", valueName: "month"))
    var month: String?

    @Option(help: ArgumentHelp("The N days ending on --to (or on the newest message's day).", valueName: "N"))
    var last: Int?

    @OptionGroup var zone: ZoneOptions

    func validate() throws {
        if let from, LocalDate(iso: from) == nil {
            throw ValidationError("--from \"\(from)\" is not a date; write YYYY-MM-DD, e.g. 2026-10-01.")
        }
        if let to, LocalDate(iso: to) == nil {
            throw ValidationError("--to \"\(to)\" is not a date; write YYYY-MM-DD, e.g. 2026-10-31.")
        }
        if let month, Self.parseMonth(month) == nil {
            throw ValidationError("--month \"\(month)\" is not a month; write YYYY-MM, e.g. 2026-10.")
        }
        if let last, last < 1 {
            throw ValidationError("--last must be at least 1 day.")
        }
        if month != nil, from != nil || to != nil || last != nil {
            throw ValidationError("Give either --month, or --from/--to, or --last, not several.")
        }
        if last != nil, from != nil {
            throw ValidationError("--last counts back from --to; leave out --from.")
        }
        if from != nil, to == nil {
            throw ValidationError("--from needs --to (or use --last N).")
        }
        if let from, let to, let start = LocalDate(iso: from), let end = LocalDate(iso: to), end < start {
            throw ValidationError("--to \(to) is before --from \(from).")
        }
        let first = month.flatMap(Self.parseMonth).flatMap { LocalDate(year: $0.0, month: $0.1, day: 1) }
        do {
            try ReportPeriod.check(from: first ?? from.flatMap(LocalDate.init(iso:)), to: to.flatMap(LocalDate.init(iso:)), last: last)
        } catch {
            throw ValidationError(error.description)
        }
    }

    var calendar: ReportCalendar { zone.calendar }

    /// The period asked for; `newest` (the newest message) settles the default and `--last`.
    func period(newest: () throws -> Instant?) throws -> ReportPeriod {
        if let month, let (year, number) = Self.parseMonth(month), let period = ReportPeriod(year: year, month: number) {
            return period
        }
        if let from, let to, let start = LocalDate(iso: from), let end = LocalDate(iso: to),
            let period = ReportPeriod(from: start, to: end)
        {
            return period
        }
        let end: LocalDate
        if let to, let date = LocalDate(iso: to) {
            end = date
        } else {
            guard let instant = try newest() else { throw CLIError.emptyDatabase }
            end = calendar.localDate(at: instant)
        }
        do {
            try ReportPeriod.check(from: nil, to: end, last: last ?? 7)
        } catch {
            throw ValidationError(error.description)
        }
        guard let period = ReportPeriod(last: last ?? 7, endingOn: end) else { throw CLIError.emptyDatabase }
        return period
    }

    static func parseMonth(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        return (year, month)
    }
}

/// Failures of the command line itself.
enum CLIError: Error, LocalizedError {
    case emptyDatabase
    case emptyPeriod(ReportPeriod, String)
    case write(path: String, reason: String)
    case noTemplates(searched: [String])
    case noChromium
    case pdfFailed(String)

    var errorDescription: String? {
        switch self {
        case .emptyDatabase:
            return "The database holds no messages yet, so there is no period to report on; import some first."
        case .emptyPeriod(let period, let zone):
            return "No messages, conversation or goal events between \(period.from) and \(period.to) (\(zone)); "
                + "choose another period (--month, --from/--to, --last)."
        case .write(let path, let reason): return "\(path): cannot write: \(reason)"
        case .noChromium:
            return "--pdf needs headless Chromium, which is not installed (Debian: apt-get install chromium); "
                + "index.html was written."
        case .pdfFailed(let reason):
            return "Chromium could not print the PDF (\(reason)); index.html was written."
        case .noTemplates(let searched):
            return "No report templates found (looked in \(searched.joined(separator: ", "))); pass --templates DIR."
        }
    }
}

/// Where the report templates are: `--templates`, else `./templates`, else the `templates`
/// folder of the package the executable was built in.
func templatesDirectory(_ option: String?) throws -> URL {
    if let option { return URL(fileURLWithPath: option) }
    var searched: [String] = []
    let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("templates")
    searched.append(local.path)
    if FileManager.default.fileExists(atPath: local.appendingPathComponent("report.mustache").path) { return local }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<6 {
        let candidate = folder.appendingPathComponent("templates")
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("report.mustache").path) {
            return candidate
        }
        searched.append(candidate.path)
        folder = folder.deletingLastPathComponent()
    }
    throw CLIError.noTemplates(searched: Array(searched.prefix(3)))
}

/// Writes a file atomically: a temporary file in the same folder, then a rename.
func writeAtomically(_ text: String, to url: URL) throws {
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
        throw CLIError.write(path: url.path, reason: error.localizedDescription)
    }
}

/// Prints to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Whether standard error is a terminal (progress lines are shown only then).
var standardErrorIsTerminal: Bool { isatty(2) == 1 }
