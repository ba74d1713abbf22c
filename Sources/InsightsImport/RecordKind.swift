/// The five kinds of record `import` reads (DATA.md), goals and behaviours counted apart.
public enum RecordKind: String, CaseIterable, Sendable {
    /// People.
    case contacts
    /// Messages exchanged with them.
    case messages
    /// Closes and opens of conversations.
    case conversationEvents = "conversation_events"
    /// Goal definitions.
    case goals
    /// Behaviours of goals.
    case behaviours
    /// Goals started, behaviours actioned, goals completed.
    case goalEvents = "goal_events"

    /// The columns of the kind, in DATA.md's order.
    public var columns: [Column] {
        switch self {
        case .contacts:
            [.init("contact_id", required: true), .init("phone"), .init("country"), .init("created_at")]
        case .messages:
            [
                .init("message_id", required: true), .init("contact_id", required: true),
                .init("direction", required: true), .init("timestamp", required: true),
                .init("author_type"), .init("author_id"), .init("author_name"),
            ]
        case .conversationEvents:
            [
                .init("contact_id", required: true), .init("event", required: true),
                .init("timestamp", required: true), .init("actor_id"), .init("actor_name"),
            ]
        case .goals:
            [.init("goal_id", required: true), .init("name", required: true), .init("description")]
        case .behaviours:
            [.init("behaviour_id", required: true), .init("goal_id", required: true), .init("name", required: true)]
        case .goalEvents:
            [
                .init("contact_id", required: true), .init("goal_id", required: true),
                .init("behaviour_id"), .init("event", required: true), .init("timestamp", required: true),
            ]
        }
    }

    /// The kind named by a file name such as `messages.csv`, `goal_events.ndjson.gz` or
    /// `contacts.jsonl`; nil when the stem is not a kind.
    public init?(fileName: String) {
        var stem = Substring(fileName.lowercased())
        for suffix in [".gz", ".csv", ".ndjson", ".jsonl", ".json"] where stem.hasSuffix(suffix) {
            stem = stem.dropLast(suffix.count)
            if suffix == ".gz" { continue }
            break
        }
        // Allow a dash or dot qualifier after the kind: messages-2026-10.csv, contacts.part1.csv.
        let candidates = [String(stem)] + [String(stem.prefix { $0 != "." && $0 != "-" })]
        guard let kind = candidates.lazy.compactMap({ RecordKind(rawValue: $0) }).first else { return nil }
        self = kind
    }

    /// A column of a kind.
    public struct Column: Equatable, Sendable {
        /// Its name (matched case-insensitively).
        public let name: String
        /// Whether the file must have it.
        public let required: Bool

        init(_ name: String, required: Bool = false) {
            self.name = name
            self.required = required
        }
    }
}
