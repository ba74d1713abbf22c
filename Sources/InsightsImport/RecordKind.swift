/// The kinds of record `import` reads (DATA.md), goals and behaviours counted apart.
public enum RecordKind: String, CaseIterable, Sendable {
    /// People.
    case contacts
    /// Messages exchanged with them.
    case messages
    /// What the network reported about outbound messages (sent, delivered, read, failed).
    case messageStatuses = "message_statuses"
    /// Closes and opens of conversations.
    case conversationEvents = "conversation_events"
    /// Goal definitions.
    case goals
    /// Behaviours of goals.
    case behaviours
    /// Goals started, behaviours actioned, goals completed.
    case goalEvents = "goal_events"
    /// People going through Journeys (flows), one row per run.
    case journeyRuns = "journey_runs"
    /// What people answered inside Journeys.
    case journeyResults = "journey_results"

    /// Every column of the kind, in DATA.md's order: what import reads and export writes.
    public var allColumns: [Column] {
        columns + addedColumns
    }

    /// The columns added to existing kinds by the consent, contact-fields and ordering
    /// columns (`opted_in_at`, `opted_out_at`, `fields`, `position`, `seq`); all optional.
    public var addedColumns: [Column] {
        switch self {
        case .contacts: [.init("opted_in_at"), .init("opted_out_at"), .init("fields", holdsObject: true)]
        case .goals, .behaviours: [.init("position")]
        case .conversationEvents, .journeyResults: [.init("seq")]
        case .messages, .messageStatuses, .goalEvents, .journeyRuns: []
        }
    }

    /// The kind's first columns, in DATA.md's order, without `addedColumns`: the columns a
    /// writer of rows of the first six kinds (such as the Turn converter) supplies. Import
    /// reads `allColumns`; a file without the added columns has no value for them.
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
        case .messageStatuses:
            [
                .init("message_id", required: true), .init("status", required: true),
                .init("timestamp", required: true), .init("error"),
            ]
        case .journeyRuns:
            [
                .init("run_id", required: true), .init("contact_id", required: true),
                .init("journey_id", required: true), .init("journey_name"), .init("started_at", required: true),
                .init("ended_at"), .init("outcome"), .init("last_step"),
            ]
        case .journeyResults:
            [
                .init("contact_id", required: true), .init("journey_id", required: true), .init("run_id"),
                .init("question", required: true), .init("answer", required: true),
                .init("timestamp", required: true),
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
        /// Whether an NDJSON value may be a JSON object (`contacts.fields`): its JSON text is
        /// then the column's value, as a CSV file gives it.
        public let holdsObject: Bool

        init(_ name: String, required: Bool = false, holdsObject: Bool = false) {
            self.name = name
            self.required = required
            self.holdsObject = holdsObject
        }
    }
}
