import InsightsMetrics

/// A message_statuses row.
public struct MessageStatusRecord: Equatable, Sendable {
    /// The outbound message it is about (which may not be stored yet).
    public var messageID: String
    /// What the network reported.
    public var status: DeliveryStatus
    /// When it reported it.
    public var timestamp: Instant
    /// The failure code or reason.
    public var error: String?

    /// Creates a record.
    public init(messageID: String, status: DeliveryStatus, timestamp: Instant, error: String? = nil) {
        self.messageID = messageID
        self.status = status
        self.timestamp = timestamp
        self.error = error
    }
}

/// A journey_runs row.
public struct JourneyRunRecord: Equatable, Sendable {
    /// Unique id; importing it again replaces the run.
    public var runID: String
    /// Who went through the Journey.
    public var contactID: String
    /// Which Journey.
    public var journeyID: String
    /// Its name.
    public var journeyName: String?
    /// When the run started.
    public var startedAt: Instant
    /// When it ended (nil while it is still going).
    public var endedAt: Instant?
    /// How it ended: set exactly when `endedAt` is.
    public var outcome: JourneyOutcome?
    /// The step where the run was last.
    public var lastStep: String?

    /// Creates a record.
    public init(
        runID: String, contactID: String, journeyID: String, journeyName: String? = nil, startedAt: Instant,
        endedAt: Instant? = nil, outcome: JourneyOutcome? = nil, lastStep: String? = nil
    ) {
        self.runID = runID
        self.contactID = contactID
        self.journeyID = journeyID
        self.journeyName = journeyName
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.lastStep = lastStep
    }
}

/// A journey_results row.
public struct JourneyResultRecord: Equatable, Sendable {
    /// Who answered.
    public var contactID: String
    /// In which Journey.
    public var journeyID: String
    /// In which run.
    public var runID: String?
    /// The result's key.
    public var question: String
    /// The value or category given.
    public var answer: String
    /// When.
    public var timestamp: Instant
    /// Orders the contact's answers to the question at the same instant (higher: the later
    /// row); without it, file order. `insights export` writes it, so that a warehouse copy
    /// (tables have no order) keeps the same newest answer.
    public var seq: Int64?

    /// Creates a record.
    public init(
        contactID: String, journeyID: String, runID: String? = nil, question: String, answer: String, timestamp: Instant,
        seq: Int64? = nil
    ) {
        self.contactID = contactID
        self.journeyID = journeyID
        self.runID = runID
        self.question = question
        self.answer = answer
        self.timestamp = timestamp
        self.seq = seq
    }
}
