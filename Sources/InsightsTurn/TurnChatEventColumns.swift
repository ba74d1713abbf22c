/// Which columns of a `chat_events` file Insights reads, found by name.
///
/// Turn does not document the table's columns, so they are detected: the first column present
/// from each role's candidates, unless `--chat-event-columns ROLE=COLUMN` names it. The import
/// summary prints the columns used.
public struct TurnChatEventColumns: Equatable, Sendable {
    /// The chat the event belongs to.
    public let chat: String
    /// The event's type (its values say close, reopen, assignment …).
    public let type: String
    /// When it happened.
    public let time: String
    /// The row's id, for de-duplication (nil: rows are not de-duplicated).
    public let id: String?
    /// The version column for de-duplication.
    public let version: String?
    /// Who did it (id).
    public let actorID: String?
    /// Who did it (name).
    public let actorName: String?

    /// A role a column can play.
    public enum Role: String, CaseIterable, Sendable {
        /// The chat id.
        case chat
        /// The event type.
        case type
        /// The time.
        case time
        /// The row id.
        case id
        /// The actor's id.
        case actorID = "actor_id"
        /// The actor's name.
        case actorName = "actor_name"

        /// Column names tried in order.
        public var candidates: [String] {
            switch self {
            case .chat: ["chat_id", "chat_uuid"]
            case .type: ["event_type", "type", "event", "action", "kind"]
            case .time: ["inserted_at", "occurred_at", "timestamp", "created_at", "updated_at"]
            case .id: ["id", "uuid"]
            case .actorID: ["actor_id", "account_id", "operator_id", "author_id", "user_id"]
            case .actorName: ["actor_name", "account_name", "operator_name", "author_name", "user_name"]
            }
        }

        var required: Bool { self == .chat || self == .type || self == .time }
    }

    /// The columns to use among `found`, or the required roles no column was found for.
    static func detect(
        in found: [String], overrides: [Role: String]
    ) -> Result<TurnChatEventColumns, TurnImportError.MissingRoles> {
        var chosen: [Role: String] = [:]
        var missing: [Role] = []
        for role in Role.allCases {
            if let named = overrides[role] {
                if found.contains(named.lowercased()) {
                    chosen[role] = named.lowercased()
                } else if role.required {
                    missing.append(role)
                }
                continue
            }
            if let column = role.candidates.first(where: found.contains) {
                chosen[role] = column
            } else if role.required {
                missing.append(role)
            }
        }
        guard missing.isEmpty, let chat = chosen[.chat], let type = chosen[.type], let time = chosen[.time] else {
            return .failure(TurnImportError.MissingRoles(roles: missing, overrides: overrides))
        }
        let version = found.contains("updated_at") && time != "updated_at" ? "updated_at" : nil
        return .success(
            TurnChatEventColumns(
                chat: chat, type: type, time: time, id: chosen[.id], version: version,
                actorID: chosen[.actorID], actorName: chosen[.actorName]))
    }

    /// The columns in the order they are read.
    var list: [String] {
        [chat, type, time] + [id, version, actorID, actorName].compactMap { $0 }
    }

    /// `chat_id (chat), event_type (type), inserted_at (time)`, and the optional ones found.
    public var description: String {
        var parts = ["\(chat) (chat)", "\(type) (type)", "\(time) (time)"]
        if let id { parts.append("\(id) (id)") }
        if let actorID { parts.append("\(actorID) (actor id)") }
        if let actorName { parts.append("\(actorName) (actor name)") }
        return parts.joined(separator: ", ")
    }
}
