import Foundation

/// One file of rows, opened: the one table reader of every import path (Insights' own files
/// through ``ImportFile``, a platform's export tables through its converter).
///
/// The file is read whole (gunzipped when it starts with the gzip magic number); a CSV file's
/// header is read at once (names trimmed and lower-cased, each at most once). ``next()``
/// gives each row with its line: a CSV record's fields (checked against the header's width),
/// or an NDJSON line's object (its members in order and by lower-cased key). A row that
/// cannot be read at all carries its problem instead; a syntax error that stops the file is
/// thrown.
public struct TableReader: Sendable {
    /// The path as the user gave it (used in every message).
    public let path: String
    /// CSV or NDJSON.
    public let format: ImportFile.Format
    /// The CSV header (lower-cased); empty for NDJSON.
    public let header: [String]
    private let bytes: [UInt8]
    /// How many bytes the file holds (once decompressed): a size to plan a load by.
    public var byteCount: Int { bytes.count }
    private var csv: CSVReader?
    private var ndjson: NDJSONReader?

    /// Opens a file: reads, decompresses and, for CSV, reads its header.
    public init(path: String) throws(ImportError) {
        self.path = path
        let (bytes, format) = try ImportFile.load(path)
        self.bytes = bytes
        self.format = format
        switch format {
        case .csv:
            var reader = CSVReader(bytes: bytes)
            header = try Self.readHeader(&reader, path: path)
            csv = reader
        case .ndjson:
            header = []
            ndjson = NDJSONReader(bytes: bytes)
        }
    }

    /// Reads a CSV file's header: its names trimmed and lower-cased, each at most once.
    static func readHeader(_ csv: inout CSVReader, path: String) throws(ImportError) -> [String] {
        let header: [String]
        do {
            guard let record = try csv.next() else { throw ImportError(file: path, reason: .empty) }
            if let problem = csv.problem { throw ImportError(file: path, line: record.line, reason: .syntax(problem)) }
            header = record.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        } catch let error as CSVError {
            throw ImportError(file: path, line: error.line, reason: .syntax(error.message))
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(file: path, reason: .unreadable("\(error)"))
        }
        var seen: Set<String> = []
        for column in header where !seen.insert(column).inserted {
            throw ImportError(file: path, line: 1, reason: .duplicateColumn(column))
        }
        return header
    }

    /// Every column of the file in first-seen order: the CSV header, or the keys of every
    /// NDJSON line, each line's sorted (BigQuery leaves `null` fields out of a JSON export,
    /// so one line is not enough).
    public func scanColumns() -> [String] {
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

    /// The next row; nil at the end of the file.
    public mutating func next() throws(ImportError) -> TableRow? {
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
            var problem = reader.problem
            if problem == nil, record.fields.count != header.count {
                problem = "the row has \(record.fields.count) fields but the header has \(header.count)"
            }
            return TableRow(line: record.line, fields: record.fields, problem: problem)
        case .ndjson:
            guard var reader = ndjson else { return nil }
            defer { ndjson = reader }
            guard let line = reader.nextLine() else { return nil }
            if let problem = line.problem { return TableRow(line: line.number, fields: [line.text], problem: problem) }
            let members: [JSONMember]
            switch NDJSONReader.decode(line.text) {
            case .success(let decoded): members = decoded
            case .failure(let problem): return TableRow(line: line.number, fields: [line.text], problem: problem.message)
            }
            switch NDJSONReader.byColumn(members) {
            case .success(let byColumn):
                return TableRow(
                    line: line.number, fields: [line.text], members: members, byColumn: byColumn, text: line.text)
            case .failure(let problem):
                return TableRow(line: line.number, fields: [line.text], problem: problem.message)
            }
        }
    }
}

/// One row of a table file: a CSV record's fields or an NDJSON line's object, or why it
/// cannot be read.
public struct TableRow: Sendable {
    /// The 1-based line the row starts on.
    public let line: Int
    /// The row as read: a CSV record's fields, or the NDJSON line's text (one field), for
    /// a rejects file.
    public let fields: [String]
    /// Why the row cannot be read at all (not UTF-8, a NUL byte, too long, the wrong number
    /// of fields, not a JSON object, a key twice), if so.
    public var problem: String?
    /// NDJSON: the object's members, in order.
    public var members: [JSONMember] = []
    /// NDJSON: the object's values by lower-cased key.
    public var byColumn: [String: JSONValue] = [:]

    /// The NDJSON line's text (nil for CSV).
    public var text: String?

    /// A CSV record's values at `indices` (a header's positions; nil = the file has no such
    /// column): an empty field is no value.
    public func values(at indices: [Int?]) -> [String?] {
        indices.map { index -> String? in
            guard let index, index < fields.count else { return nil }
            let value = fields[index]
            return value.isEmpty ? nil : value
        }
    }
}
