import InsightsWarehouse

/// A column of a view's first layer: an expression over the table `r` and its name, or a
/// DATETIME column the later layers turn into an instant.
struct GlificColumn {
    /// The expression (over `r`), for a column that is not a time.
    let sql: String
    /// Its name in the layer.
    let name: String
    /// Whether it is a DATETIME to read as an instant.
    let isTime: Bool
    /// Whether the table has it (a time column it lacks is NULL).
    let present: Bool

    /// A value column.
    init(_ sql: String, _ name: String) {
        (self.sql, self.name, isTime, present) = (sql, name, false, true)
    }

    /// A DATETIME column.
    init(column: String, isTime: Bool, present: Bool) {
        (sql, name, self.isTime, self.present) = ("r.`\(column)`", column, isTime, present)
    }
}

/// One Glific table of the dataset: its columns read as the import reads them (a text
/// column's empty string is no value, a DATETIME an instant in the organisation's zone), and
/// the newest version of each `id`.
struct GlificSourceTable {
    /// Glific's name of the table (`messages`).
    let name: String
    /// The table as the base dialect names it in `FROM`.
    let sql: String
    /// Its columns, lower-cased name → type (`int64`, `string`, `datetime`, `bool`, `array`).
    let columns: [String: String]
    /// The base's dialect.
    let dialect: SQLDialect

    /// A column as text: NULL for an empty string, as the import reads `""`; NULL when the
    /// table has no such column, unless it is `required`.
    func text(_ column: String, required: Bool = false) throws(WarehouseError) -> String {
        guard let type = columns[column] else {
            if required { throw .missingColumn(table: name, column: column) }
            return "CAST(NULL AS STRING)"
        }
        guard ["string", "int64", "numeric", "bignumeric", "float64", "bool"].contains(type) else {
            throw .wrongType(table: name, column: column, expected: "STRING or INT64", found: type)
        }
        return type == "string" ? "NULLIF(r.`\(column)`, '')" : "CAST(r.`\(column)` AS STRING)"
    }

    /// A DATETIME column, to be read as the instant ``GlificTime/instant(wallClock:in:)`` gives
    /// (no value when the table has no such column, unless it is `required`).
    func time(_ column: String, required: Bool = false) throws(WarehouseError) -> GlificColumn {
        guard let type = columns[column] else {
            if required { throw .missingColumn(table: name, column: column) }
            return GlificColumn(column: column, isTime: true, present: false)
        }
        guard type == "datetime" else {
            throw .wrongType(table: name, column: column, expected: "DATETIME (Glific's local time)", found: type)
        }
        return GlificColumn(column: column, isTime: true, present: true)
    }

    /// A BOOLEAN column: true only when true (NULL and a missing column are false, as the
    /// import reads them); a STRING column holding `true`/`false` too.
    func flag(_ column: String) throws(WarehouseError) -> String {
        switch columns[column] {
        case nil: "FALSE"
        case "bool"?: "COALESCE(r.`\(column)`, FALSE)"
        case "string"?: "COALESCE(LOWER(r.`\(column)`) = 'true', FALSE)"
        case let type?: throw .wrongType(table: name, column: column, expected: "BOOL", found: type)
        }
    }

    /// The rows' `selected` columns with `id`, `updated_at`, `bq_inserted_at` and `bq_uuid`,
    /// every version of every row; DATETIMEs become instants (``GlificSQL/instants(_:from:)``).
    func every(_ selected: [GlificColumn]) throws(WarehouseError) -> String {
        let versioning: [GlificColumn] = [
            .init(try text("id", required: true), "id"), try time("updated_at"), try time("bq_inserted_at"),
            .init(try text("bq_uuid"), "bq_uuid"),
        ]
        var seen: Set<String> = []
        let unique = (versioning + selected).filter { seen.insert($0.name).inserted }
        return GlificSQL.instants(unique, from: sql)
    }

    /// The newest version of each `id` of ``every(_:)``'s rows: the latest `updated_at`, then
    /// the latest `bq_inserted_at` (a missing one is older than any), as the import keeps. Of
    /// versions equal in both, the import keeps the one it read last and the view the greatest
    /// `bq_uuid` (a table has no reading order).
    func latest(_ selected: [GlificColumn]) throws(WarehouseError) -> String {
        dialect.newestPerID(
            columns: "g.*", from: "(\(try every(selected))) g", id: "g.id", newestFirst: Self.versions,
            rank: "glific_version", alias: "v")
    }

    /// The versioning columns of ``every(_:)``'s rows (`g`), the newest first: the order of ``latest(_:)``.
    static let versions = ["g.updated_at", "g.bq_inserted_at", "g.bq_uuid"]

    /// The columns of `messages` the views read.
    func messageColumns() throws(WarehouseError) -> [GlificColumn] {
        let broadcast = try ["message_broadcast_id", "flow_broadcast_id", "group_message_id"].map {
            (column) throws(WarehouseError) in "\(try text(column)) IS NOT NULL"
        }
        return [
            .init(try text("contact_phone", required: true), "contact_phone"),
            .init("LOWER(\(try text("flow", required: true)))", "flow"),
            try time("inserted_at", required: true),
            .init("LOWER(\(try text("bsp_status")))", "bsp_status"), .init(try text("errors"), "errors"),
            .init(try text("user_phone"), "user_phone"), .init(try text("user_name"), "user_name"),
            .init("(" + broadcast.joined(separator: " OR ") + ")", "broadcast"), .init(try text("flow_uuid"), "flow_uuid"),
            .init(try text("flow_name"), "flow_name"),
        ]
    }

    /// The newest version of each message.
    func latestMessages() throws(WarehouseError) -> String { try latest(try messageColumns()) }

    /// Every version of every message (the status history), each with `newest_flow`, the
    /// `flow` of its message's newest version (the version ``latest(_:)`` keeps).
    func messageVersions() throws(WarehouseError) -> String {
        let order = Self.versions.map { "\($0) DESC NULLS LAST" }.joined(separator: ", ")
        return "SELECT g.*, FIRST_VALUE(g.flow) OVER (PARTITION BY g.id ORDER BY \(order)) AS newest_flow "
            + "FROM (\(try every(try messageColumns()))) g"
    }

    /// The columns of `contacts` the views read (`fields` as the JSON object text of its
    /// labels and values, both non-empty; NULL without any).
    func contactColumns() throws(WarehouseError) -> [GlificColumn] {
        let fields: String
        switch columns["fields"] {
        case nil: fields = "CAST(NULL AS STRING)"
        case "array"?:
            fields = """
                (SELECT CONCAT('{', STRING_AGG(CONCAT(TO_JSON_STRING(f.label), ':', TO_JSON_STRING(f.value)), ','), '}') \
                FROM UNNEST(r.`fields`) AS f WHERE f.label <> '' AND f.value <> '')
                """
        case let type?: throw .wrongType(table: name, column: "fields", expected: "ARRAY<STRUCT<label, value>>", found: type)
        }
        return [
            .init(try text("phone", required: true), "phone"), try time("inserted_at"),
            try time("optin_time"), try time("optout_time"), .init(fields, "fields"),
        ]
    }

    /// The newest version of each contact.
    func latestContacts() throws(WarehouseError) -> String { try latest(try contactColumns()) }

    /// The columns of `tickets` the views read.
    func ticketColumns() throws(WarehouseError) -> [GlificColumn] {
        [
            .init(try text("contact_phone", required: true), "contact_phone"),
            .init("LOWER(\(try text("status", required: true)))", "status"),
            try time("inserted_at", required: true),
            .init("COALESCE(\(try text("user_phone")), \(try text("user_id")))", "user_id"),
            .init(try text("user_name"), "user_name"),
        ]
    }

    /// The newest version of each ticket.
    func latestTickets() throws(WarehouseError) -> String { try latest(try ticketColumns()) }

    /// The columns of `flow_contexts` the views read.
    func contextColumns() throws(WarehouseError) -> [GlificColumn] {
        [
            .init(try text("contact_phone", required: true), "contact_phone"),
            .init(try text("flow_uuid", required: true), "flow_uuid"), .init(try text("node_uuid"), "node_uuid"),
            try time("inserted_at", required: true), try time("completed_at"),
            .init(try flag("is_killed"), "is_killed"),
        ]
    }

    /// The newest version of each flow context.
    func latestContexts() throws(WarehouseError) -> String { try latest(try contextColumns()) }

    /// The columns of `flow_results` the views read (`results` as text).
    func resultColumns() throws(WarehouseError) -> [GlificColumn] {
        [
            .init(try text("contact_phone", required: true), "contact_phone"), .init(try text("uuid", required: true), "uuid"),
            .init(try text("name"), "name"), .init(try text("flow_context_id"), "flow_context_id"),
            try time("updated_at", required: true), .init(try text("results", required: true), "results"),
        ]
    }

    /// The newest version of each flow result.
    func latestResults() throws(WarehouseError) -> String { try latest(try resultColumns()) }
}
