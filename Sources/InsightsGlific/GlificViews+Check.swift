import Foundation
import InsightsWarehouse

extension GlificViews {
    /// Checks the dataset with one query, then makes the views: what the import refuses
    /// (a row without a value it needs, `results` that is not a JSON object, an unknown
    /// direction, `bsp_status` or ticket status) stops the report before it runs.
    /// - Throws: `GlificWarehouseError` listing every problem; `WarehouseError` from the engine.
    public static func connect<Base: WarehouseConnection>(
        base: Base, options: GlificImportOptions
    ) throws -> ViewConnection<Base> {
        let views = try make(base: base, options: options)
        let query = try checkQuery(base: base)
        let rows = try base.rows(query, parameters: views.parameters.filter { ViewConnection<Base>.names(query, $0.key) })
        let problems = try rows.map { (row) throws(WarehouseError) -> GlificWarehouseError.Problem in
            guard row.count == 6, let kind = row[0], let table = row[1], let column = row[2], let count = row[4].flatMap(Int.init)
            else { throw .badValue("a row of the Glific check query that is not a problem") }
            return .init(kind: kind, table: table, column: column, value: row[3], count: count, firstID: row[5] ?? "")
        }
        guard problems.isEmpty else { throw GlificWarehouseError(problems: problems.sorted()) }
        return views
    }

    /// The query listing what the import would refuse, one row per problem: its kind,
    /// table, column, value (for unknown values), how many rows, the first row's `id`.
    public static func checkQuery<Base: WarehouseConnection>(base: Base) throws(WarehouseError) -> String {
        let tables = try GlificDataset(base)
        var parts: [String] = []
        let first = "COALESCE(CAST(MIN(SAFE_CAST(r.id AS INT64)) AS STRING), MIN(CAST(r.id AS STRING)))"
        // Values the import needs, over every version of every row (the import reads each line).
        func missing(_ table: GlificSourceTable?, _ required: [String]) {
            guard let table else { return }
            for column in required {
                let empty = table.columns[column] == "string" ? " OR r.`\(column)` = ''" : ""
                parts.append(
                    "SELECT 'missing' AS problem, '\(table.name)' AS glific_table, '\(column)' AS glific_column, "
                        + "CAST(NULL AS STRING) AS value, COUNT(*) AS glific_count, \(first) AS first_id "
                        + "FROM \(table.sql) r WHERE r.`\(column)` IS NULL\(empty) HAVING COUNT(*) > 0")
            }
        }
        if let messages = tables.messages {
            missing(messages, ["contact_phone", "flow", "inserted_at"])
            let latest = try messages.latestMessages()
            parts.append(
                "SELECT 'direction', 'messages', 'flow', r.flow, COUNT(*), \(first) FROM (\(latest)) r "
                    + "WHERE r.flow NOT IN ('inbound', 'outbound') GROUP BY r.flow")
            // Every version's word (the status history), each message once.
            parts.append(
                "SELECT 'status', 'messages', 'bsp_status', r.bsp_status, COUNT(DISTINCT r.id), \(first) "
                    + "FROM (\(try messages.messageVersions())) r LEFT JOIN \(GlificSQL.statusMap) s ON s.word = r.bsp_status "
                    + "WHERE r.newest_flow = 'outbound' AND r.bsp_status IS NOT NULL AND s.word IS NULL GROUP BY r.bsp_status")
        }
        missing(tables.contacts, ["phone"])
        if let tickets = tables.tickets {
            missing(tickets, ["contact_phone", "status", "inserted_at"])
            parts.append(
                "SELECT 'ticket', 'tickets', 'status', r.status, COUNT(*), \(first) FROM (\(try tickets.latestTickets())) r "
                    + "LEFT JOIN \(GlificSQL.ticketMap) k ON k.word = r.status WHERE k.word IS NULL GROUP BY r.status")
        }
        missing(tables.flowContexts, ["contact_phone", "flow_uuid", "inserted_at"])
        if let results = tables.flowResults {
            missing(results, ["contact_phone", "uuid", "updated_at", "results"])
            parts.append(
                "SELECT 'not_object', 'flow_results', 'results', CAST(NULL AS STRING), COUNT(*), \(first) "
                    + "FROM \(results.sql) r WHERE r.results <> '' "
                    + "AND COALESCE(JSON_TYPE(SAFE.PARSE_JSON(r.results)), '') <> 'object' HAVING COUNT(*) > 0")
        }
        guard !parts.isEmpty else { return "SELECT 'none', '', '', '', 0, '' LIMIT 0" }
        return parts.joined(separator: "\nUNION ALL\n")
    }
}

/// What stops a report on a Glific dataset: what `insights import --source glific` would
/// refuse in the same tables, each naming its table, column and the flag that fixes it.
public struct GlificWarehouseError: Error, Equatable, LocalizedError, Sendable {
    /// The problems, in the order of their kinds, tables, columns and values.
    public let problems: [Problem]

    /// Creates an error.
    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// One problem of the dataset.
    public struct Problem: Comparable, Sendable {
        /// `missing` (rows without a value the import needs), `not_object` (`results`),
        /// `direction`, `status` or `ticket` (values no mapping knows).
        public let kind: String
        /// Glific's table.
        public let table: String
        /// Its column.
        public let column: String
        /// The unknown value (lower-cased), nil for the other kinds.
        public let value: String?
        /// How many rows: for an unknown direction the newest versions, for a `bsp_status`
        /// word the messages with it in any version, for missing values every version.
        public let count: Int
        /// The smallest `id` of those rows.
        public let firstID: String

        /// Creates a problem.
        public init(kind: String, table: String, column: String, value: String?, count: Int, firstID: String) {
            (self.kind, self.table, self.column, self.value, self.count, self.firstID) =
                (kind, table, column, value, count, firstID)
        }

        /// In the order of kinds, tables, columns and values.
        public static func < (lhs: Problem, rhs: Problem) -> Bool {
            (Self.order(lhs.kind), lhs.table, lhs.column, lhs.value ?? "")
                < (Self.order(rhs.kind), rhs.table, rhs.column, rhs.value ?? "")
        }

        private static func order(_ kind: String) -> Int {
            ["missing", "not_object", "direction", "status", "ticket"].firstIndex(of: kind) ?? 5
        }
    }

    /// Every problem, then what to do.
    public var errorDescription: String? {
        var lines: [String] = []
        func rows(_ count: Int) -> String { "\(count) row\(count == 1 ? "" : "s")" }
        func values(_ kind: String) -> [Problem] { problems.filter { $0.kind == kind } }
        func list(_ found: [Problem], noun: String) -> [String] {
            found.map {
                "  \"\($0.value ?? "")\": \($0.count) \(noun)\($0.count == 1 ? "" : "s"), first id \($0.firstID)"
            }
        }
        for problem in values("missing") {
            lines.append(
                "\(problem.table).\(problem.column): \(rows(problem.count)) without a value (first id \(problem.firstID)), "
                    + "which Insights needs: these are not Glific's tables as Glific writes them, or were changed")
        }
        for problem in values("not_object") {
            lines.append(
                "\(problem.table).\(problem.column): \(rows(problem.count)) not a JSON object (first id \(problem.firstID)), "
                    + "which Glific writes as text")
        }
        let directions = values("direction")
        if !directions.isEmpty {
            lines += ["messages.flow has values that are neither inbound nor outbound:"] + list(directions, noun: "message")
            lines.append("  Glific writes inbound and outbound: these are not Glific's messages table, or it was changed")
        }
        let statuses = values("status")
        if !statuses.isEmpty {
            let known = GlificRules.builtInStatusMap.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }
            let choices = GlificStatus.allCases.map(\.rawValue).joined(separator: "|")
            lines += ["messages.bsp_status has words Insights does not know (built in: \(known.joined(separator: ", "))):"]
            lines += list(statuses, noun: "message")
            lines.append(
                "  say what each means with --status-map, e.g. --status-map "
                    + statuses.map { "\($0.value ?? "")=<\(choices)>" }.joined(separator: ",") + "; Insights does not guess")
        }
        let tickets = values("ticket")
        if !tickets.isEmpty {
            lines += ["tickets.status has words Insights does not know (built in: open, closed):"] + list(tickets, noun: "ticket")
            lines.append(
                "  say whether each is open or closed with --ticket-map, e.g. --ticket-map "
                    + tickets.map { "\($0.value ?? "")=<open|closed>" }.joined(separator: ","))
        }
        let count = problems.count
        lines.append(
            "no report was made (\(count) problem\(count == 1 ? "" : "s")); Glific's tables are checked as a whole "
                + "before the report: fix the tables or the options and run the same command again")
        return lines.joined(separator: "\n")
    }
}
