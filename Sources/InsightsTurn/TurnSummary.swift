import InsightsImport
import InsightsMetrics

/// What a Turn import read and every choice it made, for the import summary.
public struct TurnSummary: Equatable, Sendable {
    /// Rows read per table.
    public var tables: [TableCount] = []
    /// Data files in the folders that are not tables Insights reads.
    public var skippedFiles: [String] = []
    /// How outbound author types were mapped, per raw value.
    public var authorTypes: [AuthorTypeUse] = []
    /// Inbound messages (authored by the contact: `OWNER`).
    public var inboundMessages = 0
    /// Contacts written, and where their phone numbers came from (source → count).
    public var contacts = 0
    /// `chats.owner`, `contacts.urn`, `contacts.details.whatsapp_id`, `messages.from_addr` or `none`.
    public var phoneSources: [String: Int] = [:]
    /// Where conversation closes came from.
    public var closes: Closes = .none
    /// Goals from flow_results.
    public var goals: GoalUse?
    /// flow_results rows that were read (after de-duplication) when no goals file was given.
    public var flowResultsWithoutMap = 0
    /// What the statuses table gave (nil without one).
    public var statuses: StatusUse?
    /// Consent times and fields from the contacts table.
    public var contactDetails = ContactDetailsUse()
    /// Journey results and runs from flow_results (nil without flow_results).
    public var journeys: JourneyUse?

    /// Rows of one table.
    public struct TableCount: Equatable, Sendable {
        /// The table.
        public let table: TurnTable
        /// Its files.
        public var files: [String]
        /// Rows read, duplicates included.
        public var rows: Int
        /// Older versions of an id dropped.
        public var duplicates: Int
    }

    /// One raw author type and what it became.
    public struct AuthorTypeUse: Equatable, Sendable {
        /// The Turn value.
        public let value: String
        /// The Insights author type.
        public let type: AuthorType
        /// Whether `--author-map` said so (else the built-in map).
        public let fromUser: Bool
        /// Outbound messages with it.
        public let messages: Int
    }

    /// Where conversation closes came from.
    public enum Closes: Equatable, Sendable {
        /// No chat_events and no chats table: no closes.
        case none
        /// From chat_events: per file, the columns used; per type value, what it became.
        case chatEvents(files: [ChatEventsFile], types: [ChatEventTypeUse])
        /// From the chats table's state: a close at `updated_at` of every closed chat.
        case chatsState(ChatsStateUse)
    }

    /// A chat_events file and the columns read from it.
    public struct ChatEventsFile: Equatable, Sendable {
        /// The file.
        public let file: String
        /// Its columns.
        public let columns: TurnChatEventColumns
    }

    /// A chat_events type value and what it became.
    public struct ChatEventTypeUse: Equatable, Sendable {
        /// The value as in the file.
        public let value: String
        /// What it does.
        public let action: TurnChatEventAction
        /// Whether `--chat-event-map` said so (else guessed from its words).
        public let fromUser: Bool
        /// Rows with it.
        public let rows: Int
    }

    /// What the chats table's state gave.
    public struct ChatsStateUse: Equatable, Sendable {
        /// Chats whose state is closed: one close each, at `updated_at`.
        public var closed = 0
        /// Open chats.
        public var open = 0
        /// Open chats whose `state_reason` says they were re-opened (the close before is unknown).
        public var reopenedBefore = 0
        /// Other state values (ignored) and their counts.
        public var otherStates: [String: Int] = [:]
        /// Closed chats whose contact has an inbound message after `updated_at` (they end open).
        public var closedBeforeLastMessage = 0
    }

    /// What flow_results gave.
    public struct GoalUse: Equatable, Sendable {
        /// The goals file.
        public let file: String
        /// Goals and behaviours it defines.
        public let goals: Int
        /// Behaviours.
        public let behaviours: Int
        /// flow_results rows (after de-duplication).
        public var results = 0
        /// Rows that matched a rule.
        public var matched = 0
        /// Goal events produced.
        public var events = 0
        /// Rows that matched no rule, per question_id.
        public var ignored: [String: Int] = [:]
    }

    /// The sentence for the report and the database when closes are approximate; "" otherwise.
    public var closesNote: String {
        switch closes {
        case .chatsState:
            "Conversation closes are approximate: the Turn.io export had no chat_events table, so each chat "
                + "that was closed when exported counts as closed once, at its last update; earlier closes and "
                + "re-opens are not known."
        case .none:
            "No conversation closes: the Turn.io export had neither chat_events nor chats, so conversations "
                + "never count as closed."
        case .chatEvents: ""
        }
    }

    /// The summary as lines for the terminal.
    public var lines: [String] {
        var lines: [String] = ["Turn.io export:"]
        for table in tables {
            let names = table.files.joined(separator: ", ")
            var line = "  \(table.table.rawValue): \(table.rows) row\(table.rows == 1 ? "" : "s") read from \(names)"
            if table.duplicates > 0 {
                line +=
                    "; \(table.duplicates) older version\(table.duplicates == 1 ? "" : "s") of an id dropped (kept the latest updated_at)"
            }
            lines.append(line)
        }
        for file in skippedFiles {
            lines.append("  skipped \(file): not a table Insights reads")
        }
        let mapped = authorTypes.map {
            "\($0.value) → \($0.type.rawValue) (\($0.messages), \($0.fromUser ? "--author-map" : "built in"))"
        }
        lines.append(
            "Author types of outbound messages: " + (mapped.isEmpty ? "none" : mapped.joined(separator: ", "))
                + "; \(inboundMessages) inbound (OWNER)")
        let sources = ["chats.owner", "contacts.urn", "contacts.details.whatsapp_id", "messages.from_addr", "none"]
            .compactMap { source in phoneSources[source].map { "\(source) \($0)" } }
        lines.append(
            "Contacts: \(contacts); phone from " + (sources.isEmpty ? "nothing" : sources.joined(separator: ", ")))
        switch closes {
        case .none:
            lines.append("Conversation closes: none (no chat_events or chats table)")
        case .chatEvents(let files, let types):
            for file in files {
                lines.append("Conversation closes from \(file.file), columns \(file.columns.description)")
            }
            let list = types.map {
                "\($0.value) → \($0.action.rawValue) (\($0.rows), \($0.fromUser ? "--chat-event-map" : "guessed"))"
            }
            lines.append("  event types: " + (list.isEmpty ? "none" : list.joined(separator: ", ")))
            if !types.contains(where: { $0.action == .closed }) {
                lines.append(
                    "  warning: no chat_events type was recognised as a close; if one of them is, pass "
                        + "--chat-event-map VALUE=closed")
            }
        case .chatsState(let use):
            lines.append(
                "Conversation closes APPROXIMATE: no chat_events table, so the chats table's state was used: "
                    + "\(use.closed) closed chat\(use.closed == 1 ? "" : "s") → one close each at updated_at; "
                    + "\(use.open) open")
            if use.reopenedBefore > 0 {
                let chats = use.reopenedBefore == 1 ? "open chat was" : "open chats were"
                lines.append(
                    "  \(use.reopenedBefore) \(chats) re-opened before (state_reason); when they closed is unknown")
            }
            if use.closedBeforeLastMessage > 0 {
                lines.append(
                    "  \(use.closedBeforeLastMessage) closed chat(s) have an inbound message after updated_at "
                        + "(is the chats export older than messages?); they end open")
            }
            for (state, count) in use.otherStates.sorted(by: { $0.key < $1.key }) {
                lines.append("  state \"\(state)\" (\(count) chats) is neither open nor closed: ignored")
            }
            lines.append("  export chat_events too for exact closes and re-opens")
        }
        if let goals {
            var line =
                "Goals from \(goals.file): \(goals.goals) goals, \(goals.behaviours) behaviours; "
                + "flow_results: \(goals.results) → \(goals.events) goal event\(goals.events == 1 ? "" : "s") "
                + "from \(goals.matched) result\(goals.matched == 1 ? "" : "s"), "
                + "\(goals.ignored.values.reduce(0, +)) ignored"
            if !goals.ignored.isEmpty {
                let top = goals.ignored.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(8)
                line +=
                    " (question_id: " + top.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    + (goals.ignored.count > 8 ? ", …" : "") + ")"
            }
            lines.append(line)
        } else if flowResultsWithoutMap > 0 {
            lines.append(
                "Goals: none; \(flowResultsWithoutMap) flow_results ignored (pass --goals-map FILE to turn "
                    + "Journey results into goal events)")
        }
        return lines + newKindLines
    }
}
