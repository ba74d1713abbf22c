import ArgumentParser
import Foundation
import InsightsMetrics
import InsightsRender
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
        let store = try Store(path: database.db, create: false)
        let templateFolder = try templatesDirectory(templates)
        let renderer = try ReportRenderer(templates: templateFolder)
        let calendar = zone.calendar
        let timezone = zone.timezone
        guard let span = try store.activitySpan() else { throw CLIError.emptyDatabase }
        let name = try title ?? store.meta("service_name") ?? "Helpline"
        let folder = URL(fileURLWithPath: out)

        // The candidate months: from the first to the last month with activity, clipped.
        var months: [(key: String, period: ReportPeriod)] = []
        let first = calendar.localDate(at: span.lowerBound).components
        let last = calendar.localDate(at: span.upperBound).components
        var (year, month) = (first.year, first.month)
        let low = since.flatMap(PeriodOptions.parseMonth) ?? (Int.min, 0)
        let high = until.flatMap(PeriodOptions.parseMonth) ?? (Int.max, 0)
        while (year, month) <= (last.year, last.month) {
            if (year, month) >= low, (year, month) <= high, let period = ReportPeriod(year: year, month: month),
                try store.hasActivity(in: period.instants(in: calendar))
            {
                months.append((String(format: "%04d-%02d", year, month), period))
            }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        guard !months.isEmpty else {
            throw ValidationError("No month between \(since ?? "the first data") and \(until ?? "the last data") has data.")
        }

        // Nothing to do when the data, the options and the templates are what the last run used.
        let stamp = try ArchiveStamp(
            data: store.dataStamp(), version: Insights.version, timezone: timezone, title: name,
            templates: ArchiveStamp.fingerprint(of: templateFolder), months: months.map(\.key))
        let stampURL = folder.appendingPathComponent(".insights-archive")
        let pages = months.map { folder.appendingPathComponent("\($0.key)/index.html") } + [folder.appendingPathComponent("index.html")]
        if (try? String(contentsOf: stampURL, encoding: .utf8)) == stamp.text,
            pages.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) })
        {
            print("All \(months.count) months are up to date in \(folder.path); nothing recomputed.")
            return
        }

        let dataAsOf = try store.meta(Store.lastImportKey)
        let note = try store.meta(ImportCommand.closesNoteKey)
        var entries: [ArchiveEntry] = []
        var written: [String] = []
        var unchanged: [String] = []
        for (index, item) in months.enumerated() {
            let report = try store.report(
                period: item.period, calendar: calendar, serviceName: name, generatorVersion: Insights.version)
            let label = { (position: Int) in Format.monthLabel(months[position].period) }
            let navigation = PageNavigation(
                previous: index > 0 ? .init(href: "../\(months[index - 1].key)/index.html", label: label(index - 1)) : nil,
                next: index + 1 < months.count
                    ? .init(href: "../\(months[index + 1].key)/index.html", label: label(index + 1)) : nil,
                index: .init(href: "../index.html", label: "All months"))
            let monthFolder = folder.appendingPathComponent(item.key)
            var files = [
                ("metrics.json", MetricsJSON.render(report)),
                ("index.html", renderer.render(report, dataAsOf: dataAsOf, navigation: navigation, conversationNote: note)),
            ]
            files += ReportCSV.files(for: report).map { ("data/\($0.fileName)", $0.text) }
            let changed = try files.reduce(false) { changed, file in
                try writeIfChanged(file.1, to: monthFolder.appendingPathComponent(file.0)) || changed
            }
            (changed ? { written.append(item.key) } : { unchanged.append(item.key) })()
            entries.append(ArchiveEntry(month: item.key, href: "\(item.key)/index.html", report: report))
        }
        let home = try renderer.renderArchiveIndex(
            entries, serviceName: name, timeZone: timezone, generatorVersion: Insights.version)
        let homeChanged = try writeIfChanged(home, to: folder.appendingPathComponent("index.html"))
        try writeAtomically(stamp.text, to: stampURL)
        print("Archive of \(months.count) months in \(folder.path)/index.html")
        print("  written: \(written.isEmpty ? "none" : written.joined(separator: ", "))")
        print("  up to date: \(unchanged.isEmpty ? "none" : unchanged.joined(separator: ", "))")
        print("  home page: \(homeChanged ? "written" : "up to date")")
    }
}

/// What an archive was built from: when it matches, nothing needs recomputing.
struct ArchiveStamp {
    let text: String

    init(data: String, version: String, timezone: String, title: String, templates: String, months: [String]) {
        text = [
            "data \(data)", "insights \(version)", "timezone \(timezone)", "title \(title)", "templates \(templates)",
            "months \(months.joined(separator: " "))",
        ].joined(separator: "\n") + "\n"
    }

    /// A fingerprint of every template file's name and bytes (FNV-1a, 64 bits).
    static func fingerprint(of folder: URL) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let files = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { $0.pathExtension == "mustache" }.sorted { $0.path < $1.path }
        for file in files {
            let bytes = Array(file.lastPathComponent.utf8) + ((try? Data(contentsOf: file)).map(Array.init) ?? [])
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}

/// Writes a file atomically unless it already holds exactly `text`; true when written.
func writeIfChanged(_ text: String, to url: URL) throws -> Bool {
    if let existing = try? Data(contentsOf: url), existing == Data(text.utf8) { return false }
    try writeAtomically(text, to: url)
    return true
}
