import InsightsMetrics

/// The grouped templates: each computes one aggregate of MANY periods at once, grouped by the
/// period's index `i` over the periods relation (`SQLDialect.periodTable`, the periods' UTC
/// bounds sent as array parameters by Insights, `from`/`to` their span). An archive of N
/// months sends about as many queries as one report, not N times as many
/// (`WarehouseSource.periodAggregates(periods:…)`).
///
/// Each returns, per period, the rows the one-period template of the same name returns for
/// that period alone, with `i` first; a period without any row is absent (zeros). Periods
/// may overlap (a month and the previous period of the next one): a row counts in each.
extension WarehouseQueries {
    private func g(_ name: String) -> String { dialect.identifier(name) }
    private var spanFrom: String { dialect.timestampParameter("from") }
    private var spanTo: String { dialect.timestampParameter("to") }

    /// `alias.column` within the span and within the period `p`.
    private func inPeriod(_ alias: String, _ column: String) -> String {
        let value = "\(alias).\(column)"
        return "\(value) >= \(spanFrom) AND \(value) < \(spanTo) AND \(value) >= p.lo AND \(value) < p.hi"
    }

    /// The periods as a common table expression named `periods`.
    private var periodsCTE: String { "periods AS (SELECT * FROM \(dialect.periodTable("pt")))" }

    /// Per period and local day: day number, received, sent, distinct contacts with an
    /// inbound message (`messagesPerDay`).
    public var periodMessagesPerDay: String {
        """
        WITH \(periodsCTE)
        SELECT d.i, d.day, SUM(d.inbound), SUM(1 - d.inbound), COUNT(DISTINCT CASE WHEN d.inbound = 1 THEN d.contact END)
        FROM (
          SELECT p.i AS i, \(dialect.localDayNumber("m.\(g("timestamp"))")) AS day,
            CASE WHEN m.\(g("direction")) = 'inbound' THEN 1 ELSE 0 END AS inbound, m.\(g("contact_id")) AS contact
          FROM \(table("messages")) m CROSS JOIN periods p WHERE \(inPeriod("m", g("timestamp")))
        ) d
        GROUP BY d.i, d.day ORDER BY d.i, d.day
        """
    }

    /// Per period: received messages per local weekday (Monday = 0) and hour (`heatmap`).
    public var periodHeatmap: String {
        """
        WITH \(periodsCTE)
        SELECT h.i, h.weekday, h.hour, COUNT(*)
        FROM (
          SELECT p.i AS i, \(dialect.localWeekdayFromMonday("m.\(g("timestamp"))")) AS weekday,
            \(dialect.localHour("m.\(g("timestamp"))")) AS hour
          FROM \(table("messages")) m CROSS JOIN periods p
          WHERE m.\(g("direction")) = 'inbound' AND \(inPeriod("m", g("timestamp")))
        ) h
        GROUP BY h.i, h.weekday, h.hour
        """
    }

    /// Per period: sent messages per author type, id and the name that groups messages
    /// without an id (`authors`).
    public var periodAuthors: String {
        """
        WITH \(periodsCTE)
        SELECT a.i, a.author_type, a.author_id, a.group_name, COUNT(*)
        FROM (
          SELECT p.i AS i, m.\(g("author_type")) AS author_type, m.\(g("author_id")) AS author_id,
            CASE WHEN m.\(g("author_id")) IS NULL THEN m.\(g("author_name")) END AS group_name
          FROM \(table("messages")) m CROSS JOIN periods p
          WHERE m.\(g("direction")) = 'outbound' AND \(inPeriod("m", g("timestamp")))
        ) a
        GROUP BY a.i, a.author_type, a.author_id, a.group_name
        """
    }

    /// Per period and local day: contacts whose first inbound message ever lies on it
    /// (`newUsersPerDay`; a period's new users are the sum of its days).
    public var periodNewUsersPerDay: String {
        """
        WITH \(periodsCTE)
        SELECT n.i, n.day, COUNT(*)
        FROM (
          SELECT p.i AS i, \(dialect.localDayNumber("f.first_at")) AS day
          FROM (
            SELECT m.\(g("contact_id")) AS contact, MIN(m.\(g("timestamp"))) AS first_at
            FROM \(table("messages")) m WHERE m.\(g("direction")) = 'inbound' GROUP BY m.\(g("contact_id"))
          ) f CROSS JOIN periods p
          WHERE \(inPeriod("f", "first_at"))
        ) n
        GROUP BY n.i, n.day
        """
    }

    /// Per period, goal, event and (for `actioned`) behaviour: distinct contacts and events
    /// (`goalCounts`).
    public var periodGoalCounts: String {
        """
        WITH \(periodsCTE)
        SELECT e.i, e.goal_id, e.event, e.behaviour_id, COUNT(DISTINCT e.contact), COUNT(*)
        FROM (
          SELECT p.i AS i, x.\(g("goal_id")) AS goal_id, x.\(g("event")) AS event,
            CASE WHEN x.\(g("event")) = 'actioned' THEN x.\(g("behaviour_id")) END AS behaviour_id, x.\(g("contact_id")) AS contact
          FROM \(table("goal_events")) x CROSS JOIN periods p WHERE \(inPeriod("x", g("timestamp")))
        ) e
        GROUP BY e.i, e.goal_id, e.event, e.behaviour_id
        """
    }

    /// Per period: contacts with a consent time, opt-ins in it, opt-outs in it, contacts
    /// opted in at its end (`consentCounts`).
    public var periodConsentCounts: String {
        let optIn = "k.\(g("opted_in_at"))"
        let optOut = "k.\(g("opted_out_at"))"
        return """
            WITH \(periodsCTE)
            SELECT p.i, COUNT(*),
              COUNT(CASE WHEN \(optIn) >= p.lo AND \(optIn) < p.hi THEN 1 END),
              COUNT(CASE WHEN \(optOut) >= p.lo AND \(optOut) < p.hi THEN 1 END),
              COUNT(CASE WHEN \(optIn) < p.hi AND NOT (\(optOut) IS NOT NULL AND \(optOut) > \(optIn) AND \(optOut) < p.hi) THEN 1 END)
            FROM \(table("contacts")) k CROSS JOIN periods p
            WHERE \(optIn) IS NOT NULL OR \(optOut) IS NOT NULL
            GROUP BY p.i
            """
    }

    /// The conversation replay once up to `to` (the end of the latest period), and per
    /// period the spans of `live` as that period's own replay has them (`period_live`: i, lo,
    /// contact, opened_at, closed_at NULL when not closed before the period's end, nth,
    /// by_event). The replay only looks back, so its transitions before a period's end are
    /// those of a replay up to that end.
    private var periodLive: String {
        """
        \(liveSpans),
        \(periodsCTE),
        period_live AS (
          SELECT p.i, p.lo, v.contact, v.opened_at, CASE WHEN v.closed_at < p.hi THEN v.closed_at END AS closed_at, v.nth,
            v.by_event
          FROM live v CROSS JOIN periods p
          WHERE v.opened_at < p.hi AND (v.closed_at IS NULL OR v.closed_at >= p.lo)
        )
        """
    }

    /// Per period: active conversations, open at the end, opened, reopened, closed
    /// (`conversationCounts`).
    public var periodConversationCounts: String {
        """
        \(periodLive)
        SELECT v.i, COUNT(DISTINCT v.contact),
          COUNT(CASE WHEN v.closed_at IS NULL THEN 1 END),
          COUNT(CASE WHEN v.opened_at >= v.lo THEN 1 END),
          COUNT(CASE WHEN v.opened_at >= v.lo AND v.nth > 1 THEN 1 END),
          COUNT(CASE WHEN v.closed_at IS NOT NULL THEN 1 END)
        FROM period_live v
        GROUP BY v.i
        """
    }

    /// Per period: the one or two middle durations (microseconds, ascending) of its closes
    /// (`conversationMiddleDurations`).
    public var periodConversationMiddleDurations: String {
        let micros = dialect.epochMicroseconds
        return """
            \(periodLive)
            SELECT r.i, r.duration
            FROM (
              SELECT d.i, d.duration, ROW_NUMBER() OVER (PARTITION BY d.i ORDER BY d.duration) AS nth,
                COUNT(*) OVER (PARTITION BY d.i) AS total
              FROM (
                SELECT v.i, \(micros("v.closed_at")) - \(micros("v.opened_at")) AS duration FROM period_live v
                WHERE v.closed_at IS NOT NULL
              ) d
            ) r
            WHERE r.nth BETWEEN \(dialect.integerDivision("r.total + 1", "2")) AND \(dialect.integerDivision("r.total", "2")) + 1
            ORDER BY r.i, r.duration
            """
    }
}
