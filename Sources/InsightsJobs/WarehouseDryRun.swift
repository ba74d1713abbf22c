import InsightsImport
import InsightsMetrics
import InsightsWarehouse

/// `--dry-run` of `insights report` and `insights archive` on BigQuery: every query the
/// command would send, estimated (the bytes each would bill) and none run; nothing is written.
public struct WarehouseDryRun<Base: WarehouseConnection> {
    /// One query the command would send.
    public struct Query: Equatable, Sendable {
        /// The period it is sent for.
        public let period: ReportPeriod
        /// The record kinds' tables it reads.
        public let tables: [String]
        /// The bytes it would bill.
        public let bytes: Int64
        /// The query, as sent.
        public let sql: String
    }

    /// The connection estimating (and running nothing).
    public let connection: DryRunConnection<Base>
    /// The periods: a report's one, or an archive's months.
    public let periods: [ReportPeriod]
    /// The zone days and hours are local to.
    public let calendar: ReportCalendar
    /// Whether each period is an archive's month, whose activity is checked first.
    public let months: Bool
    /// `--business-hours`: the response times' queries carry the business ranges.
    public var businessHours: BusinessHours?
    /// `--segment`: every query restricted to it (its fields' values are read first).
    public var segment: Segment = []
    /// `--breakdown`: one query per field.
    public var breakdowns: [String] = []

    /// Describes a dry run.
    public init(connection: DryRunConnection<Base>, periods: [ReportPeriod], calendar: ReportCalendar, months: Bool) {
        self.connection = connection
        self.periods = periods
        self.calendar = calendar
        self.months = months
    }

    /// Estimates every query. Throws `WarehouseError.notComputed` as the command itself would
    /// (before any query), and the engine's errors (a missing column, a query it refuses).
    public func run(refusing blocks: [WarehouseBlock] = WarehouseBlock.notComputed) throws(WarehouseError) -> [Query] {
        let whole = WarehouseSource(connection: connection)
        try whole.refuse(blocks)
        let source = try whole.segmented(segment)
        var queries: [Query] = []
        for period in periods {
            let before = connection.estimates.count
            if months { _ = try source.hasActivity(in: period.instants(in: calendar)) }
            _ = try source.periodAggregates(
                period: period, calendar: calendar, businessHours: businessHours, breakdowns: breakdowns)
            for estimate in connection.estimates[before...] {
                queries.append(
                    Query(
                        period: period, tables: Self.tables(in: estimate.sql, connection.dialect), bytes: estimate.bytes,
                        sql: estimate.sql))
            }
        }
        return queries
    }

    /// The record kinds' tables a query names, in the order of `RecordKind`.
    static func tables(in sql: String, _ dialect: SQLDialect) -> [String] {
        RecordKind.allCases.map(\.rawValue).filter { sql.contains(dialect.table($0)) }
    }
}
