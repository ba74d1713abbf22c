import GRDB
import InsightsMetrics

/// The reach and consent part of a report's read.
extension Store {
    /// Reads the inputs of the reach and consent blocks into `data`, inside the report's read
    /// (so they see the same state of the data as the other blocks).
    ///
    /// Without any stored status, no message is read again: `data.delivery` stays nil and
    /// the report counts every message sent as `no_status` from the message tally. With
    /// statuses, the period's outbound messages that have one are read with their statuses
    /// (along `message_delivery_ts`, see `MessageDelivery`), the others count as `no_status`
    /// from the message tally (`data.tally`, already read), and the previous period's
    /// `reached_users` are counted along `message_delivery_reached`; no older message is read.
    ///
    /// - parameter calendar: the report's zone (a caching copy is fine).
    /// - parameter segment: `--segment`'s contacts: only their messages and consent times are
    ///   kept, and "statuses stored" means a status of one of their messages.
    static func readReach(
        _ db: Database, into data: inout PeriodData, calendar: ReportCalendar, segment: ContactSet? = nil
    ) throws {
        data.statusesStored = try hasMessageStatuses(db)
        if data.statusesStored {
            let keep = { (row: OutboundDeliveryRow) in segment?.contains(row.contact) ?? true }
            var tally = DeliveryTally(period: data.period, calendar: calendar)
            try forEachOutboundDelivery(db, in: data.period.instants(in: calendar)) { if keep($0) { tally.add($0) } }
            tally.addMessagesWithoutStatus(sentPerDay: data.tally.dailySent, sentPerAuthorType: data.tally.sentPerAuthorType)
            var previous = ContactSet()
            try forEachReachedMessage(db, in: data.period.previous.instants(in: calendar)) { contact, _ in
                if segment?.contains(contact) ?? true { previous.insert(contact) }
            }
            if let segment {
                // Any status of the segment's messages, whenever sent (the previous period's too).
                data.statusesStored = try tally.sawStatus || segmentHasStatuses(db, segment)
            }
            data.delivery = tally
            data.previousReachedUsers = data.statusesStored ? previous.count : nil
        }
        data.consentTimesStored = try hasConsentTimes(db)
        data.consent = data.consentTimesStored ? try consentRows(db) : []
        if let segment {
            data.consent = data.consent.filter { segment.contains($0.contact) }
            data.consentTimesStored = !data.consent.isEmpty
        }
    }
}
