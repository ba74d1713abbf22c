import InsightsMetrics

/// The CSV download of each `--breakdown` table (`breakdown-district_FROM_TO.csv`), written
/// to `data/` beside the block files and offered on the page.
public enum BreakdownCSV {
    /// The columns, as in metrics.json.
    static let header = [
        "value", "active_users", "new_users", "messages_received", "goal_completions", "journey_completions", "reached_users",
    ]

    /// One file per breakdown, in the order given: its name and RFC 4180 text. With
    /// `--min-cell N`, counts from 1 to N − 1 are written `< N`; `reached_users` is empty
    /// without statuses.
    public static func files(for report: Report) -> [(fileName: String, text: String)] {
        var used: Set<String> = []
        return report.breakdowns.map { breakdown in
            var stem = "breakdown-\(slug(breakdown.field))"
            var suffix = 2
            while used.contains(stem) {
                stem = "breakdown-\(slug(breakdown.field))-\(suffix)"
                suffix += 1
            }
            used.insert(stem)
            let count = { (value: Int) in SmallCounts.text(value, minCell: report.minCell) }
            let rows = breakdown.rows.map { row in
                [
                    ReportCSV.text(row.value), count(row.activeUsers), count(row.newUsers), count(row.messagesReceived),
                    count(row.goalCompletions), count(row.journeyCompletions), row.reachedUsers.map(count) ?? "",
                ]
            }
            let lines = ([header] + rows).map { $0.map(ReportCSV.field).joined(separator: ",") }
            return ("\(stem)_\(report.period.from)_\(report.period.to).csv", lines.joined(separator: "\n") + "\n")
        }
    }

    /// A field name as a file-name part: ASCII letters and digits lower-cased, anything else
    /// `-` (runs of it once); `field` when nothing is left.
    public static func slug(_ field: String) -> String {
        var result = ""
        for scalar in field.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                result += String(scalar).lowercased()
            } else if !result.hasSuffix("-") {
                result += "-"
            }
        }
        let trimmed = String(result.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed())
        return trimmed.isEmpty ? "field" : trimmed
    }
}

extension SmallCounts {
    /// Columns of the block CSV files whose integers are not counts (ids, names, dates,
    /// hours, ranks, answers).
    static let textColumns: Set<String> = [
        "goal", "behaviour", "date", "country", "name", "weekday", "hour", "measure", "author_type", "rank", "question",
        "answer", "step", "bucket", "error", "journey", "from", "to", "key", "kind",
    ]

    /// With `--min-cell N` on a segmented report: a block table's counts from 1 to N − 1 as
    /// `< N` (integer cells outside `textColumns` and the `…_id` columns).
    static func hiding(_ table: (header: [String], rows: [[String]]), report: Report) -> (header: [String], rows: [[String]]) {
        guard let minCell = report.minCell, !report.segment.isEmpty else { return table }
        let counts = table.header.map { !textColumns.contains($0) && !$0.hasSuffix("_id") }
        let rows = table.rows.map { row in
            row.enumerated().map { index, cell in
                guard index < counts.count, counts[index], let value = Int(cell) else { return cell }
                return text(value, minCell: minCell)
            }
        }
        return (table.header, rows)
    }
}
