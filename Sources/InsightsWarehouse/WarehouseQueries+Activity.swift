import InsightsMetrics

extension WarehouseQueries {
    /// The tables and timestamp columns an archive's activity spans, as the SQLite store
    /// counts it: messages, conversation and goal events, Journey run starts and results.
    public static let activityColumns: [(table: String, column: String)] = [
        ("messages", "timestamp"), ("conversation_events", "timestamp"), ("goal_events", "timestamp"),
        ("journey_runs", "started_at"), ("journey_results", "timestamp"),
    ]

    /// One row: the oldest and newest message, as epoch microseconds (NULL without any).
    public var messageSpan: String {
        let column = "m.\(dialect.identifier("timestamp"))"
        return """
            SELECT \(dialect.epochMicroseconds("MIN(\(column))")), \(dialect.epochMicroseconds("MAX(\(column))"))
            FROM \(allData("messages")) m
            """
    }

    /// One row: the oldest and newest instant of activity in `tables` (a subset of
    /// `activityColumns`), as epoch microseconds (NULL without any).
    public func activitySpan(_ tables: [(table: String, column: String)]) -> String {
        let parts = tables.map { table, column in
            let c = "t.\(dialect.identifier(column))"
            return "  SELECT MIN(\(c)) AS oldest, MAX(\(c)) AS newest FROM \(allData(table)) t"
        }
        return """
            SELECT \(dialect.epochMicroseconds("MIN(a.oldest)")), \(dialect.epochMicroseconds("MAX(a.newest)"))
            FROM (
            \(parts.joined(separator: "\n  UNION ALL\n"))
            ) a
            """
    }

    /// One row: 1 when any of `tables` has an instant in [`from`, `to`), else 0.
    public func hasActivity(_ tables: [(table: String, column: String)]) -> String {
        let from = dialect.timestampParameter("from")
        let to = dialect.timestampParameter("to")
        let tests = tables.map { table, column in
            let c = "t.\(dialect.identifier(column))"
            return "EXISTS (SELECT 1 FROM \(allData(table)) t WHERE \(c) >= \(from) AND \(c) < \(to))"
        }
        return "SELECT CASE WHEN \(tests.joined(separator: "\n  OR ")) THEN 1 ELSE 0 END"
    }

    /// Per period (`SQLDialect.periodTable`) with any instant of `tables` in it: its index
    /// `i` (`hasActivity(_:)` of every period at once; a period without any is absent). The
    /// instants within the span `from`…`to` are matched to the periods as the grouped
    /// templates match rows (`WarehouseQueries+Periods`), with no correlated subquery.
    public func periodActivity(_ tables: [(table: String, column: String)]) -> String {
        let from = dialect.timestampParameter("from")
        let to = dialect.timestampParameter("to")
        let parts = tables.map { table, column in
            let c = "t.\(dialect.identifier(column))"
            return "  SELECT \(c) AS at FROM \(allData(table)) t WHERE \(c) >= \(from) AND \(c) < \(to)"
        }
        return """
            WITH periods AS (SELECT * FROM \(dialect.periodTable("pt")))
            SELECT p.i
            FROM (
            \(parts.joined(separator: "\n  UNION ALL\n"))
            ) a CROSS JOIN periods p
            WHERE a.at >= p.lo AND a.at < p.hi
            GROUP BY p.i
            ORDER BY p.i
            """
    }
}
