import InsightsImport
import InsightsMetrics
import InsightsWarehouse

extension TurnSQL {
    /// Column types as BigQuery reports them (`WarehouseSchema`'s families).
    static let string = "string"
    static let timestamp = "timestamp"
    static let integer = "int64"

    /// `messages`: every message whose chat is known, outbound ones with a mapped author type
    /// (the checks refuse the report before any other is left out); a Journey's message is
    /// authored by its `journey_uuid`/`journey_name`, else the author's `id`/`name`.
    var messagesView: WarehouseView {
        let inbound = "m.direction IN \(Self.inbound)"
        let sql = """
            SELECT m.message_id AS message_id, c.contact_id AS contact_id,
              CASE WHEN \(inbound) THEN 'inbound' ELSE 'outbound' END AS direction,
              m.inserted_at AS \(dialect.identifier("timestamp")),
              CASE WHEN \(inbound) THEN NULL ELSE am.turn_type END AS author_type,
              CASE WHEN \(inbound) THEN NULL WHEN am.turn_type = 'stack' THEN COALESCE(m.journey_uuid, m.author_id)
                ELSE m.author_id END AS author_id,
              CASE WHEN \(inbound) THEN NULL WHEN am.turn_type = 'stack' THEN COALESCE(m.journey_name, m.author_name)
                ELSE m.author_name END AS author_name
            FROM \(latestMessages) m
            JOIN \(latestChats) c ON c.chat_id = m.chat_id
            LEFT JOIN \(authorMapTable) ON am.turn_key = m.turn_author
            WHERE \(inbound) OR (m.direction IN \(Self.outbound) AND am.turn_type IS NOT NULL)
            """
        return WarehouseView(
            sql: sql,
            columns: [
                "message_id": Self.string, "contact_id": Self.string, "direction": Self.string, "timestamp": Self.timestamp,
                "author_type": Self.string, "author_id": Self.string, "author_name": Self.string,
            ])
    }

    /// The newest `contacts` row of every id, with its consent values.
    var latestContacts: String {
        func value(_ key: String) -> String {
            "COALESCE(\(text(.contacts, "t", key)), \(json(.contacts, "t", "details", key: key)))"
        }
        func instant(_ key: String) -> String {
            let detail = "SAFE_CAST(\(json(.contacts, "t", "details", key: key)) AS TIMESTAMP)"
            return has(.contacts, key) ? "COALESCE(\(time(.contacts, "t", key)), \(detail))" : detail
        }
        let details = has(.contacts, "details") ? column("t", "details") : "CAST(NULL AS STRING)"
        return latest(
            .contacts,
            [
                (text(.contacts, "t", "id"), "contact_id"), (text(.contacts, "t", "urn"), "urn"),
                (json(.contacts, "t", "details", key: "whatsapp_id"), "whatsapp_id"),
                (time(.contacts, "t", "inserted_at"), "inserted_at"), (time(.contacts, "t", "updated_at"), "updated_at"),
                ("LOWER(\(value("opted_in")))", "opted_in"), (instant("opted_in_at"), "in_at"),
                (instant("opted_out_at"), "out_at"), (details, "details"),
            ], id: text(.contacts, "t", "id"), version: time(.contacts, "t", "updated_at"))
    }

    /// `contacts`: the contacts table's and the chats' contacts; the phone from the contact's
    /// newest chat's `owner`, else `urn` without `whatsapp:`/`tel:`, else `details.whatsapp_id`,
    /// else the `from_addr` of its newest inbound message; consent as `TurnContactExtras`
    /// reads it; `details` as the fields.
    var contactsView: WarehouseView {
        let hasContacts = tables[.contacts] != nil
        let hasChats = tables[.chats] != nil
        var ids: [String] = []
        if hasContacts { ids.append("SELECT contact_id FROM \(latestContacts) WHERE contact_id IS NOT NULL") }
        if hasChats { ids.append("SELECT contact_id FROM \(latestChats) WHERE contact_id IS NOT NULL") }
        var joins: [String] = []
        var phones: [String] = []
        if hasChats {
            joins.append(
                """
                LEFT JOIN (SELECT contact_id, owner, ROW_NUMBER() OVER (
                  PARTITION BY contact_id ORDER BY updated_at IS NULL, updated_at DESC, chat_id DESC) AS turn_rank
                  FROM \(latestChats)) oc ON oc.contact_id = k.contact_id AND oc.turn_rank = 1
                """)
            phones.append("oc.owner")
        }
        if hasContacts {
            joins.append("LEFT JOIN \(latestContacts) ct ON ct.contact_id = k.contact_id")
            phones += ["REGEXP_REPLACE(ct.urn, r'(?i)^(whatsapp|tel):', '')", "ct.whatsapp_id"]
        }
        if hasChats, tables[.messages] != nil {
            joins.append(
                """
                LEFT JOIN (SELECT c.contact_id, m.from_addr, ROW_NUMBER() OVER (
                  PARTITION BY c.contact_id ORDER BY m.inserted_at DESC, m.message_id DESC) AS turn_rank
                  FROM \(latestMessages) m JOIN \(latestChats) c ON c.chat_id = m.chat_id
                  WHERE m.direction IN \(Self.inbound) AND m.from_addr IS NOT NULL) fa
                  ON fa.contact_id = k.contact_id AND fa.turn_rank = 1
                """)
            phones.append("fa.from_addr")
        }
        let phone = phones.count == 1 ? phones[0] : "COALESCE(\(phones.joined(separator: ", ")))"
        var consent = "CAST(NULL AS TIMESTAMP) AS opted_in_at, CAST(NULL AS TIMESTAMP) AS opted_out_at"
        var fields = "CAST(NULL AS STRING) AS fields"
        var created = "CAST(NULL AS TIMESTAMP) AS created_at"
        if hasContacts {
            let optedOutOnce = "ct.opted_in IN ('false', 'f', '0', 'no') AND ct.in_at IS NOT NULL AND ct.out_at IS NULL"
            consent = """
                CASE WHEN \(optedOutOnce) AND ct.updated_at IS NULL THEN NULL ELSE ct.in_at END AS opted_in_at,
                  CASE WHEN \(optedOutOnce) THEN GREATEST(ct.updated_at, ct.in_at) ELSE ct.out_at END AS opted_out_at
                """
            fields = "ct.details AS fields"
            created = "ct.inserted_at AS created_at"
        }
        let sql = """
            SELECT k.contact_id AS contact_id, \(phone) AS phone, CAST(NULL AS STRING) AS country, \(created),
              \(consent), \(fields)
            FROM (\(ids.joined(separator: " UNION DISTINCT "))) k
            \(joins.joined(separator: "\n"))
            """
        return WarehouseView(
            sql: sql,
            columns: [
                "contact_id": Self.string, "phone": Self.string, "country": Self.string, "created_at": Self.timestamp,
                "opted_in_at": Self.timestamp, "opted_out_at": Self.timestamp,
                "fields": tables[.contacts]?["details"] == "json" ? "json" : Self.string,
            ])
    }

    /// Events (contact, event, timestamp, actor, order) made one per contact, event and
    /// instant as the store keeps them: the first one's place (`seq`, the order of
    /// (timestamp, id) within the contact), the last one's actor.
    private func conversationEvents(_ rows: String) -> WarehouseView {
        let sql = """
            SELECT y.contact_id AS contact_id, y.event AS event, y.turn_at AS \(dialect.identifier("timestamp")),
              y.actor_id AS actor_id, y.actor_name AS actor_name, y.seq AS seq
            FROM (SELECT x.*, MIN(x.turn_order) OVER (PARTITION BY x.contact_id, x.event, x.turn_at) AS seq,
                ROW_NUMBER() OVER (PARTITION BY x.contact_id, x.event, x.turn_at ORDER BY x.turn_order DESC) AS turn_last
              FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.contact_id ORDER BY r.turn_at, r.turn_key) AS turn_order
                FROM (\(rows)) r) x) y
            WHERE y.turn_last = 1
            """
        return WarehouseView(
            sql: sql,
            columns: [
                "contact_id": Self.string, "event": Self.string, "timestamp": Self.timestamp, "actor_id": Self.string,
                "actor_name": Self.string, "seq": Self.integer,
            ])
    }

    /// `conversation_events` from `chat_events`: each type mapped by `--chat-event-map`, else
    /// guessed from its words (`TurnChatEventAction.guess`); ignored types give no event.
    var chatEventsView: WarehouseView? {
        guard let events = latestChatEvents else { return nil }
        let lower = "LOWER(e.type)"
        let guess = """
            CASE WHEN STRPOS(\(lower), 'reopen') > 0 OR STRPOS(\(lower), 're-open') > 0 OR STRPOS(\(lower), 're_open') > 0
              THEN 'reopened' WHEN STRPOS(\(lower), 'close') > 0 THEN 'closed' WHEN STRPOS(\(lower), 'open') > 0 THEN 'opened'
              ELSE 'ignore' END
            """
        let mapped = options.chatEventMap.isEmpty
        let action = mapped ? guess : "COALESCE(em.turn_action, \(guess))"
        let map =
            mapped
            ? ""
            : "LEFT JOIN "
                + dialect.arrayTable(
                    "em", [("turn_key", "turn_event_keys", .string), ("turn_action", "turn_event_actions", .string)])
                + " ON em.turn_key = UPPER(e.type)"
        let rows = """
            SELECT a.contact_id, a.event, a.turn_at, a.actor_id, a.actor_name, a.turn_key FROM (
              SELECT c.contact_id, \(action) AS event, e.turn_at, e.actor_id, e.actor_name, e.turn_id AS turn_key
              FROM \(events) e JOIN \(latestChats) c ON c.chat_id = e.chat_id \(map)) a
            WHERE a.event <> 'ignore'
            """
        return conversationEvents(rows)
    }

    /// The newest `chat_events` row of every id (all rows without an id column): `chat_id`,
    /// `type`, `turn_at`, `actor_id`, `actor_name`, through the columns detected.
    var latestChatEvents: String? {
        guard let columns = eventColumns else { return nil }
        let id = columns.id.map { text(.chatEvents, "t", $0) } ?? "CAST(NULL AS STRING)"
        let version = columns.version.map { time(.chatEvents, "t", $0) } ?? "CAST(NULL AS TIMESTAMP)"
        return latest(
            .chatEvents,
            [
                (text(.chatEvents, "t", columns.chat), "chat_id"), (text(.chatEvents, "t", columns.type), "type"),
                (time(.chatEvents, "t", columns.time), "turn_at"),
                (columns.actorID.map { text(.chatEvents, "t", $0) } ?? "CAST(NULL AS STRING)", "actor_id"),
                (columns.actorName.map { text(.chatEvents, "t", $0) } ?? "CAST(NULL AS STRING)", "actor_name"),
            ], id: id, version: version)
    }

    /// Without `chat_events`: a close at `updated_at` of every chat whose state says closed.
    var closesFromStateView: WarehouseView? {
        conversationEvents(
            """
            SELECT c.contact_id, 'closed' AS event, c.updated_at AS turn_at, CAST(NULL AS STRING) AS actor_id,
              CAST(NULL AS STRING) AS actor_name, c.chat_id AS turn_key
            FROM \(latestChats) c
            WHERE UPPER(c.state) <> 'OPEN' AND STRPOS(UPPER(c.state), 'CLOSE') > 0 AND c.updated_at IS NOT NULL
            """)
    }

    /// The newest `flow_results` row of every `uuid` (else `id`), by `updated_at` (else
    /// `inserted_at`).
    var latestFlowResults: String {
        let ids = ["uuid", "id"].filter { has(.flowResults, $0) }.map { text(.flowResults, "t", $0) }
        let id = ids.isEmpty ? "CAST(NULL AS STRING)" : ids.count == 1 ? ids[0] : "COALESCE(\(ids.joined(separator: ", ")))"
        let inserted = time(.flowResults, "t", "inserted_at")
        let version =
            has(.flowResults, "updated_at") ? "COALESCE(\(time(.flowResults, "t", "updated_at")), \(inserted))" : inserted
        return latest(
            .flowResults,
            [
                (text(.flowResults, "t", "contact_id"), "contact_id"), (text(.flowResults, "t", "stack_uuid"), "stack_uuid"),
                (text(.flowResults, "t", "session_id"), "session_id"),
                (text(.flowResults, "t", "question_id"), "question_id"), (text(.flowResults, "t", "response"), "response"),
                (inserted, "inserted_at"),
            ], id: id, version: version)
    }

    /// `journey_results`: every result with a Journey (`stack_uuid`) and a response; `seq`
    /// orders a contact's results by (`inserted_at`, id), as the importer stores them.
    var journeyResultsView: WarehouseView {
        let sql = """
            SELECT f.contact_id AS contact_id, f.stack_uuid AS journey_id, f.session_id AS run_id,
              f.question_id AS question, f.response AS answer, f.inserted_at AS \(dialect.identifier("timestamp")),
              ROW_NUMBER() OVER (PARTITION BY f.contact_id ORDER BY f.inserted_at, f.turn_id) AS seq
            FROM \(latestFlowResults) f
            WHERE f.stack_uuid IS NOT NULL AND f.response IS NOT NULL
            """
        return WarehouseView(
            sql: sql,
            columns: [
                "contact_id": Self.string, "journey_id": Self.string, "run_id": Self.string, "question": Self.string,
                "answer": Self.string, "timestamp": Self.timestamp, "seq": Self.integer,
            ])
    }
}
