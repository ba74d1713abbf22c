import InsightsImport

/// One file of a Turn table, opened through the importer's one table reader
/// (`TableReader`: CSV or NDJSON, gunzipped when it is gzip, a CSV header lower-cased).
///
/// Values come back as text: JSON strings as they are, numbers and booleans in their JSON
/// spelling, arrays (a `REPEATED` column exported as NDJSON) as compact JSON text, so a column
/// reads the same from CSV and from NDJSON; an object (a `RECORD` or `JSON` column) is kept
/// flattened in `objects`. Empty strings and `null` are nil.
struct TurnTableReader {
    private var table: TableReader
    private var indexedColumns: [String] = []
    private var indices: [Int?] = []

    /// The path as the user gave it.
    var path: String { table.path }
    /// CSV or NDJSON.
    var format: ImportFile.Format { table.format }
    /// The CSV header (lower-cased); empty for NDJSON.
    var header: [String] { table.header }

    /// Opens and decompresses a file and reads a CSV header.
    init(path: String) throws(ImportError) {
        table = try TableReader(path: path)
    }

    /// Every column of the file in first-seen order (see `TableReader.scanColumns()`).
    func scanColumns() -> [String] {
        table.scanColumns()
    }

    /// The next row with the values of `columns` (lower-case names) in that order.
    ///
    /// Nil at the end of the file. A row that cannot be read at all carries its problem instead.
    mutating func next(_ columns: [String]) throws(ImportError) -> TurnRow? {
        guard let row = try table.next() else { return nil }
        if let problem = row.problem { return TurnRow(line: row.line, values: [], problem: problem) }
        switch table.format {
        case .csv:
            if columns != indexedColumns {
                indexedColumns = columns
                indices = columns.map { table.header.firstIndex(of: $0) }
            }
            return TurnRow(line: row.line, values: row.values(at: indices), problem: nil)
        case .ndjson:
            var objects: [String: [String: String]] = [:]
            var values: [String?] = []
            for column in columns {
                guard let value = row.byColumn[column] else {
                    values.append(nil)
                    continue
                }
                // A nested object is kept as read, not written back to JSON text and parsed again.
                if case .object(let members) = value {
                    objects[column] = Self.flatten(members)
                    values.append("{…}")
                    continue
                }
                switch NDJSONReader.columnText(value, column: column) {
                case .success(let text): values.append(text)
                case .failure(let problem): return TurnRow(line: row.line, values: [], problem: problem.message)
                }
            }
            return TurnRow(line: row.line, values: values, problem: nil, objects: objects, text: row.text)
        }
    }

    /// The keys (lower-cased) and values (as column text) of a JSON object; `null` and "" are left out.
    static func flatten(_ members: [JSONMember]) -> [String: String] {
        var result: [String: String] = [:]
        for member in members {
            switch member.value {
            case .null: continue
            case .bool(let flag): result[member.key.lowercased()] = flag ? "true" : "false"
            case .number(let text): result[member.key.lowercased()] = text
            case .string(let text) where !text.isEmpty: result[member.key.lowercased()] = text
            case .string: continue
            case .array, .object: result[member.key.lowercased()] = member.value.compactText
            }
        }
        return result
    }
}

/// One row of a Turn table: the values of the columns asked for (nil = no value), or why
/// the row cannot be read.
struct TurnRow {
    /// The 1-based line the row starts on.
    let line: Int
    /// The values, in the order the columns were asked for (empty when `problem` is set).
    let values: [String?]
    /// Why the row cannot be read at all, if so.
    let problem: String?
    /// NDJSON objects nested in a column (a `RECORD` or `JSON` column), by column.
    var objects: [String: [String: String]] = [:]
    /// The NDJSON line's text (nil for CSV).
    var text: String?
}
