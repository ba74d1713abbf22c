/// Reads `contacts.fields`: one flat JSON object whose values are text, numbers, `true`,
/// `false` or `null` (DATA.md). Values are kept as text: a string as its characters, a number
/// as written (`3` → `"3"`), `true` → `"true"`; `null` and blank values are no value.
///
/// A small scanner of its own rather than `JSONSerialization`, which tells neither `1` from
/// `true` nor `3.50` from `3.5`, and loses the order of the keys (kept so that an export
/// writes the object back as it was given).
public enum ContactFieldsJSON {
    /// The fields of an object's JSON text, or why it is not a flat object.
    public static func fields(_ text: String) -> Result<[ContactField], FieldsProblem> {
        scan(text, skippingNested: false).map(\.fields)
    }

    /// The fields of an object's JSON text, leaving out (and naming) the keys whose values are
    /// objects or arrays instead of refusing them; used for Turn's `contacts.details`.
    public static func fieldsSkippingNested(_ text: String) -> Result<(fields: [ContactField], nested: [String]), FieldsProblem> {
        scan(text, skippingNested: true)
    }

    private static func scan(
        _ text: String, skippingNested: Bool
    ) -> Result<(fields: [ContactField], nested: [String]), FieldsProblem> {
        var scanner = Scanner(Array(text.utf8))
        var fields: [ContactField] = []
        var nested: [String] = []
        do throws(FieldsProblem) {
            scanner.skipSpace()
            guard scanner.peek == UInt8(ascii: "{") else {
                throw FieldsProblem("is not a JSON object ({\"name\": value, …})")
            }
            scanner.position += 1
            scanner.skipSpace()
            if scanner.peek == UInt8(ascii: "}") {
                scanner.position += 1
            } else {
                while true {
                    scanner.skipSpace()
                    let name = try scanner.string()
                    scanner.skipSpace()
                    try scanner.expect(":")
                    scanner.skipSpace()
                    let value: String?
                    switch scanner.peek {
                    case UInt8(ascii: "\""): value = try scanner.string()
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        guard skippingNested else {
                            throw FieldsProblem(
                                "\"\(name)\" holds an object or array (a field must be text, a number or true/false)")
                        }
                        if fields.contains(where: { $0.name == name }) || nested.contains(name) {
                            throw FieldsProblem("names \"\(name)\" twice")
                        }
                        try scanner.skipValue()
                        nested.append(name)
                        value = nil
                    default: value = try scanner.literal()
                    }
                    if fields.contains(where: { $0.name == name }) || nested.contains(name) && value != nil {
                        throw FieldsProblem("names \"\(name)\" twice")
                    }
                    if let value, !isBlank(value) { fields.append(ContactField(name, value)) }
                    scanner.skipSpace()
                    if scanner.peek == UInt8(ascii: ",") {
                        scanner.position += 1
                        continue
                    }
                    try scanner.expect("}")
                    break
                }
            }
            scanner.skipSpace()
            guard scanner.peek == nil else { throw FieldsProblem("has text after the object's closing }") }
        } catch {
            return .failure(error)
        }
        return .success((fields, nested))
    }

    /// The JSON text of the value of `key` (compared lower-cased) in a one-object NDJSON line,
    /// or nil when the line has no such key or is not an object (the line has already been
    /// decoded, so this is only asked of valid JSON).
    public static func rawValue(of key: String, inLine text: String) -> String? {
        var scanner = Scanner(Array(text.utf8))
        do throws(FieldsProblem) {
            scanner.skipSpace()
            try scanner.expect("{")
            while true {
                scanner.skipSpace()
                let name = try scanner.string()
                scanner.skipSpace()
                try scanner.expect(":")
                scanner.skipSpace()
                let start = scanner.position
                try scanner.skipValue()
                if name.lowercased() == key {
                    return String(decoding: scanner.bytes[start..<scanner.position], as: UTF8.self)
                }
                scanner.skipSpace()
                guard scanner.peek == UInt8(ascii: ",") else { return nil }
                scanner.position += 1
            }
        } catch {
            return nil
        }
    }
}

/// Why a `fields` value is not a flat JSON object.
/// Why a text is not a flat JSON object of fields.
public struct FieldsProblem: Error {
    /// The sentence for the user ("is not a JSON object …").
    public let message: String

    init(_ message: String) {
        self.message = message
    }
}

private struct Scanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
    }

    mutating func expect(_ character: Unicode.Scalar) throws(FieldsProblem) {
        guard peek == UInt8(ascii: character) else {
            throw FieldsProblem("is not valid JSON (expected \"\(character)\" at character \(position + 1))")
        }
        position += 1
    }

    /// A JSON string, unescaped.
    mutating func string() throws(FieldsProblem) -> String {
        try expect("\"")
        var out: [UInt8] = []
        while let byte = peek {
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = peek else { break }
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), peek == UInt8(ascii: "\\"),
                        position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
                    {
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw invalid }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let value = Unicode.Scalar(scalar) else { throw invalid }
                    out.append(contentsOf: Array(String(Character(value)).utf8))
                default: throw invalid
                }
            default:
                guard byte >= 0x20 else { throw invalid }
                out.append(byte)
            }
        }
        throw FieldsProblem("is not valid JSON (a string is not closed)")
    }

    private mutating func hex4() throws(FieldsProblem) -> UInt32 {
        guard position + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw invalid }
        position += 4
        return value
    }

    /// `true`, `false`, `null` (nil) or a number, as written.
    mutating func literal() throws(FieldsProblem) -> String? {
        let start = position
        while let byte = peek,
            !(byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == 0x20 || byte == 0x09 || byte == 0x0A
                || byte == 0x0D)
        {
            position += 1
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        switch text {
        case "null": return nil
        case "true", "false": return text
        default:
            guard Self.isNumber(text) else { throw FieldsProblem("is not valid JSON (\"\(text)\" is not a value)") }
            return text
        }
    }

    /// Skips any JSON value (only asked of text already known to be valid JSON).
    mutating func skipValue() throws(FieldsProblem) {
        switch peek {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            repeat {
                guard let byte = peek else { throw invalid }
                if byte == UInt8(ascii: "\"") {
                    _ = try string()
                    continue
                }
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { depth -= 1 }
                position += 1
            } while depth > 0
        default:
            while let byte = peek,
                !(byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == 0x20 || byte == 0x09 || byte == 0x0A
                    || byte == 0x0D)
            {
                position += 1
            }
        }
    }

    private var invalid: FieldsProblem { FieldsProblem("is not valid JSON (a bad string escape)") }

    /// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private static func isNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        let integer = rest.prefix { $0.isASCII && $0.isNumber }
        guard !integer.isEmpty, integer == "0" || integer.first != "0" else { return false }
        rest = rest.dropFirst(integer.count)
        if rest.first == "." {
            rest = rest.dropFirst()
            let fraction = rest.prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty else { return false }
            rest = rest.dropFirst(fraction.count)
        }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            let exponent = rest.prefix { $0.isASCII && $0.isNumber }
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }
}
