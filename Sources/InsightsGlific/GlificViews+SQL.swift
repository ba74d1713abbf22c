import InsightsWarehouse

/// The GoogleSQL of the Glific views, kind by kind, over the newest versions of Glific's rows
/// (``GlificSourceTable/latest(_:)``; the statuses over every version of the messages). Every
/// rule is the file import's (`GlificConversion`).
enum GlificSQL {
    /// The rows of `table` (aliased `r`) with `columns`, each DATETIME read in `@glific_zone`
    /// as an instant by ``GlificTime/instant(wallClock:in:)``'s rule written out: the wall clock
    /// read with the offset a day before, if that gives back the wall clock (a time that happens
    /// once, or the first of a repeated one), else with the offset a day after, else (a skipped
    /// time) with the offset before. Three layers, so that each step names its inputs once
    /// (the emulator's time grows with the length of an expression): the wall clock as
    /// microseconds, the two offsets, the choice.
    ///
    /// Not `TIMESTAMP(dt, zone)`: the emulator (DuckDB's ICU) reads a repeated time as its
    /// second occurrence (and refuses the zone as a parameter there), and BigQuery documents no
    /// choice; an instant's local time has one answer everywhere. It is spelled
    /// `EXTRACT(DATETIME FROM ts AT TIME ZONE zone)` because the emulator reads `DATETIME(ts,
    /// @zone)` with a parameter as `DATETIME(date, time)`; BigQuery takes both.
    static func instants(_ columns: [GlificColumn], from table: String) -> String {
        func local(_ micros: String) -> String {
            "EXTRACT(DATETIME FROM TIMESTAMP_MICROS(\(micros)) AT TIME ZONE @\(GlificViews.zone))"
        }
        let times = columns.filter { $0.isTime && $0.present }.map(\.name)
        let first = columns.flatMap { column -> [String] in
            guard column.isTime else { return ["\(column.sql) AS \(column.name)"] }
            guard column.present else { return [] }
            return [
                "\(column.sql) AS \(column.name)_local", "UNIX_MICROS(TIMESTAMP(\(column.sql), 'UTC')) AS \(column.name)_wall",
            ]
        }
        let offsets = times.flatMap { name in
            [("before", "-"), ("after", "+")].map { side, sign in
                "UNIX_MICROS(TIMESTAMP(\(local("a.\(name)_wall \(sign) 86400000000")), 'UTC')) - (a.\(name)_wall \(sign) 86400000000) "
                    + "AS \(name)_\(side)"
            }
        }
        let chosen = columns.map { column -> String in
            guard column.isTime else { return "b.\(column.name)" }
            guard column.present else { return "CAST(NULL AS TIMESTAMP) AS \(column.name)" }
            let (name, before, after) = (
                column.name, "b.\(column.name)_wall - b.\(column.name)_before", "b.\(column.name)_wall - b.\(column.name)_after"
            )
            return "TIMESTAMP_MICROS(CASE WHEN \(local(before)) = b.\(name)_local THEN \(before) "
                + "WHEN \(local(after)) = b.\(name)_local THEN \(after) ELSE \(before) END) AS \(name)"
        }
        let inner = "SELECT \(first.joined(separator: ", ")) FROM \(table) r"
        let middle = times.isEmpty ? inner : "SELECT a.*, \(offsets.joined(separator: ", ")) FROM (\(inner)) a"
        return "SELECT \(chosen.joined(separator: ", ")) FROM (\(middle)) b"
    }

    /// A contact's phone by ``GlificRules/phone(_:)``: `+` and 7 to 15 digits not starting with 0.
    static func phone(_ text: String, _ dialect: SQLDialect) -> String {
        "CASE WHEN \(dialect.matches(text, pattern: "^[+]?[1-9][0-9]{6,14}$")) THEN CONCAT('+', REGEXP_REPLACE(\(text), '^[+]', '')) END"
    }

    /// `status_map` AS s: the `--status-map` words and what each is (`sent` … `none`).
    static let statusMap =
        "(SELECT element AS word, @glific_status_values[OFFSET(element_offset)] AS status "
        + "FROM UNNEST(@glific_status_words) AS element WITH OFFSET AS element_offset)"
    /// The `--ticket-map` words and whether each is `open` or `closed`.
    static let ticketMap =
        "(SELECT element AS word, @glific_ticket_closed[OFFSET(element_offset)] AS state "
        + "FROM UNNEST(@glific_ticket_words) AS element WITH OFFSET AS element_offset)"

    static let messageColumns = [
        "message_id": "string", "contact_id": "string", "direction": "string", "timestamp": "timestamp",
        "author_type": "string", "author_id": "string", "author_name": "string",
    ]

    /// messages: inbound and outbound rows (others are refused by the check); an outbound
    /// one's author type from what sent it (user, broadcast, flow, none: element 0 … 3 of
    /// `@glific_author_types`), its author the user or the flow.
    static func messages(_ latest: String) -> String {
        """
        SELECT m.id AS message_id, m.contact_phone AS contact_id, m.flow AS direction, m.inserted_at AS `timestamp`, \
        CASE WHEN m.flow = 'outbound' THEN @glific_author_types[OFFSET(m.author_source)] END AS author_type, \
        CASE WHEN m.flow = 'inbound' THEN NULL WHEN m.author_source = 0 THEN m.user_phone \
        WHEN m.author_source = 2 THEN m.flow_uuid END AS author_id, \
        CASE WHEN m.flow = 'inbound' THEN NULL WHEN m.author_source = 0 THEN m.user_name \
        WHEN m.author_source = 2 THEN m.flow_name END AS author_name \
        FROM (SELECT l.*, CASE WHEN l.user_phone IS NOT NULL OR l.user_name IS NOT NULL THEN 0 WHEN l.broadcast THEN 1 \
        WHEN l.flow_uuid IS NOT NULL OR l.flow_name IS NOT NULL THEN 2 ELSE 3 END AS author_source FROM (\(latest)) l) m \
        WHERE m.flow IN ('inbound', 'outbound')
        """
    }

    static let statusColumns = [
        "message_id": "string", "status": "string", "timestamp": "timestamp", "error": "string",
    ]

    /// message_statuses: the `bsp_status` of every version of an outbound message (by its
    /// newest version's `flow`; `versions` is ``GlificSourceTable/messageVersions()``) as
    /// `--status-map` says, at that version's `updated_at` (never before `inserted_at`); of the
    /// versions of one message giving one status, the earliest (then the earliest
    /// `bq_inserted_at`, then the smallest `bq_uuid`, a missing one first:
    /// ``GlificRules/isEarlier(_:than:)``). A failure with its `errors` text unless that is an
    /// empty `{}`, `[]` or `null`. Words that are no status yet give no row.
    static func statuses(_ versions: String) -> String {
        """
        SELECT h.message_id, h.status, h.`timestamp`, h.error FROM (\
        SELECT v.id AS message_id, s.status AS status, v.`timestamp`, \
        CASE WHEN s.status = 'failed' AND v.errors NOT IN ('{}', '[]', 'null') THEN v.errors END AS error, \
        ROW_NUMBER() OVER (PARTITION BY v.id, s.status ORDER BY v.`timestamp` ASC, v.bq_inserted_at ASC NULLS FIRST, \
        v.bq_uuid ASC NULLS FIRST) AS glific_first \
        FROM (SELECT m.*, GREATEST(COALESCE(m.updated_at, m.inserted_at), m.inserted_at) AS `timestamp` \
        FROM (\(versions)) m) v JOIN \(statusMap) s ON s.word = v.bsp_status \
        WHERE v.newest_flow = 'outbound' AND s.status <> 'none') h WHERE h.glific_first = 1
        """
    }

    static let eventColumns = [
        "contact_id": "string", "event": "string", "timestamp": "timestamp", "actor_id": "string",
        "actor_name": "string", "seq": "int64",
    ]

    /// conversation_events: each ticket opened at `inserted_at`; a closed one (`--ticket-map`)
    /// closed at its `updated_at` (never before) by its user. `seq` orders a contact's events
    /// at one instant as the import stores them: by ticket (by `id`), an open before its close.
    static func events(_ latest: String) -> String {
        """
        SELECT e.contact_id, e.event, e.`timestamp`, e.actor_id, e.actor_name, \
        ROW_NUMBER() OVER (PARTITION BY e.contact_id, e.`timestamp` ORDER BY SAFE_CAST(e.ticket AS INT64) ASC NULLS LAST, e.ticket, e.step) \
        AS seq FROM (\
        SELECT t.id AS ticket, 0 AS step, t.contact_phone AS contact_id, 'opened' AS event, t.inserted_at AS `timestamp`, \
        CAST(NULL AS STRING) AS actor_id, CAST(NULL AS STRING) AS actor_name \
        FROM (\(latest)) t JOIN \(ticketMap) k ON k.word = t.status \
        UNION ALL \
        SELECT t.id, 1, t.contact_phone, 'closed', GREATEST(COALESCE(t.updated_at, t.inserted_at), t.inserted_at), \
        t.user_id, t.user_name FROM (\(latest)) t JOIN \(ticketMap) k ON k.word = t.status WHERE k.state = 'closed') e
        """
    }

    static let runColumns = [
        "run_id": "string", "contact_id": "string", "journey_id": "string", "journey_name": "string",
        "started_at": "timestamp", "ended_at": "timestamp", "outcome": "string", "last_step": "string",
    ]

    /// The name of each flow: of its newest `flow_results` row with a name, else of its newest
    /// message with one.
    static func names(results: String?, messages: String?) -> String {
        var sources: [String] = []
        if let results {
            sources.append(
                "SELECT n.uuid AS flow, n.name, 0 AS rank, n.updated_at AS at FROM (\(results)) n WHERE n.name IS NOT NULL")
        }
        if let messages {
            sources.append(
                "SELECT n.flow_uuid, n.flow_name, 1, n.updated_at FROM (\(messages)) n "
                    + "WHERE n.flow_uuid IS NOT NULL AND n.flow_name IS NOT NULL")
        }
        guard !sources.isEmpty else { return "(SELECT CAST(NULL AS STRING) AS flow, CAST(NULL AS STRING) AS name)" }
        return """
            (SELECT s.flow, s.name FROM (SELECT u.*, ROW_NUMBER() OVER (PARTITION BY u.flow ORDER BY u.rank, \
            u.at DESC NULLS LAST, u.name) AS choice FROM (\(sources.joined(separator: " UNION ALL "))) u) s WHERE s.choice = 1)
            """
    }

    /// journey_runs: each flow context; `is_killed` → interrupted, else `completed_at` →
    /// completed, else still going; an ended run ends at `completed_at`, else `updated_at`.
    static func runs(_ latest: String, results: String?, messages: String?) -> String {
        """
        SELECT f.id AS run_id, f.contact_phone AS contact_id, f.flow_uuid AS journey_id, n.name AS journey_name, \
        f.inserted_at AS started_at, \
        CASE WHEN f.outcome IS NOT NULL THEN COALESCE(f.completed_at, f.updated_at, f.inserted_at) END AS ended_at, \
        f.outcome, f.node_uuid AS last_step \
        FROM (SELECT l.*, CASE WHEN l.is_killed THEN 'interrupted' WHEN l.completed_at IS NOT NULL THEN 'completed' END \
        AS outcome FROM (\(latest)) l) f LEFT JOIN \(names(results: results, messages: messages)) n ON n.flow = f.flow_uuid
        """
    }

    static let resultColumns = [
        "contact_id": "string", "journey_id": "string", "run_id": "string", "question": "string", "answer": "string",
        "timestamp": "timestamp",
    ]

    /// journey_results: each key of a `flow_results` row's `results` object with an answer:
    /// an object's `category`, else its `input` (non-empty); a non-empty string or a number.
    static func results(_ latest: String) -> String {
        """
        SELECT a.contact_id, a.journey_id, a.run_id, a.question, a.answer, a.`timestamp` FROM (\
        SELECT x.contact_phone AS contact_id, x.uuid AS journey_id, x.flow_context_id AS run_id, k AS question, \
        CASE JSON_TYPE(x.json[k]) \
        WHEN 'object' THEN COALESCE(NULLIF(JSON_VALUE(x.json[k].category), ''), NULLIF(JSON_VALUE(x.json[k].input), '')) \
        WHEN 'string' THEN NULLIF(JSON_VALUE(x.json[k]), '') WHEN 'number' THEN JSON_VALUE(x.json[k]) END AS answer, \
        x.updated_at AS `timestamp` \
        FROM (SELECT l.*, SAFE.PARSE_JSON(l.results) AS json FROM (\(latest)) l) x, UNNEST(JSON_KEYS(x.json, 1)) AS k) a \
        WHERE a.answer IS NOT NULL
        """
    }

    static let contactColumns = [
        "contact_id": "string", "phone": "string", "country": "string", "created_at": "timestamp",
        "opted_in_at": "timestamp", "opted_out_at": "timestamp", "fields": "string",
    ]

    /// contacts: the table's rows (the id is the phone as written), then each `contact_phone`
    /// of the other tables (`others`, each a `SELECT … AS contact_id`) it does not list, in
    /// one pass: of the rows of one id, a listed one first, the newest of them.
    static func contacts(_ latest: String?, others: [String], dialect: SQLDialect) -> String {
        var parts: [String] = []
        if let latest {
            parts.append(
                """
                SELECT c.phone AS contact_id, c.inserted_at AS created_at, c.optin_time AS opted_in_at, \
                c.optout_time AS opted_out_at, c.fields, 0 AS listed, c.updated_at, c.id FROM (\(latest)) c
                """)
        }
        if !others.isEmpty {
            parts.append(
                """
                SELECT s.contact_id, CAST(NULL AS TIMESTAMP), CAST(NULL AS TIMESTAMP), CAST(NULL AS TIMESTAMP), \
                CAST(NULL AS STRING), 1, CAST(NULL AS TIMESTAMP), CAST(NULL AS STRING) \
                FROM (\(others.joined(separator: " UNION ALL "))) s
                """)
        }
        return """
            SELECT u.contact_id, \(phone("u.contact_id", dialect)) AS phone, CAST(NULL AS STRING) AS country, u.created_at, \
            u.opted_in_at, u.opted_out_at, u.fields FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.contact_id \
            ORDER BY a.listed, a.updated_at DESC NULLS LAST, a.id DESC) AS glific_choice \
            FROM (\(parts.joined(separator: " UNION ALL "))) a WHERE a.contact_id IS NOT NULL) u WHERE u.glific_choice = 1
            """
    }
}
