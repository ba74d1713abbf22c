import InsightsMetrics

/// The reach block's templates grouped by period (`WarehouseQueries+Periods`): one query
/// each for all of an archive's months instead of the `WarehouseQueries+Reach` ones per month.
extension WarehouseQueries {
    private func d(_ name: String) -> String { dialect.identifier(name) }

    /// `deliveries` of `WarehouseQueries+Reach` per period: each period's outbound messages
    /// (i, message_id, contact, sent_at, author_type) with their furthest status at any time
    /// and their earliest `read` instant (statuses read once for the span's messages).
    private var periodDeliveries: String {
        let rank = """
            MIN(CASE s.\(d("status")) WHEN 'read' THEN 0 WHEN 'delivered' THEN 1 WHEN 'failed' THEN 2 WHEN 'sent' THEN 3 END)
            """
        let from = dialect.timestampParameter("from")
        let to = dialect.timestampParameter("to")
        let sent = "m.\(d("timestamp"))"
        return """
            WITH periods AS (SELECT * FROM \(dialect.periodTable("pt"))),
            outbound AS (
              SELECT p.i, m.\(d("message_id")) AS message_id, m.\(d("contact_id")) AS contact, \(sent) AS sent_at,
                m.\(d("author_type")) AS author_type
              FROM \(table("messages")) m CROSS JOIN periods p
              WHERE m.\(d("direction")) = 'outbound' AND \(sent) >= \(from) AND \(sent) < \(to) AND \(sent) >= p.lo AND \(sent) < p.hi
            ),
            states AS (
              SELECT s.\(d("message_id")) AS message_id, \(rank) AS \(d("rank")),
                MIN(CASE WHEN s.\(d("status")) = 'read' THEN s.\(d("timestamp")) END) AS first_read
              FROM \(table("message_statuses")) s
              WHERE s.\(d("message_id")) IN (SELECT o.message_id FROM outbound o)
              GROUP BY s.\(d("message_id"))
            ),
            deliveries AS (
              SELECT o.i, o.message_id, o.contact, o.sent_at, o.author_type, COALESCE(t.\(d("rank")), 4) AS state, t.first_read
              FROM outbound o LEFT JOIN states t ON t.message_id = o.message_id
            )
            """
    }

    /// Per period, local day, author type and state: outbound messages (`deliveryCounts`).
    public var periodDeliveryCounts: String {
        """
        \(periodDeliveries)
        SELECT g.i, g.day, g.author_type, g.state, COUNT(*)
        FROM (SELECT d.i, \(dialect.localDayNumber("d.sent_at")) AS day, d.author_type, d.state FROM deliveries d) g
        GROUP BY g.i, g.day, g.author_type, g.state
        """
    }

    /// Per period: distinct contacts with a delivered or read message, and read messages
    /// (`reachedUsers`).
    public var periodReachedUsers: String {
        """
        \(periodDeliveries)
        SELECT d.i, COUNT(DISTINCT CASE WHEN d.state <= 1 THEN d.contact END), COUNT(CASE WHEN d.state = 0 THEN 1 END)
        FROM deliveries d
        GROUP BY d.i
        """
    }

    /// Per period: the one or two middle delays (microseconds, negatives as 0, ascending)
    /// from a read message to its earliest `read` status (`middleReadDelays`).
    public var periodMiddleReadDelays: String {
        let micros = dialect.epochMicroseconds
        return """
            \(periodDeliveries)
            SELECT r.i, r.delay
            FROM (
              SELECT e.i, e.delay, ROW_NUMBER() OVER (PARTITION BY e.i ORDER BY e.delay) AS nth,
                COUNT(*) OVER (PARTITION BY e.i) AS total
              FROM (
                SELECT d.i, GREATEST(0, \(micros("d.first_read")) - \(micros("d.sent_at"))) AS delay FROM deliveries d
                WHERE d.state = 0
              ) e
            ) r
            WHERE r.nth BETWEEN \(dialect.integerDivision("r.total + 1", "2")) AND \(dialect.integerDivision("r.total", "2")) + 1
            ORDER BY r.i, r.delay
            """
    }

    /// Per period: failed messages per raw error of their newest `failed` status (`failures`).
    public var periodFailures: String {
        let error = "COALESCE(s.\(d("error")), '')"
        return """
            \(periodDeliveries)
            SELECT f.i, n.error, COUNT(*)
            FROM deliveries f
            JOIN (
              SELECT s.\(d("message_id")) AS message_id, s.\(d("error")) AS error,
                ROW_NUMBER() OVER (
                  PARTITION BY s.\(d("message_id")) ORDER BY s.\(d("timestamp")) DESC, \(dialect.byCodePoint(error)) DESC
                ) AS newest
              FROM \(table("message_statuses")) s
              WHERE s.\(d("status")) = 'failed' AND s.\(d("message_id")) IN (SELECT x.message_id FROM deliveries x WHERE x.state = 2)
            ) n ON n.message_id = f.message_id
            WHERE f.state = 2 AND n.newest = 1
            GROUP BY f.i, n.error
            """
    }
}

extension WarehouseSource {
    /// Per period: the reach block's inputs (`delivery(period:…)` of each): the delivery
    /// aggregate (nil when no status is stored at all), the previous period's reached users
    /// and whether statuses are stored, from one grouped query per template.
    func groupedDelivery(
        _ periods: [ReportPeriod], calendar: ReportCalendar, tables: WarehouseTables, queries: WarehouseQueries
    ) throws(WarehouseError) -> [(delivery: DeliveryAggregate?, previousReachedUsers: Int?, statusesStored: Bool)] {
        let none = Array(
            repeating: (delivery: DeliveryAggregate?.none, previousReachedUsers: Int?.none, statusesStored: false),
            count: periods.count)
        guard tables.has("messages"), tables.has("message_statuses"), !periods.isEmpty else { return none }
        var whole = queries
        whole.segment = nil
        guard try integer(try rows(whole.anyStatus, parameters: [:]).first ?? [], 0) > 0 else { return none }
        var statusesStored = true
        if segment != nil { statusesStored = try integer(try rows(queries.anyStatus, parameters: [:]).first ?? [], 0) > 0 }
        let values = try periodValues(periods.map { $0.instants(in: calendar) }, calendar: calendar, businessHours: nil)
        var daily = periods.map { Array(repeating: DeliveryCounts(), count: $0.dayCount) }
        var byType = Array(repeating: Array(repeating: DeliveryCounts(), count: AuthorType.allCases.count), count: periods.count)
        let states: [DeliveryState] = [.read, .delivered, .failed, .sent, .noStatus]
        for row in try rows(queries.periodDeliveryCounts, parameters: values) {
            let i = try periodIndex(row, periods.count)
            let index = Int(try integer(row, 1) - periods[i].from.dayNumber)
            let typeText = try text(row, 2)
            guard daily[i].indices.contains(index),
                let type = AuthorType.allCases.firstIndex(where: { $0.rawValue == typeText }),
                let state = states.indices.contains(Int(try integer(row, 3))) ? states[Int(try integer(row, 3))] : nil
            else { throw .badValue("a delivery count outside the period or of an unknown author type or state") }
            let count = Int(try integer(row, 4))
            daily[i][index].add(state, count: count)
            byType[i][type].add(state, count: count)
        }
        // Reached users of each period and of its previous one, in one query.
        let reachedPeriods = unique(periods.flatMap { [TrendPeriod($0), TrendPeriod($0.previous)] })
        var reached = Array(repeating: (users: 0, read: 0), count: reachedPeriods.list.count)
        let reachedValues = try periodValues(
            reachedPeriods.list.map { $0.instants(in: calendar) }, calendar: calendar, businessHours: nil)
        for row in try rows(queries.periodReachedUsers, parameters: reachedValues) {
            reached[try periodIndex(row, reached.count)] = (Int(try integer(row, 1)), Int(try integer(row, 2)))
        }
        var middle = Array(repeating: [Double](), count: periods.count)
        for row in try rows(queries.periodMiddleReadDelays, parameters: values) {
            middle[try periodIndex(row, periods.count)].append(Double(try integer(row, 1)) / 60_000_000)
        }
        var raw = Array(repeating: [(error: String?, count: Int)](), count: periods.count)
        for row in try rows(queries.periodFailures, parameters: values) {
            raw[try periodIndex(row, periods.count)].append((optionalText(row, 1), Int(try integer(row, 2))))
        }
        return periods.enumerated().map { i, period in
            let own = reached[reachedPeriods.position[TrendPeriod(period)] ?? 0]
            let before = reached[reachedPeriods.position[TrendPeriod(period.previous)] ?? 0]
            let aggregate = DeliveryAggregate(
                daily: daily[i], byAuthorType: byType[i], reachedUsers: own.users, readMessages: own.read,
                middleReadMinutes: middle[i], failures: DeliveryAggregate.failures(byRawError: raw[i]))
            return (aggregate, statusesStored ? before.users : nil, statusesStored)
        }
    }
}
