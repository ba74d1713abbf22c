/// What the messaging network reported about an outbound message (DATA.md, `message_statuses`).
public enum DeliveryStatus: String, CaseIterable, Codable, Sendable {
    /// Accepted by the network.
    case sent
    /// Reached the person's phone.
    case delivered
    /// Opened by the person (only when they have read receipts on).
    case read
    /// Could not be delivered.
    case failed
}

/// One stored status of a message.
public struct MessageStatusRow: Equatable, Sendable {
    /// What was reported.
    public var status: DeliveryStatus
    /// When the network reported it.
    public var timestamp: Instant
    /// The failure code or reason (`failed` only), as stored.
    public var error: String?

    /// Creates a row.
    public init(status: DeliveryStatus, timestamp: Instant, error: String? = nil) {
        self.status = status
        self.timestamp = timestamp
        self.error = error
    }
}

/// One outbound message of a period with every status stored for it (at any time).
public struct OutboundDeliveryRow: Equatable, Sendable {
    /// The contact it was sent to.
    public var contact: ContactKey
    /// When it was sent.
    public var timestamp: Instant
    /// Who authored it.
    public var authorType: AuthorType
    /// Every stored status of the message, in no particular order.
    public var statuses: [MessageStatusRow]

    /// Creates a row.
    public init(contact: ContactKey, timestamp: Instant, authorType: AuthorType, statuses: [MessageStatusRow]) {
        self.contact = contact
        self.timestamp = timestamp
        self.authorType = authorType
        self.statuses = statuses
    }
}

/// The consent times of one contact that has at least one of them.
public struct ConsentRow: Equatable, Sendable {
    /// Who.
    public var contact: ContactKey
    /// When the person last opted in.
    public var optedInAt: Instant?
    /// When the person last opted out.
    public var optedOutAt: Instant?

    /// Creates a row.
    public init(contact: ContactKey, optedInAt: Instant?, optedOutAt: Instant?) {
        self.contact = contact
        self.optedInAt = optedInAt
        self.optedOutAt = optedOutAt
    }
}
