import Foundation

/// A table's full name.
public struct BigQueryTable: Sendable, Equatable {
    /// The project.
    public var project: String
    /// The dataset (digits are fine: Turn names datasets by number).
    public var dataset: String
    /// The table.
    public var table: String

    /// Creates a name.
    public init(project: String, dataset: String, table: String) {
        self.project = project
        self.dataset = dataset
        self.table = table
    }

    /// `` `project.dataset.table` ``, as GoogleSQL quotes it.
    public var sql: String { "`\(project).\(dataset).\(table)`" }
}

/// Creating datasets and tables and loading rows: what a test (or a parity check) needs to put
/// an `insights export` into an emulator. Streaming inserts (`tabledata.insertAll`), in batches.
extension BigQueryClient {
    /// Creates the dataset `project.dataset`; an existing one is fine.
    public func createDataset(project: String, dataset: String) throws(BigQueryError) {
        var body: [String: JSONValue] = [
            "datasetReference": .object(["projectId": .string(project), "datasetId": .string(dataset)])
        ]
        if let location = configuration.location { body["location"] = .string(location) }
        do {
            _ = try send("POST", "\(configuration.endpoint)/projects/\(escaped(project))/datasets", body: .object(body))
        } catch {
            if case .http(let status, _, _) = error.kind, status == 409 { return }
            throw error
        }
    }

    /// Creates `table` with `schema` (it must not exist yet).
    public func createTable(_ table: BigQueryTable, schema: [BigQueryField]) throws(BigQueryError) {
        let body: JSONValue = .object([
            "tableReference": .object([
                "projectId": .string(table.project), "datasetId": .string(table.dataset), "tableId": .string(table.table),
            ]),
            "schema": .object(["fields": .array(schema.map(\.json))]),
        ])
        _ = try send("POST", "\(datasetURL(table))/tables", body: body)
    }

    /// Deletes `table` if it exists.
    public func deleteTable(_ table: BigQueryTable) throws(BigQueryError) {
        do {
            _ = try send("DELETE", "\(datasetURL(table))/tables/\(escaped(table.table))")
        } catch {
            if case .notFound = error.kind { return }
            throw error
        }
    }

    /// Appends `rows` (column name → value; INT64 and TIMESTAMP values may be strings such as
    /// `"42"` and `"2026-10-03T12:05:00Z"`) in batches of `batchSize`. Throws on the first row refused.
    public func insertRows(_ rows: [[String: JSONValue]], into table: BigQueryTable, batchSize: Int = 500)
        throws(BigQueryError)
    {
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(rows.count, start + max(1, batchSize))]
            let body: JSONValue = .object([
                "rows": .array(batch.map { .object(["json": .object($0)]) })
            ])
            let url = "\(datasetURL(table))/tables/\(escaped(table.table))/insertAll"
            let answer = try send("POST", url, body: body)
            if let failure = answer["insertErrors"]?.arrayValue?.first {
                let index = Int(failure["index"]?.int64Value ?? 0) + start
                let first = failure["errors"]?.arrayValue?.first
                let column = first?["location"]?.stringValue.map { "column \($0): " } ?? ""
                let reason = first?["message"]?.stringValue ?? "refused"
                throw BigQueryError(.load(file: table.sql, line: nil, reason: "row \(index + 1) refused: \(column)\(reason)"))
            }
            start += batch.count
        }
    }

    /// Creates `table` with `schema` and loads the CSV (a header row naming the columns, RFC 4180,
    /// an empty field is NULL as in `bq load`) or NDJSON file at `file` (chosen by its extension).
    /// Returns the number of rows loaded. `batchSize` rows go in one `insertAll` (BigQuery
    /// advises 500; the emulator takes 5,000 in about 2 seconds).
    @discardableResult
    public func load(_ file: URL, into table: BigQueryTable, schema: [BigQueryField], batchSize: Int = 500)
        throws(BigQueryError) -> Int
    {
        let rows = try TableFile.rows(file, schema: schema)
        try createTable(table, schema: schema)
        try insertRows(rows, into: table, batchSize: batchSize)
        return rows.count
    }

    /// Appends the rows of the CSV or NDJSON file at `file` (read as ``load(_:into:schema:batchSize:)``
    /// reads it) to `table`, which exists already (made by DDL, for example); `schema` is the
    /// table's. Returns the number of rows appended.
    @discardableResult
    public func insertFile(_ file: URL, into table: BigQueryTable, schema: [BigQueryField], batchSize: Int = 500)
        throws(BigQueryError) -> Int
    {
        let rows = try TableFile.rows(file, schema: schema)
        try insertRows(rows, into: table, batchSize: batchSize)
        return rows.count
    }

    private func datasetURL(_ table: BigQueryTable) -> String {
        "\(configuration.endpoint)/projects/\(escaped(table.project))/datasets/\(escaped(table.dataset))"
    }
}

/// Reads an export file into rows for `insertAll`.
enum TableFile {
    static func rows(_ file: URL, schema: [BigQueryField]) throws(BigQueryError) -> [[String: JSONValue]] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw BigQueryError(.load(file: file.path, line: nil, reason: "the file cannot be read"))
        }
        let text = String(decoding: data, as: UTF8.self)
        let types = Dictionary(schema.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        if file.pathExtension.lowercased() == "ndjson" || file.pathExtension.lowercased() == "jsonl" {
            return try ndjson(text, types: types, file: file.path)
        }
        return try csv(text, types: types, file: file.path)
    }

    private static func ndjson(_ text: String, types: [String: String], file: String) throws(BigQueryError)
        -> [[String: JSONValue]]
    {
        var rows: [[String: JSONValue]] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard case .object(let members)? = JSONValue.parse(Data(line.utf8)) else {
                throw BigQueryError(.load(file: file, line: index + 1, reason: "not a JSON object"))
            }
            var row: [String: JSONValue] = [:]
            for (name, value) in members {
                guard let type = types[name] else {
                    throw BigQueryError(.load(file: file, line: index + 1, reason: "column \(name) is not in the table's schema"))
                }
                switch value {
                case .array, .object: row[name] = type == "JSON" ? value : .string(value.cellText ?? "")
                default: row[name] = value
                }
            }
            rows.append(row)
        }
        return rows
    }

    private static func csv(_ text: String, types: [String: String], file: String) throws(BigQueryError)
        -> [[String: JSONValue]]
    {
        let records = CSVRecords.parse(text)
        guard let header = records.first else { return [] }
        for name in header.fields where types[name] == nil {
            throw BigQueryError(.load(file: file, line: 1, reason: "column \(name) is not in the table's schema"))
        }
        var rows: [[String: JSONValue]] = []
        for record in records.dropFirst() {
            if record.fields == [""] { continue }
            guard record.fields.count == header.fields.count else {
                throw BigQueryError(
                    .load(
                        file: file, line: record.line,
                        reason: "\(record.fields.count) fields where the header has \(header.fields.count)"))
            }
            var row: [String: JSONValue] = [:]
            for (name, value) in zip(header.fields, record.fields) { row[name] = value.isEmpty ? .null : .string(value) }
            rows.append(row)
        }
        return rows
    }
}

/// RFC 4180 records: quoted fields may hold commas, quotes (`""`) and line ends.
enum CSVRecords {
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    static func parse(_ text: String) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var characters = text.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n":
                fields.append(field)
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                field = ""
                line += 1
                recordLine = line
            default: field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { records.append(Record(line: recordLine, fields: fields + [field])) }
        return records
    }
}
