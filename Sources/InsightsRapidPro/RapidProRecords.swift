import InsightsImport
import InsightsMetrics

/// A message of an archive or of `messages.json`.
struct RapidProMessage {
    /// `uuid`, else `id`.
    let id: String
    /// `contact.uuid`.
    let contact: String
    /// The contact URN the message went through (`tel:+27…`); null in anonymous workspaces.
    let urn: String?
    /// `direction` as written (`in`, `out`).
    let direction: String
    /// `status` as written, lower-cased.
    let status: String?
    /// `flow.uuid` and `flow.name`.
    let flowUUID: String?
    let flowName: String?
    /// `broadcast` (an id).
    let broadcast: String?
    /// `ticket_uuid`.
    let ticket: String?
    let createdOn: Instant
    let sentOn: Instant?
    let modifiedOn: Instant?

    init(_ f: RapidProFields) throws(RowIssue) {
        guard let id = f["uuid"] ?? f["id"] else { throw f.issue("\"uuid\" and \"id\" are both missing or empty") }
        self.id = id
        guard let contact = try f.object("contact") else { throw f.issue("\"contact\" is missing") }
        self.contact = try contact.required("uuid")
        urn = f["urn"]
        direction = try f.required("direction")
        status = f["status"]?.lowercased()
        let flow = try f.object("flow")
        flowUUID = flow?["uuid"]
        flowName = flow?["name"]
        broadcast = f["broadcast"]
        ticket = f["ticket_uuid"]
        createdOn = try f.timestamp("created_on")
        sentOn = try f.optionalTimestamp("sent_on")
        modifiedOn = try f.optionalTimestamp("modified_on")
    }
}

/// A flow run of an archive or of `runs.json`.
struct RapidProRun {
    /// `uuid`, else `id`.
    let id: String
    let contact: String
    /// `contact.urn` (the API's runs carry it; archives do not).
    let contactURN: String?
    let flowUUID: String
    let flowName: String?
    /// `exit_type` as written, lower-cased; else `status`.
    let exitType: String?
    /// Whether `exitType` came from `status` (an export without `exit_type`).
    let fromStatus: Bool
    let createdOn: Instant
    let modifiedOn: Instant?
    let exitedOn: Instant?
    /// The node of the last step of `path`.
    let lastNode: String?
    /// `values`: key, the category (else the value) and when it was given.
    let values: [(key: String, answer: String?, time: Instant)]

    init(_ f: RapidProFields) throws(RowIssue) {
        guard let id = f["uuid"] ?? f["id"] else { throw f.issue("\"uuid\" and \"id\" are both missing or empty") }
        self.id = id
        guard let contact = try f.object("contact") else { throw f.issue("\"contact\" is missing") }
        self.contact = try contact.required("uuid")
        contactURN = contact["urn"]
        guard let flow = try f.object("flow") else { throw f.issue("\"flow\" is missing") }
        flowUUID = try flow.required("uuid")
        flowName = flow["name"]
        if let exit = f["exit_type"] {
            exitType = exit.lowercased()
            fromStatus = false
        } else {
            exitType = f["status"]?.lowercased()
            fromStatus = exitType != nil
        }
        createdOn = try f.timestamp("created_on")
        modifiedOn = try f.optionalTimestamp("modified_on")
        exitedOn = try f.optionalTimestamp("exited_on")
        var lastNode: String?
        if case .object(let step)? = try f.array("path").last {
            lastNode = step.first { $0.key == "node" }.flatMap {
                if case .string(let node) = $0.value { return node.trimmingSpaces } else { return nil }
            }
        }
        self.lastNode = lastNode?.isEmpty == true ? nil : lastNode
        var values: [(key: String, answer: String?, time: Instant)] = []
        if let object = try f.object("values") {
            for key in object.members.keys.sorted() {
                guard let value = try object.object(key) else { continue }
                values.append((key, value["category"] ?? value["value"], try value.timestamp("time")))
            }
        }
        self.values = values
    }
}

/// A contact of `contacts.json`.
struct RapidProContact {
    let uuid: String
    /// `urns` in RapidPro's order (the preferred one first).
    let urns: [String]
    /// `fields` with a value, then `language` (unless a field has that name).
    let fields: [ContactField]
    /// `status` (`active`, `blocked`, `stopped`, `archived`).
    let status: String?
    /// The date fields `opted_in_at` and `opted_out_at`, where the workspace keeps consent.
    let optedInAt: Instant?
    let optedOutAt: Instant?
    let createdOn: Instant?
    let modifiedOn: Instant?

    init(_ f: RapidProFields) throws(RowIssue) {
        uuid = try f.required("uuid")
        urns = try f.array("urns").compactMap {
            if case .string(let urn) = $0 { return urn.trimmingSpaces } else { return nil }
        }.filter { !$0.isEmpty }
        var fields: [ContactField] = []
        if let object = try f.object("fields") {
            for key in object.members.keys.sorted() {
                switch object.members[key] {
                case .array?, .object?: throw f.issue("\"fields.\(key)\" is not a single value")
                default: if let value = object[key] { fields.append(ContactField(key, value)) }
                }
            }
        }
        if let language = f["language"], !fields.contains(where: { $0.name == "language" }) {
            fields.append(ContactField("language", language))
        }
        self.fields = fields
        let consent = try f.object("fields")
        optedInAt = try consent?.optionalTimestamp("opted_in_at")
        optedOutAt = try consent?.optionalTimestamp("opted_out_at")
        status = f["status"]?.lowercased()
        createdOn = try f.optionalTimestamp("created_on")
        modifiedOn = try f.optionalTimestamp("modified_on")
    }
}

/// A ticket of `tickets.json`.
struct RapidProTicket {
    let uuid: String
    let contact: String
    /// `assignee.email` and `assignee.name`.
    let assigneeEmail: String?
    let assigneeName: String?
    /// `opened_by.email` and `opened_by.name`.
    let openerEmail: String?
    let openerName: String?
    let openedOn: Instant?
    let closedOn: Instant?
    let modifiedOn: Instant?

    init(_ f: RapidProFields) throws(RowIssue) {
        uuid = try f.required("uuid")
        guard let contact = try f.object("contact") else { throw f.issue("\"contact\" is missing") }
        self.contact = try contact.required("uuid")
        let assignee = try f.object("assignee")
        assigneeEmail = assignee?["email"]
        assigneeName = assignee?["name"]
        let opener = try f.object("opened_by")
        openerEmail = opener?["email"]
        openerName = opener?["name"]
        openedOn = try f.optionalTimestamp("opened_on")
        closedOn = try f.optionalTimestamp("closed_on")
        modifiedOn = try f.optionalTimestamp("modified_on")
        if f["status"]?.lowercased() == "closed", closedOn == nil {
            throw f.issue("the ticket's \"status\" is closed but \"closed_on\" is missing: when it closed is unknown")
        }
    }
}
