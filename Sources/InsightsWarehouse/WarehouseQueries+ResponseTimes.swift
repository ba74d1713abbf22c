import InsightsMetrics

extension WarehouseQueries {
    /// The conversations opened by an inbound message in the period (`opened`: contact,
    /// opened_at, answered 1/0) and the wait of each answered one (`waits`: contact,
    /// opened_at, the responder's author_id and group_name, wait in microseconds), after the
    /// conversation replay (`liveSpans`).
    ///
    /// A conversation's first coach response is the first `coach` outbound message of the
    /// period to its contact at or after the opening (by instant, then `message_id` by code
    /// point), if it is at or before the close. Found without a join (a planner that guesses
    /// few conversations would loop over the messages for each): the openings and the
    /// messages of a contact in one timeline, messages after openings at one instant; each
    /// row counts the messages before it (`before`), so an opening shares its `before` with
    /// exactly the first message after it. Without business hours (`business` nil) the wait
    /// is the difference; with them, the sum of its overlaps with the UTC ranges of the
    /// period that lie inside business hours (`BusinessClock.intervals`, worked out by
    /// Insights and written into the query as integer microseconds).
    private func waits(business: [Range<Instant>]?) -> String {
        let micros = dialect.epochMicroseconds
        let wait: String
        let join: String
        let group: String
        if let business {
            wait =
                "SUM(GREATEST(0, LEAST(\(micros("o.sent_at")), b.end_us) - GREATEST(\(micros("o.opened_at")), b.start_us)))"
            join = "\n  CROSS JOIN " + dialect.integerPairs(business.map { ($0.lowerBound, $0.upperBound) }, alias: "b")
            group = "\n  GROUP BY o.contact, o.opened_at, o.author_id, o.group_name"
        } else {
            wait = "\(micros("o.sent_at")) - \(micros("o.opened_at"))"
            join = ""
            group = ""
        }
        let first = { (column: String) in
            "MAX(CASE WHEN g.kind = 1 THEN g.\(column) END) OVER (PARTITION BY g.contact, g.before)"
        }
        return """
            \(liveSpans),
            timeline AS (
              SELECT v.contact, v.opened_at AS moment, 0 AS kind, v.closed_at, NULL AS message_id, NULL AS author_id,
                NULL AS group_name
              FROM live v WHERE v.by_event = 0 AND v.opened_at >= \(dialect.timestampParameter("from"))
              UNION ALL
              SELECT k.contact, k.sent_at, 1, NULL, k.message_id, k.author_id, k.group_name
              FROM (
                \(coachMessages)
              ) k
            ),
            grouped AS (
              SELECT t.contact, t.moment, t.kind, t.closed_at, t.author_id, t.group_name,
                COALESCE(SUM(t.kind) OVER (
                  PARTITION BY t.contact ORDER BY t.moment, t.kind, \(dialect.byCodePoint("t.message_id"))
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
                ), 0) AS before
              FROM timeline t
            ),
            firsts AS (
              SELECT g.contact, g.kind, g.moment AS opened_at, g.closed_at, \(first("moment")) AS sent_at,
                \(first("author_id")) AS author_id, \(first("group_name")) AS group_name
              FROM grouped g
            ),
            opened AS (
              SELECT f.contact, f.opened_at, f.sent_at, f.author_id, f.group_name,
                CASE WHEN f.sent_at IS NOT NULL AND (f.closed_at IS NULL OR f.sent_at <= f.closed_at) THEN 1 ELSE 0 END AS answered
              FROM firsts f WHERE f.kind = 0
            ),
            waits AS (
              SELECT o.contact, o.opened_at, o.author_id, o.group_name, \(wait) AS wait
              FROM opened o\(join)
              WHERE o.answered = 1\(group)
            )
            """
    }

    /// The period's `coach` outbound messages: contact, sent_at, message_id, author_id and the
    /// name that groups messages without an id.
    private var coachMessages: String {
        let c = dialect.identifier
        let from = dialect.timestampParameter("from")
        let to = dialect.timestampParameter("to")
        return """
            SELECT m.\(c("contact_id")) AS contact, m.\(c("timestamp")) AS sent_at, m.\(c("message_id")) AS message_id,
                m.\(c("author_id")) AS author_id, CASE WHEN m.\(c("author_id")) IS NULL THEN m.\(c("author_name")) END AS group_name
              FROM \(table("messages")) m
              WHERE m.\(c("direction")) = 'outbound' AND m.\(c("author_type")) = 'coach'
                AND m.\(c("timestamp")) >= \(from) AND m.\(c("timestamp")) < \(to)
            """
    }

    /// One row: conversations opened by users, answered ones, and the answered ones per
    /// bucket (< 5 min, 5–15 min, 15–60 min, 1–4 h, 4–24 h, ≥ 24 h; lower bounds inclusive,
    /// as `ResponseTimeBucket` has them).
    public func responseTimeCounts(business: [Range<Instant>]?) -> String {
        let bounds: [Int64] = [5, 15, 60, 240, 1_440].map { $0 * 60_000_000 }
        var buckets = ["COUNT(CASE WHEN w.wait < \(bounds[0]) THEN 1 END) AS b0"]
        for index in 1..<bounds.count {
            buckets.append(
                "COUNT(CASE WHEN w.wait >= \(bounds[index - 1]) AND w.wait < \(bounds[index]) THEN 1 END) AS b\(index)")
        }
        buckets.append("COUNT(CASE WHEN w.wait >= \(bounds[bounds.count - 1]) THEN 1 END) AS b\(bounds.count)")
        return """
            \(waits(business: business))
            SELECT n.opened, a.answered, a.b0, a.b1, a.b2, a.b3, a.b4, a.b5
            FROM (SELECT COUNT(*) AS opened FROM opened o) n
            CROSS JOIN (
              SELECT COUNT(*) AS answered,
                \(buckets.joined(separator: ",\n    "))
              FROM waits w
            ) a
            """
    }

    /// Rank, count and wait of the answered conversations' middle one or two waits (ranks
    /// ⌊(n+1)/2⌋ … ⌊n/2⌋+1) and of the nearest-rank 90th percentile (rank ⌈0.9·n⌉), by rank.
    public func responseTimeMiddleWaits(business: [Range<Instant>]?) -> String {
        let divide = dialect.integerDivision
        return """
            \(waits(business: business))
            SELECT r.nth, r.total, r.wait
            FROM (
              SELECT w.wait, ROW_NUMBER() OVER (ORDER BY w.wait) AS nth, COUNT(*) OVER () AS total FROM waits w
            ) r
            WHERE r.nth BETWEEN \(divide("r.total + 1", "2")) AND \(divide("r.total", "2")) + 1
              OR r.nth = \(divide("9 * r.total + 9", "10"))
            ORDER BY r.nth
            """
    }

    /// Per responding coach (author_id, group_name): their first responses and the one or
    /// two middle waits of those, by rank.
    public func coachMiddleWaits(business: [Range<Instant>]?) -> String {
        let divide = dialect.integerDivision
        return """
            \(waits(business: business))
            SELECT r.author_id, r.group_name, r.total, r.wait
            FROM (
              SELECT w.author_id, w.group_name, w.wait,
                ROW_NUMBER() OVER (PARTITION BY w.author_id, w.group_name ORDER BY w.wait) AS nth,
                COUNT(*) OVER (PARTITION BY w.author_id, w.group_name) AS total
              FROM waits w
            ) r
            WHERE r.nth BETWEEN \(divide("r.total + 1", "2")) AND \(divide("r.total", "2")) + 1
            ORDER BY r.nth
            """
    }

    /// Per coach author (author_id, group_name) with a message in the period: messages and
    /// distinct contacts written to.
    public var coachReplies: String {
        """
        SELECT k.author_id, k.group_name, COUNT(*), COUNT(DISTINCT k.contact)
        FROM (
          \(coachMessages)
        ) k
        GROUP BY k.author_id, k.group_name
        """
    }

    /// Per actor id: the period's `closed` events that closed an open conversation. At each
    /// contact and instant, the first k closes in replay order (by `seq`; ties by actor id),
    /// where k spans of the contact closed then, as the SQLite path counts them; without a
    /// join, as `waits` (the spans' ends and the closes at one instant in one partition).
    public var coachCloses: String {
        let c = dialect.identifier
        let seq =
            eventsHaveSeq
            ? "CASE WHEN e.\(c("seq")) IS NULL THEN 1 ELSE 0 END AS k1, COALESCE(e.\(c("seq")), 0) AS k2" : "0 AS k1, 0 AS k2"
        return """
            \(liveSpans),
            marks AS (
              SELECT v.contact, v.closed_at AS moment, 1 AS ended, 0 AS is_close, NULL AS actor_id, 0 AS k1, 0 AS k2
              FROM live v WHERE v.closed_at IS NOT NULL
              UNION ALL
              SELECT e.\(c("contact_id")), e.\(c("timestamp")), 0, 1, e.\(c("actor_id")), \(seq)
              FROM \(table("conversation_events")) e
              WHERE e.\(c("event")) = 'closed' AND e.\(c("timestamp")) >= \(dialect.timestampParameter("from"))
                AND e.\(c("timestamp")) < \(dialect.timestampParameter("to"))
            ),
            ranked AS (
              SELECT m.actor_id, m.is_close, SUM(m.ended) OVER (PARTITION BY m.contact, m.moment) AS spans,
                ROW_NUMBER() OVER (
                  PARTITION BY m.contact, m.moment ORDER BY m.is_close DESC, m.k1, m.k2, \(dialect.byCodePoint("m.actor_id"))
                ) AS nth
              FROM marks m
            )
            SELECT r.actor_id, COUNT(*)
            FROM ranked r
            WHERE r.is_close = 1 AND r.nth <= r.spans AND r.actor_id IS NOT NULL
            GROUP BY r.actor_id
            """
    }
}
