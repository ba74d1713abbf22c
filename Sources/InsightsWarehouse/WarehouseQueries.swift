/// The report's queries, written once: each returns a few rows of aggregates whatever the
/// size of the tables. The engine-specific parts come from `SQLDialect`.
///
/// Every query takes the period's UTC bounds as the `from` and `to` timestamp parameters
/// (worked out by Insights, exact across DST changes) and, when it buckets by local day or
/// hour, the IANA zone as the `zone` string parameter: the engine only applies its own zone
/// functions. Tables use DATA.md's column names, as `insights export` writes them.
public struct WarehouseQueries: Sendable {
    /// The dialect written in.
    public let dialect: SQLDialect
    /// Whether `conversation_events` has the `seq` column (without it, same-instant events
    /// apply `closed` first, then `reopened`/`opened`; DATA.md).
    public var eventsHaveSeq = true
    /// Whether `conversation_events` exists (without it, only inbound messages open).
    public var hasConversationEvents = true
    /// Whether `messages` exists (without it, only events open; the conversation queries
    /// need one of the two).
    public var hasMessages = true
    /// Whether `goals` and `behaviours` have `position` (without it, they list by id).
    public var goalsHavePosition = true
    /// Whether `behaviours` has `position`.
    public var behavioursHavePosition = true
    /// Whether `goal_events` exists.
    public var hasGoalEvents = true
    /// Whether `journey_runs` exists.
    public var hasJourneyRuns = true
    /// Whether `contacts` exists with a `fields` column (without it, no contact has a field).
    public var contactsHaveFields = true
    /// Whether `contacts` exists (without it, every contact is placed in `ZZ`).
    public var hasContacts = true
    /// Whether `contacts` has `phone` (countries by phone number).
    public var contactsHavePhone = true
    /// Whether `contacts` has `country`.
    public var contactsHaveCountry = true
    /// Whether `journey_results` exists.
    public var hasJourneyResults = true
    /// The segment every query is restricted to (`table(_:)`); nil for all contacts.
    public var segment: WarehouseSegment? = nil
    /// Whether `journey_results` has `seq` (without it, same-instant answers of a contact
    /// keep the one last by trimmed answer in code point order).
    public var resultsHaveSeq = true

    /// Creates the templates in a dialect.
    public init(dialect: SQLDialect) {
        self.dialect = dialect
    }

    private var messages: String { table("messages") }
    private func c(_ name: String) -> String { dialect.identifier(name) }
    private var from: String { dialect.timestampParameter("from") }
    private var to: String { dialect.timestampParameter("to") }
    private func inPeriod(_ alias: String, _ column: String = "timestamp") -> String {
        "\(alias).\(c(column)) >= \(from) AND \(alias).\(c(column)) < \(to)"
    }

    /// Per local day: day number, received, sent, distinct contacts with an inbound message.
    public var messagesPerDay: String {
        """
        SELECT d.day, SUM(d.inbound), SUM(1 - d.inbound), COUNT(DISTINCT CASE WHEN d.inbound = 1 THEN d.contact END)
        FROM (
          SELECT \(dialect.localDayNumber("m.\(c("timestamp"))")) AS day,
            CASE WHEN m.\(c("direction")) = 'inbound' THEN 1 ELSE 0 END AS inbound, m.\(c("contact_id")) AS contact
          FROM \(messages) m WHERE \(inPeriod("m"))
        ) d
        GROUP BY d.day ORDER BY d.day
        """
    }

    /// One row: received, sent, distinct contacts with an inbound message (exact).
    public var messageTotals: String {
        """
        SELECT COUNT(CASE WHEN m.\(c("direction")) = 'inbound' THEN 1 END),
          COUNT(CASE WHEN m.\(c("direction")) = 'outbound' THEN 1 END),
          COUNT(DISTINCT CASE WHEN m.\(c("direction")) = 'inbound' THEN m.\(c("contact_id")) END)
        FROM \(messages) m WHERE \(inPeriod("m"))
        """
    }

    /// Received messages per local weekday (Monday = 0) and hour.
    public var heatmap: String {
        """
        SELECT h.weekday, h.hour, COUNT(*)
        FROM (
          SELECT \(dialect.localWeekdayFromMonday("m.\(c("timestamp"))")) AS weekday,
            \(dialect.localHour("m.\(c("timestamp"))")) AS hour
          FROM \(messages) m WHERE m.\(c("direction")) = 'inbound' AND \(inPeriod("m"))
        ) h
        GROUP BY h.weekday, h.hour
        """
    }

    /// Sent messages per author: type, id, the name that groups messages without an id, count.
    public var authors: String {
        """
        SELECT a.author_type, a.author_id, a.group_name, COUNT(*)
        FROM (
          SELECT m.\(c("author_type")) AS author_type, m.\(c("author_id")) AS author_id,
            CASE WHEN m.\(c("author_id")) IS NULL THEN m.\(c("author_name")) END AS group_name
          FROM \(messages) m WHERE m.\(c("direction")) = 'outbound' AND \(inPeriod("m"))
        ) a
        GROUP BY a.author_type, a.author_id, a.group_name
        """
    }

    /// The newest name of each author id sent with in the period: the `author_name` of its
    /// newest message with a name (by timestamp, then `message_id` by code point), over all data
    /// (a segment's authors, named from every message).
    public var latestNames: String {
        """
        SELECT n.author_id, n.author_name
        FROM (
          SELECT m.\(c("author_id")) AS author_id, m.\(c("author_name")) AS author_name,
            ROW_NUMBER() OVER (
              PARTITION BY m.\(c("author_id")) ORDER BY m.\(c("timestamp")) DESC, \(dialect.byCodePoint("m.\(c("message_id"))")) DESC
            ) AS newest
          FROM \(allData("messages")) m
          WHERE m.\(c("author_name")) IS NOT NULL AND m.\(c("author_id")) IN (
            SELECT p.\(c("author_id")) FROM \(messages) p
            WHERE p.\(c("direction")) = 'outbound' AND p.\(c("author_id")) IS NOT NULL AND \(inPeriod("p"))
          )
        ) n
        WHERE n.newest = 1
        """
    }

    private var firstInbound: String {
        """
        SELECT m.\(c("contact_id")) AS contact, MIN(m.\(c("timestamp"))) AS first_at
          FROM \(messages) m WHERE m.\(c("direction")) = 'inbound' GROUP BY m.\(c("contact_id"))
        """
    }

    /// Per local day: contacts whose first inbound message ever lies on it.
    public var newUsersPerDay: String {
        """
        SELECT n.day, COUNT(*)
        FROM (
          SELECT \(dialect.localDayNumber("f.first_at")) AS day
          FROM (
            \(firstInbound)
          ) f
          WHERE f.first_at >= \(from) AND f.first_at < \(to)
        ) n
        GROUP BY n.day
        """
    }

    /// One row: contacts whose first inbound message ever lies in the period.
    public var newUsers: String {
        """
        SELECT COUNT(*)
        FROM (
          \(firstInbound)
        ) f
        WHERE f.first_at >= \(from) AND f.first_at < \(to)
        """
    }

    private func listing(_ alias: String, hasPosition: Bool, id: String) -> String {
        let byID = dialect.byCodePoint("\(alias).\(c(id))")
        guard hasPosition else { return byID }
        return "CASE WHEN \(alias).\(c("position")) IS NULL THEN 1 ELSE 0 END, \(alias).\(c("position")), \(byID)"
    }

    /// Every goal (id, name) in listing order: by `position`, then id.
    public var goals: String {
        """
        SELECT g.\(c("goal_id")), g.\(c("name")) FROM \(dialect.table("goals")) g
        ORDER BY \(listing("g", hasPosition: goalsHavePosition, id: "goal_id"))
        """
    }

    /// Every behaviour (goal id, id, name) in listing order: by `position`, then id.
    public var behaviours: String {
        """
        SELECT b.\(c("goal_id")), b.\(c("behaviour_id")), b.\(c("name")) FROM \(dialect.table("behaviours")) b
        ORDER BY \(listing("b", hasPosition: behavioursHavePosition, id: "behaviour_id"))
        """
    }

    /// The period's goal events per goal, event and (for `actioned`) behaviour: distinct
    /// contacts and events.
    public var goalCounts: String {
        """
        SELECT e.goal_id, e.event, e.behaviour_id, COUNT(DISTINCT e.contact), COUNT(*)
        FROM (
          SELECT g.\(c("goal_id")) AS goal_id, g.\(c("event")) AS event,
            CASE WHEN g.\(c("event")) = 'actioned' THEN g.\(c("behaviour_id")) END AS behaviour_id, g.\(c("contact_id")) AS contact
          FROM \(table("goal_events")) g WHERE \(inPeriod("g"))
        ) e
        GROUP BY e.goal_id, e.event, e.behaviour_id
        """
    }
}
