import InsightsMetrics

/// A connection that runs no query (`--dry-run`): it hands each query to `estimate` (BigQuery's
/// dry run: the bytes the query would bill), records it, and answers with no rows, which the
/// source reads as zeros. The existence check of message statuses answers yes, so that every
/// query a report would send is estimated. The tables' columns are read from `base`: metadata,
/// not a query of the data.
public final class DryRunConnection<Base: WarehouseConnection>: WarehouseConnection {
    /// A query that would have run and what it would have billed.
    public struct Estimate: Equatable, Sendable {
        /// The query, as sent.
        public let sql: String
        /// The bytes it would process (and bill).
        public let bytes: Int64
    }

    /// The connection the columns are read from.
    public let base: Base
    /// The queries estimated so far, in order.
    public private(set) var estimates: [Estimate] = []
    private let estimate: (String, [String: WarehouseParameter]) throws(WarehouseError) -> Int64

    /// Wraps `base`; `estimate` returns the bytes a query would bill without running it.
    public init(
        base: Base, estimate: @escaping (String, [String: WarehouseParameter]) throws(WarehouseError) -> Int64
    ) {
        self.base = base
        self.estimate = estimate
    }

    /// `base`'s dialect.
    public var dialect: SQLDialect { base.dialect }

    /// Estimates and records the query; no rows (one `1` for the statuses' existence check).
    public func rows(_ sql: String, parameters: [String: WarehouseParameter]) throws(WarehouseError) -> [[String?]] {
        estimates.append(Estimate(sql: sql, bytes: try estimate(sql, parameters)))
        return sql == WarehouseQueries(dialect: dialect).anyStatus ? [["1"]] : []
    }

    /// `base`'s columns.
    public func columns(of table: String) throws(WarehouseError) -> [String: String]? {
        try base.columns(of: table)
    }

    /// The bytes of every query estimated.
    public var totalBytes: Int64 { estimates.reduce(0) { $0 + $1.bytes } }
}

/// Any connection behind one type, so that the command line builds a `WarehouseSource` the
/// same way whatever the engine.
public struct AnyWarehouseConnection: WarehouseConnection {
    /// The engine's dialect.
    public let dialect: SQLDialect
    private let run: (String, [String: WarehouseParameter]) throws(WarehouseError) -> [[String?]]
    private let describe: (String) throws(WarehouseError) -> [String: String]?

    /// Wraps a connection (kept alive by the wrapper).
    public init<C: WarehouseConnection>(_ connection: C) {
        dialect = connection.dialect
        run = { (sql, parameters) throws(WarehouseError) in try connection.rows(sql, parameters: parameters) }
        describe = { (table) throws(WarehouseError) in try connection.columns(of: table) }
    }

    /// The wrapped connection's rows.
    public func rows(_ sql: String, parameters: [String: WarehouseParameter]) throws(WarehouseError) -> [[String?]] {
        try run(sql, parameters)
    }

    /// The wrapped connection's columns.
    public func columns(of table: String) throws(WarehouseError) -> [String: String]? {
        try describe(table)
    }
}
