import Foundation
import InsightsMetrics

/// Why a job could not finish (one sentence each; the command prints it and exits 1).
public enum JobError: Error, LocalizedError, Equatable, Sendable {
    /// The database holds no message, so there is no default period.
    case emptyDatabase
    /// Nothing happened in the period (in this zone).
    case emptyPeriod(ReportPeriod, String)
    /// A file or folder could not be written.
    case write(path: String, reason: String)
    /// No templates folder was found.
    case noTemplates(searched: [String])
    /// No month of an archive's range has data (the command reports it as a usage error).
    case noMonthWithData
    /// `--pdf` without Chromium.
    case noChromium
    /// Chromium failed.
    case pdfFailed(String)
    /// A file a job wrote earlier cannot be read back (the archive's report.eml for --send).
    case unreadable(path: String)
    /// Nothing happened in the period among the segment's contacts (`--segment`).
    case emptySegment(ReportPeriod, String, segment: String)
    /// The data source cannot restrict a report to a segment or break it down.
    case segmentsUnsupported
    /// `archive --per FIELD` and no contact has the field.
    case noFieldValues(String)

    /// One sentence for the user.
    public var errorDescription: String? {
        switch self {
        case .emptyDatabase:
            return "The database holds no messages yet, so there is no period to report on; import some first."
        case .emptyPeriod(let period, let zone):
            return "No messages, conversation or goal events between \(period.from) and \(period.to) (\(zone)); "
                + "choose another period (--month, --from/--to, --last)."
        case .write(let path, let reason): return "\(path): cannot write: \(reason)"
        case .noMonthWithData:
            return "No month in the chosen range has data."
        case .noChromium:
            return "--pdf needs headless Chromium, which is not installed (Debian: apt-get install chromium); "
                + "index.html was written."
        case .pdfFailed(let reason):
            return "Chromium could not print the PDF (\(reason)); index.html was written."
        case .unreadable(let path):
            return "\(path): cannot be read; run the command again to rewrite it."
        case .emptySegment(let period, let zone, let segment):
            return "No messages, conversation or goal events of the contacts with \(segment) between \(period.from) and "
                + "\(period.to) (\(zone)); check the field and value with `insights fields`, or choose another period."
        case .noFieldValues(let field):
            return "No contact has a value for the field \"\(field)\"; `insights fields` lists the fields there are."
        case .segmentsUnsupported:
            return "This data source cannot restrict a report to a segment or break it down (--segment, --breakdown)."
        case .noTemplates(let searched):
            return "No report templates found (looked in \(searched.joined(separator: ", "))); pass --templates DIR."
        }
    }
}
