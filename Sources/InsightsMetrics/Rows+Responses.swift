/// One outbound message written by a coach, as the response-time metrics read it.
public struct CoachMessageRow: Equatable, Sendable {
    /// The message's id: orders coach messages to one contact at the same instant (in
    /// code-point order; equal ids keep the order the rows come in). A source that gives its
    /// rows in (instant, id) order may leave it empty, as a SQLite report's read does.
    public var messageID: String
    /// The contact it was sent to.
    public var contact: ContactKey
    /// When it was sent.
    public var timestamp: Instant
    /// The coach's id (nil when the export names none).
    public var authorID: String?
    /// The coach's name on this message.
    public var authorName: String?

    /// Creates a row.
    public init(messageID: String, contact: ContactKey, timestamp: Instant, authorID: String? = nil, authorName: String? = nil) {
        self.messageID = messageID
        self.contact = contact
        self.timestamp = timestamp
        self.authorID = authorID
        self.authorName = authorName
    }
}

/// When a coach wrote to a contact, and nothing else: what the summary trend's median first
/// response of each earlier period needs (the wait, not who answered), so that a source can
/// read months of coach messages without their ids and names.
public struct CoachMessageInstant: Equatable, Sendable {
    /// The contact it was sent to.
    public var contact: ContactKey
    /// When it was sent.
    public var timestamp: Instant

    /// Creates a row.
    public init(contact: ContactKey, timestamp: Instant) {
        self.contact = contact
        self.timestamp = timestamp
    }
}

/// One stored `closed` conversation event, with who closed it.
public struct CloseEventRow: Equatable, Sendable {
    /// Whose conversation.
    public var contact: ContactKey
    /// When.
    public var timestamp: Instant
    /// The coach who closed it.
    public var actorID: String?
    /// Position in replay order among the contact's events at the same instant.
    public var sequence: Int64

    /// Creates a row.
    public init(contact: ContactKey, timestamp: Instant, actorID: String?, sequence: Int64) {
        self.contact = contact
        self.timestamp = timestamp
        self.actorID = actorID
        self.sequence = sequence
    }
}
