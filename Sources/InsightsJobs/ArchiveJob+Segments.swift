import Foundation
import InsightsMetrics
import InsightsRender
import InsightsStore
import InsightsWarehouse

extension ArchiveJob {
    /// A month's report, restricted to `segment` when given, with `minCell`.
    func monthReport(_ period: ReportPeriod, serviceName: String) throws -> Report {
        var report: Report
        if segment.isEmpty {
            report = try store.report(
                period: period, calendar: calendar, serviceName: serviceName, generatorVersion: generatorVersion,
                businessHours: businessHours)
        } else if let computing = store as? any SegmentedPeriodReportSource {
            report = try computing.report(
                period: period, calendar: calendar, segment: segment, breakdowns: [], serviceName: serviceName,
                generatorVersion: generatorVersion, businessHours: businessHours)
        } else {
            guard let store = store as? Store else { throw JobError.segmentsUnsupported }
            report = Report(
                data: try store.periodData(period: period, calendar: calendar, segment: segment, breakdowns: []),
                serviceName: serviceName, generatorVersion: generatorVersion, businessHours: businessHours)
        }
        report.minCell = minCell
        return report
    }

    /// The stamp lines of `--segment` and `--min-cell` (none without them, so an archive
    /// written before them stays up to date).
    var segmentStamp: String {
        (segment.isEmpty ? "" : "segment \(segment.map { "\($0.field)=\($0.value)" }.joined(separator: "\u{1F}"))\n")
            + (minCell.map { "min-cell \($0)\n" } ?? "")
    }

    /// The same archive for another folder and segment.
    func with(folder: URL, segment: Segment) -> ArchiveJob {
        var job = ArchiveJob(
            store: store, folder: folder, calendar: calendar, since: since, until: until, title: title, templates: templates,
            generatorVersion: generatorVersion, email: email, businessHours: businessHours)
        job.segment = segment
        job.minCell = minCell
        return job
    }
}

/// `insights archive --per FIELD`: one archive per value of the field (the 20 held by most
/// contacts, each in `DIR/<value>/`, restricted to `--segment` too when given) and a home
/// page `DIR/index.html` linking them.
public struct PerValueArchiveJob {
    /// One value's archive.
    public struct Part {
        /// The value, as most of its contacts spell it.
        public let value: String
        /// How many contacts hold it.
        public let contacts: Int
        /// Its folder's name under the archive folder.
        public let folderName: String
        /// What its archive run did.
        public let result: ArchiveJob.Result
    }

    /// What a run did.
    public struct Result {
        /// The archives, most contacts first.
        public let parts: [Part]
        /// Values left out (after the 20th).
        public let leftOut: Int
        /// Whether the home page was written.
        public let homeChanged: Bool
    }

    /// How many values get an archive.
    public static let limit = 20

    /// The archive options; its folder is the parent of the values' folders.
    public let archive: ArchiveJob
    /// The field.
    public let field: String

    /// Describes a run.
    public init(archive: ArchiveJob, field: String) {
        self.archive = archive
        self.field = field
    }

    /// Writes each value's archive, then the home page. Throws `JobError.noFieldValues` when
    /// no contact has the field.
    public func run() throws -> Result {
        guard let store = archive.store as? any PerValueSource else { throw JobError.segmentsUnsupported }
        let values = try store.perValueCounts(field)
        guard !values.isEmpty else { throw JobError.noFieldValues(field) }
        let renderer = try ReportRenderer(templates: archive.templates)
        var used: Set<String> = []
        var parts: [Part] = []
        for value in values.prefix(Self.limit) {
            var name = BreakdownCSV.slug(value.value)
            var suffix = 2
            while used.contains(name) {
                name = "\(BreakdownCSV.slug(value.value))-\(suffix)"
                suffix += 1
            }
            used.insert(name)
            let job = archive.with(
                folder: archive.folder.appendingPathComponent(name),
                segment: archive.segment + [SegmentCondition(field: field, value: value.value)])
            parts.append(Part(value: value.value, contacts: value.contacts, folderName: name, result: try job.run()))
        }
        let name = try archive.title ?? archive.store.meta(.serviceName) ?? "Helpline"
        let home = try renderer.renderPerValueIndex(
            field: field, values: parts.map { ($0.value, $0.contacts, "\($0.folderName)/index.html") },
            leftOut: max(0, values.count - Self.limit), serviceName: name, timeZone: archive.calendar.identifier,
            generatorVersion: archive.generatorVersion, segment: archive.segment, minCell: archive.minCell)
        let changed = try AtomicFile.writeIfChanged(home, to: archive.folder.appendingPathComponent("index.html"))
        return Result(parts: parts, leftOut: max(0, values.count - Self.limit), homeChanged: changed)
    }
}

/// A source `archive --per FIELD` can list a field's values from: the values over all data
/// (whatever `--segment` says), grouped ignoring case and surrounding spaces, each as most
/// of its contacts spell it with their number, most contacts first (ties by value); for
/// `country`, the regions contacts are placed in.
public protocol PerValueSource {
    /// The values of `field` with their contacts, most first.
    func perValueCounts(_ field: String) throws -> [FieldSummary.Value]
}

extension Store: PerValueSource {
    /// `fieldValueCounts(_:)`.
    public func perValueCounts(_ field: String) throws -> [FieldSummary.Value] {
        try fieldValueCounts(field)
    }
}

extension WarehouseSource: PerValueSource {
    /// `fieldValueCounts(_:)`: one query in the engine.
    public func perValueCounts(_ field: String) throws -> [FieldSummary.Value] {
        try fieldValueCounts(field).map { FieldSummary.Value(value: $0.value, contacts: $0.contacts) }
    }
}
