import InsightsImport
import InsightsMetrics

/// Maps the de-duplicated RapidPro records to Insights' records, tallying every value no
/// mapping knows.
struct RapidProMapper {
    let options: RapidProImportOptions
    /// The reading, to report row problems found while mapping.
    var reading: RapidProReading
    var summary = RapidProSummary()
    var unknownDirections = UnknownTally()
    var unknownStatuses = UnknownTally()
    var unknownExits = UnknownTally()
    var unknownSchemes = UnknownTally()
    var withoutPhone = UnknownTally()
    /// Per kind, the record each Insights record was made of.
    var origins: [RecordKind: [RecordOrigin]] = [:]
    /// Per contact, the phone found in messages (the newest message's) and runs.
    private(set) var messagePhone: [String: (phone: String, at: Instant)] = [:]
    private(set) var runPhone: [String: String] = [:]
    /// Contacts in the order first seen in messages, runs and tickets.
    private(set) var seenContacts: [String] = []
    /// Where each of those contacts was first seen.
    private(set) var contactOrigin: [String: RecordOrigin] = [:]
    private var assignees: [String: (email: String?, name: String?)] = [:]

    init(options: RapidProImportOptions, reading: RapidProReading) {
        self.options = options
        self.reading = reading
        for ticket in reading.tickets {
            assignees[ticket.id] = (ticket.row.assigneeEmail, ticket.row.assigneeName)
        }
    }

    private mutating func see(_ contact: String, at origin: RecordOrigin) {
        guard contactOrigin[contact] == nil else { return }
        contactOrigin[contact] = origin
        seenContacts.append(contact)
    }

    /// The phone of a URN, tallying schemes and paths no map accepts.
    mutating func phone(of urn: String, file: String, line: Int) -> String? {
        switch RapidProURN(urn, options: options) {
        case .phone(let phone): return phone
        case .noPhone(let scheme):
            summary.urnsWithoutPhone[scheme, default: 0] += 1
        case .masked:
            summary.maskedURNs += 1
        case .unknownScheme(let scheme):
            unknownSchemes.add(scheme, file: file, line: line)
        case .invalid:
            withoutPhone.add(urn, file: file, line: line)
        }
        return nil
    }

    mutating func messages() -> (messages: [MessageRecord], statuses: [MessageStatusRecord]) {
        var records: [MessageRecord] = []
        var statuses: [MessageStatusRecord] = []
        var recordOrigins: [RecordOrigin] = []
        var statusOrigins: [RecordOrigin] = []
        var authorUses: [String: RapidProSummary.Use] = [:]
        var statusUses: [String: RapidProSummary.Use] = [:]
        for read in reading.messages {
            let message = read.row
            // The URN first, so that a record with several unknown values lists them all.
            see(message.contact, at: read.origin)
            if let urn = message.urn, let phone = phone(of: urn, file: read.file, line: read.line),
                (messagePhone[message.contact]?.at ?? .min) <= message.createdOn
            {
                messagePhone[message.contact] = (phone, message.createdOn)
            }
            let inbound: Bool
            switch message.direction.lowercased() {
            case "in", "i", "incoming": inbound = true
            case "out", "o", "outgoing": inbound = false
            default:
                unknownDirections.add(message.direction, file: read.file, line: read.line)
                continue
            }
            var meaning: RapidProStatus?
            if let word = message.status {
                guard
                    let (found, fromUser) = RapidProImportOptions.look(
                        word, user: options.statusMap, builtIn: RapidProImportOptions.builtInStatusMap)
                else {
                    unknownStatuses.add(word, file: read.file, line: read.line)
                    continue
                }
                if !inbound {
                    meaning = found
                    statusUses[word, default: .init(value: word, mapped: found.rawValue, fromUser: fromUser)].count += 1
                }
            }
            if inbound {
                summary.inbound += 1
                records.append(
                    MessageRecord(
                        messageID: read.id, contactID: message.contact, inbound: true, timestamp: message.createdOn))
                recordOrigins.append(read.origin)
                continue
            }
            let key =
                message.flowUUID != nil
                ? "flow" : message.broadcast != nil ? "broadcast" : message.ticket != nil ? "ticket" : "none"
            let (type, fromUser) =
                RapidProImportOptions.look(key, user: options.authorMap, builtIn: RapidProImportOptions.builtInAuthorMap)
                ?? (.api, false)
            authorUses[key, default: .init(value: key, mapped: type.rawValue, fromUser: fromUser)].count += 1
            var author: (id: String?, name: String?) = (nil, nil)
            switch key {
            case "flow": author = (message.flowUUID, message.flowName)
            case "broadcast": author = (message.broadcast, message.broadcast.map { "Broadcast \($0)" })
            case "ticket":
                let assignee = message.ticket.flatMap { assignees[$0] }
                author = (assignee?.email, assignee?.name)
                if assignee?.email == nil, assignee?.name == nil { summary.ticketMessagesWithoutAssignee += 1 }
            default: break
            }
            records.append(
                MessageRecord(
                    messageID: read.id, contactID: message.contact, inbound: false, timestamp: message.createdOn,
                    authorType: type, authorID: author.id, authorName: author.name))
            recordOrigins.append(read.origin)
            guard let meaning else {
                summary.outboundWithoutStatus += 1
                continue
            }
            guard let status = meaning.delivery else { continue }
            let at =
                status == .sent
                ? message.sentOn ?? message.modifiedOn ?? message.createdOn
                : message.modifiedOn ?? message.sentOn ?? message.createdOn
            statuses.append(
                MessageStatusRecord(
                    messageID: read.id, status: status, timestamp: at,
                    error: status == .failed ? "RapidPro status \(message.status ?? "")" : nil))
            statusOrigins.append(read.origin)
            summary.statusesStored[status, default: 0] += 1
        }
        summary.authors = authorUses.values.sorted { $0.value < $1.value }
        summary.statuses = statusUses.values.sorted { $0.value < $1.value }
        origins[.messages] = recordOrigins
        origins[.messageStatuses] = statusOrigins
        return (records, statuses)
    }

    mutating func runs() -> (runs: [JourneyRunRecord], results: [JourneyResultRecord]) {
        var runs: [JourneyRunRecord] = []
        var results: [JourneyResultRecord] = []
        var runOrigins: [RecordOrigin] = []
        var resultOrigins: [RecordOrigin] = []
        var uses: [String: RapidProSummary.Use] = [:]
        for read in reading.runs {
            let run = read.row
            see(run.contact, at: read.origin)
            if let urn = run.contactURN, let phone = phone(of: urn, file: read.file, line: read.line) {
                runPhone[run.contact] = phone
            }
            var end = RapidProRunEnd.active
            if let key = run.exitType ?? (run.exitedOn != nil ? "none" : nil) {
                guard
                    let (found, fromUser) = RapidProImportOptions.look(
                        key, user: options.exitMap, builtIn: RapidProImportOptions.builtInExitMap)
                else {
                    unknownExits.add(key, file: read.file, line: read.line)
                    continue
                }
                end = found
                let label = run.fromStatus ? "status \(key)" : key
                uses[label, default: .init(value: label, mapped: found.rawValue, fromUser: fromUser)].count += 1
            } else {
                uses["(none)", default: .init(value: "(none)", mapped: "active", fromUser: false)].count += 1
            }
            var endedAt: Instant?
            if end.outcome != nil {
                endedAt = run.exitedOn ?? run.modifiedOn
                guard endedAt != nil else {
                    reading.report(
                        RowIssue(line: read.line, reason: "the run ended but \"exited_on\" and \"modified_on\" are missing"),
                        in: read.file)
                    continue
                }
                if run.exitedOn == nil { summary.endedAtFromModifiedOn += 1 }
            }
            runs.append(
                JourneyRunRecord(
                    runID: read.id, contactID: run.contact, journeyID: run.flowUUID, journeyName: run.flowName,
                    startedAt: run.createdOn, endedAt: endedAt, outcome: end.outcome, lastStep: run.lastNode))
            runOrigins.append(read.origin)
            for value in run.values {
                guard let answer = value.answer else {
                    summary.emptyResults += 1
                    continue
                }
                results.append(
                    JourneyResultRecord(
                        contactID: run.contact, journeyID: run.flowUUID, runID: read.id, question: value.key,
                        answer: answer, timestamp: value.time))
                resultOrigins.append(read.origin)
            }
        }
        summary.exits = uses.values.sorted { $0.value < $1.value }
        summary.results = results.count
        origins[.journeyRuns] = runOrigins
        origins[.journeyResults] = resultOrigins
        return (runs, results)
    }

    mutating func conversationEvents() -> [ConversationEventRecord] {
        var events: [(record: ConversationEventRecord, order: Int, origin: RecordOrigin)] = []
        for read in reading.tickets {
            let ticket = read.row
            see(ticket.contact, at: read.origin)
            if let opened = ticket.openedOn {
                events.append(
                    (
                        ConversationEventRecord(
                            contactID: ticket.contact, event: .opened, timestamp: opened, actorID: ticket.openerEmail,
                            actorName: ticket.openerName), read.sequence * 2, read.origin
                    ))
                summary.ticketsOpened += 1
            }
            if let closed = ticket.closedOn {
                events.append(
                    (
                        ConversationEventRecord(
                            contactID: ticket.contact, event: .closed, timestamp: closed, actorID: ticket.assigneeEmail,
                            actorName: ticket.assigneeName), read.sequence * 2 + 1, read.origin
                    ))
                summary.ticketsClosed += 1
            }
        }
        events.sort { ($0.record.timestamp, $0.order) < ($1.record.timestamp, $1.order) }
        origins[.conversationEvents] = events.map(\.origin)
        return events.map(\.record)
    }
}
