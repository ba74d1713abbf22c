import Foundation
import InsightsMetrics

/// Turns raw rows into validated records, enforcing the row rules of DATA.md that need no
/// other rows (required values, directions, author types, timestamps, event names). Rules
/// that need stored data (a goal must exist, a behaviour must belong to its goal) are the
/// store's.
public struct RecordDecoder: Sendable {
    /// The kind decoded.
    public let kind: RecordKind
    /// How timestamps are read.
    public let timestamps: TimestampParser
    /// The names of `kind.allColumns`, built once rather than for every row.
    private let columns: [String]

    /// Creates a decoder.
    public init(kind: RecordKind, timestamps: TimestampParser) {
        self.kind = kind
        self.timestamps = timestamps
        self.columns = kind.allColumns.map(\.name)
    }

    /// The record of a row, or why the row is rejected.
    public func decode(_ row: RawRow) -> Result<ImportRecord, RowIssue> {
        if let problem = row.problem { return .failure(RowIssue(line: row.line, reason: problem)) }
        var fields = RowFields(columns: columns, values: row.values, line: row.line, timestamps: timestamps)
        do {
            return .success(try decode(&fields))
        } catch {
            return .failure(error)
        }
    }

    private func decode(_ f: inout RowFields) throws(RowIssue) -> ImportRecord {
        switch kind {
        case .contacts:
            var country = f["country"]?.uppercased()
            if let code = country {
                guard code.count == 2, code.unicodeScalars.allSatisfy({ $0.value >= 65 && $0.value <= 90 }) else {
                    throw f.issue("column \"country\": \"\(code)\" is not an ISO 3166-1 alpha-2 code (e.g. ZA, GB)")
                }
                country = code
            }
            var fields: [ContactField] = []
            if let text = f["fields"], !isBlank(text) {
                switch ContactFieldsJSON.fields(text) {
                case .success(let decoded): fields = decoded
                case .failure(let problem): throw f.issue("column \"fields\": the value \(problem.message)")
                }
            }
            return .contact(
                ContactRecord(
                    contactID: try f.required("contact_id"), phone: f["phone"], country: country,
                    createdAt: try f.optionalTimestamp("created_at"), optedInAt: try f.optionalTimestamp("opted_in_at"),
                    optedOutAt: try f.optionalTimestamp("opted_out_at"), fields: fields))
        case .messages:
            let directionText = try f.required("direction")
            let inbound: Bool
            switch directionText == "inbound" || directionText == "outbound" ? directionText : folded(directionText) {
            case "inbound", "in", "i": inbound = true
            case "outbound", "out", "o": inbound = false
            default:
                throw f.issue(
                    "column \"direction\": \"\(directionText)\" is not a direction (use inbound/outbound, in/out or I/O)")
            }
            let typeText = f["author_type"]
            var authorType: AuthorType?
            if inbound {
                if let typeText {
                    throw f.issue(
                        "column \"author_type\": \"\(typeText)\" on an inbound message (must be empty: the user wrote it)")
                }
            } else {
                guard let typeText else {
                    throw f.issue(
                        "column \"author_type\": an outbound message needs one of "
                            + AuthorType.allCases.map(\.rawValue).joined(separator: ", "))
                }
                guard let type = AuthorType(keyword: typeText) else {
                    throw f.issue(
                        "column \"author_type\": \"\(typeText)\" is not one of "
                            + AuthorType.allCases.map(\.rawValue).joined(separator: ", "))
                }
                authorType = type
            }
            return .message(
                MessageRecord(
                    messageID: try f.required("message_id"), contactID: try f.required("contact_id"),
                    inbound: inbound, timestamp: try f.timestamp("timestamp"), authorType: authorType,
                    authorID: f["author_id"], authorName: f["author_name"]))
        case .conversationEvents:
            let eventText = try f.required("event")
            guard let event = ConversationEventKind(keyword: eventText) else {
                throw f.issue("column \"event\": \"\(eventText)\" is not one of closed, reopened, opened")
            }
            return .conversationEvent(
                ConversationEventRecord(
                    contactID: try f.required("contact_id"), event: event, timestamp: try f.timestamp("timestamp"),
                    actorID: f["actor_id"], actorName: f["actor_name"], seq: try f.optionalInteger("seq")))
        case .goals:
            return .goal(
                GoalRecord(
                    goalID: try f.required("goal_id"), name: try f.required("name"), description: f["description"],
                    position: try f.optionalInteger("position")))
        case .behaviours:
            return .behaviour(
                BehaviourRecord(
                    behaviourID: try f.required("behaviour_id"), goalID: try f.required("goal_id"),
                    name: try f.required("name"), position: try f.optionalInteger("position")))
        case .goalEvents:
            let eventText = try f.required("event")
            guard let event = GoalEventKind(keyword: eventText) else {
                throw f.issue("column \"event\": \"\(eventText)\" is not one of started, actioned, completed")
            }
            let behaviour = f["behaviour_id"]
            if event == .actioned, behaviour == nil {
                throw f.issue("column \"behaviour_id\": an actioned event needs the behaviour that was actioned")
            }
            return .goalEvent(
                GoalEventRecord(
                    contactID: try f.required("contact_id"), goalID: try f.required("goal_id"),
                    behaviourID: behaviour, event: event,
                    timestamp: try f.timestamp("timestamp")))
        case .messageStatuses, .journeyRuns, .journeyResults:
            return try decodeJourneyKinds(&f)
        }
    }

    /// The kinds of message statuses and Journeys.
    private func decodeJourneyKinds(_ f: inout RowFields) throws(RowIssue) -> ImportRecord {
        switch kind {
        case .messageStatuses:
            let statusText = try f.required("status")
            guard let status = DeliveryStatus(keyword: statusText) else {
                throw f.issue("column \"status\": \"\(statusText)\" is not one of sent, delivered, read, failed")
            }
            return .messageStatus(
                MessageStatusRecord(
                    messageID: try f.required("message_id"), status: status, timestamp: try f.timestamp("timestamp"),
                    error: f["error"]))
        case .journeyRuns:
            let runID = try f.required("run_id")
            let contactID = try f.required("contact_id")
            let journeyID = try f.required("journey_id")
            let startedAt = try f.timestamp("started_at")
            let endedAt = try f.optionalTimestamp("ended_at")
            var outcome: JourneyOutcome?
            if let outcomeText = f["outcome"] {
                guard let known = JourneyOutcome(keyword: outcomeText) else {
                    throw f.issue("column \"outcome\": \"\(outcomeText)\" is not one of completed, expired, interrupted")
                }
                guard endedAt != nil else {
                    throw f.issue(
                        "column \"outcome\": \"\(outcomeText)\" on a run with no ended_at (a run still going has no outcome)")
                }
                outcome = known
            } else if endedAt != nil {
                throw f.issue("column \"outcome\": a run with an ended_at needs its outcome (completed, expired or interrupted)")
            }
            return .journeyRun(
                JourneyRunRecord(
                    runID: runID, contactID: contactID, journeyID: journeyID, journeyName: f["journey_name"],
                    startedAt: startedAt, endedAt: endedAt, outcome: outcome, lastStep: f["last_step"]))
        default:
            return .journeyResult(
                JourneyResultRecord(
                    contactID: try f.required("contact_id"), journeyID: try f.required("journey_id"), runID: f["run_id"],
                    question: try f.required("question"), answer: try f.required("answer"),
                    timestamp: try f.timestamp("timestamp"), seq: try f.optionalInteger("seq")))
        }
    }
}

extension RawRepresentable where RawValue == String {
    /// The value named by a keyword in any case and with any surrounding spaces (`coach`,
    /// ` Coach `); the exact lower-case spelling is tried first, as it is the common one and
    /// needs no new string.
    init?(keyword: String) {
        guard let value = Self(rawValue: keyword) ?? Self(rawValue: folded(keyword)) else { return nil }
        self = value
    }
}

/// A keyword as compared: surrounding white space trimmed, lower-cased.
func folded(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespaces).lowercased()
}

/// Whether `text` is empty once Foundation's `CharacterSet.whitespaces` (space, tab and the
/// other Unicode space separators) are trimmed, as `text.trimmingCharacters(in: .whitespaces)
/// .isEmpty` says.
///
/// Reads the UTF-8 bytes: an ASCII byte other than space or tab settles it at once (the
/// common case, usually at the first byte); only a text that starts with non-ASCII characters
/// (such as a no-break space) before any other ASCII character asks Foundation.
func isBlank(_ text: String) -> Bool {
    for byte in text.utf8 {
        if byte == 0x20 || byte == 0x09 { continue }
        if byte < 0x80 { return false }
        return text.trimmingCharacters(in: .whitespaces).isEmpty
    }
    return true
}
