import ArgumentParser
import InsightsMetrics

/// `--segment FIELD=VALUE` (repeatable) and `--min-cell N`, of `report` and `archive`.
struct SegmentOptions: ParsableArguments {
    @Option(
        name: .customLong("segment"),
        help: ArgumentHelp(
            "Only the contacts whose field FIELD is VALUE (ignoring case; repeatable, all must hold; country=XX by country).",
            valueName: "field=value"))
    var conditions: [String] = []

    @Option(
        name: .customLong("min-cell"),
        help: ArgumentHelp(
            "Show counts from 1 to N-1 as \"< N\" in breakdowns and on a segment's pages (small-number protection).",
            valueName: "n"))
    var minCell: Int?

    func validate() throws {
        for text in conditions where SegmentCondition(parsing: text) == nil {
            throw ValidationError("--segment \"\(text)\" is not FIELD=VALUE with a field and a value, e.g. district=Kisumu.")
        }
        if let minCell, minCell < 2 {
            throw ValidationError("--min-cell \(minCell) hides nothing; give 2 or more (e.g. 5 hides counts 1 to 4).")
        }
    }

    /// The segment's conditions, in the order given (validate() has checked them).
    var segment: Segment { conditions.compactMap(SegmentCondition.init(parsing:)) }
}
