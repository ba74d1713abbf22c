import Foundation

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
            position = bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress,
                    let found = memchr(base + start, 0x0A, buffer.count - start)
                else { return buffer.count }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var end = position
            position += 1
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            let slice = bytes[start..<end]
            var blank = true
            for index in start..<end where bytes[index] != 0x20 && bytes[index] != 0x09 {
                blank = false
                break
            }
            if blank { continue }
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
        result.reserveCapacity(members.count)
        for member in members {
            let name = lowercased(member.key)
            if result.updateValue(member.value, forKey: name) != nil {
                let earlier = members.first { lowercased($0.key) == name }?.key ?? name
                return .failure(
                    LineProblem(
                        message: "the object has keys \"\(earlier)\" and \"\(member.key)\", the same column "
                            + "(names are matched case-insensitively)"))
            }
        }
        return .success(result)
    }

    /// `key.lowercased()`, without making a new string for a key with no upper-case ASCII
    /// letter and nothing but ASCII (nearly every key).
    static func lowercased(_ key: String) -> String {
        var key = key
        let plain = key.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) { return false }
            return true
        }
        return plain ? key : key.lowercased()
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
        if holdsNUL(text) {
            return .failure(LineProblem(message: "\"\(column)\" holds a NUL character (\\u0000)"))
        }
        return .success(text.isEmpty ? nil : text)
    }

    /// Whether `text` holds a NUL character (U+0000).
    static func holdsNUL(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte == 0 { return true }
            return false
        }
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
