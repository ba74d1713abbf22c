import InsightsImport
import InsightsMetrics

/// RapidPro or TextIt files (message and run archives, pages of the v2 API) turned into
/// Insights' own records, and every choice made on the way.
///
/// The pipeline: read each file (JSON lines or an API page, gzip too) → keep the latest
/// `modified_on` of every uuid → map directions, authors, statuses, URNs, exit types → the
/// records of DATA.md. Every problem in every file is collected; any problem stops the whole
/// import (`RapidProImportError`), so nothing is stored from files that are not understood.
public struct RapidProConversion: Sendable {
    /// From `contacts.json`, and contacts of messages and runs whose URN gives a phone.
    public let contacts: [ContactRecord]
    /// One per message uuid.
    public let messages: [MessageRecord]
    /// The status of each outbound message that has one.
    public let messageStatuses: [MessageStatusRecord]
    /// Opens and closes of tickets.
    public let conversationEvents: [ConversationEventRecord]
    /// One per run uuid.
    public let journeyRuns: [JourneyRunRecord]
    /// Run values.
    public let journeyResults: [JourneyResultRecord]
    /// What was read and mapped.
    public let summary: RapidProSummary
    /// Per kind, the RapidPro record (`FILE:LINE`) each record was made of.
    public let origins: [RecordKind: [RecordOrigin]]

    /// Reads, checks and maps the files.
    /// - Throws: `RapidProImportError` with every problem of every file.
    public init(files: [RapidProExport.File], options: RapidProImportOptions) throws(RapidProImportError) {
        var reading = RapidProReading(options: options)
        for file in files { reading.read(file) }
        reading.deduplicate()
        var mapper = RapidProMapper(options: options, reading: reading)
        let (messages, statuses) = mapper.messages()
        let (runs, results) = mapper.runs()
        let events = mapper.conversationEvents()
        let contacts = mapper.contacts()
        reading = mapper.reading
        var summary = mapper.summary
        summary.files = RapidProKind.allCases.compactMap { reading.counts[$0] }

        var problems = reading.fileProblems + reading.rowProblems
        let unknown: [([RapidProImportError.UnknownValue], ([RapidProImportError.UnknownValue]) -> RapidProImportError.Problem)] =
            [
                (mapper.unknownDirections.values, RapidProImportError.Problem.unknownDirections),
                (mapper.unknownStatuses.values, RapidProImportError.Problem.unknownStatuses),
                (mapper.unknownExits.values, RapidProImportError.Problem.unknownExitTypes),
                (mapper.unknownSchemes.values, RapidProImportError.Problem.unknownURNSchemes),
                (mapper.withoutPhone.values, RapidProImportError.Problem.urnsWithoutPhone),
            ]
        for (values, problem) in unknown where !values.isEmpty { problems.append(problem(values)) }
        guard problems.isEmpty else { throw RapidProImportError(problems: problems) }
        self.contacts = contacts
        self.messages = messages
        self.messageStatuses = statuses
        self.conversationEvents = events
        self.journeyRuns = runs
        self.journeyResults = results
        self.summary = summary
        self.origins = mapper.origins
    }

    /// The kinds of the records, in import order, with each record and the RapidPro record it
    /// was made of, skipping kinds with no records: what `Store.importRecords` stores, one
    /// transaction per kind, through the same checks as a file of the kind.
    public var recordsByKind: [(kind: RecordKind, records: [SourcedRecord])] {
        var result: [(kind: RecordKind, records: [SourcedRecord])] = []
        func add(_ kind: RecordKind, _ records: [ImportRecord]) {
            guard !records.isEmpty else { return }
            let origins = self.origins[kind] ?? []
            let sourced = records.enumerated().map { index, record in
                SourcedRecord(
                    record,
                    from: index < origins.count
                        ? origins[index] : RecordOrigin(file: "the RapidPro \(kind.rawValue)", line: index + 1))
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
