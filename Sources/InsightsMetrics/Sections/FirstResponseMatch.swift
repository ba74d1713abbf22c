/// The matching at the heart of the response-times block, shared by the row path
/// (`ResponseTimeMetrics`), the SQLite path's aggregate (`ResponseTimeAggregate`) and the
/// summary trend's medians: which coach message first answered each conversation a user
/// opened, and which close events ended a span.
///
/// Both are done on sorted arrays rather than per-contact dictionaries: the coach messages are
/// sorted once by (contact, instant, `message_id`), the spans and closes by contact, and each
/// contact's rows are walked side by side. A month of a large helpline (a million coach
/// messages, half a million conversations) then costs a few sorts of small values instead of
/// an array and a hash table per contact.
struct FirstResponseMatch {
    /// The period matched.
    let period: Range<Instant>
    /// The spans opened by an inbound message in the period, in contact order.
    private let opened: [ConversationSpan]
    /// The (contact, instant) of each span closed in the period, sorted.
    private let ended: [InstantKey]

    /// Reads the spans once (any overlapping set; those that matter are picked here).
    init<S: Sequence>(period: Range<Instant>, spans: S) where S.Element == ConversationSpan {
        self.period = period
        var opened: [ConversationSpan] = []
        var ended: [InstantKey] = []
        for span in spans {
            if let close = span.closedAt, period.contains(close) {
                ended.append(InstantKey(contact: span.contact, instant: close))
            }
            if span.openedByInbound, period.contains(span.openedAt) { opened.append(span) }
        }
        opened.sort { $0.contact < $1.contact }
        ended.sort()
        (self.opened, self.ended) = (opened, ended)
    }

    /// Calls `body` for each span opened by an inbound message in the period with the first
    /// coach message of `coachMessages` (by instant, then `message_id` in code-point order)
    /// sent at or after the span opened, no later than its close and inside the period, and
    /// the wait until it in microseconds (business microseconds with a `clock`); both nil when
    /// none answered. Spans come in contact order; messages outside the period are ignored.
    func forEachOpened(
        coachMessages: [CoachMessageRow], clock: BusinessClock?,
        _ body: (_ span: ConversationSpan, _ response: CoachMessageRow?, _ waited: Int64?) -> Void
    ) {
        guard !opened.isEmpty else { return }
        let placed = Self.sortedByContact(
            coachMessages, in: period, contact: \.contact, timestamp: \.timestamp
        ) { a, b in a.messageID.unicodeScalars.lexicographicallyPrecedes(b.messageID.unicodeScalars) }
        walk(placed, clock: clock) { span, response, waited in body(span, response.map { coachMessages[$0] }, waited) }
    }

    /// The wait of each span opened by an inbound message in the period, as
    /// `forEachOpened(coachMessages:clock:_:)` measures it (nil when none answered), from coach
    /// messages without ids: which of two messages at one instant answered does not change the
    /// wait.
    func forEachWait(coachMessages: [CoachMessageInstant], clock: BusinessClock?, _ body: (_ waited: Int64?) -> Void) {
        guard !opened.isEmpty else { return }
        let placed = Self.sortedByContact(coachMessages, in: period, contact: \.contact, timestamp: \.timestamp) { _, _ in
            false
        }
        walk(placed, clock: clock) { _, _, waited in body(waited) }
    }

    /// The walk of `forEachOpened`: `body` gets the row (in the input) of each span's response.
    private func walk(
        _ messages: [Placed], clock: BusinessClock?, _ body: (_ span: ConversationSpan, _ row: Int?, _ waited: Int64?) -> Void
    ) {
        // The current contact's messages are `start..<end`, found once per contact (a contact
        // with many conversations and many coach messages is not walked again per span).
        var (start, end) = (0, 0)
        var contact: ContactKey?
        for span in opened {
            if span.contact != contact {
                contact = span.contact
                start = end
                while start < messages.count, messages[start].contact < span.contact { start += 1 }
                end = start
                while end < messages.count, messages[end].contact == span.contact { end += 1 }
            }
            // The first of the contact's messages at or after the opening (binary search).
            var (low, high) = (start, end)
            while low < high {
                let middle = (low + high) / 2
                if messages[middle].timestamp < span.openedAt { low = middle + 1 } else { high = middle }
            }
            let last = min(span.closedAt ?? .max, period.upperBound - 1)
            guard low < end, messages[low].timestamp <= last else {
                body(span, nil, nil)
                continue
            }
            let response = messages[low].timestamp
            body(
                span, messages[low].row,
                clock?.businessMicroseconds(from: span.openedAt, to: response) ?? response - span.openedAt)
        }
    }

    /// Closes per coach that ended an open span: at each (contact, instant) of the period, the
    /// first `k` close events by `sequence`, where `k` spans closed then (events without an
    /// actor credit no one; events outside the period are ignored).
    func effectiveCloses(_ closes: [CloseEventRow]) -> [AuthorKey: Int] {
        guard !ended.isEmpty else { return [:] }
        // The period's events in (contact, instant, sequence) order, as positions in `closes`
        // (4 bytes each, not a copy of the rows: a month of a large helpline has 300,000).
        // No two events share all three, so the order is the same however it is sorted.
        var order: [Int32] = []
        order.reserveCapacity(closes.count)
        for (row, event) in closes.enumerated() where period.contains(event.timestamp) { order.append(Int32(row)) }
        order.sort { a, b in
            let (x, y) = (closes[Int(a)], closes[Int(b)])
            return (x.contact, x.timestamp, x.sequence) < (y.contact, y.timestamp, y.sequence)
        }
        let events = order.lazy.map { closes[Int($0)] }
        var counts: [AuthorKey: Int] = [:]
        var next = 0  // the first event of the current (contact, instant)
        var index = 0
        while index < ended.count {
            let key = ended[index]
            var spansClosed = 0
            while index < ended.count, ended[index] == key {
                spansClosed += 1
                index += 1
            }
            while next < events.count, InstantKey(contact: events[next].contact, instant: events[next].timestamp) < key {
                next += 1
            }
            var taken = 0
            while next < events.count, taken < spansClosed, events[next].contact == key.contact,
                events[next].timestamp == key.instant
            {
                if let actor = events[next].actorID { counts[AuthorKey(type: .coach, id: actor, name: nil), default: 0] += 1 }
                taken += 1
                next += 1
            }
        }
        return counts
    }

    /// A coach message's place in contact order: its contact, instant and row in the input.
    private struct Placed {
        let contact: ContactKey
        let timestamp: Instant
        let row: Int
    }

    /// The messages of `period` in (contact, instant) order, as places; at one contact and
    /// instant, by `precedes`, then input order.
    private static func sortedByContact<Message>(
        _ messages: [Message], in period: Range<Instant>, contact: (Message) -> ContactKey,
        timestamp: (Message) -> Instant, precedes: (Message, Message) -> Bool
    ) -> [Placed] {
        var placed: [Placed] = []
        placed.reserveCapacity(messages.count)
        for (row, message) in messages.enumerated() where period.contains(timestamp(message)) {
            placed.append(Placed(contact: contact(message), timestamp: timestamp(message), row: row))
        }
        placed.sort { a, b in
            if a.contact != b.contact { return a.contact < b.contact }
            if a.timestamp != b.timestamp { return a.timestamp < b.timestamp }
            if precedes(messages[a.row], messages[b.row]) { return true }
            if precedes(messages[b.row], messages[a.row]) { return false }
            return a.row < b.row
        }
        return placed
    }

    /// A (contact, instant) pair, ordered by contact then instant.
    private struct InstantKey: Comparable {
        let contact: ContactKey
        let instant: Instant

        static func < (lhs: InstantKey, rhs: InstantKey) -> Bool { (lhs.contact, lhs.instant) < (rhs.contact, rhs.instant) }
    }
}
