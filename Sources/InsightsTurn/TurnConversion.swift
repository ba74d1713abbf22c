import InsightsImport
import InsightsMetrics

/// A Turn.io export turned into Insights' own records, and every choice made on the way.
///
/// The pipeline: read each table (CSV or NDJSON, gzip too, columns by lower-cased name) →
/// keep the latest `updated_at` of every `id` → join messages to contacts through
/// `chat_id` → `chats.contact_id` → map author types, chat events, statuses and Journey results
/// (goal events, Journey results and runs) → the records of DATA.md. Every problem in every file is collected; any problem stops the whole
/// export (`TurnImportError`), so nothing is stored from an export that is not understood.
public struct TurnConversion: Sendable {
    /// Goals from the goals file.
    public let goals: [GoalRecord]
    /// Behaviours from the goals file.
    public let behaviours: [BehaviourRecord]
    /// One per Turn contact (the contacts table, and the contacts of chats).
    public let contacts: [ContactRecord]
    /// One per message id.
    public let messages: [MessageRecord]
    /// Closes and opens, from chat_events or (approximately) from the chats state.
    public let conversationEvents: [ConversationEventRecord]
    /// Goal events from flow_results.
    public let goalEvents: [GoalEventRecord]
    /// From the statuses table, ordered by time.
    public let messageStatuses: [MessageStatusRecord]
    /// Derived from the sessions of flow_results (Journeys listed in the goals file only).
    public let journeyRuns: [JourneyRunRecord]
    /// flow_results with a Journey and a response.
    public let journeyResults: [JourneyResultRecord]
    /// What was read and mapped.
    public let summary: TurnSummary
    /// Per kind, the Turn row (`FILE:LINE`) each record was made of, in the order of the
    /// kind's records (the goals file for goals and behaviours).
    public let origins: [RecordKind: [RecordOrigin]]

    /// Reads, checks and maps the files of an export.
    /// - Parameters:
    ///   - files: the table files (see `TurnExport.locate`).
    ///   - skipped: data files that are not tables Insights reads, listed in the summary.
    ///   - options: the user's mappings and the timestamp rules.
    /// - Throws: `TurnImportError` with every problem of every file.
    public init(
        files: [TurnExport.File], skipped: [String] = [], options: TurnImportOptions
    ) throws(TurnImportError) {
        var reading = TurnReading(options: options)
        var summary = TurnSummary()
        summary.skippedFiles = skipped

        let contactRows = reading.latest(.contacts, reading.table(.contacts, files, parse: TurnContact.init))
        let chatRows = reading.latest(.chats, reading.table(.chats, files, parse: TurnChat.init))
        let messageRows = reading.latest(.messages, reading.table(.messages, files, parse: TurnMessage.init))
        let statusRows = reading.latest(
            .statuses, reading.table(.statuses, files, id: TurnStatus.identity, parse: TurnStatus.init))
        let flowRows = reading.latest(
            .flowResults,
            reading.table(
                .flowResults, files, id: { $0["uuid"] ?? $0["id"] },
                version: { f throws(RowIssue) in
                    if let updated = try f.optionalTimestamp("updated_at") { return updated }
                    return try f.optionalTimestamp("inserted_at")
                }, parse: TurnFlowResult.init))
        let (eventFiles, allEventRows) = reading.chatEvents(files)
        let eventRows = reading.latest(.chatEvents, allEventRows)

        var mapper = TurnMapper(options: options, reading: reading, files: files)
        mapper.index(chats: chatRows)
        let messages = mapper.messages(messageRows, files: files, summary: &summary)
        let contacts = mapper.contacts(contactRows, chats: chatRows, summary: &summary)
        let events: [ConversationEventRecord]
        if files.contains(where: { $0.table == .chatEvents }) {
            events = mapper.chatEvents(eventRows, files: eventFiles, allFiles: files, summary: &summary)
        } else if files.contains(where: { $0.table == .chats }) {
            events = mapper.closesFromState(chatRows, messages: messages, summary: &summary)
        } else {
            events = []
        }
        let goalEvents = mapper.goalEvents(flowRows, summary: &summary)
        let statuses = mapper.statuses(statusRows, messages: messageRows, files: files, summary: &summary)
        // The export's newest instant, against which Journey timeouts are measured.
        var newest: Instant?
        func see(_ times: Instant?...) {
            for case let time? in times where time > newest ?? .min { newest = time }
        }
        contactRows.forEach { see($0.version, $0.row.insertedAt) }
        chatRows.forEach { see($0.version) }
        messageRows.forEach { see($0.version, $0.row.insertedAt) }
        statusRows.forEach { see($0.version, $0.row.timestamp) }
        flowRows.forEach { see($0.version, $0.row.insertedAt) }
        eventRows.forEach { see($0.version, $0.row.timestamp) }
        let (journeyResults, journeyRuns) = mapper.journeys(flowRows, asOf: newest, summary: &summary)
        reading = mapper.reading
        summary.tables = TurnTable.allCases.compactMap { reading.counts[$0] }

        var problems = reading.fileProblems + reading.rowProblems + mapper.otherProblems
        if !mapper.unknownAuthorTypes.isEmpty { problems.append(.unknownAuthorTypes(mapper.unknownAuthorTypes)) }
        if !mapper.unknownStatuses.isEmpty { problems.append(.unknownStatuses(mapper.unknownStatuses)) }
        guard problems.isEmpty else { throw TurnImportError(problems: problems) }
        self.goals = options.goals?.goals ?? []
        self.behaviours = options.goals?.behaviours ?? []
        self.contacts = contacts
        self.messages = messages
        self.conversationEvents = events
        self.goalEvents = goalEvents
        self.messageStatuses = statuses
        self.journeyRuns = journeyRuns
        self.journeyResults = journeyResults
        self.summary = summary
        self.origins = mapper.origins
    }
}
