import ArgumentParser
import InsightsMetrics

/// `insights archive --postgres URL` / `--bigquery PROJECT.DATASET`.
extension ArchiveCommand: WarehousePlatformCommand {
    /// The warehouse options that do not fit the others.
    func validateWarehouse() throws {
        try platform.validate(bigquery: warehouse.bigquery != nil, postgres: warehouse.postgres != nil)
        guard warehouse.dryRun else { return }
        if since == nil || until == nil {
            throw ValidationError(
                "--dry-run needs --since and --until: finding the months with data is a query too.")
        }
        if send || per != nil { throw ValidationError("--dry-run writes and sends nothing; leave out --send and --per.") }
    }

    /// Estimates the queries of every month from `--since` to `--until` as the archive sends
    /// them (the months' activity check, then one grouped query per metric for all of them);
    /// nothing runs, nothing is written.
    func dryRun() throws {
        guard let first = since.flatMap(PeriodOptions.parseMonth), let last = until.flatMap(PeriodOptions.parseMonth) else {
            return
        }
        var months: [ReportPeriod] = []
        var (year, month) = first
        while (year, month) <= last {
            if let period = ReportPeriod(year: year, month: month) { months.append(period) }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        try warehouse.printDryRun(
            platform: platform, periods: months, calendar: zone.calendar, months: true, businessHours: businessHours.hours,
            segment: segments.segment)
    }
}
