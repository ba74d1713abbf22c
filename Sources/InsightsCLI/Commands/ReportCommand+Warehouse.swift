import ArgumentParser
import InsightsBigQuery
import InsightsJobs
import InsightsMetrics

/// `insights report --postgres URL` / `--bigquery PROJECT.DATASET`.
extension ReportCommand: WarehousePlatformCommand {
    /// The warehouse options that do not fit the others.
    func validateWarehouse() throws {
        try platform.validate(bigquery: warehouse.bigquery != nil, postgres: warehouse.postgres != nil)
        guard warehouse.dryRun else { return }
        if period.month == nil, period.to == nil {
            throw ValidationError(
                "--dry-run needs the period (--month, --from/--to, or --last with --to): finding the newest message is a query too."
            )
        }
        if pdf || email || emailTo != nil || emailFrom != nil || subject != nil || out != nil {
            throw ValidationError("--dry-run writes nothing; leave out --out, --pdf and the email options.")
        }
    }

    /// Computes the report inside the warehouse (or, with `--dry-run`, estimates its queries).
    func runOnWarehouse() throws {
        if warehouse.dryRun {
            let chosen = try period.period { nil }
            try warehouse.printDryRun(
                platform: platform, periods: [chosen], calendar: period.calendar, months: false,
                businessHours: businessHours.hours,
                segment: segments.segment, breakdowns: breakdowns.map { $0.trimmingCharacters(in: .whitespaces) })
            return
        }
        guard let source = try warehouse.source(platform: platform) else { return }
        try write(from: source)
    }
}

extension WarehouseOptions {
    /// Estimates every query of `periods` with BigQuery's dry run and prints the bytes each
    /// would bill; nothing runs, nothing is written.
    func printDryRun(
        platform: WarehousePlatform.Choice, periods: [ReportPeriod], calendar: ReportCalendar, months: Bool,
        businessHours: BusinessHours?, segment: Segment = [],
        breakdowns: [String] = []
    ) throws {
        var dryRun = WarehouseDryRun(
            connection: try dryRunConnection(platform: platform), periods: periods, calendar: calendar, months: months)
        dryRun.businessHours = businessHours
        dryRun.segment = segment
        dryRun.breakdowns = breakdowns
        let queries = try dryRun.run()
        let limit = maxBytesBilled ?? BigQueryConfiguration.defaultMaximumBytesBilled
        print("Dry run on BigQuery (nothing was run or written): \(queries.count) queries, bytes each would bill:")
        for (index, query) in queries.enumerated() {
            let tables = query.tables.isEmpty ? "" : "  " + query.tables.joined(separator: ", ")
            let over = query.bytes > limit ? "  (over --max-bytes-billed: it would fail)" : ""
            print("  \(index + 1). \(query.periodText)  \(Self.bytes(query.bytes))\(tables)\(over)")
        }
        let total = queries.reduce(Int64(0)) { $0 + $1.bytes }
        print("Total: \(Self.bytes(total)); each query runs with --max-bytes-billed \(Self.bytes(limit)).")
    }

    /// Bytes with their binary multiple: `10737418240 bytes (10.0 GiB)`.
    static func bytes(_ count: Int64) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = Double(count)
        var unit = -1
        while value >= 1024, unit + 1 < units.count {
            value /= 1024
            unit += 1
        }
        guard unit >= 0 else { return "\(count) bytes" }
        return "\(count) bytes (\((value * 10).rounded() / 10) \(units[unit]))"
    }
}
