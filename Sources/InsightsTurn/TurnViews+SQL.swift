import InsightsImport
import InsightsMetrics
import InsightsWarehouse

/// The GoogleSQL of the Turn views: column access that follows the columns the dataset has,
/// the newest version of every id, and the maps as array parameters.
struct TurnSQL {
    let dialect: SQLDialect
    /// The Turn tables present, with their columns.
    let tables: [TurnTable: [String: String]]
    let options: TurnImportOptions
    /// The chat_events columns (once detected).
    var eventColumns: TurnChatEventColumns?

    init(dialect: SQLDialect, tables: [TurnTable: [String: String]], options: TurnImportOptions) {
        self.dialect = dialect
        self.tables = tables
        self.options = options
    }

    /// A Turn table, qualified with the dataset.
    func table(_ table: TurnTable) -> String { dialect.table(table.rawValue) }

    /// Whether a table has a column.
    func has(_ table: TurnTable, _ column: String) -> Bool { tables[table]?[column] != nil }

    /// `alias.column`, quoted.
    func column(_ alias: String, _ name: String) -> String { "\(alias).\(dialect.identifier(name))" }

    /// A column's text, trimmed, NULL when blank (as the importer reads a value), or NULL when
    /// the table has no such column.
    func text(_ table: TurnTable, _ alias: String, _ name: String) -> String {
        guard let type = tables[table]?[name] else { return "CAST(NULL AS STRING)" }
        let value = type == "string" ? column(alias, name) : "CAST(\(column(alias, name)) AS STRING)"
        return "NULLIF(TRIM(\(value)), '')"
    }

    /// A timestamp column (a STRING column cast), or NULL when the table has no such column.
    func time(_ table: TurnTable, _ alias: String, _ name: String) -> String {
        guard let type = tables[table]?[name] else { return "CAST(NULL AS TIMESTAMP)" }
        return type == "timestamp" ? column(alias, name) : "CAST(\(column(alias, name)) AS TIMESTAMP)"
    }

    /// The value of a key of a JSON column (JSON or STRING holding JSON text), NULL when blank
    /// or when the table has no such column.
    func json(_ table: TurnTable, _ alias: String, _ name: String, key: String) -> String {
        guard has(table, name) else { return "CAST(NULL AS STRING)" }
        return "NULLIF(TRIM(JSON_VALUE(\(column(alias, name)), '$.\(key)')), '')"
    }

    /// The newest row of every id: the table's rows with `columns` (expression, name), `id`
    /// and `version` expressions over the alias `t`, ranked by version (a row without one is the
    /// oldest; ties by `tie`, which names columns of the selected rows); rows without an id
    /// are all kept, as the importer keeps them.
    func latest(
        _ table: TurnTable, _ columns: [(String, String)], id: String, version: String, tie: String? = nil
    ) -> String {
        let selected = columns.map { "\($0.0) AS \($0.1)" }.joined(separator: ", ")
        let newest = dialect.newestPerID(
            columns: "\(selected), \(id) AS turn_id", from: "\(self.table(table)) t", id: id, newestFirst: [version],
            ties: tie.map { [$0] } ?? [], rank: "turn_rank", alias: "v", keepingRowsWithoutID: "turn_id")
        return "(\(newest))"
    }

    /// The newest `chats` row of every id: `chat_id`, `contact_id`, `owner`, `state`,
    /// `state_reason`, `updated_at`.
    var latestChats: String {
        latest(
            .chats,
            [
                (text(.chats, "t", "id"), "chat_id"), (text(.chats, "t", "contact_id"), "contact_id"),
                (text(.chats, "t", "owner"), "owner"), (text(.chats, "t", "state"), "state"),
                (text(.chats, "t", "state_reason"), "state_reason"), (time(.chats, "t", "updated_at"), "updated_at"),
            ], id: text(.chats, "t", "id"), version: time(.chats, "t", "updated_at"))
    }

    /// The newest `messages` row of every id, with the raw author type (`turn_author`).
    var latestMessages: String {
        let flat = text(.messages, "t", "author_type")
        let object = json(.messages, "t", "author", key: "type")
        return latest(
            .messages,
            [
                (text(.messages, "t", "id"), "message_id"), (text(.messages, "t", "chat_id"), "chat_id"),
                ("LOWER(\(text(.messages, "t", "direction")))", "direction"),
                (time(.messages, "t", "inserted_at"), "inserted_at"), (text(.messages, "t", "from_addr"), "from_addr"),
                ("COALESCE(UPPER(COALESCE(\(flat), \(object))), '\(TurnImportOptions.missingAuthorType)')", "turn_author"),
                (json(.messages, "t", "author", key: "id"), "author_id"),
                (json(.messages, "t", "author", key: "name"), "author_name"),
                (json(.messages, "t", "author", key: "journey_uuid"), "journey_uuid"),
                (json(.messages, "t", "author", key: "journey_name"), "journey_name"),
            ], id: text(.messages, "t", "id"), version: time(.messages, "t", "updated_at"))
    }

    /// The inbound directions the importer reads.
    static let inbound = "('inbound', 'in', 'i')"
    /// The outbound directions the importer reads.
    static let outbound = "('outbound', 'out', 'o')"

    /// Every author type mapping: the built-in map overridden by `--author-map`, by key.
    var authorMap: [(key: String, type: AuthorType)] {
        TurnImportOptions.builtInAuthorMap.merging(options.authorMap) { _, user in user }.sorted { $0.key < $1.key }
            .map { ($0.key, $0.value) }
    }

    /// The parameters the views name: the maps as arrays.
    var parameters: [String: WarehouseParameter] {
        var values: [String: WarehouseParameter] = [
            "turn_author_keys": .strings(authorMap.map(\.key)),
            "turn_author_types": .strings(authorMap.map(\.type.rawValue)),
        ]
        let events = options.chatEventMap.sorted { $0.key < $1.key }
        values["turn_event_keys"] = .strings(events.map(\.key))
        values["turn_event_actions"] = .strings(events.map(\.value.rawValue))
        if let goals = options.goals {
            values.merge(Self.goalParameters(goals)) { first, _ in first }
            values.merge(Self.journeyParameters(goals.journeys)) { first, _ in first }
        }
        return values
    }

    /// The author map as a table `am(turn_key, turn_type)`.
    var authorMapTable: String {
        dialect.arrayTable("am", [("turn_key", "turn_author_keys", .string), ("turn_type", "turn_author_types", .string)])
    }
}
