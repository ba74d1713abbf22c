import InsightsImport
import Foundation
import InsightsMetrics

/// A row read from a table file, with what de-duplication needs.
struct Versioned<Row> {
    /// The file it came from.
    let file: String
    /// Its line.
    let line: Int
    /// Its place in reading order over all files (ties of `version` keep the later one).
    let sequence: Int
    /// The row's `id` (nil: never a duplicate).
    let id: String?
    /// Its `updated_at` (or the table's version column).
    let version: Instant?
    /// The typed row.
    let row: Row

    /// Where the row is, for the records made of it.
    var origin: RecordOrigin { RecordOrigin(file: file, line: line) }
}

/// Keeps, for every id, the row with the latest version (then the one read last).
///
/// Rows with no id are all kept. Returns the kept rows in reading order and how many were
/// dropped.
func latestVersions<Row>(_ rows: [Versioned<Row>]) -> (kept: [Versioned<Row>], dropped: Int) {
    var best: [String: Int] = [:]
    var keep = [Bool](repeating: true, count: rows.count)
    for (index, row) in rows.enumerated() {
        guard let id = row.id else { continue }
        guard let previous = best[id] else {
            best[id] = index
            continue
        }
        let old = rows[previous]
        let newer = (row.version ?? .min, row.sequence) > (old.version ?? .min, old.sequence)
        if newer {
            keep[previous] = false
            best[id] = index
        } else {
            keep[index] = false
        }
    }
    let kept = rows.indices.filter { keep[$0] }.map { rows[$0] }
    return (kept, rows.count - kept.count)
}

/// A `messages` row.
struct TurnMessage {
    let chatID: String
    let inbound: Bool
    let insertedAt: Instant
    /// The flat `author_type`, else the author object's `type`, upper-cased.
    let authorType: String?
    let author: TurnAuthor?
    let fromAddr: String?
    /// `messages.uuid`, which `statuses.message_uuid` may name.
    let uuid: String?
}

extension TurnMessage {
    /// Reads a `messages` row.
    init(_ f: TurnFields) throws(RowIssue) {
        _ = try f.required("id")
        let direction = try f.required("direction")
        switch direction.lowercased() {
        case "inbound", "in", "i": inbound = true
        case "outbound", "out", "o": inbound = false
        default: throw f.issue("column \"direction\": \"\(direction)\" is neither inbound nor outbound")
        }
        var author: TurnAuthor?
        if !inbound, f["author"] != nil {
            guard let object = f.object("author") else {
                throw f.issue(
                    "column \"author\": not a JSON object (expected e.g. "
                        + "{\"type\": \"OPERATOR\", \"id\": …, \"name\": …})")
            }
            author = TurnAuthor(object)
        }
        self.author = author
        chatID = try f.required("chat_id")
        insertedAt = try f.timestamp("inserted_at")
        authorType = (f["author_type"] ?? author?.type)?.uppercased()
        fromAddr = f["from_addr"]
        uuid = f["uuid"]
    }
}

/// The `author` object of a message.
struct TurnAuthor {
    let type: String?
    let id: String?
    let name: String?
    let journeyUUID: String?
    let journeyName: String?

    /// The author of an `author` object's keys and values.
    init(_ object: [String: String]) {
        type = object["type"]
        id = object["id"]
        name = object["name"]
        journeyUUID = object["journey_uuid"]
        journeyName = object["journey_name"]
    }
}

/// The keys (lower-cased) and values (as column text) of a JSON object's text; nil when the
/// text is not a JSON object.
func jsonObject(_ text: String) -> [String: String]? {
    guard case .success(let members) = NDJSONReader.decode(text) else {
        // A JSON column exported through TO_JSON_STRING of a STRING column is encoded twice.
        var text = text
        guard case .string(let inner)? = text.withUTF8({ try? JSONParser.parse($0) }),
            case .success(let members) = NDJSONReader.decode(inner)
        else { return nil }
        return TurnTableReader.flatten(members)
    }
    return TurnTableReader.flatten(members)
}

/// A `chats` row.
struct TurnChat {
    let contactID: String
    let owner: String?
    let state: String?
    let stateReason: String?
    let updatedAt: Instant?

    /// Reads a `chats` row.
    init(_ f: TurnFields) throws(RowIssue) {
        _ = try f.required("id")
        contactID = try f.required("contact_id")
        owner = f["owner"]
        state = f["state"]
        stateReason = f["state_reason"]
        updatedAt = try f.optionalTimestamp("updated_at")
    }
}

/// A `contacts` row.
struct TurnContact {
    let urn: String?
    let whatsappID: String?
    let insertedAt: Instant?
    /// Consent times and `details` as fields.
    let extras: TurnContactExtras

    /// Reads a `contacts` row; the phone fallback `whatsapp_id` is in the `details` object.
    init(_ f: TurnFields) throws(RowIssue) {
        _ = try f.required("id")
        var whatsappID: String?
        var details: [String: String]?
        if f["details"] != nil {
            guard let object = f.object("details") else { throw f.issue("column \"details\": not a JSON object") }
            whatsappID = object["whatsapp_id"]
            details = object
        }
        self.whatsappID = whatsappID
        extras = try TurnContactExtras(f, details: details)
        urn = f["urn"]
        insertedAt = try f.optionalTimestamp("inserted_at")
    }
}

/// A `flow_results` row.
struct TurnFlowResult {
    let contactID: String
    let stackUUID: String?
    let questionID: String
    let response: String?
    let insertedAt: Instant
    /// The Journey session (one run) the result was written in.
    let sessionID: String?

    /// Reads a `flow_results` row.
    init(_ f: TurnFields) throws(RowIssue) {
        contactID = try f.required("contact_id")
        stackUUID = f["stack_uuid"]
        questionID = try f.required("question_id")
        response = f["response"]
        insertedAt = try f.timestamp("inserted_at")
        sessionID = f["session_id"]
    }
}

/// A `chat_events` row.
struct TurnChatEvent {
    let chatID: String
    let type: String
    let timestamp: Instant
    let actorID: String?
    let actorName: String?

    /// Reads a `chat_events` row through the columns found for it.
    init(_ f: TurnFields, columns: TurnChatEventColumns) throws(RowIssue) {
        chatID = try f.required(columns.chat)
        type = try f.required(columns.type)
        timestamp = try f.timestamp(columns.time)
        actorID = columns.actorID.flatMap { f[$0] }
        actorName = columns.actorName.flatMap { f[$0] }
    }
}

/// Named access to the values of a Turn row: the importer's one field parser (`RowFields`),
/// values read without surrounding spaces and tabs, with Turn's timestamp hints.
typealias TurnFields = RowFields

extension RowFields.TimestampHints {
    /// How a Turn export's timestamps that cannot be read are explained.
    static let turn = RowFields.TimestampHints(
        malformed: "BigQuery writes e.g. 2026-10-03 12:05:00.123456 UTC",
        noOffset: "Turn's times are UTC: add Z, or pass --assume-timezone UTC")
}

extension RowFields {
    /// The keys and values of a column holding a JSON object: nested in NDJSON, or JSON text
    /// (CSV, or a JSON string column); nil when it holds something else.
    func object(_ name: String) -> [String: String]? {
        if let nested = objects[name] { return nested }
        return self[name].flatMap(jsonObject)
    }
}

extension TurnTable {
    /// The columns read from the table's files (chat_events: detected per file).
    var columns: [String] {
        switch self {
        case .messages:
            ["id", "uuid", "chat_id", "direction", "inserted_at", "updated_at", "from_addr", "author", "author_type"]
        case .chats: ["id", "contact_id", "owner", "state", "state_reason", "inserted_at", "updated_at"]
        case .contacts:
            ["id", "urn", "details", "inserted_at", "updated_at", "opted_in", "opted_in_at", "opted_out_at"]
        case .statuses:
            ["id", "message_id", "message_uuid", "status", "timestamp", "errors", "inserted_at", "updated_at"]
        case .flowResults:
            [
                "uuid", "id", "contact_id", "stack_uuid", "session_id", "question_id", "response", "inserted_at",
                "updated_at",
            ]
        case .chatEvents: []
        }
    }

    /// Columns a CSV header must have (NDJSON rows must have their values).
    var requiredColumns: [String] {
        switch self {
        case .messages: ["id", "chat_id", "direction", "inserted_at"]
        case .chats: ["id", "contact_id"]
        case .contacts: ["id"]
        case .statuses: ["status"]
        case .flowResults: ["contact_id", "question_id", "inserted_at"]
        case .chatEvents: []
        }
    }
}
