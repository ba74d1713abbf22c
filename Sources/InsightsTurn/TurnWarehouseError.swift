import InsightsImport
import InsightsMetrics
import InsightsWarehouse

/// Why a report cannot be computed on a Turn.io dataset's own tables (`TurnViewsBuilder`,
/// `TurnViews.check()`): each description names the table and column, or the flag that fixes
/// it; nothing is computed.
public enum TurnWarehouseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The warehouse failed (connection, a refused query).
    case warehouse(WarehouseError)
    /// The dataset has none of Turn's tables.
    case noTables
    /// Something the Turn route does not do (the engine).
    case unsupported(String)
    /// A table lacks a column the importer needs.
    case missingColumn(table: TurnTable, column: String)
    /// A column is of a type that cannot be read as what it holds.
    case wrongType(table: TurnTable, column: String, expected: String, found: String)
    /// A table the rows of another need is missing (`chats` for `messages`).
    case missingTable(TurnTable, neededBy: TurnTable)
    /// The chat_events roles no column was found for, and the columns the table has.
    case chatEventColumns(TurnImportError.MissingRoles, found: [String])
    /// Rows the importer refuses: per table, how many and why.
    case invalidRows(table: TurnTable, count: Int, reason: String)
    /// Rows whose `chat_id` is not in `chats`: how many, and the first few ids (row id, chat id).
    case missingChats(table: TurnTable, count: Int, examples: [(String, String)])
    /// Outbound author types no mapping knows: each value, its count and the first message's id.
    case unknownAuthorTypes([(value: String, count: Int, first: String)])
    /// Status words that are not sent, delivered, read or failed (in any case): each word (its
    /// first spelling by code point), its count and the message of one of its statuses.
    case unknownStatuses([(value: String, count: Int, first: String)])
    /// flow_results sessions with results of more than one Journey or contact: how many, the
    /// first few.
    case sharedSessions(count: Int, examples: [String])

    /// The sentence (lines) for the user.
    public var description: String {
        switch self {
        case .warehouse(let error): return error.description
        case .noTables:
            return "The dataset has none of Turn.io's tables ("
                + TurnTable.allCases.map(\.rawValue).joined(separator: ", ") + "); is it the number's dataset?"
        case .unsupported(let what): return "Not supported: \(what)."
        case .missingColumn(let table, let column):
            return "The Turn table \(table.rawValue) has no column \(column), which the report needs."
        case .wrongType(let table, let column, let expected, let found):
            return "The Turn column \(table.rawValue).\(column) is \(found.uppercased()), not \(expected)."
        case .missingTable(let table, let neededBy):
            let why =
                neededBy == .statuses
                ? "statuses name their message by message_uuid, and message_uuid → messages.uuid finds the message's id"
                : "chat_id → chats.contact_id finds each row's contact"
            return "The dataset has \(neededBy.rawValue) but no \(table.rawValue) table: \(why)."
        case .chatEventColumns(let missing, let found):
            let roles = missing.roles.map(\.rawValue).joined(separator: ", ")
            return "The Turn table chat_events: cannot tell which column holds the event's \(roles); it has "
                + found.joined(separator: ", ") + "; name them with --chat-event-columns chat=COLUMN,type=COLUMN,time=COLUMN."
        case .invalidRows(let table, let count, let reason):
            return "The Turn table \(table.rawValue) has \(count) row\(count == 1 ? "" : "s") \(reason); "
                + "the import refuses them too, so no report is made."
        case .missingChats(let table, let count, let examples):
            let list = examples.map { "\($0.0) (chat \($0.1))" }.joined(separator: ", ")
            return "The Turn table \(table.rawValue) has \(count) row\(count == 1 ? "" : "s") whose chat_id is not in "
                + "chats, e.g. \(list): chats finds each row's contact, so no report is made."
        case .unknownAuthorTypes(let unknown):
            let known = TurnImportOptions.builtInAuthorMap.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: ", ")
            let types = AuthorType.allCases.map(\.rawValue).joined(separator: ", ")
            var lines = [
                "Outbound messages have Turn author types Insights does not know how to count (built in: \(known)):"
            ]
            for value in unknown {
                let label = value.value == TurnImportOptions.missingAuthorType ? "NONE (no author type)" : value.value
                lines.append("  \(label): \(value.count) message\(value.count == 1 ? "" : "s"), e.g. message \(value.first)")
            }
            let example = unknown.map { "\($0.value)=<type>" }.joined(separator: ",")
            lines.append("  say what each one is with --author-map, e.g. --author-map \(example) (types: \(types))")
            return lines.joined(separator: "\n")
        case .unknownStatuses(let unknown):
            var lines = [
                "The Turn table statuses has status words Insights does not know (it reads sent, delivered, read and "
                    + "failed, in any case):"
            ]
            for value in unknown {
                lines.append(
                    "  \"\(value.value)\": \(value.count) status\(value.count == 1 ? "" : "es"), e.g. of message \(value.first)")
            }
            let words = unknown.map { "'\($0.value.lowercased())'" }.joined(separator: ", ")
            lines.append(
                "  Insights does not guess what they mean for delivery: report on a dataset whose statuses leave them out "
                    + "(e.g. a view SELECT * FROM statuses WHERE LOWER(status) NOT IN (\(words)), with views of the other "
                    + "tables), or import an export without them")
            return lines.joined(separator: "\n")
        case .sharedSessions(let count, let examples):
            return "The Turn table flow_results has \(count) session\(count == 1 ? "" : "s") with results of more than one "
                + "Journey or contact, e.g. \(examples.joined(separator: ", ")): a session is one run of one Journey by one "
                + "contact; the import refuses them too, so no report is made."
        }
    }

    /// Two errors are equal when they say the same.
    public static func == (lhs: TurnWarehouseError, rhs: TurnWarehouseError) -> Bool {
        lhs.description == rhs.description
    }
}
