import Foundation
import InsightsMetrics
import InsightsRender
import InsightsStore

/// `insights archive`: one report folder per calendar month with data (`DIR/YYYY-MM/`, each
/// written as a whole when its content changed) and a home page listing them. Nothing is
/// recomputed when the data, the options and the templates are what the last run used.
public struct ArchiveJob {
    /// What a run did.
    public struct Result: Equatable {
        /// The archive folder.
        public let folder: URL
        /// The months of the archive (`YYYY-MM`).
        public let months: [String]
        /// True when the stamp matched: nothing was computed or written.
        public let upToDate: Bool
        /// The months whose folder was written.
        public let written: [String]
        /// The months whose folder already held exactly the new files.
        public let unchanged: [String]
        /// Whether the home page was written.
        public let homeChanged: Bool
    }

    /// The data: the SQLite store, or a warehouse (`WarehouseSource`).
    public let store: any ArchiveSource
    /// The archive folder.
    public let folder: URL
    /// The zone months are local to.
    public let calendar: ReportCalendar
    /// The first month to include, when limited.
    public let since: (year: Int, month: Int)?
    /// The last month to include, when limited.
    public let until: (year: Int, month: Int)?
    /// The service name; default the stored one, else "Helpline".
    public let title: String?
    /// The templates folder.
    public let templates: URL
    /// The version of Insights shown in the files (and part of the stamp).
    public let generatorVersion: String
    /// When set, the newest month's folder also gets `email.html` and `report.eml` (for
    /// `archive --send`), the same files as `insights report --month … --email`.
    public let email: ReportJob<Store>.Email?
    /// `--business-hours` (part of the stamp: another setting rebuilds the months).
    public let businessHours: BusinessHours?
    /// `--segment`: every month counts only these contacts (part of the stamp).
    public var segment: Segment = []
    /// `--min-cell`: counts below it are hidden on a segment's pages (part of the stamp).
    public var minCell: Int?

    /// Describes an archive run.
    public init(
        store: any ArchiveSource, folder: URL, calendar: ReportCalendar, since: (year: Int, month: Int)? = nil,
        until: (year: Int, month: Int)? = nil, title: String? = nil, templates: URL,
        generatorVersion: String = InsightsVersion.current, email: ReportJob<Store>.Email? = nil,
        businessHours: BusinessHours? = nil
    ) {
        self.store = store
        self.folder = folder
        self.calendar = calendar
        self.since = since
        self.until = until
        self.title = title
        self.templates = templates
        self.generatorVersion = generatorVersion
        self.email = email
        self.businessHours = businessHours
    }

    /// The months to write: from the first to the last month with activity, clipped to
    /// `since`/`until`, leaving out months with nothing in them. Empty when none.
    public func months() throws -> [(key: String, period: ReportPeriod)] {
        guard let span = try store.activitySpan() else { throw JobError.emptyDatabase }
        var months: [(key: String, period: ReportPeriod)] = []
        let first = calendar.localDate(at: span.lowerBound).components
        let last = calendar.localDate(at: span.upperBound).components
        var (year, month) = (first.year, first.month)
        let low = since ?? (Int.min, 0)
        let high = until ?? (Int.max, 0)
        while (year, month) <= (last.year, last.month) {
            if (year, month) >= low, (year, month) <= high, let period = ReportPeriod(year: year, month: month) {
                months.append((String(format: "%04d-%02d", year, month), period))
            }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        // Every month's activity checked at once (a warehouse: one query for all of them).
        let active = try store.hasActivity(inEach: months.map { $0.period.instants(in: calendar) })
        return zip(months, active).filter(\.1).map(\.0)
    }

    /// Writes what changed. Throws `JobError.noMonthWithData` when no month has data.
    public func run() throws -> Result {
        let renderer = try ReportRenderer(templates: templates)
        let timezone = calendar.identifier
        let months = try months()
        guard !months.isEmpty else { throw JobError.noMonthWithData }
        let name = try title ?? store.meta(.serviceName) ?? "Helpline"
        let stamp = try ArchiveStamp(
            data: store.dataStamp(), version: generatorVersion, timezone: timezone, title: name,
            templates: ArchiveStamp.fingerprint(of: templates), months: months.map(\.key),
            businessHours: businessHours?.text)
        // With email the stamp says so: adding or dropping --send rewrites the newest month.
        let stampText = stamp.text + (email.map { "email \(ArchiveStamp.describe($0))\n" } ?? "") + segmentStamp
        let stampURL = folder.appendingPathComponent(".insights-archive")
        var pages =
            months.map { folder.appendingPathComponent("\($0.key)/index.html") } + [folder.appendingPathComponent("index.html")]
        if email != nil, let newest = months.last { pages.append(folder.appendingPathComponent("\(newest.key)/report.eml")) }
        if (try? String(contentsOf: stampURL, encoding: .utf8)) == stampText,
            pages.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) })
        {
            return Result(
                folder: folder, months: months.map(\.key), upToDate: true, written: [], unchanged: [], homeChanged: false)
        }
        let dataAsOf = try store.meta(.lastImport)
        let note = try store.meta(.closesNote)
        var entries: [ArchiveEntry] = []
        var written: [String] = []
        var unchanged: [String] = []
        let reports = try monthReports(months.map(\.period), serviceName: name)
        var asOf = ArchiveDataAsOf(folder: folder)
        for (index, item) in months.enumerated() {
            let report = reports[index]
            let monthFolder = folder.appendingPathComponent(item.key)
            let files = try monthFiles(months, index, report, renderer: renderer, dataAsOf: dataAsOf, note: note)
            if Self.holdsExactly(files, monthFolder) {
                unchanged.append(item.key)
                asOf.record(item.key, dataAsOf)
            } else if let earlier = asOf.earlier(item.key, than: dataAsOf),
                Self.holdsExactly(
                    try monthFiles(months, index, report, renderer: renderer, dataAsOf: earlier, note: note), monthFolder)
            {
                // Only the import date would change: the month keeps the files it has.
                unchanged.append(item.key)
            } else {
                try ReportFolder.write(files, to: monthFolder)
                written.append(item.key)
                asOf.record(item.key, dataAsOf)
            }
            entries.append(ArchiveEntry(month: item.key, href: "\(item.key)/index.html", report: report))
        }
        try asOf.write(to: folder)
        let home = try renderer.renderArchiveIndex(
            entries, serviceName: name, timeZone: timezone, generatorVersion: generatorVersion, segment: segment,
            minCell: minCell)
        let homeChanged = try AtomicFile.writeIfChanged(home, to: folder.appendingPathComponent("index.html"))
        try AtomicFile.write(stampText, to: stampURL)
        return Result(
            folder: folder, months: months.map(\.key), upToDate: false, written: written, unchanged: unchanged,
            homeChanged: homeChanged)
    }

    /// The files of month `index`: its page (linked to its neighbours), `metrics.json`, the
    /// CSV downloads and, for the newest month with `email`, the email files.
    private func monthFiles(
        _ months: [(key: String, period: ReportPeriod)], _ index: Int, _ report: Report, renderer: ReportRenderer,
        dataAsOf: String?, note: String?
    ) throws -> [OutputFile] {
        let label = { (position: Int) in Format.monthLabel(months[position].period) }
        let navigation = PageNavigation(
            previous: index > 0 ? .init(href: "../\(months[index - 1].key)/index.html", label: label(index - 1)) : nil,
            next: index + 1 < months.count
                ? .init(href: "../\(months[index + 1].key)/index.html", label: label(index + 1)) : nil,
            index: .init(href: "../index.html", label: "All months"))
        var files = [
            OutputFile(
                path: "metrics.json", text: MetricsJSON.render(report, sentences: try renderer.summarySentences(report))),
            OutputFile(
                path: "index.html",
                text: renderer.render(report, dataAsOf: dataAsOf, navigation: navigation, conversationNote: note)),
        ]
        files += ReportCSV.files(for: report).map { OutputFile(path: "data/\($0.fileName)", text: $0.text) }
        if let email, index == months.count - 1 {
            // Attached as `report --email` attaches it: the page without the archive's links.
            let page = renderer.render(report, dataAsOf: dataAsOf, conversationNote: note)
            files += try ReportEmail.files(report, email: email, renderer: renderer, dataAsOf: dataAsOf, page: page)
        }
        return files
    }

    /// Whether `folder` holds exactly these files (same bytes) and no other report entry.
    static func holdsExactly(_ files: [OutputFile], _ folder: URL) -> Bool {
        for file in files {
            guard let existing = try? Data(contentsOf: folder.appendingPathComponent(file.path)), existing == Data(file.text.utf8)
            else { return false }
        }
        let fileManager = FileManager.default
        let top = Set(files.map { String($0.path.split(separator: "/")[0]) })
        let entries = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
        guard entries.filter(ReportFolder.reportEntries.contains).allSatisfy(top.contains) else { return false }
        let data = Set(files.compactMap { $0.path.hasPrefix("data/") ? String($0.path.dropFirst(5)) : nil })
        let present = (try? fileManager.contentsOfDirectory(atPath: folder.appendingPathComponent("data").path)) ?? []
        return Set(present) == data
    }
}

/// What an archive was built from: when it matches, nothing needs recomputing.
struct ArchiveStamp {
    let text: String

    init(
        data: String, version: String, timezone: String, title: String, templates: String, months: [String],
        businessHours: String? = nil
    ) {
        text =
            [
                "data \(data)", "insights \(version)", "timezone \(timezone)", "title \(title)", "templates \(templates)",
                "months \(months.joined(separator: " "))",
            ].joined(separator: "\n") + "\n"
            + (businessHours.map { "business-hours \($0)\n" } ?? "")
    }

    /// The email headers as one stamp line.
    static func describe(_ email: ReportJob<Store>.Email) -> String {
        "to=\(email.to ?? "") from=\(email.from ?? "") subject=\(email.subject ?? "")"
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
