import InsightsMetrics

extension WarehouseQueries {
    /// One row: contacts with a consent time, opt-ins in the period, opt-outs in it, contacts
    /// opted in at its end (an `opted_in_at` before the end and no `opted_out_at` later than
    /// it and before the end).
    public var consentCounts: String {
        let c = dialect.identifier
        let from = dialect.timestampParameter("from")
        let to = dialect.timestampParameter("to")
        let optIn = "k.\(c("opted_in_at"))"
        let optOut = "k.\(c("opted_out_at"))"
        return """
            SELECT COUNT(*),
              COUNT(CASE WHEN \(optIn) >= \(from) AND \(optIn) < \(to) THEN 1 END),
              COUNT(CASE WHEN \(optOut) >= \(from) AND \(optOut) < \(to) THEN 1 END),
              COUNT(CASE WHEN \(optIn) < \(to) AND NOT (\(optOut) IS NOT NULL AND \(optOut) > \(optIn) AND \(optOut) < \(to)) THEN 1 END)
            FROM \(table("contacts")) k
            WHERE \(optIn) IS NOT NULL OR \(optOut) IS NOT NULL
            """
    }
}

extension WarehouseSource {
    /// The consent times of every contact counted for the period, and whether the source
    /// holds any (a `contacts` table without `opted_in_at` and `opted_out_at` holds none).
    public func consentCounts(
        period: ReportPeriod, calendar: ReportCalendar
    ) throws(WarehouseError) -> (counts: ConsentCounts, timesStored: Bool) {
        let none = ConsentCounts(contactsWithTimes: 0, optIns: 0, optOuts: 0, optedInAtEnd: 0)
        let tables = try tables()
        guard tables.has("contacts", column: "opted_in_at"), tables.has("contacts", column: "opted_out_at") else {
            return (none, false)
        }
        let range = period.instants(in: calendar)
        let row =
            try rows(
                queries(tables).consentCounts,
                parameters: ["from": .timestamp(range.lowerBound), "to": .timestamp(range.upperBound)]
            ).first ?? []
        let counts = ConsentCounts(
            contactsWithTimes: Int(try integer(row, 0)), optIns: Int(try integer(row, 1)), optOuts: Int(try integer(row, 2)),
            optedInAtEnd: Int(try integer(row, 3)))
        return (counts, counts.contactsWithTimes > 0)
    }
}
