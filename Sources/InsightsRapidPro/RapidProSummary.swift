import InsightsMetrics

/// What a RapidPro import read and every mapping it applied, for the import summary.
public struct RapidProSummary: Equatable, Sendable {
    /// Per kind read: files, records, duplicates.
    public var files: [FileCount] = []
    /// Outbound messages per source (`flow`, `broadcast`, `ticket`, `none`) and the author type it became.
    public var authors: [Use] = []
    /// Inbound messages.
    public var inbound = 0
    /// Outbound messages of a ticket whose assignee no `tickets.json` record names.
    public var ticketMessagesWithoutAssignee = 0
    /// Outbound status words and what they became.
    public var statuses: [Use] = []
    /// Outbound messages with no status word at all.
    public var outboundWithoutStatus = 0
    /// Statuses stored, per status.
    public var statusesStored: [DeliveryStatus: Int] = [:]
    /// Contacts of `contacts.json`.
    public var contactsListed = 0
    /// Where the phones of the contacts written came from.
    public var phoneSources: [String: Int] = [:]
    /// Contacts seen only in messages, runs or tickets with no phone: no contact record.
    public var contactsWithoutRecord = 0
    /// URNs of schemes that hold no phone, per scheme.
    public var urnsWithoutPhone: [String: Int] = [:]
    /// Masked URNs of an anonymous workspace.
    public var maskedURNs = 0
    /// Contacts of `contacts.json` whose status is stopped (RapidPro gives no time for it).
    public var stoppedContacts = 0
    /// Contacts with an `opted_in_at` or `opted_out_at` date field.
    public var contactsWithConsent = 0
    /// Contacts with fields.
    public var contactsWithFields = 0
    /// Field values stored.
    public var fieldValues = 0
    /// Runs per exit type (or status) and how they ended.
    public var exits: [Use] = []
    /// Ended runs with no `exited_on`, ended at `modified_on`.
    public var endedAtFromModifiedOn = 0
    /// Journey results.
    public var results = 0
    /// Run values with neither category nor value (not results).
    public var emptyResults = 0
    /// Conversation opens from tickets.
    public var ticketsOpened = 0
    /// Conversation closes from tickets.
    public var ticketsClosed = 0

    /// What one kind's files gave.
    public struct FileCount: Equatable, Sendable {
        /// The kind.
        public let kind: RapidProKind
        /// Its files.
        public var files: [String] = []
        /// Records read, duplicates included.
        public var records = 0
        /// Older versions of a uuid dropped.
        public var duplicates = 0
        /// Archive files (one record per line).
        public var archives = 0
        /// API pages.
        public var pages = 0
        /// Pages whose `next` names a page after them.
        public var nextPages: [NextPage] = []
    }

    /// An API page that is not the last one.
    public struct NextPage: Equatable, Sendable {
        /// The page.
        public let file: String
        /// Its `next`.
        public let url: String
    }

    /// One raw value and what it became.
    public struct Use: Equatable, Sendable {
        /// The RapidPro value.
        public let value: String
        /// What it became.
        public let mapped: String
        /// Whether the user's map said so (else the built-in one).
        public let fromUser: Bool
        /// Records with it.
        public var count = 0
    }

    /// Whether any tickets were read (else conversations never close).
    public var hasTickets: Bool { files.contains { $0.kind == .tickets } }

    /// The sentence for the report and the database when there are no closes; "" otherwise.
    public var closesNote: String {
        hasTickets
            ? ""
            : "No conversation closes: the RapidPro import had no tickets.json, so conversations never count as closed."
    }

    private static func uses(_ uses: [Use], flag: String) -> String {
        uses.isEmpty
            ? "none"
            : uses.map { "\($0.value) → \($0.mapped) (\($0.count), \($0.fromUser ? flag : "built in"))" }
                .joined(separator: ", ")
    }

    /// The summary as lines for the terminal.
    public var lines: [String] {
        var lines = ["RapidPro export:"]
        for file in files {
            var line =
                "  \(file.kind.rawValue): \(file.records) record\(file.records == 1 ? "" : "s") read from "
                + file.files.joined(separator: ", ")
            if file.duplicates > 0 {
                line +=
                    "; \(file.duplicates) older version\(file.duplicates == 1 ? "" : "s") of a uuid dropped (kept the latest modified_on)"
            }
            lines.append(line)
            for next in file.nextPages {
                lines.append("  warning: \(next.file) is not the last page (next: \(next.url)); fetch the rest too")
            }
        }
        lines.append(
            "Outbound messages by what sent them: " + Self.uses(authors, flag: "--author-map") + "; \(inbound) inbound")
        if ticketMessagesWithoutAssignee > 0 {
            lines.append(
                "  \(ticketMessagesWithoutAssignee) ticket message(s) have no assignee in tickets.json: coach unnamed")
        }
        let stored = DeliveryStatus.allCases.map { "\($0.rawValue) \(statusesStored[$0] ?? 0)" }.joined(separator: ", ")
        lines.append(
            "Statuses of outbound messages: " + Self.uses(statuses, flag: "--status-map") + "; stored: \(stored)"
                + (outboundWithoutStatus > 0 ? "; \(outboundWithoutStatus) without a status word" : ""))
        let sources = ["contacts.urns", "messages.urn", "runs.contact.urn", "none"].compactMap { source in
            phoneSources[source].map { "\(source) \($0)" }
        }
        var contacts =
            "Contacts: \(phoneSources.values.reduce(0, +)) (\(contactsListed) from contacts.json); phone from "
            + (sources.isEmpty ? "nothing" : sources.joined(separator: ", "))
        if contactsWithoutRecord > 0 { contacts += "; \(contactsWithoutRecord) more with no phone (no contact record)" }
        lines.append(contacts)
        if !urnsWithoutPhone.isEmpty || maskedURNs > 0 {
            var parts = urnsWithoutPhone.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            if maskedURNs > 0 { parts.append("masked (anonymous workspace) \(maskedURNs)") }
            lines.append("  URNs that give no phone: " + parts.joined(separator: ", "))
        }
        if contactsWithFields > 0 {
            lines.append(
                "Contact fields from contacts.json fields and language: \(fieldValues) value\(fieldValues == 1 ? "" : "s") "
                    + "of \(contactsWithFields) contact\(contactsWithFields == 1 ? "" : "s")")
        }
        if contactsListed > 0 {
            let stopped = "\(stoppedContacts) stopped contact\(stoppedContacts == 1 ? "" : "s") not counted as opt-outs"
            lines.append(
                contactsWithConsent > 0
                    ? "Consent from the date fields opted_in_at and opted_out_at: \(contactsWithConsent) "
                        + "contact\(contactsWithConsent == 1 ? "" : "s"); \(stopped)"
                    : "Consent: none (no contact has an opted_in_at or opted_out_at date field; \(stopped))")
        }
        if files.contains(where: { $0.kind == .runs }) {
            var line = "Journey runs by exit type: " + Self.uses(exits, flag: "--exit-map")
            if endedAtFromModifiedOn > 0 { line += "; \(endedAtFromModifiedOn) ended at modified_on (no exited_on)" }
            lines.append(line)
            lines.append(
                "Journey results: \(results) from run values (key → question, category else value → answer)"
                    + (emptyResults > 0 ? "; \(emptyResults) with neither: not results" : ""))
        }
        if hasTickets {
            lines.append(
                "Conversation events from tickets: \(ticketsOpened) opened (opened_on, by opened_by), "
                    + "\(ticketsClosed) closed (closed_on, by the assignee)")
        } else {
            lines.append("Conversation closes: none (no tickets.json)")
        }
        return lines
    }
}
