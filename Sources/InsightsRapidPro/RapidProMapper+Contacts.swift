import InsightsImport
import InsightsMetrics

extension RapidProMapper {
    /// One contact per `contacts.json` record, then one per contact seen only in messages,
    /// runs or tickets whose phone a URN gives (the others exist with no phone, as DATA.md
    /// says of a message's contact without a contacts row).
    ///
    /// A contact's phone is the first phone URN of its `urns`, else the URN of its newest
    /// message with one, else its runs' `contact.urn`.
    mutating func contacts() -> [ContactRecord] {
        var records: [ContactRecord] = []
        var recordOrigins: [RecordOrigin] = []
        var listed: Set<String> = []
        for read in reading.contacts {
            let contact = read.row
            listed.insert(contact.uuid)
            var phone: String?
            for urn in contact.urns {
                if let found = self.phone(of: urn, file: read.file, line: read.line), phone == nil { phone = found }
            }
            let source: String
            if phone != nil {
                source = "contacts.urns"
            } else if let found = messagePhone[contact.uuid]?.phone {
                phone = found
                source = "messages.urn"
            } else if let found = runPhone[contact.uuid] {
                phone = found
                source = "runs.contact.urn"
            } else {
                source = "none"
            }
            summary.phoneSources[source, default: 0] += 1
            if contact.status == "stopped" { summary.stoppedContacts += 1 }
            if contact.optedInAt != nil || contact.optedOutAt != nil { summary.contactsWithConsent += 1 }
            if !contact.fields.isEmpty { summary.contactsWithFields += 1 }
            summary.fieldValues += contact.fields.count
            records.append(
                ContactRecord(
                    contactID: contact.uuid, phone: phone, createdAt: contact.createdOn, optedInAt: contact.optedInAt,
                    optedOutAt: contact.optedOutAt, fields: contact.fields))
            recordOrigins.append(read.origin)
        }
        summary.contactsListed = records.count
        for id in seenContacts where !listed.contains(id) {
            let phone = messagePhone[id]?.phone ?? runPhone[id]
            guard let phone else {
                summary.contactsWithoutRecord += 1
                continue
            }
            summary.phoneSources[messagePhone[id] != nil ? "messages.urn" : "runs.contact.urn", default: 0] += 1
            records.append(ContactRecord(contactID: id, phone: phone))
            recordOrigins.append(contactOrigin[id] ?? RecordOrigin(file: "the RapidPro messages", line: 0))
        }
        origins[.contacts] = recordOrigins
        return records
    }
}
