import InsightsMetrics

/// What a Glific import read and every mapping it applied, for the import summary.
public struct GlificSummary: Equatable, Sendable {
    /// The zone the DATETIMEs were read in.
    public var zone = ""
    /// Per table read: table, files, rows, older versions dropped.
    public var tables: [Table] = []
    /// Inbound messages.
    public var inbound = 0
    /// Outbound messages per author source and the type it became.
    public var authors: [Use] = []
    /// The `bsp_status` words of every version of the outbound messages and what they became.
    public var statuses: [Use] = []
    /// Outbound messages with no `bsp_status` in any version.
    public var outboundWithoutStatus = 0
    /// Contacts of the contacts table, and contacts only seen in other tables.
    public var contactsListed = 0
    /// Contacts seen only in messages, flow tables or tickets.
    public var contactsFromOtherTables = 0
    /// Contacts whose phone text is not 7 to 15 digits (stored without a phone).
    public var contactsWithoutPhone = 0
    /// Contacts with an opt-in or opt-out time.
    public var contactsWithConsent = 0
    /// Field values stored.
    public var fieldValues = 0
    /// Journey runs per outcome (`active` for none).
    public var outcomes: [String: Int] = [:]
    /// Journey results, and `results` keys with neither category nor input.
    public var results = 0
    /// Keys with neither category nor input.
    public var emptyResults = 0
    /// Conversation opens and closes from tickets.
    public var ticketsOpened = 0
    /// Closes.
    public var ticketsClosed = 0

    /// A table's count.
    public struct Table: Equatable, Sendable {
        /// The table.
        public let table: GlificTable
        /// Files read.
        public let files: Int
        /// Rows read, duplicates included.
        public let rows: Int
        /// Older versions of an id dropped.
        public let duplicates: Int
    }

    /// A value seen, what it became, how often, and whether an option said so.
    public struct Use: Equatable, Sendable {
        /// The value.
        public let value: String
        /// What it became.
        public let mapped: String
        /// How many messages (for a status word: with it in any version).
        public var count: Int
        /// Whether `--author-map`/`--status-map` gave it.
        public let fromUser: Bool
        /// For a status word: its statuses kept from a version older than the message's
        /// newest (the status history; the newest alone would not give them, or later).
        public var fromOlderVersions = 0
    }

    /// Whether the tickets table was read (else conversations never close).
    public var hasTickets: Bool { tables.contains { $0.table == .tickets } }

    /// The sentence for the report and the database when there are no closes; "" otherwise.
    public var closesNote: String {
        hasTickets
            ? "" : "No conversation closes: the Glific import had no tickets table, so conversations never count as closed."
    }

    private static func uses(_ uses: [Use], flag: String) -> String {
        func use(_ use: Use) -> String {
            let older = use.fromOlderVersions > 0 ? ", \(use.fromOlderVersions) from older versions" : ""
            return "\(use.value) → \(use.mapped) (\(use.count)\(older), \(use.fromUser ? flag : "built in"))"
        }
        return uses.isEmpty ? "none" : uses.map(use).joined(separator: ", ")
    }

    /// The summary as lines for the terminal.
    public var lines: [String] {
        var lines = [
            "Glific export (DATETIMEs read in \(zone); a skipped local time with the offset before the change, "
                + "a repeated one as its first occurrence):"
        ]
        for table in tables {
            var line =
                "  \(table.table.rawValue): \(table.rows) row\(table.rows == 1 ? "" : "s") from \(table.files) file\(table.files == 1 ? "" : "s")"
            if table.duplicates > 0 {
                let versions = "\(table.duplicates) older version\(table.duplicates == 1 ? "" : "s") of an id"
                line +=
                    table.table == .messages
                    ? "; \(versions): only their bsp_status read (the status history), the rest from the newest "
                        + "(updated_at, then bq_inserted_at)"
                    : "; \(versions) dropped (kept the newest updated_at, then bq_inserted_at)"
            }
            lines.append(line)
        }
        lines.append(
            "Direction from messages.flow: \(inbound) inbound; outbound by what sent them: "
                + Self.uses(authors, flag: "--author-map"))
        lines.append(
            "Statuses from the bsp_status of every version (at its updated_at; of one status of a message the "
                + "earliest), per word the messages with it: " + Self.uses(statuses, flag: "--status-map")
                + (outboundWithoutStatus > 0 ? "; \(outboundWithoutStatus) outbound without bsp_status" : ""))
        var contacts =
            "Contacts by contact_phone: \(contactsListed) from the contacts table, \(contactsFromOtherTables) seen only "
            + "in other tables; consent from optin_time/optout_time: \(contactsWithConsent); "
            + "contact fields from fields: \(fieldValues) value\(fieldValues == 1 ? "" : "s")"
        if contactsWithoutPhone > 0 { contacts += "; \(contactsWithoutPhone) with a phone that is not 7 to 15 digits: no phone" }
        lines.append(contacts)
        if tables.contains(where: { $0.table == .flowContexts }) {
            let parts = ["completed", "interrupted", "active"].map { "\($0) \(outcomes[$0] ?? 0)" }
            lines.append(
                "Journey runs from flow_contexts (is_killed → interrupted, else completed_at → completed): "
                    + parts.joined(separator: ", "))
        }
        if tables.contains(where: { $0.table == .flowResults }) {
            lines.append(
                "Journey results from flow_results.results: \(results) (key → question, category else input → answer)"
                    + (emptyResults > 0 ? "; \(emptyResults) with neither: not results" : ""))
        }
        lines.append(
            hasTickets
                ? "Conversation events from tickets: \(ticketsOpened) opened (inserted_at), \(ticketsClosed) closed "
                    + "(updated_at of a closed ticket)"
                : "Conversation closes: none (no tickets table)")
        return lines
    }
}
