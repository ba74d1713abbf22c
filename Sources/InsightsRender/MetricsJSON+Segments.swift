import InsightsMetrics

extension MetricsJSON {
    /// `segment`: the conditions in the order given (`[{"field", "value"}]`), null for none.
    static func segment(_ report: Report) -> JSONValue {
        report.segment.isEmpty
            ? .null
            : .array(report.segment.map { .object([("field", .string($0.field)), ("value", .string($0.value))]) })
    }

    /// `breakdowns`: one `{"field", "rows"}` per `--breakdown`, in the order given; each row's
    /// counts, with `--min-cell` those from 1 to N − 1 as null.
    static func breakdowns(_ report: Report) -> JSONValue {
        .array(
            report.breakdowns.map { breakdown in
                .object([
                    ("field", .string(breakdown.field)),
                    (
                        "rows",
                        .array(
                            breakdown.rows.map { row in
                                let count = { (value: Int) in SmallCounts.json(value, minCell: report.minCell) }
                                return .object([
                                    ("value", .string(row.value)), ("active_users", count(row.activeUsers)),
                                    ("new_users", count(row.newUsers)), ("messages_received", count(row.messagesReceived)),
                                    ("goal_completions", count(row.goalCompletions)),
                                    ("journey_completions", count(row.journeyCompletions)),
                                    ("reached_users", row.reachedUsers.map(count) ?? .null),
                                ])
                            })
                    ),
                ])
            })
    }

    /// The keys only `--segment`, `--breakdown` and `--min-cell` add: `breakdowns` with a
    /// breakdown, `min_cell` with the option.
    static func segmentKeys(_ report: Report) -> [(String, JSONValue)] {
        (report.breakdowns.isEmpty ? [] : [("breakdowns", breakdowns(report))])
            + (report.minCell.map { [("min_cell", .int($0))] } ?? [])
    }

    /// With `--min-cell N` on a segmented report: every count of the document from 1 to N − 1
    /// written as null (the keys that are not counts, `schema_version`, `days` and
    /// `min_cell`, are kept).
    static func hidingSmallCounts(_ value: JSONValue, report: Report) -> JSONValue {
        guard let minCell = report.minCell, !report.segment.isEmpty else { return value }
        return SmallCounts.hide(value, below: minCell)
    }
}

/// Small-number protection (`--min-cell N`): counts from 1 to N − 1 can identify people in
/// disaggregated health data, so they are hidden. Zero is shown (it identifies nobody).
public enum SmallCounts {
    /// Whether a count is hidden under `minCell`.
    public static func hides(_ count: Int, minCell: Int?) -> Bool {
        guard let minCell else { return false }
        return count > 0 && count < minCell
    }

    /// A count on the page or in a CSV file: `< N` when hidden.
    public static func text(_ count: Int, minCell: Int?, format: (Int) -> String = { String($0) }) -> String {
        guard let minCell, hides(count, minCell: minCell) else { return format(count) }
        return "< \(minCell)"
    }

    /// A count in metrics.json: null when hidden.
    static func json(_ count: Int, minCell: Int?) -> JSONValue {
        hides(count, minCell: minCell) ? .null : .int(count)
    }

    /// The keys whose integers are not counts.
    static let notCounts: Set<String> = ["schema_version", "days", "min_cell"]

    /// Every integer of a document from 1 to `minCell` − 1 as null, except under `notCounts`.
    static func hide(_ value: JSONValue, below minCell: Int) -> JSONValue {
        switch value {
        case .int(let count): return hides(count, minCell: minCell) ? .null : value
        case .array(let values): return .array(values.map { hide($0, below: minCell) })
        case .object(let members):
            return .object(members.map { key, member in (key, notCounts.contains(key) ? member : hide(member, below: minCell)) })
        default: return value
        }
    }
}

extension Report {
    /// The `--min-cell` that applies to every count of the page and email: only a segmented
    /// report's (a breakdown table applies `minCell` itself).
    var pageMinCell: Int? { segment.isEmpty ? nil : minCell }
}
