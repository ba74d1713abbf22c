import GRDB
import InsightsMetrics

/// How a report is restricted to a segment (`--segment`) and what a breakdown
/// (`--breakdown`) reads. The segment is resolved to a `ContactSet` first (one range of the
/// index `contact_fields_value` per condition); every read of the report then keeps only
/// those contacts: the message scans test one bit per row, and the row reads (spans, goal
/// events, runs, results, coach messages, closes, consent) are filtered as they are read.
/// Names (authors, coaches, Journeys) are still resolved over all data.
extension Store {
    /// The contacts that meet every condition of `segment` (all of them: an intersection).
    public func segmentContacts(_ segment: Segment) throws(StoreError) -> ContactSet {
        try wrap { try queue.read { db in try Self.segmentContacts(db, segment) } }
    }

    static func segmentContacts(_ db: Database, _ segment: Segment) throws -> ContactSet {
        var result: ContactSet?
        for condition in segment {
            let keys: [ContactKey]
            if condition.isCountry {
                keys = try Int64.fetchAll(
                    db, sql: "SELECT id FROM contacts WHERE region = ?", arguments: [condition.value.uppercased()])
            } else {
                keys = try contacts(db, whereField: condition.field, equals: condition.value)
            }
            if let previous = result {
                result = ContactSet(keys.lazy.filter { previous.contains($0) })
            } else {
                result = ContactSet(keys)
            }
        }
        return result ?? ContactSet()
    }

    /// Whether any message of the segment's contacts, at any time, has a status: one seek of
    /// `messages_contact_inbound_ts` per contact, stopping at the first found.
    static func segmentHasStatuses(_ db: Database, _ segment: ContactSet) throws -> Bool {
        let statement = try db.cachedStatement(
            sql: """
                SELECT EXISTS (SELECT 1 FROM messages m JOIN message_statuses s ON s.message_id = m.message_id
                WHERE m.contact = ? AND m.inbound = 0)
                """)
        for contact in segment where try Bool.fetchOne(statement, arguments: [contact]) == true { return true }
        return false
    }

    /// Keeps only the segment's contacts in every row read of `data` (the message tallies
    /// were scanned so already), and reads the new users of both periods for them.
    static func restrict(
        _ db: Database, _ data: inout PeriodData, to segment: ContactSet, range: Range<Instant>,
        previousRange: Range<Instant>
    ) throws {
        let current = try firstInboundContacts(db, in: range).filter { segment.contains($0.contact) }
        data.firstInbound = current.map(\.at)
        data.previous.newUsers = try firstInboundContacts(db, in: previousRange).count { segment.contains($0.contact) }
        data.conversationSpans = data.conversationSpans.filter { segment.contains($0.contact) }
        data.goalEvents = data.goalEvents.filter { segment.contains($0.contact) }
        data.journeyRuns = data.journeyRuns.filter { segment.contains($0.contact) }
        data.journeyResults = data.journeyResults.filter { segment.contains($0.contact) }
        data.coachMessages = data.coachMessages.filter { segment.contains($0.contact) }
        data.closeEvents = data.closeEvents.filter { segment.contains($0.contact) }
        data.previousConversationSpans = data.previousConversationSpans.filter { segment.contains($0.contact) }
        data.previousCoachMessages = data.previousCoachMessages.filter { segment.contains($0.contact) }
        data.previousCloseEvents = data.previousCloseEvents.filter { segment.contains($0.contact) }
    }

    /// The contacts whose first inbound message ever lies in `range`, with its instant.
    static func firstInboundContacts(_ db: Database, in range: Range<Instant>) throws -> [(contact: ContactKey, at: Instant)] {
        var rows: [(contact: ContactKey, at: Instant)] = []
        try db.forEachSQLiteRow(
            "SELECT id, first_inbound_at FROM contacts WHERE first_inbound_at >= ? AND first_inbound_at < ?",
            [range.lowerBound, range.upperBound]
        ) { row in rows.append((row.int64(0), row.int64(1))) }
        return rows
    }

    /// The inputs of each `--breakdown` field: the per-contact inbound counts of the period,
    /// the new contacts, and each field's value per contact (only the segment's contacts).
    static func readBreakdowns(
        _ db: Database, _ fields: [String], into data: inout PeriodData, range: Range<Instant>, segment: ContactSet?
    ) throws {
        guard !fields.isEmpty else { return }
        let keep = { (contact: ContactKey) in segment?.contains(contact) ?? true }
        var received: [ContactKey: Int] = [:]
        try db.forEachSQLiteRow(
            "SELECT contact, COUNT(*) FROM messages WHERE ts >= ? AND ts < ? AND inbound = 1 GROUP BY contact",
            [range.lowerBound, range.upperBound]
        ) { row in
            let contact = row.int64(0)
            if keep(contact) { received[contact] = Int(row.int64(1)) }
        }
        data.receivedByContact = received
        data.newContacts = ContactSet(try firstInboundContacts(db, in: range).map(\.contact).filter(keep))
        data.breakdownInputs = try fields.map { field in
            var values: [ContactKey: FieldValue] = [:]
            if field == SegmentCondition.countryField {
                try db.forEachSQLiteRow("SELECT id, region FROM contacts") { row in
                    let contact = row.int64(0)
                    guard keep(contact) else { return }
                    let region = row.string(1) ?? "ZZ"
                    values[contact] = FieldValue(value: region, folded: region)
                }
            } else {
                let rows = try Row.fetchCursor(
                    db.cachedStatement(sql: "SELECT contact, value, value_folded FROM contact_fields WHERE field = ?"),
                    arguments: [field])
                while let row = try rows.next() {
                    let contact: ContactKey = row[0]
                    guard keep(contact), let value: String = row[1], let folded: String = row[2], !folded.isEmpty else {
                        continue
                    }
                    values[contact] = FieldValue(value: value, folded: folded)
                }
            }
            return BreakdownInput(field: field, values: values)
        }
    }
}

extension Store: SegmentedReportSource {
    /// Reads a period restricted to a segment, with breakdown inputs, on two connections.
    public func periodData(
        period: ReportPeriod, calendar: ReportCalendar, segment: Segment, breakdowns: [String]
    ) throws(StoreError) -> PeriodData {
        try periodData(period: period, calendar: calendar, parallelism: 2, segment: segment, breakdowns: breakdowns)
    }
}
