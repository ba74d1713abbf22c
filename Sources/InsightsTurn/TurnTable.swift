/// The tables of a Turn.io BigQuery export that Insights reads.
///
/// Turn streams each WhatsApp number's data into a dataset with one table per kind of row;
/// other tables (attachments, cards …) are not needed for a report and are skipped.
public enum TurnTable: String, CaseIterable, Comparable, Sendable {
    /// Contacts: `id`, `urn`, `details`.
    case contacts
    /// Chats, one per contact: `id`, `contact_id`, `owner`, `state`, `updated_at`.
    case chats
    /// Messages: `id`, `chat_id`, `direction`, `inserted_at`, `author`, `author_type` ….
    case messages
    /// What WhatsApp reported about outbound messages: `message_id` or `message_uuid`,
    /// `status`, `timestamp`, `errors`.
    case statuses
    /// Closing and assignment history of chats (columns detected, see `TurnChatEventColumns`).
    case chatEvents = "chat_events"
    /// What Journeys record with `write_result`: `uuid`, `contact_id`, `question_id`, `response`.
    case flowResults = "flow_results"

    /// Orders tables as they are read: chats and contacts before the rows that refer to them.
    public static func < (lhs: TurnTable, rhs: TurnTable) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }

    /// The table a file name names: `messages.csv`, `chats.ndjson.gz`,
    /// `messages-000000000001.json.gz` (a `bq extract` wildcard part),
    /// `flow_results_2026-10.csv` or `mydataset.chat_events.jsonl`; nil for any other name.
    public init?(fileName: String) {
        var stem = Substring(fileName.lowercased())
        if stem.hasSuffix(".gz") { stem = stem.dropLast(3) }
        for suffix in [".csv", ".ndjson", ".jsonl", ".json"] where stem.hasSuffix(suffix) {
            stem = stem.dropLast(suffix.count)
            break
        }
        // Longest name first, so that `chat_events` is never read as `chats`.
        let names = TurnTable.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
        for component in stem.split(separator: ".") {
            for table in names {
                let name = table.rawValue
                guard component.hasPrefix(name) else { continue }
                let rest = component.dropFirst(name.count)
                if rest.isEmpty || rest.first == "-" || rest.first == "_" && rest.dropFirst().first?.isNumber == true {
                    self = table
                    return
                }
            }
        }
        return nil
    }

    /// Whether a file name looks like a table export at all (CSV or JSON, gzipped or not).
    static func isDataFile(_ fileName: String) -> Bool {
        var name = fileName.lowercased()
        if name.hasSuffix(".gz") { name = String(name.dropLast(3)) }
        return [".csv", ".ndjson", ".jsonl", ".json"].contains { name.hasSuffix($0) }
    }
}
