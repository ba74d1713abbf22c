import Foundation
import GRDB
import InsightsImport
import InsightsMetrics
import InsightsPhone

/// How `import` treats a file.
public struct ImportOptions: Sendable {
    /// Store the valid rows and return the invalid ones instead of refusing the file.
    public var skipInvalid: Bool
    /// How many row issues an error lists (all are counted).
    public var issueLimit: Int

    /// Creates options.
    public init(skipInvalid: Bool = false, issueLimit: Int = 20) {
        self.skipInvalid = skipInvalid
        self.issueLimit = issueLimit
    }
}

/// What importing one file did.
public struct ImportSummary: Equatable, Sendable {
    /// The file.
    public let file: String
    /// Its kind.
    public let kind: RecordKind
    /// Rows read (valid or not).
    public var read = 0
    /// Rows stored that were not stored before.
    public var new = 0
    /// Rows that replaced a stored row with the same identity.
    public var replaced = 0
    /// Rows rejected (only with `skipInvalid`; otherwise the file fails).
    public var rejected: [RejectedRow] = []
    /// Columns the file has that the kind does not use.
    public var unknownColumns: [String] = []

    init(file: String, kind: RecordKind) {
        self.file = file
        self.kind = kind
    }
}

/// A row refused with `--skip-invalid`: where, why, and what it held.
public struct RejectedRow: Equatable, Sendable {
    /// The line and reason.
    public let issue: RowIssue
    /// The row as read.
    public let fields: [String]
}

extension Store {
    /// The page cache of a connection that imports, in KiB (256 MiB, allocated only as used:
    /// the indexes of millions of messages stay in memory), kept once set; see `importFile`.
    static let importCacheKiB = 262_144

    /// Bytes per row of the smallest rows a file of records holds (a goal event's line is about
    /// 50 bytes): the file's size divided by it guesses, on the high side, how many rows it has.
    static let bytesPerRowGuess = 48

    /// Imports one file in one transaction: all of it, or (on any invalid row without
    /// `skipInvalid`, or any failure) none of it.
    ///
    /// The file is consumed: the reading thread holds its bytes, and lets go of them once every
    /// row is read, so a caller that passes its last copy (`consume file`) frees them before
    /// the indexes are built and the derived data refreshed.
    ///
    /// - Parameter progress: called every 10,000 rows with the rows read so far.
    public func importFile(
        _ file: consuming ImportFile, timestamps: TimestampParser, options: ImportOptions = .init(),
        progress: (Int) -> Void = { _ in }
    ) throws(ImportError) -> ImportSummary {
        let (path, kind, expectedRows) = (file.path, file.kind, file.byteCount / Self.bytesPerRowGuess)
        let decoder = RecordDecoder(kind: kind, timestamps: timestamps)
        let phones = PhoneRegions.shared
        // The file is read, split and decoded on a second thread while this one writes; rows
        // arrive in file order, so everything below sees them exactly as a plain loop would.
        let reader = BackgroundReader(file: consume file) { row in
            DecodedRow(row: row, decoded: decoder.decode(row), phones: phones)
        }
        defer { reader.close() }
        return try importRows(
            source: path, kind: kind, options: options, expectedRows: expectedRows, progress: progress
        ) { reader.next() }
    }

    /// Imports decoded rows in one transaction: the one way rows reach the database, for files
    /// (`importFile`) and for other sources' records (`importRecords`). `next` hands out the
    /// rows in order; `source` names them in the summary and in errors. `expectedRows`, a guess
    /// of how many rows will come (0: unknown), decides whether the tables' indexes are built
    /// after the rows (`DeferredIndexes`).
    func importRows(
        source: String, kind: RecordKind, options: ImportOptions, expectedRows: Int = 0, progress: (Int) -> Void,
        next: () -> BackgroundReader<DecodedRow>.Batch
    ) throws(ImportError) -> ImportSummary {
        var summary = ImportSummary(file: source, kind: kind)
        var unknownColumns: [String] = []
        var issues: [RowIssue] = []
        var issueCount = 0
        var thrown: ImportError?
        do {
            try queue.inDatabase { db in
                // A large page cache once the connection imports: the message indexes are
                // updated at random places, and with SQLite's default 2 MB cache most of those
                // pages would be read back (and spilled) again and again. Pages are allocated
                // only as they are used, and the setting is kept for the connection's life so
                // that the next file of the same import finds the indexes still cached
                // (restoring the default after each file made messages import 11% slower).
                try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB); PRAGMA temp_store = MEMORY")
                try db.inTransaction(.immediate) {
                    var writer = try RowWriter(db: db)
                    var deferred = DeferredIndexes()
                    if try DeferredIndexes.worthSettingAside(db: db, kind: kind, incoming: expectedRows) {
                        try deferred.setAside(db: db, tables: DeferredIndexes.tables(of: kind))
                    }
                    reading: while true {
                        let rows: [DecodedRow]
                        switch next() {
                        case .rows(let batch): rows = batch
                        case .end(let unknown):
                            unknownColumns = unknown
                            break reading
                        case .failed(let error):
                            thrown = error
                            return .rollback
                        }
                        for row in rows {
                            summary.read += 1
                            if summary.read % 10_000 == 0 { progress(summary.read) }
                            var outcome: Result<Bool, RowIssue>
                            switch row.decoded {
                            case .failure(let issue): outcome = .failure(issue)
                            case .success(let record):
                                if let issue = try writer.check(record, line: row.line) {
                                    outcome = .failure(issue)
                                } else if issueCount > 0, !options.skipInvalid {
                                    outcome = .success(true)  // the import fails anyway: only validate
                                } else {
                                    outcome = .success(try writer.write(record, phoneRegion: row.phoneRegion))
                                }
                            }
                            switch outcome {
                            case .success(let isNew):
                                if isNew { summary.new += 1 } else { summary.replaced += 1 }
                            case .failure(var issue):
                                if let file = row.file { issue = RowIssue(file: file, line: issue.line, reason: issue.reason) }
                                issueCount += 1
                                if options.skipInvalid {
                                    summary.rejected.append(RejectedRow(issue: issue, fields: row.fields))
                                } else if issues.count < options.issueLimit {
                                    issues.append(issue)
                                }
                            }
                        }
                    }
                    if issueCount > 0, !options.skipInvalid { return .rollback }
                    try writer.flushBatches()
                    try deferred.rebuild(db: db)
                    try writer.finish()
                    summary.new -= writer.replacedInBatches
                    summary.replaced += writer.replacedInBatches
                    if summary.new + summary.replaced > 0 {
                        // Archives compare this counter to know whether anything changed.
                        try db.execute(
                            sql: """
                                INSERT INTO meta(key, value) VALUES (?, '1')
                                ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
                                """,
                            arguments: [Store.dataVersionKey])
                        try db.execute(
                            sql:
                                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                            arguments: [MetaKey.dataToken.rawValue, UUID().uuidString])
                    }
                    return .commit
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw ImportError(file: source, reason: .busy)
        } catch let error as DatabaseError {
            throw ImportError(file: source, reason: .database(error.description))
        } catch {
            throw ImportError(file: source, reason: .database("\(error)"))
        }
        if let thrown { throw thrown }
        if issueCount > 0, !options.skipInvalid {
            throw ImportError(file: source, reason: .invalidRows(issues, total: issueCount))
        }
        summary.unknownColumns = unknownColumns
        return summary
    }
}

/// A row as the reading thread leaves it for the writer: decoded, with the work that needs
/// no database already done.
struct DecodedRow: Sendable {
    /// The 1-based line the row starts on.
    let line: Int
    /// The file of a record's source row, when it is not the one imported (`importRecords`).
    let file: String?
    /// The row as read, for the rejects file.
    let fields: [String]
    /// The record, or why the row is rejected.
    let decoded: Result<ImportRecord, RowIssue>
    /// For a contact with a phone number and no country: the number's region (nil if none).
    let phoneRegion: String?

    init(row: RawRow, file: String? = nil, decoded: Result<ImportRecord, RowIssue>, phones: PhoneRegions) {
        line = row.line
        self.file = file
        fields = row.fields
        self.decoded = decoded
        if case .success(.contact(let contact)) = decoded, contact.country == nil, let phone = contact.phone {
            phoneRegion = phones.region(for: phone)
        } else {
            phoneRegion = nil
        }
    }
}

/// Writes validated records with cached statements, remembering what derived data to refresh.
/// (The kinds of message statuses and Journeys are written in `Store+ImportJourneys.swift`.)
struct RowWriter {
    let db: Database
    var contactKeys: [String: Int64] = [:]
    /// Per contact whose messages or conversation events changed: the earliest instant of a
    /// change (derived data is refreshed from there in `finish()`).
    var changedSince: [Int64: Instant] = [:]
    /// Whether a message was written (else only conversation events changed contacts' steps,
    /// and their first inbound messages stay as stored).
    var messagesChanged = false
    /// The stored rows before this file and the messages it moved (row ids: a replaced
    /// message whose contact, instant or direction changed), from which `message_delivery` is
    /// brought up to date in `finish()`.
    private let deliveryMark: MessageDelivery.Mark
    var replacedMessages: Set<Int64> = []

    /// The messages, conversation events, goal events and statuses not written yet (see
    /// `Store+ImportBatches.swift`).
    var messages = InsertBatch<PendingMessage>(into: "messages", columns: PendingMessage.columns, bind: PendingMessage.bind)
    var conversationEvents = InsertBatch<PendingEvent<ConversationEventRecord>>(
        into: "conversation_events", columns: PendingEvent<ConversationEventRecord>.columns,
        bind: PendingEvent<ConversationEventRecord>.bind)
    var goalEvents = InsertBatch<PendingEvent<GoalEventRecord>>(
        into: "goal_events", columns: PendingEvent<GoalEventRecord>.columns, bind: PendingEvent<GoalEventRecord>.bind)
    var statuses = InsertBatch<MessageStatusRecord>(
        into: "message_statuses", columns: MessageStatusRecord.columns, bind: MessageStatusRecord.bind)
    /// How many of the rows `write` counted new were found stored when their batch was written
    /// (each row of a batched kind is counted new when it is held back).
    var replacedInBatches = 0

    /// The statements run for (nearly) every row, prepared once per file: looking a cached
    /// statement up by its SQL text for every row costs a hash of the whole text.
    let contactOfMessage: Statement
    let updateMessage: Statement
    private let contactByID: BoundStatement
    private let insertContactStub: Statement
    /// Goals found stored, and the goals of behaviours found stored: every goal event is
    /// checked against them, and asking SQLite for each row cost more than writing it.
    private var knownGoals: Set<String> = []
    private var behaviourOwners: [String: String] = [:]

    init(db: Database) throws {
        self.db = db
        contactOfMessage = try db.cachedStatement(sql: "SELECT contact, ts, id, inbound FROM messages WHERE message_id = ?")
        updateMessage = try db.cachedStatement(
            sql: """
                UPDATE messages SET contact = ?, inbound = ?, ts = ?, author_type = ?, author_id = ?,
                author_name = ? WHERE message_id = ?
                """)
        contactByID = BoundStatement(try db.cachedStatement(sql: "SELECT id FROM contacts WHERE contact_id = ?"))
        insertContactStub = try db.cachedStatement(sql: "INSERT INTO contacts(contact_id, region) VALUES (?, 'ZZ')")
        deliveryMark = try MessageDelivery(db: db).mark()
    }

    /// Why a record breaks a rule that needs stored data (an unknown goal, a behaviour of
    /// another goal), if it does.
    mutating func check(_ record: ImportRecord, line: Int) throws -> RowIssue? {
        switch record {
        case .behaviour(let behaviour):
            return try goalExists(behaviour.goalID) ? nil : unknownGoal(behaviour.goalID, line: line)
        case .goalEvent(let event):
            guard try goalExists(event.goalID) else { return unknownGoal(event.goalID, line: line) }
            guard let behaviour = event.behaviourID else { return nil }
            guard let owner = try owner(of: behaviour) else {
                return RowIssue(
                    line: line, reason: "column \"behaviour_id\": unknown behaviour \"\(behaviour)\" (import behaviours first)")
            }
            guard owner == event.goalID else {
                return RowIssue(
                    line: line,
                    reason:
                        "column \"behaviour_id\": behaviour \"\(behaviour)\" belongs to goal \"\(owner)\", not \"\(event.goalID)\""
                )
            }
            return nil
        default:
            return nil
        }
    }

    /// Stores a valid record: true when new, false when it replaced a row.
    ///
    /// - Parameter phoneRegion: for a contact with a phone and no country, the region of the
    ///   phone number as `PhoneRegions.region(for:)` gives it (worked out on the reading thread).
    mutating func write(_ record: ImportRecord, phoneRegion: String?) throws -> Bool {
        switch record {
        case .contact(let contact):
            let region = contact.country ?? phoneRegion ?? "ZZ"
            let existing = try contactKey(contact.contactID, create: false)
            let arguments: StatementArguments = [
                contact.phone, contact.country, contact.createdAt, region, contact.optedInAt, contact.optedOutAt,
                contact.contactID,
            ]
            if let existing {
                try db.cachedStatement(
                    sql: """
                        UPDATE contacts SET phone = ?, country = ?, created_at = ?, region = ?, opted_in_at = ?,
                        opted_out_at = ? WHERE contact_id = ?
                        """
                ).execute(arguments: arguments)
                try writeFields(contact.fields, of: existing, replacing: true)
                return false
            }
            try db.cachedStatement(
                sql: """
                    INSERT INTO contacts(phone, country, created_at, region, opted_in_at, opted_out_at, contact_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: arguments)
            let key = db.lastInsertedRowID
            contactKeys[contact.contactID] = key
            try writeFields(contact.fields, of: key, replacing: false)
            return true
        case .message(let message):
            let contact = try contactKey(message.contactID, create: true) ?? 0
            touch(contact, at: message.timestamp)
            messagesChanged = true
            // Written in batches: counted new here, corrected when a batch finds some stored.
            if messages.add(PendingMessage(contact: contact, record: message)) { try flushMessages() }
            return true
        case .conversationEvent(let event):
            let contact = try contactKey(event.contactID, create: true) ?? 0
            touch(contact, at: event.timestamp)
            if conversationEvents.add(PendingEvent(contact: contact, record: event)) { try flushConversationEvents() }
            return true
        case .goal(let goal):
            return try upsert(
                insert: "INSERT INTO goals(name, description, position, goal_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                update: "UPDATE goals SET name = ?, description = ?, position = ? WHERE goal_id = ?",
                arguments: [goal.name, goal.description, goal.position, goal.goalID])
        case .behaviour(let behaviour):
            if behaviourOwners[behaviour.behaviourID] != nil { behaviourOwners[behaviour.behaviourID] = behaviour.goalID }
            return try upsert(
                insert: """
                    INSERT INTO behaviours(goal_id, name, position, behaviour_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """,
                update: "UPDATE behaviours SET goal_id = ?, name = ?, position = ? WHERE behaviour_id = ?",
                arguments: [behaviour.goalID, behaviour.name, behaviour.position, behaviour.behaviourID])
        case .goalEvent(let event):
            let contact = try contactKey(event.contactID, create: true) ?? 0
            if goalEvents.add(PendingEvent(contact: contact, record: event)) { try flushGoalEvents() }
            return true
        case .messageStatus, .journeyRun, .journeyResult:
            return try writeJourneyKinds(record)
        }
    }

    /// Notes that a contact's steps changed at an instant.
    mutating func touch(_ contact: Int64, at instant: Instant) {
        changedSince[contact] = min(changedSince[contact] ?? instant, instant)
    }

    /// Refreshes the derived data of the contacts this file changed (their first inbound
    /// message and their conversation spans) and of the messages and statuses it stored (the
    /// messages reached), once `flushBatches()` has written every row.
    mutating func finish() throws {
        try ConversationSpans(db: db).refresh(changedSince, messagesChanged: messagesChanged)
        try MessageDelivery(db: db).refresh(since: deliveryMark, replaced: replacedMessages)
    }

    /// Writes the rows held back in batches (before anything reads their tables).
    mutating func flushBatches() throws {
        try flushMessages()
        try flushConversationEvents()
        try flushGoalEvents()
        try flushStatuses()
    }

    func upsert(insert: String, update: String, arguments: StatementArguments) throws -> Bool {
        try db.cachedStatement(sql: insert).execute(arguments: arguments)
        if db.changesCount == 1 { return true }
        try db.cachedStatement(sql: update).execute(arguments: arguments)
        return false
    }

    /// Whether the goal is stored (remembered once found: goals are few, and never removed).
    private mutating func goalExists(_ goalID: String) throws -> Bool {
        if knownGoals.contains(goalID) { return true }
        let exists =
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM goals WHERE goal_id = ?)"), arguments: [goalID])
            ?? false
        if exists { knownGoals.insert(goalID) }
        return exists
    }

    /// The goal a stored behaviour belongs to (remembered once found, and kept up to date
    /// when this import writes the behaviour).
    private mutating func owner(of behaviour: String) throws -> String? {
        if let owner = behaviourOwners[behaviour] { return owner }
        let owner = try String.fetchOne(
            db.cachedStatement(sql: "SELECT goal_id FROM behaviours WHERE behaviour_id = ?"), arguments: [behaviour])
        if let owner { behaviourOwners[behaviour] = owner }
        return owner
    }

    private func unknownGoal(_ goalID: String, line: Int) -> RowIssue {
        RowIssue(line: line, reason: "column \"goal_id\": unknown goal \"\(goalID)\" (import goals first)")
    }

    /// The row id of a contact; with `create`, a contact with no phone is made for an unknown id.
    mutating func contactKey(_ contactID: String, create: Bool) throws -> Int64? {
        if let key = contactKeys[contactID] { return key }
        contactByID.bind(1, contactID)
        if let key = try contactByID.fetchInt64(db) {
            contactKeys[contactID] = key
            return key
        }
        guard create else { return nil }
        try insertContactStub.execute(arguments: [contactID])
        let key = db.lastInsertedRowID
        contactKeys[contactID] = key
        return key
    }
}
