import InsightsMetrics

/// The `--breakdown` tables (`templates/sections/breakdowns.mustache`), one block each, and
/// the segment line of the header.
struct BreakdownsView {
    struct Row {
        let value: String
        let activeUsers: String
        let newUsers: String
        let messagesReceived: String
        let goalCompletions: String
        let journeyCompletions: String
        let reachedUsers: String
        /// `(none)` and `other` are shown in italics.
        let isSpecial: Bool
    }

    struct Table {
        /// The block's element id, `breakdown-district`.
        let id: String
        let field: String
        let rows: [Row]
        let valueCount: String
        let largest: String
        let hasOther: Bool
        let otherCount: String
        let hasReach: Bool
        let fileName: String
        let href: String
    }

    let tables: [Table]
    let hasBreakdowns: Bool
    /// `--min-cell`: "Counts below 5 are shown as “< 5”…", empty when off.
    let minCellNote: String
    let hasMinCellNote: Bool

    init(_ report: Report) {
        let files = BreakdownCSV.files(for: report)
        let count = { (value: Int) in SmallCounts.text(value, minCell: report.minCell, format: Format.plainInteger) }
        tables = zip(report.breakdowns, files).map { breakdown, file in
            let listed = breakdown.rows.filter { $0.kind != .other }
            let other = breakdown.rows.first { $0.kind == .other }
            let top = listed.first
            return Table(
                id: String(file.fileName.prefix { $0 != "_" }), field: Format.visible(breakdown.field),
                rows: breakdown.rows.map { row in
                    Row(
                        value: Format.visible(row.value), activeUsers: count(row.activeUsers), newUsers: count(row.newUsers),
                        messagesReceived: count(row.messagesReceived), goalCompletions: count(row.goalCompletions),
                        journeyCompletions: count(row.journeyCompletions), reachedUsers: row.reachedUsers.map(count) ?? "–",
                        isSpecial: row.kind != .value)
                },
                valueCount: Format.plainInteger(listed.count),
                largest: top.map { "\(Format.visible($0.value)) has the most active users (\(count($0.activeUsers)))." } ?? "",
                hasOther: other != nil,
                otherCount: Format.plainInteger(breakdown.otherValueCount),
                hasReach: breakdown.rows.contains { $0.reachedUsers != nil }, fileName: file.fileName,
                href: "data:text/csv;charset=utf-8," + ReportCSV.percentEncoded(file.text))
        }
        hasBreakdowns = !tables.isEmpty
        minCellNote =
            report.minCell.map {
                "Counts from 1 to \($0 - 1) are shown as “< \($0)” (--min-cell \($0)), so that small groups of people cannot be picked out."
            } ?? ""
        hasMinCellNote = report.minCell != nil && (!report.segment.isEmpty || !report.breakdowns.isEmpty)
    }
}
