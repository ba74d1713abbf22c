import InsightsMetrics

/// A contacts row.
public struct ContactRecord: Equatable, Sendable {
    /// The service's id for the person.
    public var contactID: String
    /// The number as given.
    public var phone: String?
    /// ISO 3166-1 alpha-2 override, upper-cased.
    public var country: String?
    /// When the contact was first seen.
    public var createdAt: Instant?
    /// When the person last opted in to messages.
    public var optedInAt: Instant?
    /// When the person last opted out.
    public var optedOutAt: Instant?
    /// The service's own contact fields with a value, in the order the object gives them.
    public var fields: [ContactField]

    /// Creates a record.
    public init(
        contactID: String, phone: String? = nil, country: String? = nil, createdAt: Instant? = nil,
        optedInAt: Instant? = nil, optedOutAt: Instant? = nil, fields: [ContactField] = []
    ) {
        self.contactID = contactID
        self.phone = phone
        self.country = country
        self.createdAt = createdAt
        self.optedInAt = optedInAt
        self.optedOutAt = optedOutAt
        self.fields = fields
    }
}

/// One of a contact's `fields`: its name and its value as text (`3` → `"3"`).
public struct ContactField: Equatable, Sendable {
    /// The field's name, as given.
    public var name: String
    /// Its value, as given (never empty).
    public var value: String

    /// Creates a field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A messages row.
public struct MessageRecord: Equatable, Sendable {
    /// Unique id; importing it again replaces the row.
    public var messageID: String
    /// The user the message was exchanged with.
    public var contactID: String
    /// True for inbound (user → service).
    public var inbound: Bool
    /// When it was sent.
    public var timestamp: Instant
    /// Who authored it (outbound only).
    public var authorType: AuthorType?
    /// The specific author's id.
    public var authorID: String?
    /// The author's name.
    public var authorName: String?

    /// Creates a record.
    public init(
        messageID: String, contactID: String, inbound: Bool, timestamp: Instant, authorType: AuthorType? = nil,
        authorID: String? = nil, authorName: String? = nil
    ) {
        self.messageID = messageID
        self.contactID = contactID
        self.inbound = inbound
        self.timestamp = timestamp
        self.authorType = authorType
        self.authorID = authorID
        self.authorName = authorName
    }
}

/// A conversation_events row.
public struct ConversationEventRecord: Equatable, Sendable {
    /// Whose conversation.
    public var contactID: String
    /// What happened.
    public var event: ConversationEventKind
    /// When.
    public var timestamp: Instant
    /// The coach's id.
    public var actorID: String?
    /// The coach's name.
    public var actorName: String?
    /// Orders the contact's events at the same instant (lower first); nil: file order.
    public var seq: Int64?

    /// Creates a record.
    public init(
        contactID: String, event: ConversationEventKind, timestamp: Instant, actorID: String? = nil,
        actorName: String? = nil, seq: Int64? = nil
    ) {
        self.contactID = contactID
        self.event = event
        self.timestamp = timestamp
        self.actorID = actorID
        self.actorName = actorName
        self.seq = seq
    }
}

/// A goals row.
public struct GoalRecord: Equatable, Sendable {
    /// The goal's id.
    public var goalID: String
    /// Its name.
    public var name: String
    /// Its description.
    public var description: String?
    /// Where reports list it (lower first; then import order).
    public var position: Int64?

    /// Creates a record.
    public init(goalID: String, name: String, description: String? = nil, position: Int64? = nil) {
        self.goalID = goalID
        self.name = name
        self.description = description
        self.position = position
    }
}

/// A behaviours row.
public struct BehaviourRecord: Equatable, Sendable {
    /// The behaviour's id.
    public var behaviourID: String
    /// The goal it belongs to (must exist).
    public var goalID: String
    /// Its name.
    public var name: String
    /// Where reports list it among its goal's behaviours (lower first; then import order).
    public var position: Int64?

    /// Creates a record.
    public init(behaviourID: String, goalID: String, name: String, position: Int64? = nil) {
        self.behaviourID = behaviourID
        self.goalID = goalID
        self.name = name
        self.position = position
    }
}

/// A goal_events row.
public struct GoalEventRecord: Equatable, Sendable {
    /// Who.
    public var contactID: String
    /// Which goal (must exist).
    public var goalID: String
    /// Which behaviour (with `actioned`; must belong to the goal).
    public var behaviourID: String?
    /// What happened.
    public var event: GoalEventKind
    /// When.
    public var timestamp: Instant

    /// Creates a record.
    public init(contactID: String, goalID: String, behaviourID: String? = nil, event: GoalEventKind, timestamp: Instant) {
        self.contactID = contactID
        self.goalID = goalID
        self.behaviourID = behaviourID
        self.event = event
        self.timestamp = timestamp
    }
}

/// One validated row of any kind.
public enum ImportRecord: Equatable, Sendable {
    /// A contacts row.
    case contact(ContactRecord)
    /// A messages row.
    case message(MessageRecord)
    /// A conversation_events row.
    case conversationEvent(ConversationEventRecord)
    /// A goals row.
    case goal(GoalRecord)
    /// A behaviours row.
    case behaviour(BehaviourRecord)
    /// A goal_events row.
    case goalEvent(GoalEventRecord)
    /// A message_statuses row.
    case messageStatus(MessageStatusRecord)
    /// A journey_runs row.
    case journeyRun(JourneyRunRecord)
    /// A journey_results row.
    case journeyResult(JourneyResultRecord)
}
