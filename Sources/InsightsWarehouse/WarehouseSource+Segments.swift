import InsightsMetrics

/// Segments (`--segment`) and breakdowns (`--breakdown`) in the engine: a segment restricts
/// every query of the source (`WarehouseQueries.table(_:)`), a breakdown is one grouped query
/// per field. `country` (a segment condition or a breakdown field) is the region each
/// contact is placed in, as on the SQLite path (`WarehouseQueries.contactRegions(_:)`).
extension WarehouseSource {
    /// The source restricted to a segment (every condition must hold; empty: all contacts):
    /// each condition's stored spellings are read first (one query per condition, the
    /// distinct values of the field), then every query keeps only the contacts holding one.
    public func segmented(_ segment: Segment) throws(WarehouseError) -> WarehouseSource {
        var source = self
        source.segment = nil
        guard !segment.isEmpty else { return source }
        let tables = try tables()
        var conditions: [WarehouseSegment.Condition] = []
        for condition in segment {
            if condition.isCountry {
                // As the SQLite path compares `contacts.region`: the value upper-cased.
                conditions.append(WarehouseSegment.Condition(region: condition.value.uppercased()))
                continue
            }
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
        let tables = try tables()
        let queries = queries(tables)
        let range = period.instants(in: calendar)
        let reached = statusesStored && tables.has("message_statuses")
        var values: [String: WarehouseParameter] = ["from": .timestamp(range.lowerBound), "to": .timestamp(range.upperBound)]
        let sql: String
        if field == SegmentCondition.countryField {
            sql = queries.countryBreakdownCounts(reached: reached)
            values.merge(WarehouseQueries.regionParameters) { old, _ in old }
        } else {
            sql = queries.breakdownCounts(reached: reached)
            values["breakdown_field"] = .string(try connection.dialect.jsonKey(field))
        }
        var aggregate = BreakdownAggregate(field: field, values: [:], none: BreakdownValueCounts())
        for row in try rows(sql, parameters: values.filter { ViewConnection<Connection>.names(sql, $0.key) }) {
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
