import InsightsFormat
import InsightsMetrics
import InsightsPhone

/// The numbers behind each chart block as CSV files: offered as downloads on the page and
/// written beside it in `data/`.
public struct ReportCSV: Equatable, Sendable {
    /// The block the file belongs to.
    public let block: ReportBlock
    /// `audience-daily_2026-10-01_2026-10-31.csv`.
    public let fileName: String
    /// RFC 4180 text with a header row and `\n` line ends.
    public let text: String

    /// The page's `href` for the file: a `data:` URL, percent-encoded UTF-8, which browsers
    /// save under the link's `download` name with no server and no script.
    public var dataURL: String {
        "data:text/csv;charset=utf-8," + Self.percentEncoded(text)
    }

    /// Every block's file, in page order.
    public static func files(for report: Report) -> [ReportCSV] {
        ReportBlock.allCases.map { block in
            let table = SmallCounts.hiding(table(for: block, in: report), report: report)
            let lines = ([table.header] + table.rows).map { $0.map(field).joined(separator: ",") }
            return ReportCSV(
                block: block, fileName: block.csvFileName(for: report.period), text: lines.joined(separator: "\n") + "\n")
        }
    }

    /// A block's numbers: the header row and the data rows, each cell as written. Cells that
    /// come from the data (names, ids, countries) go through `text(_:)`; numbers are written
    /// by `String(_:)` or `number(_:)` and never changed.
    static func table(for block: ReportBlock, in report: Report) -> (header: [String], rows: [[String]]) {
        switch block {
        case .summaryTrends:
            return summaryTable(report)
        case .impactGoals:
            return (
                ["goal_id", "goal", "behaviour_id", "behaviour", "started", "completed", "completion_rate", "users", "actions"],
                report.impact.goals.flatMap { goal in
                    [
                        [
                            text(goal.goalID), text(goal.name), "", "", String(goal.started), String(goal.completed),
                            number(goal.completionRate), "", "",
                        ]
                    ]
                        + goal.behaviours.map {
                            [
                                text(goal.goalID), text(goal.name), text($0.behaviourID), text($0.name), "", "", "",
                                String($0.users), String($0.actions),
                            ]
                        }
                }
            )
        case .impactJourneys:
            return journeysTable(report.journeys)
        case .audienceDaily:
            return (
                ["date", "active_users", "new_users", "returning_users"],
                report.audience.daily.map {
                    [$0.date.description, String($0.activeUsers), String($0.newUsers), String($0.returningUsers)]
                }
            )
        case .audienceCountries:
            return (
                ["country", "name", "active_users"],
                report.audience.countries.map {
                    [text($0.country), text(CountryNames.englishName(for: $0.country)), String($0.activeUsers)]
                }
            )
        case .audienceReach:
            return (
                ["date", "read", "delivered", "failed", "sent", "no_status"],
                report.reach.daily.map {
                    let day = $0.counts
                    return [
                        $0.date.description, String(day.read), String(day.delivered), String(day.failed), String(day.sent),
                        String(day.noStatus),
                    ]
                }
            )
        case .engagementDaily:
            return (
                ["date", "received", "sent"],
                report.engagement.daily.map { [$0.date.description, String($0.received), String($0.sent)] }
            )
        case .engagementHeatmap:
            return (
                ["weekday", "hour", "received"],
                report.engagement.heatmap.enumerated().flatMap { weekday, hours in
                    hours.enumerated().map { [Format.weekdayNames[weekday], String($0.offset), String($0.element)] }
                }
            )
        case .guidanceConversations:
            let conversations = report.conversations
            return (
                ["measure", "value"],
                [
                    ["active", String(conversations.active)], ["open_at_end", String(conversations.openAtEnd)],
                    ["closed_at_end", String(conversations.closedAtEnd)], ["opened", String(conversations.opened)],
                    ["reopened", String(conversations.reopened)], ["closed", String(conversations.closed)],
                    ["median_time_to_close_hours", number(conversations.medianTimeToCloseHours)],
                ]
            )
        case .guidanceAuthorship:
            return (
                ["author_type", "messages", "share"],
                report.authorship.byType.map { [$0.authorType.rawValue, String($0.messages), number($0.share)] }
            )
        case .guidanceTopAuthors:
            return (
                ["author_type", "rank", "author_id", "name", "messages"],
                AuthorType.allCases.flatMap { type in
                    (report.authorship.topAuthors[type] ?? []).enumerated().map { index, author in
                        [
                            type.rawValue, String(index + 1), text(author.authorID ?? ""), text(author.name),
                            String(author.messages),
                        ]
                    }
                }
            )
        case .guidanceResponseTimes:
            return responseTimesTable(report.responseTimes)
        }
    }

    /// A cell of text from the data, safe to open in a spreadsheet: one starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return would be read as a formula, so it gets a leading
    /// `'` (OWASP's advice against CSV injection). Only these stakeholder files do this;
    /// `insights export` writes every value exactly.
    static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, formulaStarts.contains(first) else { return value }
        return "'" + value
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    static func number(_ value: Double?) -> String {
        value.map { "\($0)" } ?? ""
    }

    static func field(_ value: String) -> String {
        CSVText.field(value)
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986), byte by byte.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }
}
