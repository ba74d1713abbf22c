import InsightsImport
import InsightsMetrics

/// Joins the de-duplicated Turn rows and maps them to Insights' records.
struct TurnMapper {
    let options: TurnImportOptions
    /// The reading, to report row problems found while joining.
    var reading: TurnReading
    /// Problems that are not about one row.
    var otherProblems: [TurnImportError.Problem] = []
    /// Outbound author types with no mapping, in the order first seen.
    private(set) var unknownAuthorTypes: [TurnImportError.UnknownAuthorType] = []
    /// Status words that are not sent, delivered, read or failed, in the order first seen.
    var unknownStatuses: [TurnImportError.UnknownStatus] = []
    /// Per kind, the Turn row each record was made of, in the order of the kind's records.
    var origins: [RecordKind: [RecordOrigin]] = [:]
    private let hasChatsTable: Bool
    private var chats: [String: Versioned<TurnChat>] = [:]
    private var chatOfContact: [String: Versioned<TurnChat>] = [:]
    private var fromAddress: [String: (address: String, at: Instant, id: String)] = [:]

    init(options: TurnImportOptions, reading: TurnReading, files: [TurnExport.File]) {
        self.options = options
        self.reading = reading
        self.hasChatsTable = files.contains { $0.table == .chats }
    }

    mutating func index(chats rows: [Versioned<TurnChat>]) {
        for row in rows {
            if let id = row.id { chats[id] = row }
            let contact = row.row.contactID
            // The newest chat by `updated_at`, ties by the higher chat id (as the views order them).
            if let other = chatOfContact[contact],
                ((other.row.updatedAt ?? .min), other.id ?? "") > ((row.row.updatedAt ?? .min), row.id ?? "")
            {
                continue
            }
            chatOfContact[contact] = row
        }
    }

    /// The contact of a chat, or a row problem.
    private mutating func contact(ofChat chatID: String, file: String, line: Int) -> String? {
        if let chat = chats[chatID] { return chat.row.contactID }
        reading.report(
            RowIssue(
                line: line,
                reason: "column \"chat_id\": chat \"\(chatID)\" is not in the chats table (export the whole chats "
                    + "table: it finds the message's contact)"),
            in: file)
        return nil
    }

    mutating func messages(
        _ rows: [Versioned<TurnMessage>], files: [TurnExport.File], summary: inout TurnSummary
    ) -> [MessageRecord] {
        guard !rows.isEmpty else { return [] }
        guard hasChatsTable else {
            let file = files.first { $0.table == .messages }?.path ?? "messages"
            otherProblems.append(.missingTable(.chats, neededBy: .messages, file: file))
            return []
        }
        var records: [MessageRecord] = []
        var origins: [RecordOrigin] = []
        records.reserveCapacity(rows.count)
        origins.reserveCapacity(rows.count)
        var uses: [String: (type: AuthorType, fromUser: Bool, count: Int)] = [:]
        var unknown: [String: (count: Int, file: String, line: Int, order: Int)] = [:]
        for row in rows {
            let message = row.row
            guard let contactID = contact(ofChat: message.chatID, file: row.file, line: row.line) else { continue }
            let messageID = row.id ?? ""
            if message.inbound {
                summary.inboundMessages += 1
                // The newest inbound message's address, ties by the higher message id.
                if let address = message.fromAddr,
                    ((fromAddress[contactID]?.at ?? .min), fromAddress[contactID]?.id ?? "") <= (message.insertedAt, messageID)
                {
                    fromAddress[contactID] = (address, message.insertedAt, messageID)
                }
                records.append(
                    MessageRecord(
                        messageID: messageID, contactID: contactID, inbound: true, timestamp: message.insertedAt))
                origins.append(row.origin)
                continue
            }
            let raw = message.authorType ?? TurnImportOptions.missingAuthorType
            guard let (type, fromUser) = options.authorType(for: raw) else {
                if let seen = unknown[raw] {
                    unknown[raw]?.count = seen.count + 1
                } else {
                    unknown[raw] = (1, row.file, row.line, unknown.count)
                }
                continue
            }
            uses[raw, default: (type, fromUser, 0)].count += 1
            let author = message.author
            let isJourney = type == .stack
            records.append(
                MessageRecord(
                    messageID: messageID, contactID: contactID, inbound: false, timestamp: message.insertedAt,
                    authorType: type, authorID: isJourney ? author?.journeyUUID ?? author?.id : author?.id,
                    authorName: isJourney ? author?.journeyName ?? author?.name : author?.name))
            origins.append(row.origin)
        }
        self.origins[.messages] = origins
        summary.authorTypes = uses.sorted { $0.key < $1.key }.map {
            TurnSummary.AuthorTypeUse(
                value: $0.key, type: $0.value.type, fromUser: $0.value.fromUser, messages: $0.value.count)
        }
        unknownAuthorTypes = unknown.sorted { $0.value.order < $1.value.order }.map {
            TurnImportError.UnknownAuthorType(
                value: $0.key, count: $0.value.count, file: $0.value.file, line: $0.value.line)
        }
        return records
    }

    mutating func contacts(
        _ rows: [Versioned<TurnContact>], chats chatRows: [Versioned<TurnChat>], summary: inout TurnSummary
    ) -> [ContactRecord] {
        var order: [String] = []
        var rowOf: [String: TurnContact] = [:]
        var originOf: [String: RecordOrigin] = [:]
        for row in rows {
            guard let id = row.id else { continue }
            order.append(id)
            rowOf[id] = row.row
            originOf[id] = row.origin
        }
        order += chatRows.map(\.row.contactID)
        var seen: Set<String> = []
        var records: [ContactRecord] = []
        var origins: [RecordOrigin] = []
        for id in order where seen.insert(id).inserted {
            origins.append(originOf[id] ?? chatOfContact[id]?.origin ?? RecordOrigin(file: "chats", line: 0))
            let contact = rowOf[id]
            let candidates: [(String, String?)] = [
                ("chats.owner", chatOfContact[id]?.row.owner),
                ("contacts.urn", contact?.urn.map(Self.strippingScheme)),
                ("contacts.details.whatsapp_id", contact?.whatsappID),
                ("messages.from_addr", fromAddress[id]?.address),
            ]
            let found = candidates.first { $0.1 != nil }
            summary.phoneSources[found?.0 ?? "none", default: 0] += 1
            let extras = contact?.extras
            if let extras { summary.contactDetails.count(extras) }
            records.append(
                ContactRecord(
                    contactID: id, phone: found?.1, createdAt: contact?.insertedAt, optedInAt: extras?.optedInAt,
                    optedOutAt: extras?.optedOutAt, fields: extras?.fields ?? []))
        }
        summary.contacts = records.count
        self.origins[.contacts] = origins
        return records
    }

    /// `whatsapp:+27…` and `tel:+27…` → `+27…`.
    static func strippingScheme(_ urn: String) -> String {
        for scheme in ["whatsapp:", "tel:"] where urn.lowercased().hasPrefix(scheme) {
            return String(urn.dropFirst(scheme.count))
        }
        return urn
    }

    mutating func chatEvents(
        _ rows: [Versioned<TurnChatEvent>], files eventFiles: [TurnSummary.ChatEventsFile], allFiles: [TurnExport.File],
        summary: inout TurnSummary
    ) -> [ConversationEventRecord] {
        guard hasChatsTable else {
            let file = allFiles.first { $0.table == .chatEvents }?.path ?? "chat_events"
            otherProblems.append(.missingTable(.chats, neededBy: .chatEvents, file: file))
            return []
        }
        var tally: [String: (action: TurnChatEventAction, fromUser: Bool, count: Int)] = [:]
        var events: [(record: ConversationEventRecord, id: String, sequence: Int, origin: RecordOrigin)] = []
        for row in rows {
            let event = row.row
            guard let contactID = contact(ofChat: event.chatID, file: row.file, line: row.line) else { continue }
            let user = options.chatEventMap[event.type.uppercased()]
            let action = user ?? TurnChatEventAction.guess(event.type)
            tally[event.type, default: (action, user != nil, 0)].count += 1
            guard let kind = action.event else { continue }
            events.append(
                (
                    ConversationEventRecord(
                        contactID: contactID, event: kind, timestamp: event.timestamp, actorID: event.actorID,
                        actorName: event.actorName), row.id ?? "", row.sequence, row.origin
                ))
        }
        let types = tally.sorted { $0.key < $1.key }.map {
            TurnSummary.ChatEventTypeUse(
                value: $0.key, action: $0.value.action, fromUser: $0.value.fromUser, rows: $0.value.count)
        }
        summary.closes = .chatEvents(files: eventFiles, types: types)
        // Same-instant events by their row id (then reading order), as the views order them.
        events.sort { ($0.record.timestamp, $0.id, $0.sequence) < ($1.record.timestamp, $1.id, $1.sequence) }
        origins[.conversationEvents] = events.map(\.origin)
        return events.map(\.record)
    }

    /// The last resort: a close at `updated_at` of every chat whose state is closed.
    mutating func closesFromState(
        _ rows: [Versioned<TurnChat>], messages: [MessageRecord], summary: inout TurnSummary
    ) -> [ConversationEventRecord] {
        var lastInbound: [String: Instant] = [:]
        for message in messages where message.inbound {
            lastInbound[message.contactID] = max(lastInbound[message.contactID] ?? .min, message.timestamp)
        }
        var use = TurnSummary.ChatsStateUse()
        var events: [(record: ConversationEventRecord, id: String, sequence: Int, origin: RecordOrigin)] = []
        for row in rows {
            let chat = row.row
            let state = chat.state?.uppercased() ?? ""
            if state == "OPEN" {
                use.open += 1
                let reason = chat.stateReason?.lowercased() ?? ""
                if reason.contains("re-opened") || reason.contains("reopened") { use.reopenedBefore += 1 }
            } else if state.contains("CLOSE") {
                guard let at = chat.updatedAt else {
                    reading.report(
                        RowIssue(
                            line: row.line,
                            reason: "column \"updated_at\": a closed chat needs it to place its close "
                                + "(there is no chat_events table)"),
                        in: row.file)
                    continue
                }
                use.closed += 1
                if let last = lastInbound[chat.contactID], last > at { use.closedBeforeLastMessage += 1 }
                events.append(
                    (
                        ConversationEventRecord(contactID: chat.contactID, event: .closed, timestamp: at), row.id ?? "",
                        row.sequence, row.origin
                    ))
            } else {
                use.otherStates[chat.state ?? "(empty)", default: 0] += 1
            }
        }
        summary.closes = .chatsState(use)
        // Same-instant closes by chat id (then reading order), as the views order them.
        events.sort { ($0.record.timestamp, $0.id, $0.sequence) < ($1.record.timestamp, $1.id, $1.sequence) }
        origins[.conversationEvents] = events.map(\.origin)
        return events.map(\.record)
    }

    mutating func goalEvents(_ rows: [Versioned<TurnFlowResult>], summary: inout TurnSummary) -> [GoalEventRecord] {
        guard let goals = options.goals else {
            summary.flowResultsWithoutMap = rows.count
            return []
        }
        var use = TurnSummary.GoalUse(
            file: options.goalsFile ?? "the goals file", goals: goals.goals.count, behaviours: goals.behaviours.count)
        use.results = rows.count
        var events: [GoalEventRecord] = []
        var origins: [RecordOrigin] = []
        for row in rows {
            let result = row.row
            let rules = goals.rules.filter {
                $0.matches(questionID: result.questionID, response: result.response, stackUUID: result.stackUUID)
            }
            guard !rules.isEmpty else {
                use.ignored[result.questionID, default: 0] += 1
                continue
            }
            use.matched += 1
            for rule in rules {
                events.append(
                    GoalEventRecord(
                        contactID: result.contactID, goalID: rule.goalID, behaviourID: rule.behaviourID,
                        event: rule.event,
                        timestamp: result.insertedAt))
                origins.append(row.origin)
            }
        }
        use.events = events.count
        summary.goals = use
        self.origins[.goalEvents] = origins
        return events
    }
}
