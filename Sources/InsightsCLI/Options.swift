import ArgumentParser
import Foundation
import InsightsMetrics
import InsightsJobs
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
        ReportCalendar(identifier: timezone)
            ?? ReportCalendar(timeZone: TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 0) ?? .current)
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
            try ReportPeriod.check(
                from: first ?? from.flatMap(LocalDate.init(iso:)), to: to.flatMap(LocalDate.init(iso:)), last: last)
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
            guard let instant = try newest() else { throw JobError.emptyDatabase }
            end = calendar.localDate(at: instant)
        }
        do {
            try ReportPeriod.check(from: nil, to: end, last: last ?? 7)
        } catch {
            throw ValidationError(error.description)
        }
        guard let period = ReportPeriod(last: last ?? 7, endingOn: end) else { throw JobError.emptyDatabase }
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

/// Prints to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Whether standard error is a terminal (progress lines are shown only then).
var standardErrorIsTerminal: Bool { isatty(2) == 1 }
