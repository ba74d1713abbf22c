import InsightsImport
import InsightsMetrics

/// Glific's BigQuery tables, exported as NDJSON, turned into Insights' own records, and
/// every choice made on the way.
///
/// The pipeline: read each file (one JSON object per line, gzip too) → keep the newest
/// version of every `id` (of messages, every version's `bsp_status` too: the status history)
/// → map directions, authors, statuses, outcomes → the records of
/// DATA.md. Every problem in every file is collected; any problem stops the whole import.
public struct GlificConversion: Sendable {
    /// One per contact phone: the contacts table's rows, then contacts seen only elsewhere.
    public let contacts: [ContactRecord]
    /// One per message id.
    public let messages: [MessageRecord]
    /// The statuses of the outbound messages: every version's `bsp_status`, the earliest of
    /// each status of a message (``GlificStatusHistory``).
    public let messageStatuses: [MessageStatusRecord]
    /// Opens and closes of tickets.
    public let conversationEvents: [ConversationEventRecord]
    /// One per flow context.
    public let journeyRuns: [JourneyRunRecord]
    /// The answers of flow results.
    public let journeyResults: [JourneyResultRecord]
    /// What was read and mapped.
    public let summary: GlificSummary
    /// Per kind, the row (`FILE:LINE`) each record was made of, in the records' order.
    public let origins: [RecordKind: [RecordOrigin]]

    /// Reads, checks and maps the files.
    /// - Throws: `GlificImportError` with every problem of every file.
    public init(files: [GlificExport.File], options: GlificImportOptions) throws(GlificImportError) {
        var reading = GlificReading(options: options)
        for file in files { reading.read(file) }
        reading.deduplicate()
        var summary = GlificSummary()
        summary.zone = options.zone.identifier
        summary.tables = GlificTable.allCases.compactMap { table in
            reading.counts[table].map { .init(table: table, files: $0.files, rows: $0.rows, duplicates: $0.duplicates) }
        }
        var origins: [RecordKind: [RecordOrigin]] = [:]
        var seen: [String: RecordOrigin] = [:]
        var seenOrder: [String] = []
        func see(_ phone: String, _ origin: RecordOrigin) {
            if seen[phone] == nil {
                seen[phone] = origin
                seenOrder.append(phone)
            }
        }

        // Messages (their newest versions), then the statuses of every version.
        var directions = GlificTally()
        var authorUses: [String: GlificSummary.Use] = [:]
        var messages: [MessageRecord] = []
        var outbound: [GlificRead<GlificMessage>] = []
        // A flow's name: of its newest flow_results row, else of its newest message (as the
        // BigQuery views choose it, `GlificSQL.names`; not reading order, which a table has not).
        var journeyNames: [String: (fromResults: Bool, at: Instant, name: String)] = [:]
        func name(_ uuid: String, _ name: String, fromResults: Bool, at: Instant?) {
            let candidate = (fromResults, at ?? .min, name)
            if let current = journeyNames[uuid] {
                let better =
                    candidate.0 != current.fromResults
                    ? candidate.0
                    : candidate.1 != current.at
                        ? candidate.1 > current.at : Array(candidate.2.utf8).lexicographicallyPrecedes(current.name.utf8)
                guard better else { return }
            }
            journeyNames[uuid] = candidate
        }
        for read in reading.messages {
            let message = read.row
            if let uuid = message.flowUUID, let flowName = message.flowName {
                name(uuid, flowName, fromResults: false, at: message.updatedAt)
            }
            guard let inbound = GlificRules.isInbound(flow: message.flow) else {
                directions.add(message.flow.lowercased(), file: read.file, line: read.line)
                continue
            }
            see(message.contactPhone, read.origin)
            var record = MessageRecord(
                messageID: message.id, contactID: message.contactPhone, inbound: inbound, timestamp: message.insertedAt)
            if inbound {
                summary.inbound += 1
            } else {
                let source = GlificRules.authorSource(
                    userPhone: message.userPhone, userName: message.userName, broadcast: message.broadcast,
                    flowUUID: message.flowUUID, flowName: message.flowName)
                let type = options.authorMap[source.rawValue] ?? nil
                record.authorType = type
                switch source {
                case .user: (record.authorID, record.authorName) = (message.userPhone, message.userName)
                case .flow: (record.authorID, record.authorName) = (message.flowUUID, message.flowName)
                case .broadcast, .none: break
                }
                let fromUser = GlificRules.builtInAuthorMap[source.rawValue] != type
                authorUses[
                    source.rawValue,
                    default: .init(
                        value: source.rawValue, mapped: type?.rawValue ?? "none", count: 0, fromUser: fromUser)
                ].count += 1
                outbound.append(read)
            }
            messages.append(record)
            origins[.messages, default: []].append(read.origin)
        }
        summary.authors = GlificAuthorSource.allCases.compactMap { authorUses[$0.rawValue] }
        let history = GlificStatusHistory(versions: reading.messageVersions, outbound: outbound, options: options)
        let statuses = history.statuses.map(\.record)
        if !statuses.isEmpty { origins[.messageStatuses] = history.statuses.map(\.origin) }
        summary.statuses = history.uses
        summary.outboundWithoutStatus = history.withoutStatus

        // Tickets → conversation events.
        var ticketWords = GlificTally()
        var events: [ConversationEventRecord] = []
        // By id (numeric ids in their order), so that a contact's events at one instant are
        // stored in the order the BigQuery view's `seq` gives them.
        func order(_ id: String) -> (Int, Int64, [UInt8]) {
            Int64(id).map { (0, $0, Array(id.utf8)) } ?? (1, 0, Array(id.utf8))
        }
        let tickets = reading.tickets.enumerated().sorted { left, right in
            let (l, r) = (order(left.element.id), order(right.element.id))
            if l.0 != r.0 || l.1 != r.1 { return (l.0, l.1) < (r.0, r.1) }
            if l.2 != r.2 { return l.2.lexicographicallyPrecedes(r.2) }
            return left.offset < right.offset
        }.map(\.element)
        for read in tickets {
            let ticket = read.row
            let word = ticket.status.lowercased()
            guard let closed = options.ticketMap[word] else {
                ticketWords.add(word, file: read.file, line: read.line)
                continue
            }
            see(ticket.contactPhone, read.origin)
            events.append(ConversationEventRecord(contactID: ticket.contactPhone, event: .opened, timestamp: ticket.insertedAt))
            origins[.conversationEvents, default: []].append(read.origin)
            summary.ticketsOpened += 1
            if closed {
                events.append(
                    ConversationEventRecord(
                        contactID: ticket.contactPhone, event: .closed,
                        timestamp: max(ticket.updatedAt ?? ticket.insertedAt, ticket.insertedAt), actorID: ticket.userID,
                        actorName: ticket.userName))
                origins[.conversationEvents, default: []].append(read.origin)
                summary.ticketsClosed += 1
            }
        }

        // Flow results first for the journeys' names, then flow contexts → runs.
        var results: [JourneyResultRecord] = []
        for read in reading.results {
            let result = read.row
            if let flowName = result.flowName { name(result.flowUUID, flowName, fromResults: true, at: result.updatedAt) }
            see(result.contactPhone, read.origin)
            summary.emptyResults += result.empty
            for answer in result.answers {
                results.append(
                    JourneyResultRecord(
                        contactID: result.contactPhone, journeyID: result.flowUUID, runID: result.contextID,
                        question: answer.question, answer: answer.answer, timestamp: result.updatedAt))
                origins[.journeyResults, default: []].append(read.origin)
            }
        }
        summary.results = results.count
        var runs: [JourneyRunRecord] = []
        for read in reading.contexts {
            let context = read.row
            see(context.contactPhone, read.origin)
            let outcome = GlificRules.outcome(isKilled: context.isKilled, completedAt: context.completedAt)
            summary.outcomes[outcome?.rawValue ?? "active", default: 0] += 1
            runs.append(
                JourneyRunRecord(
                    runID: context.id, contactID: context.contactPhone, journeyID: context.flowUUID,
                    journeyName: journeyNames[context.flowUUID]?.name, startedAt: context.insertedAt,
                    endedAt: outcome == nil ? nil : context.completedAt ?? read.updatedAt ?? context.insertedAt,
                    outcome: outcome, lastStep: context.nodeUUID))
            origins[.journeyRuns, default: []].append(read.origin)
        }

        // Contacts: the table's rows, then every phone seen only elsewhere.
        var contacts: [ContactRecord] = []
        var listed: Set<String> = []
        for read in reading.contacts {
            let contact = read.row
            listed.insert(contact.phone)
            let phone = GlificRules.phone(contact.phone)
            if phone == nil { summary.contactsWithoutPhone += 1 }
            if contact.optinTime != nil || contact.optoutTime != nil { summary.contactsWithConsent += 1 }
            summary.fieldValues += contact.fields.count
            contacts.append(
                ContactRecord(
                    contactID: contact.phone, phone: phone, createdAt: contact.insertedAt, optedInAt: contact.optinTime,
                    optedOutAt: contact.optoutTime, fields: contact.fields))
            origins[.contacts, default: []].append(read.origin)
        }
        summary.contactsListed = contacts.count
        for id in seenOrder where !listed.contains(id) {
            let phone = GlificRules.phone(id)
            if phone == nil { summary.contactsWithoutPhone += 1 }
            contacts.append(ContactRecord(contactID: id, phone: phone))
            origins[.contacts, default: []].append(seen[id] ?? RecordOrigin(file: "the Glific tables", line: 0))
            summary.contactsFromOtherTables += 1
        }

        var problems = reading.fileProblems + reading.rowProblems
        if !directions.values.isEmpty { problems.append(.unknownDirections(directions.values)) }
        if !history.unknown.values.isEmpty { problems.append(.unknownStatuses(history.unknown.values)) }
        if !ticketWords.values.isEmpty { problems.append(.unknownTicketStatuses(ticketWords.values)) }
        guard problems.isEmpty else { throw GlificImportError(problems: problems) }
        self.contacts = contacts
        self.messages = messages
        self.messageStatuses = statuses
        self.conversationEvents = events
        self.journeyRuns = runs
        self.journeyResults = results
        self.summary = summary
        self.origins = origins
    }

    /// The kinds of the records, in import order, each record with the Glific row it was
    /// made of, skipping kinds with no records: what `Store.importRecords` stores.
    public var recordsByKind: [(kind: RecordKind, records: [SourcedRecord])] {
        var result: [(kind: RecordKind, records: [SourcedRecord])] = []
        func add(_ kind: RecordKind, _ records: [ImportRecord]) {
            guard !records.isEmpty else { return }
            let origins = self.origins[kind] ?? []
            let sourced = records.enumerated().map { index, record in
                SourcedRecord(
                    record,
                    from: index < origins.count
                        ? origins[index] : RecordOrigin(file: "the Glific \(kind.rawValue)", line: index + 1))
            }
            result.append((kind, sourced))
        }
        add(.contacts, contacts.map(ImportRecord.contact))
        add(.messages, messages.map(ImportRecord.message))
        add(.messageStatuses, messageStatuses.map(ImportRecord.messageStatus))
        add(.conversationEvents, conversationEvents.map(ImportRecord.conversationEvent))
        add(.journeyRuns, journeyRuns.map(ImportRecord.journeyRun))
        add(.journeyResults, journeyResults.map(ImportRecord.journeyResult))
        return result
    }
}
