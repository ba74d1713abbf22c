import InsightsFormat

/// A JSON value as read from one NDJSON line.
///
/// Numbers keep the exact text they were written with (`1234567890123456789` stays those 19
/// digits; a `Double` would round it to a neighbour above 2^53) and booleans stay booleans,
/// so an id can never be rounded into, or confused with, another one. Object members keep
/// their order and duplicates, so a line naming a column twice can be refused.
public indirect enum JSONValue: Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as written.
    case number(String)
    /// A string, its escapes decoded.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object: its members in order, duplicates kept.
    case object([JSONMember])

    /// Compact JSON text for the value, object keys sorted (how nested values become column text).
    public var compactText: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let text): text
        case .string(let text): JSONText.quoted(text)
        case .array(let values): "[" + values.map(\.compactText).joined(separator: ",") + "]"
        case .object(let members):
            "{"
                + members.sorted { $0.key < $1.key }.map { JSONText.quoted($0.key) + ":" + $0.value.compactText }
                .joined(separator: ",") + "}"
        }
    }
}

/// One `"key": value` of a JSON object.
public struct JSONMember: Equatable, Sendable {
    /// The key.
    public let key: String
    /// The value.
    public let value: JSONValue
}

/// A strict RFC 8259 parser for one line's bytes (already checked to be valid UTF-8).
///
/// Hand-written rather than `JSONSerialization`, which reads every number as a `Double`
/// (or `NSNumber`, where `true` and `1` are the same value) and keeps one of two keys at random.
/// Nesting is limited to 64 levels so a hostile line cannot exhaust the stack.
public struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    static let maximumDepth = 64

    /// Why a line is not JSON (the caller says "the line is not valid JSON").
    public struct Failure: Error {}

    /// Parses one whole JSON text.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.position == bytes.count else { throw Failure() }
        return value
    }

    /// Parses one whole JSON text; nil when it is not JSON.
    public static func parse(_ text: String) -> JSONValue? {
        var text = text
        return text.withUTF8 { try? parse($0) }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
            position += 1
        }
    }

    private mutating func value() throws(Failure) -> JSONValue {
        guard position < bytes.count else { throw Failure() }
        switch bytes[position] {
        case 0x7B: return try object()
        case 0x5B: return try array()
        case 0x22: return .string(try string())
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        default: return .number(try number())
        }
    }

    private mutating func object() throws(Failure) -> JSONValue {
        depth += 1
        guard depth <= Self.maximumDepth else { throw Failure() }
        defer { depth -= 1 }
        position += 1
        var members: [JSONMember] = []
        skipSpace()
        if position < bytes.count, bytes[position] == 0x7D {
            position += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == 0x22 else { throw Failure() }
            let key = try string()
            skipSpace()
            guard position < bytes.count, bytes[position] == 0x3A else { throw Failure() }
            position += 1
            skipSpace()
            members.append(JSONMember(key: key, value: try value()))
            skipSpace()
            guard position < bytes.count else { throw Failure() }
            let next = bytes[position]
            position += 1
            if next == 0x2C { continue }
            guard next == 0x7D else { throw Failure() }
            return .object(members)
        }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        depth += 1
        guard depth <= Self.maximumDepth else { throw Failure() }
        defer { depth -= 1 }
        position += 1
        var values: [JSONValue] = []
        skipSpace()
        if position < bytes.count, bytes[position] == 0x5D {
            position += 1
            return .array(values)
        }
        while true {
            skipSpace()
            values.append(try value())
            skipSpace()
            guard position < bytes.count else { throw Failure() }
            let next = bytes[position]
            position += 1
            if next == 0x2C { continue }
            guard next == 0x5D else { throw Failure() }
            return .array(values)
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let expected = Array(word.utf8)
        guard position + expected.count <= bytes.count else { throw Failure() }
        for offset in 0..<expected.count where bytes[position + offset] != expected[offset] { throw Failure() }
        position += expected.count
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, as its text.
    private mutating func number() throws(Failure) -> String {
        let start = position
        func digits() throws(Failure) {
            let first = position
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            guard position > first else { throw Failure() }
        }
        if position < bytes.count, bytes[position] == 0x2D { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw Failure() }
        if bytes[position] == 0x30 {
            position += 1
        } else {
            try digits()
        }
        if position < bytes.count, bytes[position] == 0x2E {
            position += 1
            try digits()
        }
        if position < bytes.count, bytes[position] == 0x65 || bytes[position] == 0x45 {
            position += 1
            if position < bytes.count, bytes[position] == 0x2B || bytes[position] == 0x2D { position += 1 }
            try digits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// A string literal; raw control characters are invalid, escapes are decoded (a lone
    /// surrogate escape is invalid: it is no character).
    private mutating func string() throws(Failure) -> String {
        position += 1
        let start = position
        // The common case: no escape, one slice of the (valid UTF-8) line.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == 0x5C { break }
            guard byte >= 0x20 else { throw Failure() }
            position += 1
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(
            contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self).unicodeScalars)
        var pending: [UInt8] = []
        func flush() {
            guard !pending.isEmpty else { return }
            scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
            pending.removeAll(keepingCapacity: true)
        }
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case 0x22:
                flush()
                return String(scalars)
            case 0x5C:
                flush()
                guard position < bytes.count else { throw Failure() }
                let escape = bytes[position]
                position += 1
                switch escape {
                case 0x22: scalars.append("\"")
                case 0x5C: scalars.append("\\")
                case 0x2F: scalars.append("/")
                case 0x62: scalars.append("\u{08}")
                case 0x66: scalars.append("\u{0C}")
                case 0x6E: scalars.append("\n")
                case 0x72: scalars.append("\r")
                case 0x74: scalars.append("\t")
                case 0x75:
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        guard position + 1 < bytes.count, bytes[position] == 0x5C, bytes[position + 1] == 0x75
                        else { throw Failure() }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Failure() }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw Failure() }
                    scalars.append(scalar)
                default: throw Failure()
                }
            default:
                guard byte >= 0x20 else { throw Failure() }
                pending.append(byte)
            }
        }
        throw Failure()
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw Failure() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw Failure()
            }
            value = value << 4 | digit
        }
        return value
    }
}
