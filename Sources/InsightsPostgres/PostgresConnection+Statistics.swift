import InsightsWarehouse

extension PostgresConnection {
    /// The tables among `tables` (the record kinds' names) of the schema that hold rows but
    /// have never been analyzed (`pg_class.reltuples` is -1 until the first `ANALYZE` or
    /// autovacuum), sorted. The planner takes such tables for nearly empty, and a report on
    /// them can take minutes instead of seconds (the README's "Reports from a warehouse" says
    /// to `ANALYZE` after loading); an empty table is not listed, it cannot mislead the planner.
    public func tablesWithoutStatistics(among tables: [String]) throws(WarehouseError) -> [String] {
        try rows(
            """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = CAST(@schema AS text) AND c.relkind = 'r' AND c.reltuples < 0
              AND pg_relation_size(c.oid) > 0 AND c.relname = ANY(CAST(@tables AS text[]))
            ORDER BY c.relname COLLATE "C"
            """, parameters: ["schema": .string(dialect.container), "tables": .strings(tables)]
        ).compactMap { $0.first ?? nil }
    }
}
