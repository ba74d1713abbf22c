import InsightsImport
import InsightsMetrics
import InsightsWarehouse

/// `--dry-run` of `insights report` and `insights archive` on BigQuery: every query the
/// command would send, estimated (the bytes each would bill) and none run; nothing is written.
/// An archive's queries are the grouped ones it sends (each for all its months at once).
public struct WarehouseDryRun<Base: WarehouseConnection> {
    /// One query the command would send.
    public struct Query: Equatable, Sendable {
        /// The periods it is sent for: a report's one, or all of an archive's months.
        public let periods: [ReportPeriod]
        /// The record kinds' tables it reads.
        public let tables: [String]
        /// The bytes it would bill.
        public let bytes: Int64
        /// The query, as sent.
        public let sql: String

        /// The periods as printed: a period's first and last day (`2026-03-01…2026-03-31`);
        /// several months, the span of them and their number
        /// (`2026-01-01…2026-12-31, 12 months`).
        public var periodText: String {
            guard let first = periods.first, let last = periods.last else { return "" }
            let span = "\(first.from)…\(last.to)"
            return periods.count == 1 ? span : "\(span), \(periods.count) months"
        }
    }

    /// The connection estimating (and running nothing).
    public let connection: DryRunConnection<Base>
    /// The periods: a report's one, or an archive's months.
    public let periods: [ReportPeriod]
    /// The zone days and hours are local to.
    public let calendar: ReportCalendar
    /// Whether the periods are an archive's months: their activity checked first (one
    /// query), then their reports' grouped queries (`periodAggregates(periods:…)`).
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
        func record(_ periods: [ReportPeriod], from before: Int) {
            for estimate in connection.estimates[before...] {
                queries.append(
                    Query(
                        periods: periods, tables: Self.tables(in: estimate.sql, connection.dialect), bytes: estimate.bytes,
                        sql: estimate.sql))
            }
        }
        if months {
            // As `ArchiveJob` sends them: the activity of every month, then one grouped query
            // per metric for all of them (a dry run finds no month empty).
            let before = connection.estimates.count
            _ = try whole.hasActivity(inEach: periods.map { $0.instants(in: calendar) })
            _ = try source.periodAggregates(periods: periods, calendar: calendar, businessHours: businessHours)
            record(periods, from: before)
            return queries
        }
        for period in periods {
            let before = connection.estimates.count
            _ = try source.periodAggregates(
                period: period, calendar: calendar, businessHours: businessHours, breakdowns: breakdowns)
            record([period], from: before)
        }
        return queries
    }

    /// The record kinds' tables a query names, in the order of `RecordKind`.
    static func tables(in sql: String, _ dialect: SQLDialect) -> [String] {
        RecordKind.allCases.map(\.rawValue).filter { sql.contains(dialect.table($0)) }
    }
}
