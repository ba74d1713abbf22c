/// A strict RFC 4180 reader over the bytes of a whole file.
///
/// Handles a UTF-8 byte-order mark, `\n` and `\r\n` line ends, quoted fields holding commas,
/// doubled quotes and newlines. Each record carries the 1-based line number on which it
/// starts, so messages can name the line a user sees in an editor. Blank lines are skipped.
/// Hand-written rather than a dependency: it works on bytes (fast enough for tens of
/// millions of rows) and reports exact line numbers for records spanning several lines.
public struct CSVReader: Sendable {
    private let bytes: [UInt8]
    private var position: Int
    private var line = 1
    /// The bytes of a quoted field with doubled quotes, joined (reused between fields).
    private var scratch: [UInt8] = []
    /// The field count of the previous record, to size the next one's array at once.
    private var fieldCountHint = 8
    /// Whether the whole file is ASCII with no NUL byte (checked once, eight bytes at a time):
    /// then no field needs a UTF-8 check of its own.
    private let plainASCII: Bool
    /// Why the record ``next()`` returned last cannot be used (a field that is not valid UTF-8,
    /// holds a NUL byte or is over ``ImportLimits/fieldBytes``); nil when it is fine. Its
    /// fields are still returned (repaired with U+FFFD) for the rejects file.
    public private(set) var problem: String?

    /// Creates a reader over a file's bytes.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = bytes.starts(with: bom) ? 3 : 0
        self.position = start
        self.plainASCII = bytes.withUnsafeBufferPointer { isPlainASCII(UnsafeBufferPointer(rebasing: $0[start...])) }
    }

    /// The next record with the line it starts on; nil at the end of the file.
    public mutating func next() throws(CSVError) -> (line: Int, fields: [String])? {
        // Work on the contiguous bytes: no bounds checks or generic collections per byte, and
        // each field becomes a String straight from a UTF-8 buffer (the fast, validate-once
        // path; invalid UTF-8 or a NUL byte makes the record's `problem`, unless the whole file
        // is plain ASCII).
        let bytes = self.bytes
        var position = self.position
        var line = self.line
        var problem: String? = nil
        let checkText = !plainASCII
        defer {
            self.position = position
            self.line = line
            self.problem = problem
        }
        return try bytes.withUnsafeBufferPointer { (bytes) throws(CSVError) -> (line: Int, fields: [String])? in
            let count = bytes.count
            // Skip blank lines.
            while position < count, bytes[position] == 0x0A || bytes[position] == 0x0D {
                if bytes[position] == 0x0A { line += 1 }
                position += 1
            }
            guard position < count else { return nil }
            let startLine = line
            let recordStart = position
            var fields: [String] = []
            fields.reserveCapacity(fieldCountHint)
            /// Checks a field's bytes (before they become a String): its size, then its text.
            func check(_ start: Int, _ end: Int) throws(CSVError) {
                let size = end - start
                if end - recordStart > ImportLimits.recordBytes { throw CSVError(line: startLine, reason: .recordTooLong) }
                guard problem == nil else { return }
                if size > ImportLimits.fieldBytes {
                    problem = ImportLimits.fieldTooLong("column \(fields.count + 1)", bytes: size)
                } else if checkText {
                    problem = textProblem(UnsafeBufferPointer(rebasing: bytes[start..<end]), place: "column \(fields.count + 1)")
                }
            }
            while true {
                if position < count, bytes[position] == 0x22 {
                    // Quoted field: one slice when it holds no doubled quote, else the pieces
                    // between doubled quotes joined in `scratch`.
                    let quoteLine = line
                    position += 1
                    let fieldStart = position
                    var closed = false
                    var start = position
                    var joined = false
                    var text = ""
                    while position < count {
                        let byte = bytes[position]
                        if byte == 0x22 {
                            if position + 1 < count, bytes[position + 1] == 0x22 {
                                if position - recordStart > ImportLimits.recordBytes {
                                    throw CSVError(line: startLine, reason: .recordTooLong)
                                }
                                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(position + 1)]))
                                joined = true
                                position += 2
                                start = position
                                continue
                            }
                            try check(fieldStart, position)
                            if joined {
                                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
                                text = String(decoding: scratch, as: UTF8.self)
                                scratch.removeAll(keepingCapacity: true)
                            } else {
                                text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                            }
                            position += 1
                            closed = true
                            break
                        }
                        if byte == 0x0A { line += 1 }
                        position += 1
                    }
                    guard closed else { throw CSVError(line: quoteLine, reason: .unterminatedQuote) }
                    if position < count {
                        let next = bytes[position]
                        if next != 0x2C, next != 0x0A, next != 0x0D {
                            throw CSVError(line: line, reason: .textAfterClosingQuote)
                        }
                    }
                    fields.append(text)
                } else {
                    let start = position
                    while position < count {
                        let byte = bytes[position]
                        if byte == 0x2C || byte == 0x0A || byte == 0x0D { break }
                        if byte == 0x22 { throw CSVError(line: line, reason: .quoteInUnquotedField) }
                        position += 1
                    }
                    try check(start, position)
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
                }
                if position >= count { break }
                let separator = bytes[position]
                position += 1
                if separator == 0x2C { continue }
                if separator == 0x0D, position < count, bytes[position] == 0x0A { position += 1 }
                line += 1
                break
            }
            fieldCountHint = fields.count
            return (startLine, fields)
        }
    }
}

/// A CSV syntax error at a line.
public struct CSVError: Error, Equatable, Sendable {
    /// The 1-based line.
    public let line: Int
    /// What is wrong.
    public let reason: Reason

    /// Creates an error.
    public init(line: Int, reason: Reason) {
        self.line = line
        self.reason = reason
    }

    /// What can be wrong with CSV syntax.
    public enum Reason: Equatable, Sendable {
        /// A quoted field never closes.
        case unterminatedQuote
        /// A closing quote is followed by something other than `,` or a line end.
        case textAfterClosingQuote
        /// A `"` inside a field that does not start with one.
        case quoteInUnquotedField
        /// A record over ``ImportLimits/recordBytes`` (often a quote that never closes).
        case recordTooLong
    }

    /// A sentence for the user.
    public var message: String {
        switch reason {
        case .unterminatedQuote: "a quoted field starts here and never ends (missing closing \")"
        case .textAfterClosingQuote: "text after a closing quote (write a literal \" as \"\" inside quotes)"
        case .quoteInUnquotedField: "a \" inside an unquoted field (quote the whole field and write \" as \"\")"
        case .recordTooLong:
            "the record has more than \(grouped(ImportLimits.recordBytes)) bytes (1 MiB), the most a row may have"
        }
    }
}
