import InsightsImport

/// The warehouse tables: one per record kind, named as the kind, with DATA.md's columns in
/// its order (as `insights export` writes them). Timestamps are `timestamptz` (PostgreSQL) /
/// `TIMESTAMP` (BigQuery), `position` and `seq` integers, `fields` JSON, every other column a
/// string.
public enum WarehouseSchema {
    /// The type family of a column.
    public enum ColumnType: Equatable, Sendable {
        /// A string.
        case text
        /// An instant.
        case timestamp
        /// An integer.
        case integer
        /// A JSON object.
        case json
    }

    /// The type of a column of a kind.
    public static func type(of column: String) -> ColumnType {
        switch column {
        case "timestamp", "created_at", "opted_in_at", "opted_out_at", "started_at", "ended_at": .timestamp
        case "position", "seq": .integer
        case "fields": .json
        default: .text
        }
    }

    /// The type's name in a dialect's DDL.
    public static func name(of type: ColumnType, in engine: SQLDialect.Engine) -> String {
        switch (type, engine) {
        case (.text, .postgres): "text"
        case (.timestamp, .postgres): "timestamptz"
        case (.integer, .postgres): "bigint"
        case (.json, .postgres): "jsonb"
        case (.text, .bigquery): "STRING"
        case (.timestamp, .bigquery): "TIMESTAMP"
        case (.integer, .bigquery): "INT64"
        case (.json, .bigquery): "JSON"
        }
    }

    /// Whether a type name the engine reports (lower-cased, as `WarehouseConnection.columns`
    /// gives it) belongs to a family.
    public static func accepts(_ type: ColumnType, found: String, in engine: SQLDialect.Engine) -> Bool {
        switch (type, engine) {
        case (.text, .postgres): ["text", "character varying", "character"].contains(found)
        case (.timestamp, .postgres): found == "timestamp with time zone"
        case (.integer, .postgres): ["bigint", "integer", "smallint"].contains(found)
        case (.json, .postgres): ["jsonb", "json", "text", "character varying"].contains(found)
        case (.text, .bigquery): found == "string"
        case (.timestamp, .bigquery): found == "timestamp"
        case (.integer, .bigquery): found == "int64"
        case (.json, .bigquery): ["json", "string"].contains(found)
        }
    }

    /// `CREATE TABLE` statements for every record kind, in `RecordKind.allCases` order.
    public static func ddl(_ dialect: SQLDialect) -> String {
        RecordKind.allCases.map { kind in
            let columns = kind.allColumns.map { column in
                let required = column.required ? " NOT NULL" : ""
                return "  \(dialect.identifier(column.name)) \(name(of: type(of: column.name), in: dialect.engine))\(required)"
            }
            return "CREATE TABLE \(dialect.table(kind.rawValue)) (\n" + columns.joined(separator: ",\n") + "\n);\n"
        }.joined(separator: "\n")
    }
}

/// The record kinds' tables a warehouse has, with their columns, checked against what the
/// queries read.
struct WarehouseTables {
    /// Per table present: its columns (name → reported type).
    let columns: [String: [String: String]]

    /// Whether a table is present.
    func has(_ table: String) -> Bool { columns[table] != nil }

    /// Whether a table is present with a column.
    func has(_ table: String, column: String) -> Bool { columns[table]?[column] != nil }

    /// The columns each table must have for the queries (optional ones are checked for type
    /// only when present).
    static let required: [(table: String, columns: [String], optional: [String])] = [
        ("messages", ["message_id", "contact_id", "direction", "timestamp", "author_type", "author_id", "author_name"], []),
        ("conversation_events", ["contact_id", "event", "timestamp"], ["seq"]),
        ("goals", ["goal_id", "name"], ["position"]),
        ("behaviours", ["behaviour_id", "goal_id", "name"], ["position"]),
        ("goal_events", ["contact_id", "goal_id", "behaviour_id", "event", "timestamp"], []),
        ("contacts", ["contact_id"], ["opted_in_at", "opted_out_at", "phone", "country", "fields"]),
        ("message_statuses", ["message_id", "status", "timestamp", "error"], []),
        (
            "journey_runs",
            ["run_id", "contact_id", "journey_id", "journey_name", "started_at", "ended_at", "outcome", "last_step"], []
        ),
        ("journey_results", ["contact_id", "journey_id", "run_id", "question", "answer", "timestamp"], ["seq"]),
    ]

    /// Reads and checks the tables: a missing table is no data; a missing column or one of
    /// the wrong type is an error naming it.
    static func check<C: WarehouseConnection>(_ connection: C) throws(WarehouseError) -> WarehouseTables {
        var found: [String: [String: String]] = [:]
        let engine = connection.dialect.engine
        for (table, columns, optional) in required {
            guard let present = try connection.columns(of: table) else { continue }
            for column in columns + optional {
                guard let type = present[column] else {
                    if optional.contains(column) { continue }
                    throw .missingColumn(table: table, column: column)
                }
                let expected = WarehouseSchema.type(of: column)
                guard WarehouseSchema.accepts(expected, found: type, in: engine) else {
                    throw .wrongType(
                        table: table, column: column, expected: WarehouseSchema.name(of: expected, in: engine), found: type)
                }
            }
            found[table] = present
        }
        return WarehouseTables(columns: found)
    }
}
