/// One file of a Turn table, opened: CSV or NDJSON, gunzipped when it is gzip.
///
/// Column names are lower-cased. Values come back as text: JSON strings as they are, numbers
/// and booleans in their JSON spelling, objects and arrays (a `RECORD` or `JSON` column
/// exported as NDJSON) as compact JSON text, so a column such as `author` reads the same
/// from CSV (where it is a JSON string) and from NDJSON. Empty strings and `null` are nil.
struct TurnTableReader {
    /// The path as the user gave it.
    let path: String
    /// CSV or NDJSON.
    let format: ImportFile.Format
    private let bytes: [UInt8]
    private var csv: CSVReader?
    private var ndjson: NDJSONReader?
    /// The CSV header (lower-cased); empty for NDJSON.
    private(set) var header: [String] = []
    private var indexedColumns: [String] = []
    private var indices: [Int?] = []

    /// Opens and decompresses a file and reads a CSV header.
    init(path: String) throws(ImportError) {
        self.path = path
        let (bytes, format) = try ImportFile.load(path)
        self.bytes = bytes
        self.format = format
        switch format {
        case .csv:
            var reader = CSVReader(bytes: bytes)
            header = try ImportFile.readHeader(&reader, path: path)
            csv = reader
        case .ndjson:
            ndjson = NDJSONReader(bytes: bytes)
        }
    }

    /// Every column of the file in first-seen order: the CSV header, or the keys of every
    /// NDJSON line (BigQuery leaves `null` fields out of a JSON export, so one line is not enough).
    func scanColumns() -> [String] {
        guard format == .ndjson else { return header }
        var reader = NDJSONReader(bytes: bytes)
        var columns: [String] = []
        var seen: Set<String> = []
        while let line = reader.nextLine() {
            guard line.problem == nil, case .success(let members) = NDJSONReader.decode(line.text) else { continue }
            for key in members.map({ $0.key.lowercased() }).sorted() where seen.insert(key).inserted {
                columns.append(key)
            }
        }
        return columns
    }

    /// The next row with the values of `columns` (lower-case names) in that order.
    ///
    /// Nil at the end of the file. A row that cannot be read at all carries its problem instead.
    mutating func next(_ columns: [String]) throws(ImportError) -> TurnRow? {
        switch format {
        case .csv:
            guard var reader = csv else { return nil }
            defer { csv = reader }
            let record: (line: Int, fields: [String])?
            do {
                record = try reader.next()
            } catch {
                throw ImportError(file: path, line: error.line, reason: .syntax(error.message))
            }
            guard let record else { return nil }
            if let problem = reader.problem { return TurnRow(line: record.line, values: [], problem: problem) }
            guard record.fields.count == header.count else {
                return TurnRow(
                    line: record.line, values: [],
                    problem: "the row has \(record.fields.count) fields but the header has \(header.count)")
            }
            if columns != indexedColumns {
                indexedColumns = columns
                indices = columns.map { header.firstIndex(of: $0) }
            }
            let values = indices.map { index -> String? in
                guard let index else { return nil }
                let value = record.fields[index]
                return value.isEmpty ? nil : value
            }
            return TurnRow(line: record.line, values: values, problem: nil)
        case .ndjson:
            guard var reader = ndjson else { return nil }
            defer { ndjson = reader }
            guard let line = reader.nextLine() else { return nil }
            if let problem = line.problem { return TurnRow(line: line.number, values: [], problem: problem) }
            let lowered: [String: JSONValue]
            switch NDJSONReader.decode(line.text).flatMap(NDJSONReader.byColumn) {
            case .success(let decoded): lowered = decoded
            case .failure(let problem): return TurnRow(line: line.number, values: [], problem: problem.message)
            }
            var objects: [String: [String: String]] = [:]
            var values: [String?] = []
            for column in columns {
                guard let value = lowered[column] else {
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
                case .failure(let problem): return TurnRow(line: line.number, values: [], problem: problem.message)
                }
            }
            return TurnRow(line: line.number, values: values, problem: nil, objects: objects, text: line.text)
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
