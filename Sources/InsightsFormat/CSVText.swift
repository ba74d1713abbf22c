/// RFC 4180 text built byte by byte: the one CSV writer of `insights export`, the rejects
/// files, the report's CSV downloads and the demo's import files.
///
/// A field holding a comma, a quote, a carriage return or a line feed is quoted, its quotes
/// doubled; any other field is written as it is (leading and trailing spaces included: the
/// importer does not trim them), unless `quotingPadded` asks for padded fields to be quoted
/// too (the demo's files, so that no reader that trims could change them). Each field is
/// followed by `,`, or by `\n` when it is the row's last.
public struct CSVText: Sendable {
    /// The bytes so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether a field beginning or ending with a space is quoted too.
    public let quotingPadded: Bool

    /// An empty text, with room for `capacity` bytes.
    public init(capacity: Int = 0, quotingPadded: Bool = false) {
        self.quotingPadded = quotingPadded
        bytes.reserveCapacity(capacity)
    }

    /// A text starting with a header row.
    public init(header: [String], capacity: Int = 1 << 16, quotingPadded: Bool = false) {
        self.init(capacity: capacity, quotingPadded: quotingPadded)
        row(header)
    }

    /// The text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Forgets the bytes written so far (keeping the buffer), e.g. once they have gone to a file.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// A whole row.
    public mutating func row(_ fields: [String]) {
        for index in fields.indices { field(fields[index], last: index == fields.count - 1) }
    }

    /// A whole row of optional values: nil is an empty field.
    public mutating func row(_ fields: [String?]) {
        for index in fields.indices { field(fields[index] ?? "", last: index == fields.count - 1) }
    }

    /// Appends bytes as they are (separators included): for text known to need no quotes.
    public mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// One field, quoted when it needs to be, then `,` or (last) `\n`.
    public mutating func field(_ value: String, last: Bool = false) {
        let utf8 = value.utf8
        if Self.needsQuotes(value) || quotingPadded && (utf8.first == 0x20 || utf8.last == 0x20) {
            bytes.append(0x22)
            for byte in utf8 {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: utf8)
        }
        bytes.append(last ? 0x0A : 0x2C)
    }

    /// An instant (microseconds since the epoch) as `TimestampFormatter` writes it, then `,`
    /// or (last) `\n`.
    public mutating func timestamp(_ instant: Int64, last: Bool = false) {
        TimestampFormatter.append(instant, to: &bytes)
        bytes.append(last ? 0x0A : 0x2C)
    }

    /// One field as text: quoted when it holds a comma, a quote or a line break.
    public static func field(_ value: String) -> String {
        guard needsQuotes(value) else { return value }
        var text = CSVText()
        text.field(value, last: true)
        text.bytes.removeLast()
        return text.text
    }

    /// Whether a value must be quoted: it holds `,`, `"`, `\r` or `\n` (checked on bytes, so
    /// `\r\n`, one `Character`, is seen too).
    public static func needsQuotes(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
            return false
        }
    }
}
