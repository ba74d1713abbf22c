import InsightsImport
import InsightsMetrics

/// How a Turn.io export is read and mapped: the user's additions to the built-in rules.
public struct TurnImportOptions: Sendable {
    /// How timestamps without an offset are read (`--assume-timezone`).
    public var timestamps: TimestampParser
    /// `--author-map`: Turn `author_type` values (upper-cased) → Insights author types; added to
    /// `TurnImportOptions.builtInAuthorMap` and overriding it.
    public var authorMap: [String: AuthorType]
    /// `--chat-event-map`: chat_events type values (upper-cased) → what they do; overrides the
    /// guess from the value's words.
    public var chatEventMap: [String: TurnChatEventAction]
    /// `--chat-event-columns`: which chat_events column plays which role; overrides detection.
    public var chatEventColumns: [TurnChatEventColumns.Role: String]
    /// `--goals-map`: goals, behaviours and the flow_results rules that make goal events.
    public var goals: TurnGoalsMap?
    /// The goals file's path, for the summary.
    public var goalsFile: String?
    /// How many row problems are listed per file (all are counted).
    public var issueLimit: Int

    /// The mapping Insights applies with no `--author-map`: the author types Turn documents.
    ///
    /// `OWNER` is the contact (inbound messages) and is never mapped.
    public static let builtInAuthorMap: [String: AuthorType] = ["OPERATOR": .coach, "STACK": .stack, "SYSTEM": .api]

    /// The `--author-map` key for outbound messages that have no author type at all.
    public static let missingAuthorType = "NONE"

    /// Creates options.
    public init(
        timestamps: TimestampParser = TimestampParser(), authorMap: [String: AuthorType] = [:],
        chatEventMap: [String: TurnChatEventAction] = [:],
        chatEventColumns: [TurnChatEventColumns.Role: String] = [:], goals: TurnGoalsMap? = nil,
        goalsFile: String? = nil, issueLimit: Int = 20
    ) {
        self.timestamps = timestamps
        self.authorMap = authorMap
        self.chatEventMap = chatEventMap
        self.chatEventColumns = chatEventColumns
        self.goals = goals
        self.goalsFile = goalsFile
        self.issueLimit = issueLimit
    }

    /// The author type of a raw Turn value and whether the user's map said so; nil when neither
    /// the user's map nor the built-in one knows it.
    func authorType(for raw: String) -> (type: AuthorType, fromUser: Bool)? {
        if let type = authorMap[raw] { return (type, true) }
        if let type = Self.builtInAuthorMap[raw] { return (type, false) }
        return nil
    }

    /// Parses `A=b,C=d`, the value of `--author-map`, `--chat-event-map` or `--chat-event-columns`.
    ///
    /// `value` turns the right-hand side into its type or returns nil. Keys are upper-cased
    /// when `upperKeys`, else lower-cased.
    ///
    /// - Throws: `TurnOptionError` with a sentence naming the bad pair.
    public static func parsePairs<Value>(
        _ text: String, option: String, upperKeys: Bool, expected: String, value: (String) -> Value?
    ) throws(TurnOptionError) -> [String: Value] {
        var result: [String: Value] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw TurnOptionError(message: "\(option): \"\(pair)\" is not NAME=VALUE")
            }
            guard let mapped = value(parts[1]) else {
                throw TurnOptionError(message: "\(option): \"\(parts[1])\" in \"\(pair)\" is not one of \(expected)")
            }
            result[upperKeys ? parts[0].uppercased() : parts[0].lowercased()] = mapped
        }
        return result
    }
}

/// A bad value of a Turn import option.
public struct TurnOptionError: Error, Equatable, Sendable {
    /// One sentence for the user.
    public let message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }
}

/// What a chat_events type value does to a conversation.
public enum TurnChatEventAction: String, CaseIterable, Sendable {
    /// The chat was closed.
    case closed
    /// The chat was re-opened by hand.
    case reopened
    /// The chat was opened explicitly.
    case opened
    /// Nothing a report counts (assignment, labels …).
    case ignore

    /// The guess from a value's words: `reopen` → reopened, `close` → closed, `open` → opened,
    /// anything else ignored.
    static func guess(_ value: String) -> TurnChatEventAction {
        let lower = value.lowercased()
        if lower.contains("reopen") || lower.contains("re-open") || lower.contains("re_open") { return .reopened }
        if lower.contains("close") { return .closed }
        if lower.contains("open") { return .opened }
        return .ignore
    }

    /// The conversation event it becomes, if any.
    var event: ConversationEventKind? {
        switch self {
        case .closed: .closed
        case .reopened: .reopened
        case .opened: .opened
        case .ignore: nil
        }
    }
}
