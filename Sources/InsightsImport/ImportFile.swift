import Foundation

/// One input file, opened: its kind, its format and a cursor over its rows.
///
/// The whole file is read into memory (and gunzipped when it starts with the gzip magic
/// number), then rows are produced one by one with the values of the kind's columns.
public struct ImportFile: Sendable {
    /// The path as the user gave it (used in every message).
    public let path: String
    /// The record kind.
    public let kind: RecordKind
    /// CSV or NDJSON.
    public let format: Format
    /// Columns the file has that the kind does not use (ignored), in file order.
    public private(set) var unknownColumns: [String] = []
    private var reader: Reader

    /// The two file formats.
    public enum Format: String, Sendable {
        /// RFC 4180 with a header row.
        case csv
        /// One JSON object per line.
        case ndjson
    }

    /// Opens a file; `kind` overrides what the file name says.
    public init(path: String, kind: RecordKind? = nil) throws(ImportError) {
        self.path = path
        let name = (path as NSString).lastPathComponent
        guard let kind = kind ?? RecordKind(fileName: name) else {
            throw ImportError(file: path, reason: .unknownKind)
        }
        self.kind = kind
        let table = try TableReader(path: path)
        self.format = table.format
        let wanted = kind.allColumns.map(\.name)
        switch format {
        case .csv:
            let header = table.header
            let missing = kind.columns.filter { $0.required && !header.contains($0.name) }.map(\.name)
            guard missing.isEmpty else {
                throw ImportError(file: path, line: 1, reason: .missingColumns(missing, found: header))
            }
            unknownColumns = header.filter { !wanted.contains($0) }
            reader = .csv(table, indices: wanted.map { header.firstIndex(of: $0) })
        case .ndjson:
            reader = .ndjson(table, columns: NDJSONColumns(kind), unknown: [])
        }
    }

    /// What every line of an NDJSON file is checked against, made once per file: the kind's
    /// columns (lower-case, `allColumns` order), which are required and which hold an object.
    struct NDJSONColumns: Sendable {
        let names: [String]
        let required: [String]
        let holdsObject: [Bool]

        init(_ kind: RecordKind) {
            names = kind.allColumns.map(\.name)
            required = kind.columns.filter(\.required).map(\.name)
            holdsObject = kind.allColumns.map(\.holdsObject)
        }
    }

    /// Reads a file's bytes, gunzipped when they start with the gzip magic number, and its
    /// format: from the extension before any `.gz` (`.csv`; `.ndjson`, `.jsonl`, `.json`), else
    /// sniffed (NDJSON starts with `{`).
    static func load(_ path: String) throws(ImportError) -> (bytes: [UInt8], format: Format) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError(file: path, reason: .notFound)
        }
        guard !isDirectory.boolValue else { throw ImportError(file: path, reason: .isDirectory) }
        var bytes = try readAll(path)
        if isGzip(bytes) {
            do {
                bytes = try gunzip(bytes)
            } catch {
                throw ImportError(file: path, reason: .badGzip(error.message))
            }
        }
        if let encoding = utf16Encoding(bytes) { throw ImportError(file: path, reason: .encoding(encoding)) }
        var name = (path as NSString).lastPathComponent.lowercased()
        if name.hasSuffix(".gz") { name = String(name.dropLast(3)) }
        let format: Format
        if name.hasSuffix(".csv") {
            format = .csv
        } else if name.hasSuffix(".ndjson") || name.hasSuffix(".jsonl") || name.hasSuffix(".json") {
            format = .ndjson
        } else {
            let first = bytes.first { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }
            format = first == 0x7B ? .ndjson : .csv
        }
        return (bytes, format)
    }

    /// Every byte of a file, read as a stream: a pipe (`<(zcat …)`, `/dev/stdin`) has no size
    /// to read up front (Foundation's `Data(contentsOf:)` refuses one).
    static func readAll(_ path: String) throws(ImportError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ImportError(file: path, reason: .unreadable(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var status = stat()
        let size = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : 0
        let chunk = 1 << 20
        var bytes: [UInt8] = []
        // Room for the whole file and the last (empty) read's chunk: no copy of a large file.
        bytes.reserveCapacity(size + chunk)
        while true {
            let start = bytes.count
            // An array, not `repeatElement`: appended by one copy, where a debug build (the
            // tests') appended a repeated element one by one, 1.5 s per file.
            bytes.append(contentsOf: [UInt8](repeating: 0, count: chunk))
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress.map { $0 + start }, chunk) }
            if got < 0 {
                if errno == EINTR {
                    bytes.removeLast(chunk)
                    continue
                }
                throw ImportError(file: path, reason: .unreadable(String(cString: strerror(errno))))
            }
            bytes.removeLast(chunk - got)
            if got == 0 { return bytes }
        }
    }

    /// The UTF-16 flavour of a file's bytes, described for the user, or nil: a byte-order mark
    /// (FF FE, FE FF) or, without one, a NUL byte after (or before) each of the first characters.
    static func utf16Encoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 little-endian (byte-order mark FF FE)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 big-endian (byte-order mark FE FF)" }
        let head = Array(bytes.prefix(8))
        guard head.count >= 4 else { return nil }
        let even = stride(from: 0, to: head.count - 1, by: 2).map { head[$0] }
        let odd = stride(from: 1, to: head.count, by: 2).map { head[$0] }
        if odd.allSatisfy({ $0 == 0 }), even.allSatisfy({ $0 != 0 }) {
            return "UTF-16 little-endian (a NUL byte after every character)"
        }
        if even.allSatisfy({ $0 == 0 }), odd.allSatisfy({ $0 != 0 }) {
            return "UTF-16 big-endian (a NUL byte before every character)"
        }
        return nil
    }

    /// How many bytes the file holds (once decompressed): a size to plan a load by.
    public var byteCount: Int {
        switch reader {
        case .csv(let table, _), .ndjson(let table, _, _): table.byteCount
        }
    }

    /// The next row; nil at the end. Throws for a syntax error that stops reading the file.
    public mutating func nextRow() throws(ImportError) -> RawRow? {
        switch reader {
        case .csv(var table, let indices):
            defer { reader = .csv(table, indices: indices) }
            guard let row = try table.next() else { return nil }
            if let problem = row.problem { return RawRow(line: row.line, values: [], fields: row.fields, problem: problem) }
            return RawRow(line: row.line, values: row.values(at: indices), fields: row.fields, problem: nil)
        case .ndjson(var table, let columns, var unknown):
            defer {
                reader = .ndjson(table, columns: columns, unknown: unknown)
                unknownColumns = unknown
            }
            guard let row = try table.next() else { return nil }
            func refuse(_ problem: String) -> RawRow {
                RawRow(line: row.line, values: [], fields: row.fields, problem: problem)
            }
            if let problem = row.problem { return refuse(problem) }
            let lowered = row.byColumn
            // Keys the kind does not use, in the order of first appearance: looked for only
            // when the line has more keys than it has of the kind's columns.
            var known = 0
            for name in columns.names where lowered[name] != nil { known += 1 }
            if known < lowered.count {
                for member in row.members {
                    let name = NDJSONReader.lowercased(member.key)
                    if !columns.names.contains(name), !unknown.contains(name) { unknown.append(name) }
                }
            }
            let missing = columns.required.filter { lowered[$0] == nil }
            if !missing.isEmpty {
                let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
                return refuse("the object has no \(list) key")
            }
            var values: [String?] = []
            values.reserveCapacity(columns.names.count)
            for (index, name) in columns.names.enumerated() {
                guard let value = lowered[name] else {
                    values.append(nil)
                    continue
                }
                switch value {
                case .object where columns.holdsObject[index]:
                    values.append(ContactFieldsJSON.rawValue(of: name, inLine: row.text ?? ""))
                    continue
                case .array, .object: return refuse("\"\(name)\" holds an object or array, not a value")
                default: break
                }
                switch NDJSONReader.columnText(value, column: name) {
                case .success(let text): values.append(text)
                case .failure(let problem): return refuse(problem.message)
                }
            }
            return RawRow(line: row.line, values: values, fields: row.fields, problem: nil)
        }
    }

    private enum Reader: Sendable {
        case csv(TableReader, indices: [Int?])
        case ndjson(TableReader, columns: NDJSONColumns, unknown: [String])
    }
}

/// One row of a file: the values of the kind's columns, in `RecordKind.columns` order
/// (`allColumns` order; nil = no value), or the problem that makes it unreadable.
public struct RawRow: Sendable {
    /// The 1-based line the row starts on.
    public let line: Int
    /// Values of the kind's columns (empty when `problem` is set).
    public let values: [String?]
    /// The row as read (CSV fields, or the JSON line), for the rejects file.
    public let fields: [String]
    /// Why the row cannot be read at all, if so.
    public let problem: String?
}
