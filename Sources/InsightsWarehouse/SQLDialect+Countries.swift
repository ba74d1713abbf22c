extension SQLDialect {
    /// The element type of an array parameter.
    public enum ArrayElement: Sendable {
        /// Strings (`text[]`, `ARRAY<STRING>`).
        case string
        /// Integers (`bigint[]`, `ARRAY<INT64>`).
        case integer
    }

    /// A table in a `FROM` clause, named `alias`, whose rows zip array parameters of equal
    /// length: row i has element i of each parameter as its column.
    ///
    /// PostgreSQL's `unnest` takes several arrays and zips them; GoogleSQL unnests one and
    /// reads the others at the same `OFFSET`.
    public func arrayTable(_ alias: String, _ columns: [(column: String, parameter: String, element: ArrayElement)]) -> String {
        switch engine {
        case .postgres:
            let arrays = columns.map { "CAST(@\($0.parameter) AS \($0.element == .string ? "text" : "bigint")[])" }
            return "unnest(\(arrays.joined(separator: ", "))) AS \(alias)(\(columns.map(\.column).joined(separator: ", ")))"
        case .bigquery:
            guard let first = columns.first else { return "(SELECT 1) AS \(alias)" }
            let rest = columns.dropFirst().map { "@\($0.parameter)[OFFSET(element_offset)] AS \($0.column)" }
            let selected = (["element AS \(first.column)"] + rest).joined(separator: ", ")
            return "(SELECT \(selected) FROM UNNEST(@\(first.parameter)) AS element WITH OFFSET AS element_offset) AS \(alias)"
        }
    }

    /// A table in a `FROM` clause, named `alias`, with one integer column `column` running
    /// from 1 to the integer parameter `last`.
    public func integerSeries(_ alias: String, column: String, to last: String) -> String {
        switch engine {
        case .postgres: "generate_series(1, CAST(@\(last) AS integer)) AS \(alias)(\(column))"
        case .bigquery: "(SELECT \(column) FROM UNNEST(GENERATE_ARRAY(1, @\(last))) AS \(column)) AS \(alias)"
        }
    }

    /// `text` with every character that is not an ASCII digit removed.
    public func asciiDigits(_ text: String) -> String {
        switch engine {
        case .postgres: "regexp_replace(\(text), '[^0-9]', '', 'g')"
        case .bigquery: "REGEXP_REPLACE(\(text), '[^0-9]', '')"
        }
    }

    /// Whether `text` has a match of the regular expression `pattern` (a literal without
    /// quotes or backslashes, read alike by PostgreSQL's and RE2's syntax).
    public func matches(_ text: String, pattern: String) -> String {
        switch engine {
        case .postgres: "(\(text) ~ '\(pattern)')"
        case .bigquery: "REGEXP_CONTAINS(\(text), '\(pattern)')"
        }
    }
}
