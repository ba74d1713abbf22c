import InsightsImport
import InsightsMetrics
import InsightsWarehouse

extension TurnSQL {
    /// The columns the importer requires (`TurnTable.requiredColumns`) and the types of the
    /// timestamp columns read (TIMESTAMP, or STRING cast).
    func check() throws(TurnWarehouseError) {
        for (table, columns) in tables.sorted(by: { $0.key < $1.key }) {
            for column in table.requiredColumns where columns[column] == nil {
                throw .missingColumn(table: table, column: column)
            }
            for column in ["inserted_at", "updated_at", "opted_in_at", "opted_out_at", "timestamp"] {
                if let type = columns[column], type != "timestamp", type != "string" {
                    throw .wrongType(table: table, column: column, expected: "TIMESTAMP", found: type)
                }
            }
        }
        if tables[.messages] != nil, tables[.chats] == nil { throw .missingTable(.chats, neededBy: .messages) }
        if tables[.chatEvents] != nil, tables[.chats] == nil { throw .missingTable(.chats, neededBy: .chatEvents) }
    }

    /// The type of chat_events' time and version columns.
    func checkEventColumns() throws(TurnWarehouseError) {
        guard let columns = eventColumns else { return }
        for column in [columns.time] + (columns.version.map { [$0] } ?? []) {
            if let type = tables[.chatEvents]?[column], type != "timestamp", type != "string" {
                throw .wrongType(table: .chatEvents, column: column, expected: "TIMESTAMP", found: type)
            }
        }
    }
}

extension TurnViews {
    var sql: TurnSQL {
        var sql = TurnSQL(dialect: connection.base.dialect, tables: tables, options: options)
        sql.eventColumns = chatEventColumns
        return sql
    }

    func rows(_ query: String) throws(TurnWarehouseError) -> [[String?]] {
        do { return try connection.rows(query, parameters: [:]) } catch { throw .warehouse(error) }
    }

    static func int(_ cell: String??) -> Int { cell.flatMap { $0 }.flatMap { Int($0) } ?? 0 }

    /// Runs the importer's checks as queries and returns the summary the importer prints:
    /// rows the importer refuses (no id, chat, direction or time), rows whose chat is missing,
    /// outbound author types no mapping knows (every value, its count, an example); statuses
    /// (`checkStatuses`) and Journey results and runs (`checkJourneys`).
    /// - Throws: `TurnWarehouseError` for the first check that fails.
    public func check() throws(TurnWarehouseError) -> TurnSummary {
        var summary = TurnSummary()
        summary.tables = try tableCounts()
        if tables[.messages] != nil { try checkMessages(&summary) }
        summary.closes = closes
        if let events = sql.latestChatEvents, let columns = chatEventColumns {
            try checkEvents(events, columns: columns, &summary)
        } else if tables[.chats] != nil {
            try countStates(&summary)
        }
        if tables[.statuses] != nil { try checkStatuses(sql, &summary) }
        if tables[.flowResults] != nil { try checkJourneys(sql, &summary) }
        return summary
    }

    private func checkMessages(_ summary: inout TurnSummary) throws(TurnWarehouseError) {
        let latest = sql.latestMessages
        let chats = sql.latestChats
        let invalid = try rows(
            """
            SELECT COUNTIF(m.message_id IS NULL), COUNTIF(m.chat_id IS NULL), COUNTIF(m.inserted_at IS NULL),
              COUNTIF(m.direction IS NULL OR m.direction NOT IN \(TurnSQL.inbound + " AND m.direction NOT IN " + TurnSQL.outbound))
            FROM \(latest) m
            """
        ).first
        let reasons = [
            "without an id", "without a chat_id", "without inserted_at", "whose direction is neither inbound nor outbound",
        ]
        for (index, reason) in reasons.enumerated() {
            let count = Self.int(invalid?[index])
            if count > 0 { throw .invalidRows(table: .messages, count: count, reason: reason) }
        }
        let orphans = try rows(
            """
            SELECT m.message_id, m.chat_id, COUNT(*) OVER () FROM \(latest) m
            LEFT JOIN \(chats) c ON c.chat_id = m.chat_id WHERE c.chat_id IS NULL
            ORDER BY m.message_id LIMIT 5
            """)
        if let first = orphans.first {
            throw .missingChats(
                table: .messages, count: Self.int(first[2]), examples: orphans.map { ($0[0] ?? "", $0[1] ?? "") })
        }
        let types = try rows(
            """
            SELECT m.turn_author, am.turn_type, COUNT(*), MIN(m.message_id), COUNTIF(m.direction IN \(TurnSQL.inbound))
            FROM \(latest) m JOIN \(chats) c ON c.chat_id = m.chat_id
            LEFT JOIN \(sql.authorMapTable) ON am.turn_key = m.turn_author AND m.direction IN \(TurnSQL.outbound)
            GROUP BY m.turn_author, am.turn_type, m.direction IN \(TurnSQL.inbound)
            ORDER BY m.turn_author
            """)
        var unknown: [(value: String, count: Int, first: String)] = []
        for row in types {
            let count = Self.int(row[2])
            if Self.int(row[4]) > 0 {
                summary.inboundMessages += count
            } else if let mapped = row[1].flatMap(AuthorType.init(rawValue:)) {
                let value = row[0] ?? TurnImportOptions.missingAuthorType
                summary.authorTypes.append(
                    .init(value: value, type: mapped, fromUser: options.authorMap[value] != nil, messages: count))
            } else {
                unknown.append((row[0] ?? TurnImportOptions.missingAuthorType, count, row[3] ?? ""))
            }
        }
        guard unknown.isEmpty else { throw .unknownAuthorTypes(unknown) }
    }

    /// chat_events rows the importer refuses, rows whose chat is missing, and the types read.
    private func checkEvents(
        _ events: String, columns: TurnChatEventColumns, _ summary: inout TurnSummary
    ) throws(TurnWarehouseError) {
        let invalid = try rows(
            "SELECT COUNTIF(e.chat_id IS NULL), COUNTIF(e.type IS NULL), COUNTIF(e.turn_at IS NULL) FROM \(events) e"
        ).first
        for (index, column) in [columns.chat, columns.type, columns.time].enumerated() {
            let count = Self.int(invalid?[index])
            if count > 0 { throw .invalidRows(table: .chatEvents, count: count, reason: "without \(column)") }
        }
        let orphans = try rows(
            """
            SELECT e.turn_id, e.chat_id, COUNT(*) OVER () FROM \(events) e
            LEFT JOIN \(sql.latestChats) c ON c.chat_id = e.chat_id WHERE c.chat_id IS NULL
            ORDER BY e.turn_id LIMIT 5
            """)
        if let first = orphans.first {
            throw .missingChats(
                table: .chatEvents, count: Self.int(first[2]), examples: orphans.map { ($0[0] ?? "(no id)", $0[1] ?? "") })
        }
        let types = try rows("SELECT e.type, COUNT(*) FROM \(events) e GROUP BY e.type ORDER BY e.type")
        let uses = types.map { row in
            let value = row[0] ?? ""
            let user = options.chatEventMap[value.uppercased()]
            return TurnSummary.ChatEventTypeUse(
                value: value, action: user ?? TurnChatEventAction.guess(value), fromUser: user != nil,
                rows: Self.int(row[1]))
        }
        summary.closes = .chatEvents(
            files: [.init(file: "\(connection.base.dialect.container).chat_events", columns: columns)], types: uses)
    }

    /// The chats' states, for the summary of approximate closes.
    private func countStates(_ summary: inout TurnSummary) throws(TurnWarehouseError) {
        let states = try rows(
            """
            SELECT c.state, COUNT(*), COUNTIF(STRPOS(LOWER(COALESCE(c.state_reason, '')), 're-opened') > 0
              OR STRPOS(LOWER(COALESCE(c.state_reason, '')), 'reopened') > 0), COUNTIF(c.updated_at IS NULL)
            FROM \(sql.latestChats) c GROUP BY c.state ORDER BY c.state
            """)
        var use = TurnSummary.ChatsStateUse()
        for row in states {
            let state = row[0]?.uppercased() ?? ""
            let count = Self.int(row[1])
            if state == "OPEN" {
                use.open += count
                use.reopenedBefore += Self.int(row[2])
            } else if state.contains("CLOSE") {
                if Self.int(row[3]) > 0 {
                    throw .invalidRows(
                        table: .chats, count: Self.int(row[3]),
                        reason: "closed without updated_at (there is no chat_events table)")
                }
                use.closed += count
            } else {
                use.otherStates[row[0] ?? "(empty)", default: 0] += count
            }
        }
        summary.closes = .chatsState(use)
    }

    /// Rows per table and older versions dropped, in one query.
    private func tableCounts() throws(TurnWarehouseError) -> [TurnSummary.TableCount] {
        let sql = self.sql
        var parts: [String] = []
        var order: [TurnTable] = []
        for table in TurnTable.allCases where tables[table] != nil {
            let latest: String
            switch table {
            case .messages: latest = sql.latestMessages
            case .chats: latest = sql.latestChats
            case .contacts: latest = sql.latestContacts
            case .flowResults: latest = sql.latestFlowResults
            case .statuses: latest = sql.latestStatuses
            default: latest = "(SELECT * FROM \(sql.table(table)))"
            }
            parts.append(
                "SELECT \(order.count) AS turn_table, (SELECT COUNT(*) FROM \(sql.table(table))) AS turn_rows, "
                    + "(SELECT COUNT(*) FROM \(latest)) AS turn_kept")
            order.append(table)
        }
        guard !parts.isEmpty else { return [] }
        let counts = try rows(parts.joined(separator: "\nUNION ALL\n") + "\nORDER BY turn_table")
        return counts.compactMap { row in
            guard let index = row[0].flatMap({ Int($0) }), index < order.count else { return nil }
            let read = Self.int(row[1])
            return .init(
                table: order[index], files: ["\(connection.base.dialect.container).\(order[index].rawValue)"], rows: read,
                duplicates: read - Self.int(row[2]))
        }
    }
}
