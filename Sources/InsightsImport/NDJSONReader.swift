/// Splits a file into non-blank lines and decodes each as one JSON object.
public struct NDJSONReader: Sendable {
    private let bytes: [UInt8]
    private var position: Int
    private var line = 0
    /// Whether the whole file is ASCII with no NUL byte: then no line needs a UTF-8 check.
    private let plainASCII: Bool

    /// One non-blank line: its 1-based number, its text (repaired with U+FFFD if it is not
    /// UTF-8, for the rejects file) and why it cannot be read, if so (not UTF-8, a NUL byte,
    /// over ``ImportLimits/recordBytes``).
    struct Line {
        let number: Int
        let text: String
        let problem: String?
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.position = start
        self.plainASCII = bytes.withUnsafeBufferPointer { isPlainASCII(UnsafeBufferPointer(rebasing: $0[start...])) }
    }

    /// The next non-blank line.
    mutating func nextLine() -> Line? {
        while position < bytes.count {
            line += 1
            let start = position
            while position < bytes.count, bytes[position] != 0x0A { position += 1 }
            var end = position
            position += 1
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            let slice = bytes[start..<end]
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let text = String(decoding: slice, as: UTF8.self)
            var problem: String?
            if slice.count > ImportLimits.recordBytes {
                problem =
                    "the line has \(grouped(slice.count)) bytes; a line may have at most "
                    + "\(grouped(ImportLimits.recordBytes)) (1 MiB)"
            } else if !plainASCII {
                problem = slice.withUnsafeBufferPointer { textProblem($0, place: "the line") }
            }
            return Line(number: line, text: text, problem: problem)
        }
        return nil
    }

    /// Decodes one line into its members, in order (duplicates kept, for the caller to refuse).
    public static func decode(_ text: String) -> Result<[JSONMember], LineProblem> {
        var text = text
        let parsed = text.withUTF8 { bytes -> JSONValue? in try? JSONParser.parse(bytes) }
        guard let parsed else { return .failure(LineProblem(message: "the line is not valid JSON")) }
        guard case .object(let members) = parsed else {
            return .failure(LineProblem(message: "the line is JSON but not an object ({…})"))
        }
        return .success(members)
    }

    /// The members of an object by lower-cased key, or why not: two keys that are the same
    /// column once case is ignored (`Contact_ID` and `contact_id`) would otherwise keep one of
    /// them arbitrarily.
    public static func byColumn(_ members: [JSONMember]) -> Result<[String: JSONValue], LineProblem> {
        var result: [String: JSONValue] = [:]
        var keys: [String: String] = [:]
        result.reserveCapacity(members.count)
        for member in members {
            let name = member.key.lowercased()
            if let earlier = keys.updateValue(member.key, forKey: name) {
                return .failure(
                    LineProblem(
                        message: "the object has keys \"\(earlier)\" and \"\(member.key)\", the same column "
                            + "(names are matched case-insensitively)"))
            }
            result[name] = member.value
        }
        return .success(result)
    }

    /// A scalar value as column text (nil for `null` and ""), or why it cannot be one: a
    /// boolean where an id belongs (`true` is no id, and must not become `1`), a NUL character,
    /// a value over ``ImportLimits/fieldBytes``. Numbers keep their digits as written.
    /// Objects and arrays are `.success(nil)` with `nested` set, for the caller to decide.
    public static func columnText(_ value: JSONValue, column: String) -> Result<String?, LineProblem> {
        let text: String
        switch value {
        case .null: return .success(nil)
        case .bool(let flag):
            if isIDColumn(column) {
                return .failure(
                    LineProblem(
                        message: "\"\(column)\" is \(flag), a boolean, not an id (write ids as strings or numbers)"))
            }
            text = flag ? "true" : "false"
        case .number(let digits): text = digits
        case .string(let string): text = string
        case .array, .object: text = value.compactText
        }
        if text.utf8.count > ImportLimits.fieldBytes {
            return .failure(LineProblem(message: ImportLimits.fieldTooLong("\"\(column)\"", bytes: text.utf8.count)))
        }
        if text.utf8.contains(0) {
            return .failure(LineProblem(message: "\"\(column)\" holds a NUL character (\\u0000)"))
        }
        return .success(text.isEmpty ? nil : text)
    }

    /// Whether a column holds an id: `id` or a name ending in `_id`.
    public static func isIDColumn(_ column: String) -> Bool {
        column == "id" || column.hasSuffix("_id")
    }
}

/// Why a line is not a JSON object.
public struct LineProblem: Error {
    /// The sentence for the user.
    public let message: String
}
