import InsightsMetrics

/// The response-time templates grouped by period (`WarehouseQueries+Periods`): the summary
/// trend's medians of all its periods in one query, and an archive's months' response times.
extension WarehouseQueries {
    private func r(_ name: String) -> String { dialect.identifier(name) }

    /// The business-hours ranges as a table `b` (i: the period's index, start_us, end_us),
    /// from the integer array parameters `business_period`, `business_start`, `business_end`
    /// (`WarehouseSource.periodBusinessParameters`: every period has at least one row, a
    /// `(0, 0)` range for none, so that an answered wait inside none is 0, not absent).
    private var businessTable: String {
        dialect.arrayTable(
            "b",
            [
                ("i", "business_period", .integer), ("start_us", "business_start", .integer),
                ("end_us", "business_end", .integer),
            ])
    }

    /// `waits` of `WarehouseQueries+ResponseTimes`, per period: the conversations opened by an
    /// inbound message in the period (`opened`: i, contact, opened_at, answered) and the wait
    /// of each answered one (`waits`: i, contact, opened_at, author_id, group_name, wait), the
    /// timeline of each contact's openings and coach messages partitioned by period too.
    private func periodWaits(business: Bool) -> String {
        let micros = dialect.epochMicroseconds
        let wait: String
        let join: String
        let group: String
        if business {
            wait =
                "SUM(GREATEST(0, LEAST(\(micros("o.sent_at")), b.end_us) - GREATEST(\(micros("o.opened_at")), b.start_us)))"
            join = "\n  JOIN \(businessTable) ON b.i = o.i"
            group = "\n  GROUP BY o.i, o.contact, o.opened_at, o.author_id, o.group_name"
        } else {
            wait = "\(micros("o.sent_at")) - \(micros("o.opened_at"))"
            join = ""
            group = ""
        }
        let first = { (column: String) in
            "MAX(CASE WHEN g.kind = 1 THEN g.\(column) END) OVER (PARTITION BY g.i, g.contact, g.before)"
        }
        return """
            \(liveSpans),
            periods AS (SELECT * FROM \(dialect.periodTable("pt"))),
            timeline AS (
              SELECT p.i, v.contact, v.opened_at AS moment, 0 AS kind, CASE WHEN v.closed_at < p.hi THEN v.closed_at END AS closed_at,
                NULL AS message_id, NULL AS author_id, NULL AS group_name
              FROM live v CROSS JOIN periods p WHERE v.by_event = 0 AND v.opened_at >= p.lo AND v.opened_at < p.hi
              UNION ALL
              SELECT p.i, k.contact, k.sent_at, 1, NULL, k.message_id, k.author_id, k.group_name
              FROM (
                \(spanCoachMessages)
              ) k CROSS JOIN periods p
              WHERE k.sent_at >= p.lo AND k.sent_at < p.hi
            ),
            grouped AS (
              SELECT t.i, t.contact, t.moment, t.kind, t.closed_at, t.author_id, t.group_name,
                COALESCE(SUM(t.kind) OVER (
                  PARTITION BY t.i, t.contact ORDER BY t.moment, t.kind, \(dialect.byCodePoint("t.message_id"))
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
                ), 0) AS before
              FROM timeline t
            ),
            firsts AS (
              SELECT g.i, g.contact, g.kind, g.moment AS opened_at, g.closed_at, \(first("moment")) AS sent_at,
                \(first("author_id")) AS author_id, \(first("group_name")) AS group_name
              FROM grouped g
            ),
            opened AS (
              SELECT f.i, f.contact, f.opened_at, f.sent_at, f.author_id, f.group_name,
                CASE WHEN f.sent_at IS NOT NULL AND (f.closed_at IS NULL OR f.sent_at <= f.closed_at) THEN 1 ELSE 0 END AS answered
              FROM firsts f WHERE f.kind = 0
            ),
            waits AS (
              SELECT o.i, o.contact, o.opened_at, o.author_id, o.group_name, \(wait) AS wait
              FROM opened o\(join)
              WHERE o.answered = 1\(group)
            )
            """
    }

    /// The `coach` outbound messages of the span `[from, to)`.
    private var spanCoachMessages: String {
        """
        SELECT m.\(r("contact_id")) AS contact, m.\(r("timestamp")) AS sent_at, m.\(r("message_id")) AS message_id,
            m.\(r("author_id")) AS author_id, CASE WHEN m.\(r("author_id")) IS NULL THEN m.\(r("author_name")) END AS group_name
          FROM \(table("messages")) m
          WHERE m.\(r("direction")) = 'outbound' AND m.\(r("author_type")) = 'coach'
            AND m.\(r("timestamp")) >= \(dialect.timestampParameter("from")) AND m.\(r("timestamp")) < \(dialect.timestampParameter("to"))
        """
    }

    /// Per period: rank, count and wait of the middle one or two waits and of the
    /// nearest-rank 90th percentile, by period and rank (`responseTimeMiddleWaits`). The
    /// summary trend's medians of all its periods come from this one query.
    public func periodMiddleWaits(business: Bool) -> String {
        let divide = dialect.integerDivision
        return """
            \(periodWaits(business: business))
            SELECT r.i, r.nth, r.total, r.wait
            FROM (
              SELECT w.i, w.wait, ROW_NUMBER() OVER (PARTITION BY w.i ORDER BY w.wait) AS nth,
                COUNT(*) OVER (PARTITION BY w.i) AS total
              FROM waits w
            ) r
            WHERE r.nth BETWEEN \(divide("r.total + 1", "2")) AND \(divide("r.total", "2")) + 1
              OR r.nth = \(divide("9 * r.total + 9", "10"))
            ORDER BY r.i, r.nth
            """
    }

    /// Per period: conversations opened by users, answered ones, and the answered ones per
    /// bucket (`responseTimeCounts`).
    public func periodResponseTimeCounts(business: Bool) -> String {
        let bounds: [Int64] = [5, 15, 60, 240, 1_440].map { $0 * 60_000_000 }
        var buckets = ["COUNT(CASE WHEN w.wait < \(bounds[0]) THEN 1 END) AS b0"]
        for index in 1..<bounds.count {
            buckets.append(
                "COUNT(CASE WHEN w.wait >= \(bounds[index - 1]) AND w.wait < \(bounds[index]) THEN 1 END) AS b\(index)")
        }
        buckets.append("COUNT(CASE WHEN w.wait >= \(bounds[bounds.count - 1]) THEN 1 END) AS b\(bounds.count)")
        return """
            \(periodWaits(business: business))
            SELECT n.i, n.opened, a.answered, a.b0, a.b1, a.b2, a.b3, a.b4, a.b5
            FROM (SELECT o.i, COUNT(*) AS opened FROM opened o GROUP BY o.i) n
            LEFT JOIN (
              SELECT w.i, COUNT(*) AS answered,
                \(buckets.joined(separator: ",\n    "))
              FROM waits w
              GROUP BY w.i
            ) a ON a.i = n.i
            """
    }

    /// Per period and responding coach (author_id, group_name): their first responses and
    /// the one or two middle waits of those (`coachMiddleWaits`).
    public func periodCoachMiddleWaits(business: Bool) -> String {
        let divide = dialect.integerDivision
        return """
            \(periodWaits(business: business))
            SELECT r.i, r.author_id, r.group_name, r.total, r.wait
            FROM (
              SELECT w.i, w.author_id, w.group_name, w.wait,
                ROW_NUMBER() OVER (PARTITION BY w.i, w.author_id, w.group_name ORDER BY w.wait) AS nth,
                COUNT(*) OVER (PARTITION BY w.i, w.author_id, w.group_name) AS total
              FROM waits w
            ) r
            WHERE r.nth BETWEEN \(divide("r.total + 1", "2")) AND \(divide("r.total", "2")) + 1
            ORDER BY r.i, r.nth
            """
    }

    /// Per period and coach author (author_id, group_name) with a message in it: messages and
    /// distinct contacts written to (`coachReplies`).
    public var periodCoachReplies: String {
        """
        WITH periods AS (SELECT * FROM \(dialect.periodTable("pt")))
        SELECT p.i, k.author_id, k.group_name, COUNT(*), COUNT(DISTINCT k.contact)
        FROM (
          \(spanCoachMessages)
        ) k CROSS JOIN periods p
        WHERE k.sent_at >= p.lo AND k.sent_at < p.hi
        GROUP BY p.i, k.author_id, k.group_name
        """
    }

    /// Per period and actor id: the period's `closed` events that closed an open
    /// conversation (`coachCloses`), the marks of each period partitioned apart.
    public var periodCoachCloses: String {
        let seq =
            eventsHaveSeq
            ? "CASE WHEN e.\(r("seq")) IS NULL THEN 1 ELSE 0 END AS k1, COALESCE(e.\(r("seq")), 0) AS k2" : "0 AS k1, 0 AS k2"
        return """
            \(liveSpans),
            periods AS (SELECT * FROM \(dialect.periodTable("pt"))),
            marks AS (
              SELECT p.i, v.contact, v.closed_at AS moment, 1 AS ended, 0 AS is_close, NULL AS actor_id, 0 AS k1, 0 AS k2
              FROM live v CROSS JOIN periods p WHERE v.closed_at >= p.lo AND v.closed_at < p.hi
              UNION ALL
              SELECT p.i, e.\(r("contact_id")), e.\(r("timestamp")), 0, 1, e.\(r("actor_id")), \(seq)
              FROM \(table("conversation_events")) e CROSS JOIN periods p
              WHERE e.\(r("event")) = 'closed' AND e.\(r("timestamp")) >= \(dialect.timestampParameter("from"))
                AND e.\(r("timestamp")) < \(dialect.timestampParameter("to")) AND e.\(r("timestamp")) >= p.lo AND e.\(r("timestamp")) < p.hi
            ),
            ranked AS (
              SELECT m.i, m.actor_id, m.is_close, SUM(m.ended) OVER (PARTITION BY m.i, m.contact, m.moment) AS spans,
                ROW_NUMBER() OVER (
                  PARTITION BY m.i, m.contact, m.moment ORDER BY m.is_close DESC, m.k1, m.k2, \(dialect.byCodePoint("m.actor_id"))
                ) AS nth
              FROM marks m
            )
            SELECT r.i, r.actor_id, COUNT(*)
            FROM ranked r
            WHERE r.is_close = 1 AND r.nth <= r.spans AND r.actor_id IS NOT NULL
            GROUP BY r.i, r.actor_id
            """
    }
}
