import InsightsMetrics

/// What sent an outbound Glific message, as its row records it.
public enum GlificAuthorSource: String, CaseIterable, Sendable {
    /// `user_phone` or `user_name` set: a staff member typed it.
    case user
    /// `message_broadcast_id`, `flow_broadcast_id` or `group_message_id` set: sent to a collection.
    case broadcast
    /// `flow_uuid` or `flow_name` set: a flow sent it.
    case flow
    /// None of these.
    case none
}

/// A Glific status word's meaning (`none`: no delivery status yet).
public enum GlificStatus: String, CaseIterable, Sendable {
    /// Sent.
    case sent
    /// Delivered.
    case delivered
    /// Read.
    case read
    /// Failed.
    case failed
    /// No status yet (queued).
    case none

    /// The delivery status it is, if any.
    public var delivery: DeliveryStatus? {
        switch self {
        case .sent: .sent
        case .delivered: .delivered
        case .read: .read
        case .failed: .failed
        case .none: nil
        }
    }
}

/// The conversion rules of Glific's columns, as plain functions: the file import uses them,
/// and a SQL view over Glific's BigQuery dataset would need the same ones.
public enum GlificRules {
    /// `messages.flow`: `inbound` → true, `outbound` → false, anything else nil (refused).
    public static func isInbound(flow: String) -> Bool? {
        switch flow.lowercased() {
        case "inbound": true
        case "outbound": false
        default: nil
        }
    }

    /// What sent an outbound message: a user first, then a broadcast, then a flow, else none.
    /// (A flow started for a collection has both a flow and a broadcast: it is a broadcast.)
    public static func authorSource(
        userPhone: String?, userName: String?, broadcast: Bool, flowUUID: String?, flowName: String?
    ) -> GlificAuthorSource {
        if userPhone != nil || userName != nil { return .user }
        if broadcast { return .broadcast }
        if flowUUID != nil || flowName != nil { return .flow }
        return .none
    }

    /// The author types of the sources unless `--author-map` says otherwise.
    public static let builtInAuthorMap: [String: AuthorType] = [
        "user": .coach, "broadcast": .reminder, "flow": .stack, "none": .api,
    ]

    /// Glific's `bsp_status` words unless `--status-map` says otherwise (lower-cased).
    public static let builtInStatusMap: [String: GlificStatus] = [
        "sent": .sent, "delivered": .delivered, "read": .read, "enqueued": .none, "error": .failed,
    ]

    /// `tickets.status` words unless `--ticket-map` says otherwise: whether the ticket is closed.
    public static let builtInTicketMap: [String: Bool] = ["open": false, "closed": true]

    /// How a flow context ended: `is_killed` → interrupted, else `completed_at` → completed,
    /// else still active (nil).
    public static func outcome(isKilled: Bool, completedAt: Instant?) -> JourneyOutcome? {
        if isKilled { return .interrupted }
        return completedAt == nil ? nil : .completed
    }

    /// A contact's phone from Glific's `phone`/`contact_phone` (digits with the country code,
    /// no `+`): `+` and the digits when they are 7 to 15 digits not starting with 0; a phone
    /// already written with `+` as it is; nil otherwise (the contact keeps the text as its id).
    public static func phone(_ text: String) -> String? {
        let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
        guard (7...15).contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            digits.first != "0"
        else { return nil }
        return "+" + digits
    }

    /// Of two versions of a row, whether `candidate` replaces `current`: the later
    /// `updated_at`, then the later `bq_inserted_at`, then the one read last.
    public static func isNewer(
        _ candidate: (updatedAt: Instant?, insertedAt: Instant?, order: Int),
        than current: (updatedAt: Instant?, insertedAt: Instant?, order: Int)
    ) -> Bool {
        (candidate.updatedAt ?? .min, candidate.insertedAt ?? .min, candidate.order)
            > (current.updatedAt ?? .min, current.insertedAt ?? .min, current.order)
    }

    /// Of two versions of one message giving the same status, whether `candidate` is the one
    /// kept instead of `current`: the earlier status time (`updated_at`, never before
    /// `inserted_at`), then the earlier `bq_inserted_at`, then the smaller `bq_uuid` (by its
    /// UTF-8 bytes; a missing one of either is the earliest), then the one read first. The
    /// BigQuery views order the same way (``GlificSQL/statuses(_:)``), all but the last step.
    public static func isEarlier(
        _ candidate: (at: Instant, insertedAt: Instant?, uuid: String?, order: Int),
        than current: (at: Instant, insertedAt: Instant?, uuid: String?, order: Int)
    ) -> Bool {
        if candidate.at != current.at { return candidate.at < current.at }
        let (left, right) = (candidate.insertedAt ?? .min, current.insertedAt ?? .min)
        if left != right { return left < right }
        if candidate.uuid != current.uuid {
            guard let mine = candidate.uuid else { return true }
            guard let theirs = current.uuid else { return false }
            return Array(mine.utf8).lexicographicallyPrecedes(theirs.utf8)
        }
        return candidate.order < current.order
    }
}
