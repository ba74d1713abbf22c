/// How a Journey run ended (DATA.md, `journey_runs.outcome`).
public enum JourneyOutcome: String, CaseIterable, Codable, Sendable {
    /// The person reached the end.
    case completed
    /// The person stopped answering and the run timed out.
    case expired
    /// Another Journey took over, or the run was stopped.
    case interrupted
}

/// One stored Journey run, as the metrics read it.
public struct JourneyRunRow: Equatable, Sendable {
    /// The run's id.
    public var runID: String
    /// Who went through the Journey.
    public var contact: ContactKey
    /// Which Journey.
    public var journeyID: String
    /// When the run started.
    public var startedAt: Instant
    /// When it ended; nil while it is still going.
    public var endedAt: Instant?
    /// How it ended (set when `endedAt` is).
    public var outcome: JourneyOutcome?
    /// The step where the run was last, as stored (trimmed by the metrics).
    public var lastStep: String?

    /// Creates a row.
    public init(
        runID: String, contact: ContactKey, journeyID: String, startedAt: Instant, endedAt: Instant? = nil,
        outcome: JourneyOutcome? = nil, lastStep: String? = nil
    ) {
        self.runID = runID
        self.contact = contact
        self.journeyID = journeyID
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.lastStep = lastStep
    }
}

/// One stored answer given inside a Journey, as the metrics read it.
public struct JourneyResultRow: Equatable, Sendable {
    /// Who answered.
    public var contact: ContactKey
    /// In which Journey.
    public var journeyID: String
    /// The result's key.
    public var question: String
    /// The value given, as stored (trimmed by the metrics).
    public var answer: String
    /// When.
    public var timestamp: Instant
    /// Position in import order: of two answers at the same instant, the later row wins.
    public var sequence: Int64

    /// Creates a row.
    public init(contact: ContactKey, journeyID: String, question: String, answer: String, timestamp: Instant, sequence: Int64) {
        self.contact = contact
        self.journeyID = journeyID
        self.question = question
        self.answer = answer
        self.timestamp = timestamp
        self.sequence = sequence
    }
}
