import InsightsImport
import Foundation
import InsightsMetrics

/// A `statuses` row: what WhatsApp reported about an outbound message.
struct TurnStatus {
    /// `message_id`: the message's `messages.id`.
    let messageID: String?
    /// `message_uuid`: the message's `messages.uuid` (used when there is no `message_id`).
    let messageUUID: String?
    /// The status word as given (compared ignoring case).
    let status: String
    /// `timestamp`, else `inserted_at`.
    let timestamp: Instant
    /// Whether the time came from `inserted_at` (the row has no `timestamp`).
    let timeFromInsertedAt: Bool
    /// A readable form of `errors`.
    let error: String?

    /// Reads a `statuses` row.
    init(_ f: TurnFields) throws(RowIssue) {
        messageID = f["message_id"]
        messageUUID = f["message_uuid"]
        guard messageID != nil || messageUUID != nil else {
            throw f.issue("columns \"message_id\" and \"message_uuid\": one of them needs a value (the message)")
        }
        status = try f.required("status")
        if f["timestamp"] != nil {
            timestamp = try f.timestamp("timestamp")
            timeFromInsertedAt = false
        } else if f["inserted_at"] != nil {
            timestamp = try f.timestamp("inserted_at")
            timeFromInsertedAt = true
        } else {
            throw f.issue("column \"timestamp\": a value is required (or inserted_at)")
        }
        error = Self.errorText(f)
    }

    /// The identity used to keep one version of a status with no `id`: its message, word and
    /// time as written.
    static func identity(_ f: TurnFields) -> String? {
        if let id = f["id"] { return id }
        let message = f["message_id"].map { "id:" + $0 } ?? f["message_uuid"].map { "uuid:" + $0 } ?? ""
        return [message, f["status"]?.lowercased() ?? "", f["timestamp"] ?? f["inserted_at"] ?? ""]
            .joined(separator: "\u{1F}")
    }

    /// `errors` as text: WhatsApp's error objects (`[{"code": 131047, "title": "Re-engagement
    /// message"}]`) as `131047: Re-engagement message`, several joined with `; `; any other
    /// text as it is; nil for none (`[]`, `null`).
    static func errorText(_ f: TurnFields) -> String? {
        if let object = f.objects["errors"] { return describe(object) }
        guard let text = f["errors"] else { return nil }
        guard var value = Self.json(text) else { return text }
        if case .string(let inner) = value {
            guard let decoded = Self.json(inner) else { return inner.isEmpty ? nil : inner }
            value = decoded
        }
        let items: [JSONValue]
        if case .array(let values) = value { items = values } else { items = [value] }
        let parts = items.compactMap { item -> String? in
            switch item {
            case .object(let members): return describe(TurnTableReader.flatten(members))
            case .null: return nil
            case .string(let text): return text.isEmpty ? nil : text
            case .number(let text): return text
            case .bool(let flag): return flag ? "true" : "false"
            case .array: return item.compactText
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The JSON value of a text, nil when it is not JSON (exact numbers, as every Turn column).
    private static func json(_ text: String) -> JSONValue? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            try? JSONParser.parse(UnsafeBufferPointer(buffer))
        }
    }

    private static func describe(_ object: [String: String]) -> String? {
        let title = object["title"] ?? object["message"] ?? object["details"]
        switch (object["code"], title) {
        case (let code?, let title?): return "\(code): \(title)"
        case (let code?, nil): return code
        case (nil, let title?): return title
        case (nil, nil):
            let parts = object.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
    }
}

extension TurnMapper {
    /// The statuses as records: the message named by `message_id`, else by `message_uuid`
    /// through `messages.uuid`; status words compared ignoring case. Unknown words are
    /// collected in `unknownStatuses` (they stop the import).
    mutating func statuses(
        _ rows: [Versioned<TurnStatus>], messages: [Versioned<TurnMessage>], files: [TurnExport.File],
        summary: inout TurnSummary
    ) -> [MessageStatusRecord] {
        guard !rows.isEmpty else { return [] }
        var use = TurnSummary.StatusUse()
        use.rows = rows.count
        var idOfUUID: [String: String] = [:]
        for message in messages {
            if let uuid = message.row.uuid, let id = message.id { idOfUUID[uuid] = id }
        }
        let hasMessages = files.contains { $0.table == .messages }
        var unknown: [String: (spelled: String, count: Int, file: String, line: Int, order: Int)] = [:]
        var records: [(record: MessageStatusRecord, sequence: Int, origin: RecordOrigin)] = []
        for row in rows {
            let status = row.row
            guard let kind = DeliveryStatus(rawValue: status.status.lowercased()) else {
                let key = status.status.lowercased()
                if unknown[key] != nil {
                    unknown[key]?.count += 1
                } else {
                    unknown[key] = (status.status, 1, row.file, row.line, unknown.count)
                }
                continue
            }
            let messageID: String
            if let id = status.messageID {
                messageID = id
            } else if let uuid = status.messageUUID, let id = idOfUUID[uuid] {
                messageID = id
                use.byUUID += 1
            } else {
                guard hasMessages else {
                    // Named once, with the first file whose rows name a message by uuid only.
                    if !otherProblems.contains(where: {
                        if case .missingTable(.messages, neededBy: .statuses, _) = $0 { return true }
                        return false
                    }) {
                        otherProblems.append(.missingTable(.messages, neededBy: .statuses, file: row.file))
                    }
                    continue
                }
                use.uuidNotFound += 1
                continue
            }
            use.byStatus[kind, default: 0] += 1
            if status.timeFromInsertedAt { use.timeFromInsertedAt += 1 }
            if status.error != nil { use.withError += 1 }
            records.append(
                (
                    MessageStatusRecord(
                        messageID: messageID, status: kind, timestamp: status.timestamp, error: status.error),
                    row.sequence, row.origin
                ))
        }
        unknownStatuses = unknown.sorted { $0.value.order < $1.value.order }.map {
            TurnImportError.UnknownAuthorType(
                value: $0.value.spelled, count: $0.value.count, file: $0.value.file, line: $0.value.line)
        }
        summary.statuses = use
        records.sort { ($0.record.timestamp, $0.sequence) < ($1.record.timestamp, $1.sequence) }
        origins[.messageStatuses] = records.map(\.origin)
        return records.map(\.record)
    }
}
