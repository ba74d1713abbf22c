import InsightsMetrics

extension MetricsJSON {
    /// `summary`: `trends` (for each headline of the band, in band order, the 12 periods
    /// ending with the report's as `{"from", "to", "value"}`, oldest first; null when the
    /// source read no trend) and `sentences` (as the templates word them).
    static func summary(_ summary: SummaryMetrics, sentences: [String]) -> JSONValue {
        let known = summary.headlines.allSatisfy { $0.trend != nil } && !summary.headlines.isEmpty
        return .object([
            (
                "trends",
                known
                    ? .object(
                        summary.headlines.map { headline in
                            (
                                headline.metric.rawValue,
                                .array(
                                    (headline.trend ?? []).map { point in
                                        .object([
                                            ("from", .string(point.period.from.description)),
                                            ("to", .string(point.period.to.description)),
                                            ("value", value(headline.metric, point.value)),
                                        ])
                                    })
                            )
                        }) : .null
            ),
            ("sentences", .array(sentences.map { .string($0) })),
        ])
    }

    /// A headline's value: an integer for counts, minutes as a number, or null.
    private static func value(_ metric: HeadlineMetric, _ value: Double?) -> JSONValue {
        guard let value else { return .null }
        return metric.isCount ? .int(Int(value)) : .double(value)
    }
}
