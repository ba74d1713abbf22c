import InsightsMetrics

/// A value sent with a query as a named parameter (`@name` in a template).
public enum WarehouseParameter: Equatable, Sendable {
    /// A string (a zone name, an id).
    case string(String)
    /// An instant, sent as a timestamp.
    case timestamp(Instant)
    /// An integer.
    case integer(Int64)
    /// An array of strings (`ARRAY<STRING>`; PostgreSQL reads its text as `text[]`).
    case strings([String])
    /// An array of integers (`ARRAY<INT64>`; PostgreSQL reads its text as `bigint[]`).
    case integers([Int64])

    /// The parameter as text: RFC 3339 UTC with microseconds for timestamps
    /// (`2026-10-03T12:05:00.000000Z`), decimal for integers, PostgreSQL's array literal for
    /// arrays (`{"a","b\"c"}`, `{1,2}`).
    public var text: String {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        case .timestamp(let instant): Self.rfc3339(instant)
        case .strings(let values): Self.arrayLiteral(values)
        case .integers(let values): "{" + values.map(String.init).joined(separator: ",") + "}"
        }
    }

    /// Strings as a PostgreSQL array literal: each element quoted, `"` and `\` escaped.
    static func arrayLiteral(_ values: [String]) -> String {
        let elements = values.map { value in
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return "{" + elements.joined(separator: ",") + "}"
    }

    /// An instant as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (UTC).
    static func rfc3339(_ instant: Instant) -> String {
        let seconds = floorDiv(instant, microsecondsPerSecond)
        let micros = instant - seconds * microsecondsPerSecond
        let days = floorDiv(seconds, 86_400)
        let inDay = seconds - days * 86_400
        let date = LocalDate(dayNumber: days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(date)T\(pad(inDay / 3600, 2)):\(pad(inDay / 60 % 60, 2)):\(pad(inDay % 60, 2)).\(pad(micros, 6))Z"
    }
}

/// A connection to an engine that runs a query and returns its rows, every cell as text
/// (nil for SQL NULL). Synchronous: a report's queries run one after another.
public protocol WarehouseConnection {
    /// The dialect the engine speaks.
    var dialect: SQLDialect { get }

    /// Runs `sql` (with `@name` parameters, as the templates write them) and returns its rows.
    func rows(_ sql: String, parameters: [String: WarehouseParameter]) throws(WarehouseError) -> [[String?]]

    /// The columns of a table of the dataset or schema, lower-cased name → the engine's type
    /// name lower-cased (`timestamp with time zone`, `TIMESTAMP` → `timestamp`); nil when the
    /// table does not exist.
    func columns(of table: String) throws(WarehouseError) -> [String: String]?
}

/// What went wrong talking to a warehouse: each case's description is one sentence naming the
/// table or column, or the fix.
public enum WarehouseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The server could not be reached or refused the connection.
    case connection(String)
    /// A column a query needs is not in its table.
    case missingColumn(table: String, column: String)
    /// A column holds a value of the wrong type.
    case wrongType(table: String, column: String, expected: String, found: String)
    /// The engine rejected a query.
    case query(String)
    /// A cell could not be read as what the query returns.
    case badValue(String)
    /// Something the engine does not compute (yet): the message names it.
    case unsupported(String)
    /// The warehouse holds a table whose block the engine does not compute yet
    /// (`WarehouseBlock.notComputed`).
    case notComputed(block: String, table: String)

    /// One sentence saying what to fix.
    public var description: String {
        switch self {
        case .connection(let message): "Cannot connect to the warehouse: \(message)."
        case .missingColumn(let table, let column):
            "The warehouse table \(table) has no column \(column) (see `insights schema`)."
        case .wrongType(let table, let column, let expected, let found):
            "The warehouse column \(table).\(column) is \(found), not \(expected) (see `insights schema`)."
        case .query(let message): "The warehouse rejected a query: \(message)."
        case .badValue(let message): "The warehouse returned an unexpected value: \(message)."
        case .unsupported(let message): "The warehouse engine cannot compute \(message) yet."
        case .notComputed(let block, let table):
            "This version of Insights cannot compute \(block) inside a warehouse yet and the warehouse has a \(table) "
                + "table, so no report is made from it; import the data into SQLite (`insights import`) and report from there."
        }
    }
}
