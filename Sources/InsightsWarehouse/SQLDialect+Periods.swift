import InsightsMetrics

extension SQLDialect {
    /// A table in a `FROM` clause, named `alias`, of the periods sent with a grouped query
    /// (`WarehouseQueries+Periods`): one row per period, `i` its index (0, 1, …), `lo` and `hi`
    /// its UTC bounds as timestamps (`[lo, hi)`), from the parameters `periodParameters(_:)`
    /// gives.
    ///
    /// PostgreSQL zips two `timestamptz[]` parameters (`unnest … WITH ORDINALITY`, exact RFC 3339
    /// text); GoogleSQL unnests `ARRAY<INT64>` microseconds `WITH OFFSET` and reads them with
    /// `TIMESTAMP_MICROS` (exact). The bounds are Insights' (`TrendPeriod.instants(in:)`): the
    /// engine never works out a period's start.
    public func periodTable(_ alias: String) -> String {
        switch engine {
        case .postgres:
            return "(SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi "
                + "FROM unnest(CAST(@period_from AS timestamptz[]), CAST(@period_to AS timestamptz[])) WITH ORDINALITY "
                + "AS q(lo, hi, n)) AS \(alias)"
        case .bigquery:
            return "(SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi "
                + "FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS \(alias)"
        }
    }

    /// The parameters of `periodTable(_:)` for these ranges (index = position), with `from` and
    /// `to` the span of them all (every grouped query also filters by these, so an engine
    /// that partitions by time reads only the span).
    public func periodParameters(_ ranges: [Range<Instant>]) -> [String: WarehouseParameter] {
        var values: [String: WarehouseParameter] = [
            "from": .timestamp(ranges.map(\.lowerBound).min() ?? 0), "to": .timestamp(ranges.map(\.upperBound).max() ?? 0),
        ]
        switch engine {
        case .postgres:
            values["period_from"] = .strings(ranges.map { WarehouseParameter.rfc3339($0.lowerBound) })
            values["period_to"] = .strings(ranges.map { WarehouseParameter.rfc3339($0.upperBound) })
        case .bigquery:
            values["period_from"] = .integers(ranges.map(\.lowerBound))
            values["period_to"] = .integers(ranges.map(\.upperBound))
        }
        return values
    }
}
