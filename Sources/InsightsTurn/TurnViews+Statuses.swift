import InsightsImport
import InsightsMetrics
import InsightsWarehouse

extension TurnSQL {
    /// The status words the importer reads (`DeliveryStatus`), compared lower-cased.
    static var statusWords: String {
        "(" + DeliveryStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    }

    /// `errors` as JSON text: a JSON column written back to text, a STRING column trimmed.
    private var errorsText: String {
        guard let type = tables[.statuses]?["errors"] else { return "CAST(NULL AS STRING)" }
        return type == "json" ? "NULLIF(TO_JSON_STRING(\(column("t", "errors"))), 'null')" : text(.statuses, "t", "errors")
    }

    /// The identity of a status as the importer keeps one version of it (`TurnStatus.identity`):
    /// its `id`, else its message (`message_id`, else `message_uuid`), lower-cased word and time,
    /// each part prefixed by its length so that no two different statuses share one.
    private var statusIdentity: String {
        func part(_ value: String) -> String {
            "CONCAT(CAST(LENGTH(COALESCE(\(value), '')) AS STRING), ':', COALESCE(\(value), ''))"
        }
        let id = text(.statuses, "t", "id")
        let messageID = text(.statuses, "t", "message_id")
        let messageUUID = text(.statuses, "t", "message_uuid")
        let message =
            "CASE WHEN \(messageID) IS NOT NULL THEN CONCAT('id:', \(messageID)) "
            + "WHEN \(messageUUID) IS NOT NULL THEN CONCAT('uuid:', \(messageUUID)) END"
        let time =
            "COALESCE(CAST(\(self.time(.statuses, "t", "timestamp")) AS STRING), "
            + "CAST(\(self.time(.statuses, "t", "inserted_at")) AS STRING))"
        return "COALESCE(\(id), CONCAT(\(part(message)), \(part("LOWER(\(text(.statuses, "t", "status")))")), \(part(time))))"
    }

    /// The newest `statuses` row of every identity, by `updated_at`: `message_id`,
    /// `message_uuid`, `status` (as written), `turn_at` (`timestamp`, else `inserted_at`),
    /// `turn_from_inserted` (1 when timed by `inserted_at`) and `errors` (JSON text).
    var latestStatuses: String {
        let timestamp = time(.statuses, "t", "timestamp")
        let inserted = time(.statuses, "t", "inserted_at")
        return latest(
            .statuses,
            [
                (text(.statuses, "t", "message_id"), "message_id"), (text(.statuses, "t", "message_uuid"), "message_uuid"),
                (text(.statuses, "t", "status"), "status"), ("COALESCE(\(timestamp), \(inserted))", "turn_at"),
                ("CASE WHEN \(timestamp) IS NULL AND \(inserted) IS NOT NULL THEN 1 ELSE 0 END", "turn_from_inserted"),
                (errorsText, "errors"),
            ], id: statusIdentity, version: time(.statuses, "t", "updated_at"))
    }

    /// `messages.uuid` → `messages.id` of the newest messages rows (one id per uuid, the
    /// greatest, where several messages share a uuid).
    private var messageOfUUID: String {
        let latest = latest(
            .messages, [(text(.messages, "t", "id"), "message_id"), (text(.messages, "t", "uuid"), "uuid")],
            id: text(.messages, "t", "id"), version: time(.messages, "t", "updated_at"))
        return "(SELECT mu.uuid AS uuid, MAX(mu.message_id) AS message_id FROM \(latest) mu WHERE mu.uuid IS NOT NULL "
            + "AND mu.message_id IS NOT NULL GROUP BY mu.uuid)"
    }

    /// The newest statuses with the message each names (`turn_message`: `message_id`, else
    /// the id of the message whose `uuid` is `message_uuid`; NULL when none is found) and
    /// the error read from `errors` (`turn_error`).
    var resolvedStatuses: String {
        let uuidJoin =
            tables[.messages] != nil
            ? "LEFT JOIN \(messageOfUUID) su ON sd.message_id IS NULL AND su.uuid = sd.message_uuid"
            : "LEFT JOIN (SELECT CAST(NULL AS STRING) AS uuid, CAST(NULL AS STRING) AS message_id) su ON FALSE"
        return """
            (SELECT sd.*, COALESCE(sd.message_id, su.message_id) AS turn_message, \(Self.errorText("sd.turn_doc")) AS turn_error
              FROM (SELECT sl.*, CASE WHEN STARTS_WITH(sl.errors, '"') THEN JSON_VALUE(\(Self.guarded("sl.errors", "\"", "\"\"")), '$')
                ELSE sl.errors END AS turn_doc FROM \(latestStatuses) sl) sd
              \(uuidJoin))
            """
    }

    /// `json` when it starts with `prefix`, else `empty`: the JSON functions only ever read
    /// JSON (the emulator evaluates every branch of a CASE, and a correlated UNNEST for every row).
    private static func guarded(_ json: String, _ prefix: String, _ empty: String) -> String {
        "CASE WHEN STARTS_WITH(\(json), '\(prefix)') THEN \(json) ELSE '\(empty)' END"
    }

    /// One WhatsApp error item (JSON text) as `TurnStatus.errorText` reads it: an object as
    /// `code: title` (title, else message, else details), a string as it is, `null` as none.
    private static func errorItem(_ item: String) -> String {
        let object = guarded(item, "{", "{}")
        func key(_ name: String) -> String { "NULLIF(JSON_VALUE(\(object), '$.\(name)'), '')" }
        let code = key("code")
        let title = "COALESCE(\(key("title")), \(key("message")), \(key("details")))"
        return """
            CASE WHEN STARTS_WITH(\(item), '{') THEN CASE WHEN \(code) IS NOT NULL AND \(title) IS NOT NULL
                THEN CONCAT(\(code), ': ', \(title)) WHEN \(code) IS NOT NULL THEN \(code) WHEN \(title) IS NOT NULL THEN \(title)
                ELSE NULLIF(\(item), '{}') END
              WHEN \(item) = 'null' THEN NULL
              WHEN STARTS_WITH(\(item), '"') THEN NULLIF(JSON_VALUE(\(guarded(item, "\"", "\"\"")), '$'), '')
              ELSE \(item) END
            """
    }

    /// The error of `errors` (`doc`: its text, a JSON string already unquoted): a JSON array's
    /// items joined with `; `, one object, or the text as it is; NULL for none (`[]`, `null`).
    /// The items are cast to STRING (already STRING on BigQuery): the emulator's DuckDB reads
    /// them as JSON and would cast the whole CASE to JSON.
    static func errorText(_ doc: String) -> String {
        """
        CASE WHEN \(doc) IS NULL OR \(doc) IN ('', 'null') THEN NULL
          WHEN STARTS_WITH(\(doc), '[') THEN (SELECT STRING_AGG(\(errorItem("CAST(turn_item AS STRING)")), '; ' ORDER BY turn_item_offset)
            FROM UNNEST(JSON_QUERY_ARRAY(\(guarded(doc, "[", "[]")), '$')) AS turn_item WITH OFFSET AS turn_item_offset)
          WHEN STARTS_WITH(\(doc), '{') THEN \(errorItem(doc))
          ELSE \(doc) END
        """
    }

    /// `message_statuses`: every status whose word is known (the checks refuse the report
    /// before any other is left out) and whose message is found, the word lower-cased.
    var messageStatusesView: WarehouseView {
        let sql = """
            SELECT s.turn_message AS message_id, LOWER(s.status) AS status, s.turn_at AS \(dialect.identifier("timestamp")),
              s.turn_error AS error
            FROM \(resolvedStatuses) s
            WHERE LOWER(s.status) IN \(Self.statusWords) AND s.turn_message IS NOT NULL
            """
        return WarehouseView(
            sql: sql,
            columns: ["message_id": Self.string, "status": Self.string, "timestamp": Self.timestamp, "error": Self.string])
    }
}

extension TurnViews {
    /// The statuses as the importer checks and counts them: rows it refuses, unknown words
    /// (every word, its count, an example), statuses naming a message by uuid without a
    /// messages table; the counts of its summary line.
    func checkStatuses(_ sql: TurnSQL, _ summary: inout TurnSummary) throws(TurnWarehouseError) {
        let message = "\(sql.text(.statuses, "t", "message_id")) IS NULL AND \(sql.text(.statuses, "t", "message_uuid")) IS NULL"
        let time = "\(sql.time(.statuses, "t", "timestamp")) IS NULL AND \(sql.time(.statuses, "t", "inserted_at")) IS NULL"
        let invalid = try rows(
            """
            SELECT COUNTIF(\(message)), COUNTIF(\(sql.text(.statuses, "t", "status")) IS NULL), COUNTIF(\(time))
            FROM \(sql.table(.statuses)) t
            """
        ).first
        let reasons = ["without a message_id or message_uuid", "without a status", "without timestamp or inserted_at"]
        for (index, reason) in reasons.enumerated() {
            let count = Self.int(invalid?[index])
            if count > 0 { throw .invalidRows(table: .statuses, count: count, reason: reason) }
        }
        let words = try rows(
            """
            SELECT LOWER(s.status), MIN(s.status), COUNT(*), COUNTIF(s.message_id IS NULL AND s.turn_message IS NOT NULL),
              COUNTIF(s.turn_message IS NULL), COUNTIF(s.turn_message IS NOT NULL AND s.turn_from_inserted = 1),
              COUNTIF(s.turn_message IS NOT NULL AND s.turn_error IS NOT NULL), MIN(COALESCE(s.message_id, s.message_uuid))
            FROM \(sql.resolvedStatuses) s GROUP BY LOWER(s.status) ORDER BY LOWER(s.status)
            """)
        var use = TurnSummary.StatusUse()
        var unknown: [(value: String, count: Int, first: String)] = []
        var byUUIDOnly = 0
        for row in words {
            let count = Self.int(row[2])
            use.rows += count
            guard let status = row[0].flatMap(DeliveryStatus.init(rawValue:)) else {
                unknown.append((row[1] ?? "", count, row[7] ?? ""))
                continue
            }
            let notFound = Self.int(row[4])
            use.byStatus[status] = count - notFound
            use.byUUID += Self.int(row[3])
            use.uuidNotFound += notFound
            use.timeFromInsertedAt += Self.int(row[5])
            use.withError += Self.int(row[6])
            byUUIDOnly += notFound
        }
        guard unknown.isEmpty else { throw .unknownStatuses(unknown) }
        if tables[.messages] == nil, byUUIDOnly > 0 { throw .missingTable(.messages, neededBy: .statuses) }
        summary.statuses = use
    }
}
