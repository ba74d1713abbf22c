import InsightsMetrics

extension WarehouseSource: ArchiveSource, SegmentedPeriodReportSource {
    /// The instant of the newest message, nil without any (or without a `messages` table).
    public func newestMessage() throws(WarehouseError) -> Instant? {
        try messageSpan()?.upperBound
    }

    /// The instants of the oldest and newest message, nil without any.
    public func messageSpan() throws(WarehouseError) -> ClosedRange<Instant>? {
        guard try tables().has("messages") else { return nil }
        return try span(WarehouseQueries(dialect: connection.dialect).messageSpan)
    }

    /// A warehouse stores no settings or import notes: every key is unset (the service name is
    /// `--title`'s, else "Helpline"; the page shows no "data as of" and no import note), except
    /// the `notes` the source was given.
    public func meta(_ key: MetaKey) throws(WarehouseError) -> String? {
        notes[key]
    }

    /// The period's report from the engine's aggregates; refused (`WarehouseError.notComputed`)
    /// while the warehouse has a table of a block in `WarehouseBlock.notComputed`.
    public func report(
        period: ReportPeriod, calendar: ReportCalendar, serviceName: String, generatorVersion: String,
        businessHours: BusinessHours?
    ) throws(WarehouseError) -> Report {
        try report(
            period: period, calendar: calendar, serviceName: serviceName, generatorVersion: generatorVersion,
            businessHours: businessHours, refusing: WarehouseBlock.notComputed)
    }

    /// The period's report of a segment's contacts (all for an empty segment) with the
    /// breakdowns asked for, every number from the engine; refused as `report(…)` is.
    public func report(
        period: ReportPeriod, calendar: ReportCalendar, segment: Segment, breakdowns: [String], serviceName: String,
        generatorVersion: String, businessHours: BusinessHours?
    ) throws(WarehouseError) -> Report {
        try report(
            period: period, calendar: calendar, segment: segment, breakdowns: breakdowns, serviceName: serviceName,
            generatorVersion: generatorVersion, businessHours: businessHours, refusing: WarehouseBlock.notComputed)
    }

    /// The period's report from the engine's aggregates, refused when the warehouse has a table
    /// of one of `blocks` (the tests pass none, to compare the blocks that are computed).
    public func report(
        period: ReportPeriod, calendar: ReportCalendar, segment: Segment = [], breakdowns: [String] = [],
        serviceName: String, generatorVersion: String, businessHours: BusinessHours?, refusing blocks: [WarehouseBlock]
    ) throws(WarehouseError) -> Report {
        try refuse(blocks)
        let source = try segmented(segment)
        let aggregates = try source.periodAggregates(
            period: period, calendar: calendar, businessHours: businessHours, breakdowns: breakdowns)
        // No rows: every block the engine computes is built from `aggregates`.
        var data = PeriodData(
            period: period, calendar: calendar, tally: MessageTally(period: period, calendar: calendar),
            previous: aggregates.previous, firstInbound: [], countries: [:], latestNames: [:], conversationSpans: [],
            goals: [], goalEvents: [])
        data.segment = segment
        return Report(
            data: data, aggregates: aggregates, serviceName: serviceName, generatorVersion: generatorVersion,
            businessHours: businessHours)
    }

    /// The oldest and newest instant of any message, event, Journey run start or result.
    public func activitySpan() throws(WarehouseError) -> ClosedRange<Instant>? {
        let tables = try activityTables()
        guard !tables.isEmpty else { return nil }
        return try span(WarehouseQueries(dialect: connection.dialect).activitySpan(tables))
    }

    /// Whether any message, event, Journey run start or result lies in `range`.
    public func hasActivity(in range: Range<Instant>) throws(WarehouseError) -> Bool {
        let tables = try activityTables()
        guard !tables.isEmpty else { return false }
        let rows = try connection.rows(
            WarehouseQueries(dialect: connection.dialect).hasActivity(tables),
            parameters: ["from": .timestamp(range.lowerBound), "to": .timestamp(range.upperBound)])
        return try integer(rows.first ?? [], 0) != 0
    }

    /// Whether each of `ranges` holds any message, event, Journey run start or result: one
    /// grouped query for all of them (`WarehouseQueries.periodActivity`).
    public func hasActivity(inEach ranges: [Range<Instant>]) throws(WarehouseError) -> [Bool] {
        var active = Array(repeating: false, count: ranges.count)
        let tables = try activityTables()
        guard !tables.isEmpty, !ranges.isEmpty else { return active }
        let queries = WarehouseQueries(dialect: connection.dialect)
        for row in try connection.rows(
            queries.periodActivity(tables), parameters: connection.dialect.periodParameters(ranges))
        {
            active[try periodIndex(row, ranges.count)] = true
        }
        return active
    }

    /// A new stamp on every call: a warehouse has no version of its data, so an archive from
    /// one recomputes every month on each run (and still rewrites only the months whose
    /// files changed).
    public func dataStamp() throws(WarehouseError) -> String {
        "warehouse \(connection.dialect.engine.rawValue) \(connection.dialect.container) "
            + String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }

    private func activityTables() throws(WarehouseError) -> [(table: String, column: String)] {
        var present: [(table: String, column: String)] = []
        for entry in WarehouseQueries.activityColumns {
            guard let columns = try connection.columns(of: entry.table) else { continue }
            guard columns[entry.column] != nil else { throw .missingColumn(table: entry.table, column: entry.column) }
            present.append(entry)
        }
        return present
    }

    private func span(_ sql: String) throws(WarehouseError) -> ClosedRange<Instant>? {
        let row = try connection.rows(sql, parameters: [:]).first ?? []
        guard row.count >= 2, row[0] != nil, row[1] != nil else { return nil }
        let first = try integer(row, 0)
        let last = try integer(row, 1)
        guard first <= last else { throw .badValue("an oldest instant \(first) after the newest \(last)") }
        return first...last
    }
}
