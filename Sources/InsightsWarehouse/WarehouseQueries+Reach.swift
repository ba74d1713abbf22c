import InsightsMetrics

extension WarehouseQueries {
    /// The period's outbound messages with their furthest status at any time (rank 0 read,
    /// 1 delivered, 2 failed, 3 sent, 4 none) and their earliest `read` instant.
    private var deliveries: String {
        let c = dialect.identifier
        let rank = """
            MIN(CASE s.\(c("status")) WHEN 'read' THEN 0 WHEN 'delivered' THEN 1 WHEN 'failed' THEN 2 WHEN 'sent' THEN 3 END)
            """
        return """
            WITH outbound AS (
              SELECT m.\(c("message_id")) AS message_id, m.\(c("contact_id")) AS contact, m.\(c("timestamp")) AS sent_at,
                m.\(c("author_type")) AS author_type
              FROM \(table("messages")) m
              WHERE m.\(c("direction")) = 'outbound' AND m.\(c("timestamp")) >= \(dialect.timestampParameter("from"))
                AND m.\(c("timestamp")) < \(dialect.timestampParameter("to"))
            ),
            states AS (
              SELECT s.\(c("message_id")) AS message_id, \(rank) AS \(c("rank")),
                MIN(CASE WHEN s.\(c("status")) = 'read' THEN s.\(c("timestamp")) END) AS first_read
              FROM \(table("message_statuses")) s
              WHERE s.\(c("message_id")) IN (SELECT o.message_id FROM outbound o)
              GROUP BY s.\(c("message_id"))
            ),
            deliveries AS (
              SELECT o.message_id, o.contact, o.sent_at, o.author_type, COALESCE(t.\(c("rank")), 4) AS state, t.first_read
              FROM outbound o LEFT JOIN states t ON t.message_id = o.message_id
            )
            """
    }

    /// Per local day, author type and state: outbound messages.
    public var deliveryCounts: String {
        """
        \(deliveries)
        SELECT g.day, g.author_type, g.state, COUNT(*)
        FROM (SELECT \(dialect.localDayNumber("d.sent_at")) AS day, d.author_type, d.state FROM deliveries d) g
        GROUP BY g.day, g.author_type, g.state
        """
    }

    /// One row: distinct contacts with a delivered or read message, and read messages.
    public var reachedUsers: String {
        """
        \(deliveries)
        SELECT COUNT(DISTINCT CASE WHEN d.state <= 1 THEN d.contact END), COUNT(CASE WHEN d.state = 0 THEN 1 END)
        FROM deliveries d
        """
    }

    /// The one or two middle delays (microseconds, negatives as 0, ascending) from a read
    /// message to its earliest `read` status.
    public var middleReadDelays: String {
        let micros = dialect.epochMicroseconds
        return """
            \(deliveries)
            SELECT r.delay
            FROM (
              SELECT e.delay, ROW_NUMBER() OVER (ORDER BY e.delay) AS nth, COUNT(*) OVER () AS total
              FROM (SELECT GREATEST(0, \(micros("d.first_read")) - \(micros("d.sent_at"))) AS delay FROM deliveries d WHERE d.state = 0) e
            ) r
            WHERE r.nth BETWEEN \(dialect.integerDivision("r.total + 1", "2")) AND \(dialect.integerDivision("r.total", "2")) + 1
            ORDER BY r.delay
            """
    }

    /// Failed messages per raw error of their newest `failed` status (by instant, then error
    /// by code point, no error as empty): Insights trims and merges the labels.
    public var failures: String {
        let c = dialect.identifier
        let error = "COALESCE(s.\(c("error")), '')"
        return """
            \(deliveries)
            SELECT n.error, COUNT(*)
            FROM (
              SELECT s.\(c("error")) AS error,
                ROW_NUMBER() OVER (
                  PARTITION BY s.\(c("message_id")) ORDER BY s.\(c("timestamp")) DESC, \(dialect.byCodePoint(error)) DESC
                ) AS newest
              FROM \(table("message_statuses")) s
              WHERE s.\(c("status")) = 'failed' AND s.\(c("message_id")) IN (SELECT d.message_id FROM deliveries d WHERE d.state = 2)
            ) n
            WHERE n.newest = 1
            GROUP BY n.error
            """
    }

    /// One row: 1 when any message status is stored.
    public var anyStatus: String {
        "SELECT COUNT(*) FROM (SELECT 1 AS one FROM \(table("message_statuses")) s LIMIT 1) x"
    }
}

extension WarehouseSource {
    /// The reach block's inputs: the period's delivery aggregate (nil when no status is
    /// stored at all), the previous period's reached users and whether statuses are stored.
    public func delivery(
        period: ReportPeriod, calendar: ReportCalendar
    ) throws(WarehouseError) -> (delivery: DeliveryAggregate?, previousReachedUsers: Int?, statusesStored: Bool) {
        let tables = try tables()
        guard tables.has("messages"), tables.has("message_statuses") else { return (nil, nil, false) }
        let queries = queries(tables)
        // Any status at all reads the delivery states (all `no_status` for a segment without
        // any); under a segment, `reached_users` is null unless its own messages have one.
        var whole = queries
        whole.segment = nil
        guard try integer(try rows(whole.anyStatus, parameters: [:]).first ?? [], 0) > 0 else {
            return (nil, nil, false)
        }
        var statusesStored = true
        if segment != nil { statusesStored = try integer(try rows(queries.anyStatus, parameters: [:]).first ?? [], 0) > 0 }
        let range = period.instants(in: calendar)
        let values: [String: WarehouseParameter] = [
            "from": .timestamp(range.lowerBound), "to": .timestamp(range.upperBound), "zone": .string(calendar.identifier),
        ]
        var daily = Array(repeating: DeliveryCounts(), count: period.dayCount)
        var byType = Array(repeating: DeliveryCounts(), count: AuthorType.allCases.count)
        let states: [DeliveryState] = [.read, .delivered, .failed, .sent, .noStatus]
        for row in try rows(queries.deliveryCounts, parameters: values) {
            let index = Int(try integer(row, 0) - period.from.dayNumber)
            let typeText = try text(row, 1)
            guard daily.indices.contains(index), let type = AuthorType.allCases.firstIndex(where: { $0.rawValue == typeText }),
                let state = states.indices.contains(Int(try integer(row, 2))) ? states[Int(try integer(row, 2))] : nil
            else { throw .badValue("a delivery count outside the period or of an unknown author type or state") }
            let count = Int(try integer(row, 3))
            daily[index].add(state, count: count)
            byType[type].add(state, count: count)
        }
        let reached = try rows(queries.reachedUsers, parameters: values).first ?? []
        let middle = try rows(queries.middleReadDelays, parameters: values).map { row throws(WarehouseError) in
            Double(try integer(row, 0)) / 60_000_000
        }
        var raw: [(error: String?, count: Int)] = []
        for row in try rows(queries.failures, parameters: values) {
            raw.append((optionalText(row, 0), Int(try integer(row, 1))))
        }
        let aggregate = DeliveryAggregate(
            daily: daily, byAuthorType: byType, reachedUsers: Int(try integer(reached, 0)),
            readMessages: Int(try integer(reached, 1)),
            middleReadMinutes: middle, failures: DeliveryAggregate.failures(byRawError: raw))
        let previousRange = period.previous.instants(in: calendar)
        let previous =
            try rows(
                queries.reachedUsers,
                parameters: ["from": .timestamp(previousRange.lowerBound), "to": .timestamp(previousRange.upperBound)]
            ).first ?? []
        return (aggregate, statusesStored ? Int(try integer(previous, 0)) : nil, statusesStored)
    }
}
