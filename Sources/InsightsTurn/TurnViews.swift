import InsightsImport
import InsightsMetrics
import InsightsWarehouse

/// Turn.io's own BigQuery tables read as Insights' record kinds: one GoogleSQL `SELECT` per
/// kind over `messages`, `chats`, `contacts`, `chat_events`, `statuses` and `flow_results`, with the meaning
/// `insights import --source turn` gives them (`TurnConversion`), so that the warehouse engine's
/// queries run over them unchanged (`ViewConnection`).
///
/// What the importer does and the views do alike:
/// - the newest row of every `id` by `updated_at` (`uuid`, else `id`, by `updated_at`, else
///   `inserted_at`, for `flow_results`); a row without `updated_at` is older than any with one;
/// - a message's and a chat event's contact through the newest `chats` row of its `chat_id`;
/// - outbound author types from the flat `author_type`, else `JSON_VALUE(author, '$.type')`,
///   upper-cased, `NONE` without either, mapped by `--author-map` over the built-in map;
/// - `chat_events` columns found by name (`TurnChatEventColumns`), types mapped by
///   `--chat-event-map` or guessed from their words; without `chat_events`, one close per closed
///   chat at its `updated_at` (approximate, with `TurnSummary.closesNote`'s note);
/// - `--goals-map`'s goals, behaviours, rules and Journeys as array parameters (never pasted
///   into the SQL); Journey runs derived from the listed Journeys' sessions (`journeyRunsView`);
/// - `statuses`: the newest version of every status, its message by `message_id`, else
///   `message_uuid` → `messages.uuid`, words compared ignoring case (`messageStatusesView`).
///
/// Same-instant order: events (and Journey results) of one instant are ordered by the row's
/// id, in the importer too, so that both paths replay them alike.
public struct TurnViews<Base: WarehouseConnection> {
    /// The connection whose record kinds are the views.
    public let connection: ViewConnection<Base>
    /// The Turn tables found, with their columns (lower-cased name → type lower-cased).
    public let tables: [TurnTable: [String: String]]
    /// The chat_events columns read (nil without a chat_events table).
    public let chatEventColumns: TurnChatEventColumns?
    /// The options compiled into the views.
    public let options: TurnImportOptions

    /// Where conversation closes come from.
    public var closes: TurnSummary.Closes {
        if let chatEventColumns {
            return .chatEvents(files: [.init(file: "chat_events", columns: chatEventColumns)], types: [])
        }
        return tables[.chats] != nil ? .chatsState(.init()) : .none
    }

    /// The note for the report page when closes are approximate ("" when exact).
    public var closesNote: String {
        var summary = TurnSummary()
        summary.closes = closes
        return summary.closesNote
    }
}

/// Builds `TurnViews` from a dataset's Turn tables.
public enum TurnViewsBuilder {
    /// Reads the columns of Turn's tables in `base` (its `INFORMATION_SCHEMA` through
    /// `columns(of:)`) and makes a view per record kind the tables give.
    /// - Throws: `TurnWarehouseError` naming the table or column that cannot be read.
    public static func make<Base: WarehouseConnection>(
        base: Base, options: TurnImportOptions
    ) throws(TurnWarehouseError) -> TurnViews<Base> {
        guard base.dialect.engine == .bigquery else {
            throw .unsupported("a Turn.io dataset is read on BigQuery only (--bigquery PROJECT.DATASET)")
        }
        var tables: [TurnTable: [String: String]] = [:]
        for table in TurnTable.allCases {
            let columns: [String: String]?
            do { columns = try base.columns(of: table.rawValue) } catch { throw .warehouse(error) }
            if let columns { tables[table] = columns }
        }
        guard !tables.isEmpty else { throw .noTables }
        var sql = TurnSQL(dialect: base.dialect, tables: tables, options: options)
        try sql.check()
        var chatEventColumns: TurnChatEventColumns?
        if let found = tables[.chatEvents] {
            switch TurnChatEventColumns.detect(in: found.keys.sorted(), overrides: options.chatEventColumns) {
            case .success(let columns): chatEventColumns = columns
            case .failure(let missing): throw .chatEventColumns(missing, found: found.keys.sorted())
            }
            sql.eventColumns = chatEventColumns
            try sql.checkEventColumns()
        }
        var views: [String: WarehouseView] = [:]
        if tables[.messages] != nil, tables[.chats] != nil { views["messages"] = sql.messagesView }
        if tables[.contacts] != nil || tables[.chats] != nil { views["contacts"] = sql.contactsView }
        if tables[.chats] != nil {
            if let view = chatEventColumns == nil ? sql.closesFromStateView : sql.chatEventsView {
                views["conversation_events"] = view
            }
        }
        if let goals = options.goals {
            if !goals.goals.isEmpty { views["goals"] = sql.goalsView }
            if !goals.behaviours.isEmpty { views["behaviours"] = sql.behavioursView }
            if tables[.flowResults] != nil, !goals.rules.isEmpty { views["goal_events"] = sql.goalEventsView }
        }
        if tables[.flowResults] != nil { views["journey_results"] = sql.journeyResultsView }
        if tables[.flowResults] != nil, let journeys = options.goals?.journeys, !journeys.isEmpty {
            views["journey_runs"] = sql.journeyRunsView
        }
        if tables[.statuses] != nil { views["message_statuses"] = sql.messageStatusesView }
        return TurnViews(
            connection: ViewConnection(base: base, views: views, parameters: sql.parameters), tables: tables,
            chatEventColumns: chatEventColumns, options: options)
    }
}
