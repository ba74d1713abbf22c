import Foundation
import InsightsImport
import InsightsMetrics

/// One NDJSON line's columns, read with Glific's types: INTEGERs as numbers or strings
/// (`bq extract` writes them as strings), DATETIMEs in the organisation's zone.
struct GlificFields {
    let members: [String: JSONValue]
    let line: Int
    let zone: TimeZone

    /// A column's text: a string or a number as written; null, missing or empty: nil.
    func text(_ key: String) -> String? {
        switch members[key] {
        case .string(let value)?: value.isEmpty ? nil : value
        case .number(let value)?: value
        case .bool(let value)?: value ? "true" : "false"
        default: nil
        }
    }

    func required(_ key: String) throws(RowIssue) -> String {
        guard let value = text(key) else { throw RowIssue(line: line, reason: "\(key) is missing or empty") }
        return value
    }

    func time(_ key: String) throws(RowIssue) -> Instant? {
        guard let value = text(key) else { return nil }
        switch GlificTime.instant(value, in: zone) {
        case .success(let instant): return instant
        case .failure(let problem):
            throw RowIssue(line: line, reason: GlificTime.reason(problem, column: key, text: value))
        }
    }

    func requiredTime(_ key: String) throws(RowIssue) -> Instant {
        guard let value = try time(key) else { throw RowIssue(line: line, reason: "\(key) is missing or empty") }
        return value
    }

    func bool(_ key: String) throws(RowIssue) -> Bool {
        switch members[key] {
        case nil, .null?: return false
        case .bool(let value)?: return value
        case .string(let value)? where ["true", "false"].contains(value.lowercased()): return value.lowercased() == "true"
        default: throw RowIssue(line: line, reason: "\(key) is not true or false")
        }
    }

    /// The two versioning columns.
    func version() throws(RowIssue) -> (updatedAt: Instant?, insertedAt: Instant?) {
        (try time("updated_at"), try time("bq_inserted_at"))
    }
}

/// A `messages` row.
struct GlificMessage {
    let id: String
    let contactPhone: String
    let flow: String
    let insertedAt: Instant
    let updatedAt: Instant?
    let bspStatus: String?
    let errors: String?
    let userPhone: String?
    let userName: String?
    let broadcast: Bool
    let flowUUID: String?
    let flowName: String?
    /// The version's own id (`bq_uuid`), which orders versions equal in both times.
    let bqUUID: String?

    init(_ fields: GlificFields) throws(RowIssue) {
        id = try fields.required("id")
        contactPhone = try fields.required("contact_phone")
        flow = try fields.required("flow")
        insertedAt = try fields.requiredTime("inserted_at")
        updatedAt = try fields.time("updated_at")
        bspStatus = fields.text("bsp_status")
        errors = fields.text("errors").flatMap { ["{}", "[]", "null"].contains($0) ? nil : $0 }
        userPhone = fields.text("user_phone")
        userName = fields.text("user_name")
        broadcast = ["message_broadcast_id", "flow_broadcast_id", "group_message_id"].contains { fields.text($0) != nil }
        flowUUID = fields.text("flow_uuid")
        flowName = fields.text("flow_name")
        bqUUID = fields.text("bq_uuid")
    }
}

/// A `contacts` row.
struct GlificContact {
    let phone: String
    let insertedAt: Instant?
    let optinTime: Instant?
    let optoutTime: Instant?
    let fields: [ContactField]

    init(_ row: GlificFields) throws(RowIssue) {
        phone = try row.required("phone")
        insertedAt = try row.time("inserted_at")
        optinTime = try row.time("optin_time")
        optoutTime = try row.time("optout_time")
        var fields: [ContactField] = []
        if case .array(let items)? = row.members["fields"] {
            for item in items {
                guard case .object(let members) = item else {
                    throw RowIssue(line: row.line, reason: "fields holds an item that is not a {label, value} record")
                }
                let keyed = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
                let item = GlificFields(members: keyed, line: row.line, zone: row.zone)
                guard let label = item.text("label") else { continue }
                if let value = item.text("value") { fields.append(ContactField(label, value)) }
            }
        }
        self.fields = fields
    }
}

/// A `flow_contexts` row.
struct GlificFlowContext {
    let id: String
    let contactPhone: String
    let flowUUID: String
    let nodeUUID: String?
    let insertedAt: Instant
    let completedAt: Instant?
    let isKilled: Bool

    init(_ fields: GlificFields) throws(RowIssue) {
        id = try fields.required("id")
        contactPhone = try fields.required("contact_phone")
        flowUUID = try fields.required("flow_uuid")
        nodeUUID = fields.text("node_uuid")
        insertedAt = try fields.requiredTime("inserted_at")
        completedAt = try fields.time("completed_at")
        isKilled = try fields.bool("is_killed")
    }
}

/// A `flow_results` row: its `results` JSON object's answers.
struct GlificFlowResult {
    let contactPhone: String
    let flowUUID: String
    let flowName: String?
    let contextID: String?
    let updatedAt: Instant
    /// Each key of `results` and its answer (category, else input), in key order.
    let answers: [(question: String, answer: String)]
    /// Keys of `results` with neither category nor input.
    let empty: Int

    init(_ fields: GlificFields) throws(RowIssue) {
        contactPhone = try fields.required("contact_phone")
        flowUUID = try fields.required("uuid")
        flowName = fields.text("name")
        contextID = fields.text("flow_context_id")
        updatedAt = try fields.requiredTime("updated_at")
        let text = try fields.required("results")
        guard case .object(let members)? = JSONParser.parse(text) else {
            throw RowIssue(line: fields.line, reason: "results is not a JSON object (Glific writes one as text)")
        }
        var answers: [(String, String)] = []
        var empty = 0
        for member in members.sorted(by: { $0.key < $1.key }) {
            var answer: String?
            if case .object(let parts) = member.value {
                let keyed = Dictionary(parts.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
                let part = GlificFields(members: keyed, line: fields.line, zone: fields.zone)
                answer = part.text("category") ?? part.text("input")
            } else if case .string(let value) = member.value, !value.isEmpty {
                answer = value
            } else if case .number(let value) = member.value {
                answer = value
            }
            if let answer { answers.append((member.key, answer)) } else { empty += 1 }
        }
        self.answers = answers
        self.empty = empty
    }
}

/// A `tickets` row.
struct GlificTicket {
    let id: String
    let contactPhone: String
    let status: String
    let insertedAt: Instant
    let updatedAt: Instant?
    let userName: String?
    let userID: String?

    init(_ fields: GlificFields) throws(RowIssue) {
        id = try fields.required("id")
        contactPhone = try fields.required("contact_phone")
        status = try fields.required("status")
        insertedAt = try fields.requiredTime("inserted_at")
        updatedAt = try fields.time("updated_at")
        userName = fields.text("user_name")
        userID = fields.text("user_phone") ?? fields.text("user_id")
    }
}
