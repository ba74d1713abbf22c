import InsightsMetrics

extension WarehouseSource {
    /// The period's active contacts per ISO region (`ZZ` when unknown): `country`, else the
    /// phone number's region by `PhoneRegions.prefixTable` (sent with the query), else `ZZ`.
    public func countries(period: ReportPeriod, calendar: ReportCalendar) throws(WarehouseError) -> [String: Int] {
        let tables = try tables()
        guard tables.has("messages") else { return [:] }
        let range = period.instants(in: calendar)
        var values: [String: WarehouseParameter] = ["from": .timestamp(range.lowerBound), "to": .timestamp(range.upperBound)]
        guard tables.has("contacts") else {
            // Without contacts, every active contact is unknown.
            let totals =
                try rows(queries(tables).messageTotals, parameters: values).first ?? []
            let active = Int(try integer(totals, 2))
            return active > 0 ? ["ZZ": active] : [:]
        }
        values.merge(WarehouseQueries.regionParameters) { old, _ in old }
        let sql = queries(tables).countries(
            hasPhone: tables.has("contacts", column: "phone"), hasCountry: tables.has("contacts", column: "country"))
        var countries: [String: Int] = [:]
        for row in try rows(sql, parameters: values) {
            countries[try text(row, 0), default: 0] += Int(try integer(row, 1))
        }
        return countries
    }
}

extension WarehouseSource {
    /// Per period: its active contacts per region (`countries(period:…)` of each), from one
    /// grouped query; nil without a `contacts` table, where every active contact is `ZZ` and
    /// the caller takes them from the summary's counts of active users (no query).
    func groupedCountries(
        _ ranges: [Range<Instant>], calendar: ReportCalendar, tables: WarehouseTables, queries: WarehouseQueries
    ) throws(WarehouseError) -> [[String: Int]]? {
        var countries = Array(repeating: [String: Int](), count: ranges.count)
        guard tables.has("messages"), !ranges.isEmpty else { return countries }
        guard tables.has("contacts") else { return nil }
        var values = try periodValues(ranges, calendar: calendar, businessHours: nil)
        values.merge(WarehouseQueries.regionParameters) { old, _ in old }
        let sql = queries.periodCountries(
            hasPhone: tables.has("contacts", column: "phone"), hasCountry: tables.has("contacts", column: "country"))
        for row in try rows(sql, parameters: values) {
            countries[try periodIndex(row, ranges.count)][try text(row, 1), default: 0] += Int(try integer(row, 2))
        }
        return countries
    }
}
