import InsightsMetrics

/// Segments (`--segment`) and breakdowns (`--breakdown`) in the engine: a segment restricts
/// every query of the source (`WarehouseQueries.table(_:)`), a breakdown is one grouped query
/// per field. By contact field only: `country` needs the report's placing of contacts in
/// countries, which the engine does not compute yet, and is refused.
extension WarehouseSource {
    /// The source restricted to a segment (every condition must hold; empty: all contacts):
    /// each condition's stored spellings are read first (one query per condition, the
    /// distinct values of the field), then every query keeps only the contacts holding one.
    public func segmented(_ segment: Segment) throws(WarehouseError) -> WarehouseSource {
        var source = self
        source.segment = nil
        guard !segment.isEmpty else { return source }
        if let country = segment.first(where: \.isCountry) {
            throw .unsupported("a segment by country (\(country.label)); segments by contact field work")
        }
        let tables = try tables()
        var conditions: [WarehouseSegment.Condition] = []
        for condition in segment {
            var spellings: Set<String> = []
            if tables.has("contacts", column: "fields") {
                let wanted = FieldValue.folded(condition.value)
                let key = try connection.dialect.jsonKey(condition.field)
                for row in try connection.rows(queries(tables).fieldValues, parameters: ["field_key": .string(key)]) {
                    guard let value = optionalText(row, 0), FieldValue.folded(value) == wanted else { continue }
                    spellings.insert(value)
                }
            }
            conditions.append(WarehouseSegment.Condition(field: condition.field, spellings: spellings.sorted()))
        }
        source.segment = WarehouseSegment(conditions: conditions)
        return source
    }

    /// A `--breakdown FIELD`'s counts for the period (of the segment, if any).
    ///
    /// - parameter statusesStored: whether `reached_users` is measured (`delivery(…)`'s).
    public func breakdown(
        field: String, period: ReportPeriod, calendar: ReportCalendar, statusesStored: Bool
    ) throws(WarehouseError) -> BreakdownAggregate {
        guard field != SegmentCondition.countryField else {
            throw .unsupported("a breakdown by country; breakdowns by contact field work")
        }
        let tables = try tables()
        let queries = queries(tables)
        let range = period.instants(in: calendar)
        let sql = queries.breakdownCounts(reached: statusesStored && tables.has("message_statuses"))
        var aggregate = BreakdownAggregate(field: field, values: [:], none: BreakdownValueCounts())
        for row in try rows(
            sql,
            parameters: [
                "from": .timestamp(range.lowerBound), "to": .timestamp(range.upperBound),
                "breakdown_field": .string(try connection.dialect.jsonKey(field)),
            ])
        {
            var counts = BreakdownValueCounts()
            counts.holders = Int(try integer(row, 1))
            counts.activeUsers = Int(try integer(row, 2))
            counts.newUsers = Int(try integer(row, 3))
            counts.messagesReceived = Int(try integer(row, 4))
            counts.goalCompletions = Int(try integer(row, 5))
            counts.journeyCompletions = Int(try integer(row, 6))
            counts.reachedUsers = Int(try integer(row, 7))
            if let value = optionalText(row, 0) {
                aggregate.values[value] = (aggregate.values[value] ?? BreakdownValueCounts()) + counts
            } else {
                aggregate.none = aggregate.none + counts
            }
        }
        return aggregate
    }
}
