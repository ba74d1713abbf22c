/// The few places PostgreSQL and BigQuery's GoogleSQL differ for the report's queries,
/// written by hand: where tables live, quoting, parameters, and the zone functions that put
/// an instant on its local day, hour and weekday. The templates (`WarehouseQueries`) are
/// written once against these.
///
/// Not a transpiler: each function returns the one spelling tested by the golden SQL of its
/// dialect. Weekdays are Monday = 0 … Sunday = 6 in both, as the report's heatmap has them:
/// PostgreSQL's `ISODOW` is Monday = 1 … Sunday = 7, BigQuery's `DAYOFWEEK` Sunday = 1 …
/// Saturday = 7.
public struct SQLDialect: Equatable, Sendable {
    /// The engines.
    public enum Engine: String, Equatable, Sendable {
        /// PostgreSQL (15 and later).
        case postgres
        /// Google BigQuery (GoogleSQL).
        case bigquery
    }

    /// The engine.
    public let engine: Engine
    /// Where the record kinds' tables are: a PostgreSQL schema, a BigQuery `project.dataset`.
    public let container: String
    /// Record kinds read through a view instead of a table of their name: kind → a `SELECT`
    /// over the engine's own tables giving the kind's columns (`ViewConnection`; a platform's
    /// dataset read as it is). Empty for a dataset that holds the kinds' tables.
    public var views: [String: String] = [:]

    /// The PostgreSQL dialect, tables in `schema`.
    public static func postgres(schema: String = "public") -> SQLDialect {
        SQLDialect(engine: .postgres, container: schema)
    }

    /// The BigQuery dialect, tables in `dataset` (`project.dataset`).
    public static func bigquery(dataset: String) -> SQLDialect {
        SQLDialect(engine: .bigquery, container: dataset)
    }

    /// A quoted identifier (a column name).
    public func identifier(_ name: String) -> String {
        switch engine {
        case .postgres: "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .bigquery: "`" + name.replacingOccurrences(of: "`", with: "\\`") + "`"
        }
    }

    /// A record kind's table, qualified with the schema or dataset, or its view as a
    /// parenthesised subquery.
    public func table(_ name: String) -> String {
        if let view = views[name] { return "(" + view + ")" }
        return switch engine {
        case .postgres: identifier(container) + "." + identifier(name)
        case .bigquery: identifier(container + "." + name)
        }
    }

    /// A timestamp parameter.
    public func timestampParameter(_ name: String) -> String {
        switch engine {
        case .postgres: "CAST(@\(name) AS timestamptz)"
        case .bigquery: "@\(name)"
        }
    }

    /// A string parameter.
    public func stringParameter(_ name: String) -> String {
        switch engine {
        case .postgres: "CAST(@\(name) AS text)"
        case .bigquery: "@\(name)"
        }
    }

    /// The local day of a timestamp in the zone named by the `zone` parameter, as days since
    /// 1970-01-01 (`LocalDate.dayNumber`).
    public func localDayNumber(_ timestamp: String) -> String {
        switch engine {
        case .postgres: "(CAST(\(timestamp) AT TIME ZONE \(stringParameter("zone")) AS date) - DATE '1970-01-01')"
        case .bigquery: "UNIX_DATE(DATE(\(timestamp), @zone))"
        }
    }

    /// The local hour (0–23) of a timestamp in the `zone` parameter's zone.
    public func localHour(_ timestamp: String) -> String {
        switch engine {
        case .postgres: "CAST(EXTRACT(HOUR FROM \(timestamp) AT TIME ZONE \(stringParameter("zone"))) AS integer)"
        case .bigquery: "EXTRACT(HOUR FROM \(timestamp) AT TIME ZONE @zone)"
        }
    }

    /// The local weekday of a timestamp in the `zone` parameter's zone, Monday = 0 … Sunday = 6.
    public func localWeekdayFromMonday(_ timestamp: String) -> String {
        switch engine {
        case .postgres: "(CAST(EXTRACT(ISODOW FROM \(timestamp) AT TIME ZONE \(stringParameter("zone"))) AS integer) - 1)"
        case .bigquery: "MOD(EXTRACT(DAYOFWEEK FROM \(timestamp) AT TIME ZONE @zone) + 5, 7)"
        }
    }

    /// A timestamp as integer microseconds since 1970 (exact: PostgreSQL's `EXTRACT(EPOCH …)`
    /// is a numeric).
    public func epochMicroseconds(_ timestamp: String) -> String {
        switch engine {
        case .postgres: "CAST(EXTRACT(EPOCH FROM \(timestamp)) * 1000000 AS bigint)"
        case .bigquery: "UNIX_MICROS(\(timestamp))"
        }
    }

    /// Integer division, truncating. Each operand in parentheses on both engines: the same
    /// meaning in GoogleSQL, and the BigQuery emulator's rewrite (sqlglot 30.30) turns
    /// `DIV(a + 1, 2)` into DuckDB's `a + 1 // 2` otherwise.
    public func integerDivision(_ dividend: String, _ divisor: String) -> String {
        switch engine {
        case .postgres: "((\(dividend)) / (\(divisor)))"
        case .bigquery: "DIV((\(dividend)), (\(divisor)))"
        }
    }

    /// A string expression compared by code point (as SQLite compares), whatever the
    /// database's collation.
    public func byCodePoint(_ text: String) -> String {
        switch engine {
        case .postgres: "\(text) COLLATE \"C\""
        case .bigquery: text
        }
    }

    /// A table of integer pairs written into the query (`alias.start_us`, `alias.end_us`),
    /// one row per pair, a single `(0, 0)` row for none (an empty list is not SQL): PostgreSQL's
    /// `VALUES` list, BigQuery's `UNNEST` of an array of structs.
    public func integerPairs(_ pairs: [(Int64, Int64)], alias: String) -> String {
        let rows = pairs.isEmpty ? [(0, 0)] : pairs
        switch engine {
        case .postgres:
            return "(VALUES " + rows.map { "(\($0.0), \($0.1))" }.joined(separator: ", ") + ") AS \(alias)(start_us, end_us)"
        case .bigquery:
            return "UNNEST(["
                + rows.map { "STRUCT(\($0.0) AS start_us, \($0.1) AS end_us)" }.joined(separator: ", ") + "]) AS \(alias)"
        }
    }

    /// The text of a top-level key of a JSON object column (NULL when the key is absent or
    /// null), the key given by the string parameter `key` as `jsonKey(_:)` spells it:
    /// PostgreSQL's `->>` on the column as `jsonb` (a `text` column holding JSON too, an
    /// empty one holding nothing), BigQuery's `JSON_VALUE` with a JSONPath (a `JSON` or a
    /// `STRING` column).
    public func jsonText(_ column: String, key: String) -> String {
        switch engine {
        case .postgres: "(CAST(NULLIF(CAST(\(column) AS text), '') AS jsonb) ->> \(stringParameter(key)))"
        case .bigquery: "JSON_VALUE(\(column), @\(key))"
        }
    }

    /// The value of `jsonText`'s key parameter naming a key: the name for PostgreSQL; for
    /// BigQuery a JSONPath, `$.name` for letters, digits and `_`, else `$."name"` (a name
    /// with a `"` cannot be spelled so and is refused).
    public func jsonKey(_ name: String) throws(WarehouseError) -> String {
        switch engine {
        case .postgres: return name
        case .bigquery:
            let plain = !name.isEmpty && name.allSatisfy { $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) }
            if plain { return "$." + name }
            guard !name.contains("\"") else {
                // GoogleSQL's JSONPath quotes a key in double quotes and documents no escape
                // for one inside it; PostgreSQL's `->>` takes any key.
                throw .unsupported(
                    "the contact field \"\(name)\" in BigQuery: a JSONPath cannot name a key holding a double quote "
                        + "(rename the key, or report from PostgreSQL)")
            }
            return "$.\"" + name + "\""
        }
    }

    /// A string with every character of the string parameter `name` trimmed off both ends.
    public func trim(_ text: String, charactersParameter name: String) -> String {
        switch engine {
        case .postgres: "BTRIM(\(text), \(stringParameter(name)))"
        case .bigquery: "TRIM(\(text), @\(name))"
        }
    }

    /// A query with named parameters in the form the engine takes: for PostgreSQL, `@name`
    /// becomes `$1`, `$2` … (the same name the same number) and the values come in that
    /// order; BigQuery takes the names as they are.
    public func positional(_ sql: String) -> (sql: String, names: [String]) {
        guard engine == .postgres else { return (sql, []) }
        var out = ""
        var names: [String] = []
        var index = sql.startIndex
        while index < sql.endIndex {
            let character = sql[index]
            let next = sql.index(after: index)
            guard character == "@", next < sql.endIndex, Self.isNameStart(sql[next]) else {
                out.append(character)
                index = next
                continue
            }
            var end = next
            while end < sql.endIndex, Self.isNameStart(sql[end]) || sql[end].isASCII && sql[end].isNumber {
                end = sql.index(after: end)
            }
            let name = String(sql[next..<end])
            if let number = names.firstIndex(of: name) {
                out += "$\(number + 1)"
            } else {
                names.append(name)
                out += "$\(names.count)"
            }
            index = end
        }
        return (out, names)
    }

    private static func isNameStart(_ character: Character) -> Bool {
        character == "_" || character.isASCII && character.isLetter
    }
}
