/// Who authored an outbound message.
public enum AuthorType: String, CaseIterable, Codable, Sendable {
    /// A Journey (Stack) flow.
    case stack
    /// A team member answering by hand in the user interface.
    case coach
    /// A scheduled Reminder.
    case reminder
    /// The API or a third-party integration.
    case api
    /// A legacy Automation (discontinued 30 June 2024).
    case automation
    /// A legacy Thread (discontinued 30 June 2024).
    case thread
}

/// What a conversation event does.
public enum ConversationEventKind: String, CaseIterable, Codable, Sendable {
    /// A coach closed the conversation.
    case closed
    /// A coach re-opened the conversation by hand.
    case reopened
    /// An explicit open.
    case opened
}

/// What a goal event records.
public enum GoalEventKind: String, CaseIterable, Codable, Sendable {
    /// The user started the goal.
    case started
    /// The user actioned one of the goal's behaviours.
    case actioned
    /// The user completed the goal.
    case completed
}

/// Contacts are identified in metric input by a compact integer key (the store's row id).
public typealias ContactKey = Int64

/// One stored message, as the metrics read it.
public struct MessageRow: Equatable, Sendable {
    /// The contact the message was exchanged with.
    public var contact: ContactKey
    /// True when the user sent it (received by the service).
    public var inbound: Bool
    /// When it was sent.
    public var timestamp: Instant
    /// Who authored it (outbound only).
    public var authorType: AuthorType?
    /// The specific author's id.
    public var authorID: String?
    /// The author's name on this message.
    public var authorName: String?

    /// Creates a row.
    public init(
        contact: ContactKey, inbound: Bool, timestamp: Instant, authorType: AuthorType? = nil,
        authorID: String? = nil, authorName: String? = nil
    ) {
        self.contact = contact
        self.inbound = inbound
        self.timestamp = timestamp
        self.authorType = authorType
        self.authorID = authorID
        self.authorName = authorName
    }
}

/// What the metrics need to know of a contact beyond its messages.
public struct ContactFacts: Equatable, Sendable {
    /// The instant of its first inbound message in all stored data.
    public var firstInbound: Instant?
    /// ISO 3166-1 alpha-2 region, or `ZZ` when unknown.
    public var country: String

    /// Creates facts.
    public init(firstInbound: Instant?, country: String) {
        self.firstInbound = firstInbound
        self.country = country
    }
}

/// A close or open of a conversation, as the metrics read it.
public struct ConversationEventRow: Equatable, Sendable {
    /// Whose conversation.
    public var contact: ContactKey
    /// What happened.
    public var kind: ConversationEventKind
    /// When.
    public var timestamp: Instant
    /// Position in import (file) order: orders events at the same instant.
    public var sequence: Int64

    /// Creates a row.
    public init(contact: ContactKey, kind: ConversationEventKind, timestamp: Instant, sequence: Int64) {
        self.contact = contact
        self.kind = kind
        self.timestamp = timestamp
        self.sequence = sequence
    }
}

/// A goal and its behaviours, in listing order.
public struct GoalDefinition: Equatable, Sendable {
    /// The goal's id.
    public var id: String
    /// Its name.
    public var name: String
    /// Its behaviours, in listing order.
    public var behaviours: [BehaviourDefinition]

    /// Creates a goal.
    public init(id: String, name: String, behaviours: [BehaviourDefinition]) {
        self.id = id
        self.name = name
        self.behaviours = behaviours
    }
}

/// A behaviour of a goal.
public struct BehaviourDefinition: Equatable, Sendable {
    /// The behaviour's id.
    public var id: String
    /// Its name.
    public var name: String

    /// Creates a behaviour.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A goal event, as the metrics read it.
public struct GoalEventRow: Equatable, Sendable {
    /// Who.
    public var contact: ContactKey
    /// Which goal.
    public var goalID: String
    /// Which behaviour (`actioned` only).
    public var behaviourID: String?
    /// What happened.
    public var kind: GoalEventKind
    /// When.
    public var timestamp: Instant

    /// Creates a row.
    public init(
        contact: ContactKey, goalID: String, behaviourID: String? = nil, kind: GoalEventKind,
        timestamp: Instant
    ) {
        self.contact = contact
        self.goalID = goalID
        self.behaviourID = behaviourID
        self.kind = kind
        self.timestamp = timestamp
    }
}
