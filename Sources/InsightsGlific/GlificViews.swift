import Foundation
import InsightsMetrics
import InsightsWarehouse

/// Glific's own BigQuery dataset read as Insights' record kinds, with no copy: one
/// `WarehouseView` per kind, a GoogleSQL `SELECT` over Glific's tables that applies the rules
/// of the file import (`GlificConversion`, `GlificRules`, `GlificTime`) in SQL, so that
/// `insights report --bigquery PROJECT.DATASET --source glific` gives the report
/// `insights import --source glific` of the same tables gives.
///
/// - messages ← `messages` (the newest version of each `id`); message_statuses ← every
///   version of each outbound message's `bsp_status` (the status history);
/// - contacts ← `contacts`, then every `contact_phone` of the other tables not listed there;
/// - conversation_events ← `tickets`; journey_runs ← `flow_contexts`; journey_results ←
///   `flow_results`; a kind whose Glific table is missing has no data, as in the import.
///
/// The maps (`--author-map`, `--status-map`, `--ticket-map`) and the organisation's zone are
/// array and string parameters of the connection, never pasted into the SQL. What the import
/// refuses, ``check(_:)`` refuses before the report runs.
public enum GlificViews {
    /// The parameter holding the organisation's zone (`--source-timezone`).
    static let zone = "glific_zone"

    /// The views over `base`'s Glific tables with `options`' zone and maps.
    /// - Throws: `WarehouseError` naming a Glific table's column that is missing or of a type
    ///   the views cannot read (a DATETIME column that is not one).
    public static func make<Base: WarehouseConnection>(
        base: Base, options: GlificImportOptions
    ) throws(WarehouseError) -> ViewConnection<Base> {
        let tables = try GlificDataset(base)
        var views: [String: WarehouseView] = [:]
        let messages = try tables.messages?.latestMessages()
        if let table = tables.messages, let messages {
            views["messages"] = WarehouseView(sql: GlificSQL.messages(messages), columns: GlificSQL.messageColumns)
            views["message_statuses"] = WarehouseView(
                sql: GlificSQL.statuses(try table.messageVersions()), columns: GlificSQL.statusColumns)
        }
        let tickets = try tables.tickets?.latestTickets()
        if let tickets {
            views["conversation_events"] = WarehouseView(sql: GlificSQL.events(tickets), columns: GlificSQL.eventColumns)
        }
        let contexts = try tables.flowContexts?.latestContexts()
        let results = try tables.flowResults?.latestResults()
        if let contexts {
            views["journey_runs"] = WarehouseView(
                sql: GlificSQL.runs(contexts, results: results, messages: messages), columns: GlificSQL.runColumns)
        }
        if let results {
            views["journey_results"] = WarehouseView(sql: GlificSQL.results(results), columns: GlificSQL.resultColumns)
        }
        // The contacts seen in the other tables, read from every version of their rows (not
        // only the newest, as the import does: Glific does not move a row to another contact,
        // and the views stay short enough for the emulator).
        var others =
            try tables.messages.map { (table) throws(WarehouseError) in
                [
                    "SELECT \(try table.text("contact_phone", required: true)) AS contact_id FROM \(table.sql) r "
                        + "WHERE LOWER(\(try table.text("flow", required: true))) IN ('inbound', 'outbound')"
                ]
            } ?? []
        for table in [tables.tickets, tables.flowContexts, tables.flowResults].compactMap({ $0 }) {
            others.append("SELECT \(try table.text("contact_phone", required: true)) AS contact_id FROM \(table.sql) r")
        }
        let contacts = try tables.contacts?.latestContacts()
        if contacts != nil || !others.isEmpty {
            views["contacts"] = WarehouseView(
                sql: GlificSQL.contacts(contacts, others: others, dialect: base.dialect), columns: GlificSQL.contactColumns)
        }
        return ViewConnection(base: base, views: views, parameters: parameters(options))
    }

    /// The parameters the views name: the zone, then each map as arrays of equal length.
    public static func parameters(_ options: GlificImportOptions) -> [String: WarehouseParameter] {
        let sources = GlificAuthorSource.allCases.map(\.rawValue)
        let statuses = options.statusMap.sorted { $0.key < $1.key }
        let tickets = options.ticketMap.sorted { $0.key < $1.key }
        return [
            zone: .string(options.zone.identifier),
            "glific_author_types": .strings(sources.map { options.authorMap[$0]?.rawValue ?? AuthorType.api.rawValue }),
            "glific_status_words": .strings(statuses.map(\.key)),
            "glific_status_values": .strings(statuses.map(\.value.rawValue)),
            "glific_ticket_words": .strings(tickets.map(\.key)),
            "glific_ticket_closed": .strings(tickets.map { $0.value ? "closed" : "open" }),
        ]
    }
}

/// The Glific tables a dataset has, each with its columns.
struct GlificDataset {
    let messages: GlificSourceTable?
    let contacts: GlificSourceTable?
    let tickets: GlificSourceTable?
    let flowContexts: GlificSourceTable?
    let flowResults: GlificSourceTable?

    init<Base: WarehouseConnection>(_ base: Base) throws(WarehouseError) {
        func table(_ name: GlificTable) throws(WarehouseError) -> GlificSourceTable? {
            try base.columns(of: name.rawValue).map {
                GlificSourceTable(
                    name: name.rawValue, sql: base.dialect.table(name.rawValue), columns: $0, dialect: base.dialect)
            }
        }
        messages = try table(.messages)
        contacts = try table(.contacts)
        tickets = try table(.tickets)
        flowContexts = try table(.flowContexts)
        flowResults = try table(.flowResults)
    }
}
