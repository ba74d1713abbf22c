extension WarehouseQueries {
    /// The conversation replay as window functions, up to the end of the period: every
    /// inbound message and conversation event is a step (by instant; inbound messages first
    /// at an instant, then events by `seq`); a step changes the state when it opens a closed
    /// conversation or closes an open one, so the state after a step is whether it opens, and
    /// a transition is a step whose `opens` differs from the step before (none before:
    /// closed). Transitions alternate open, close, …: an open's span ends at the next
    /// transition, and it is a reopen unless it is the contact's first.
    ///
    /// `live` holds the spans that overlap the period or are open at its end (contact,
    /// opened_at, closed_at NULL when not closed before `to`, nth > 1 for reopens, by_event 0
    /// when an inbound message opened it, 1 for an event).
    var liveSpans: String {
        let c = dialect.identifier
        var parts: [String] = []
        if hasMessages {
            parts.append(
                """
                SELECT m.\(c("contact_id")) AS contact, m.\(c("timestamp")) AS step_at, 0 AS k0, 0 AS k1, 0 AS k2, 0 AS k3, 1 AS opens
                  FROM \(table("messages")) m
                  WHERE m.\(c("direction")) = 'inbound' AND m.\(c("timestamp")) < \(dialect.timestampParameter("to"))
                """)
        }
        if hasConversationEvents {
            let closed = "CASE WHEN e.\(c("event")) = 'closed' THEN 0 ELSE 1 END"
            let seq =
                eventsHaveSeq
                ? "CASE WHEN e.\(c("seq")) IS NULL THEN 1 ELSE 0 END AS k1, COALESCE(e.\(c("seq")), 0) AS k2" : "1 AS k1, 0 AS k2"
            parts.append(
                """
                SELECT e.\(c("contact_id")) AS contact, e.\(c("timestamp")) AS step_at, 1 AS k0, \(seq), \(closed) AS k3, \(closed) AS opens
                  FROM \(table("conversation_events")) e WHERE e.\(c("timestamp")) < \(dialect.timestampParameter("to"))
                """)
        }
        let steps = parts.joined(separator: "\n  UNION ALL\n  ")
        return """
            WITH steps AS (
              \(steps)
            ),
            changes AS (
              SELECT s.contact, s.step_at, s.k0, s.k1, s.k2, s.k3, s.opens,
                LAG(s.opens) OVER (PARTITION BY s.contact ORDER BY s.step_at, s.k0, s.k1, s.k2, s.k3) AS before
              FROM steps s
            ),
            transitions AS (
              SELECT t.contact, t.step_at, t.k0, t.k1, t.k2, t.k3, t.opens FROM changes t WHERE t.opens <> COALESCE(t.before, 0)
            ),
            spans AS (
              SELECT p.contact, p.opens, p.step_at AS opened_at,
                LEAD(p.step_at) OVER (PARTITION BY p.contact ORDER BY p.step_at, p.k0, p.k1, p.k2, p.k3) AS closed_at,
                ROW_NUMBER() OVER (PARTITION BY p.contact ORDER BY p.step_at, p.k0, p.k1, p.k2, p.k3) AS nth, p.k0 AS by_event
              FROM transitions p
            ),
            live AS (
              SELECT l.contact, l.opened_at, l.closed_at, l.nth, l.by_event FROM spans l
              WHERE l.opens = 1 AND (l.closed_at IS NULL OR l.closed_at >= \(dialect.timestampParameter("from")))
            )
            """
    }

    /// One row: active conversations, open at the end, opened, reopened, closed.
    public var conversationCounts: String {
        let from = dialect.timestampParameter("from")
        return """
            \(liveSpans)
            SELECT COUNT(DISTINCT v.contact),
              COUNT(CASE WHEN v.closed_at IS NULL THEN 1 END),
              COUNT(CASE WHEN v.opened_at >= \(from) THEN 1 END),
              COUNT(CASE WHEN v.opened_at >= \(from) AND v.nth > 1 THEN 1 END),
              COUNT(CASE WHEN v.closed_at IS NOT NULL THEN 1 END)
            FROM live v
            """
    }

    /// The one or two middle durations (microseconds, ascending) of the period's closes.
    public var conversationMiddleDurations: String {
        let micros = dialect.epochMicroseconds
        return """
            \(liveSpans)
            SELECT r.duration
            FROM (
              SELECT d.duration, ROW_NUMBER() OVER (ORDER BY d.duration) AS nth, COUNT(*) OVER () AS total
              FROM (SELECT \(micros("v.closed_at")) - \(micros("v.opened_at")) AS duration FROM live v WHERE v.closed_at IS NOT NULL) d
            ) r
            WHERE r.nth BETWEEN \(dialect.integerDivision("r.total + 1", "2")) AND \(dialect.integerDivision("r.total", "2")) + 1
            ORDER BY r.duration
            """
    }
}
