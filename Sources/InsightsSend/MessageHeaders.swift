import Foundation

/// Pure edits of a MIME message's header section; the body is never touched.
public enum MessageHeaders {
    /// The message with its `To:` and `Cc:` set to `to` and `cc` and any `Bcc:` removed; every
    /// other header field and the body stay byte for byte. The new fields take the place of the
    /// first `To:`/`Cc:`/`Bcc:` (or follow `From:`), use the message's own line ends and fold
    /// before 78 columns. No `Cc:` is written when `cc` is empty; an empty `to` writes
    /// `To: undisclosed-recipients:;`.
    /// - parameter path: the file name used in error messages.
    public static func settingRecipients(
        of message: Data, to: [MailAddress], cc: [MailAddress], path: String = "report.eml"
    ) throws(SendError) -> Data {
        let parsed = try ParsedHeader(message, path: path)
        let replaced: Set<String> = ["to", "cc", "bcc"]
        var fields = parsed.fields
        let position =
            fields.firstIndex { replaced.contains($0.lowercasedName) }
            ?? fields.firstIndex { $0.lowercasedName == "from" }.map { $0 + 1 } ?? fields.count
        let before = fields[..<position].filter { !replaced.contains($0.lowercasedName) }
        let after = fields[position...].filter { !replaced.contains($0.lowercasedName) }
        var added = [Data(field("To", to.isEmpty ? ["undisclosed-recipients:;"] : to.map(\.text), newline: parsed.newline).utf8)]
        if !cc.isEmpty { added.append(Data(field("Cc", cc.map(\.text), newline: parsed.newline).utf8)) }
        fields = before + added.map { Field(raw: $0) } + after
        var output = Data()
        for field in fields { output.append(field.raw) }
        output.append(message[parsed.bodyStart...])
        return output
    }

    /// The address of the message's `From:` (the part in angle brackets when there is one).
    /// - parameter path: the file name used in error messages.
    public static func sender(of message: Data, path: String = "report.eml") throws(SendError) -> MailAddress {
        let parsed = try ParsedHeader(message, path: path)
        let froms = parsed.fields.filter { $0.lowercasedName == "from" }
        guard froms.count == 1, let from = froms.first else {
            throw SendError(.noSender(path: path, detail: froms.isEmpty ? "no From: header" : "several From: headers"))
        }
        let value = from.unfoldedValue.trimmingCharacters(in: .whitespaces)
        var address = value
        if let open = value.lastIndex(of: "<"), let close = value.lastIndex(of: ">"), open < close {
            address = String(value[value.index(after: open)..<close])
        }
        do {
            return try MailAddress(address)
        } catch {
            throw SendError(.noSender(path: path, detail: "From: \(value) is not one address"))
        }
    }

    /// `Name: a, b` folded onto continuation lines before 78 columns.
    static func field(_ name: String, _ values: [String], newline: String) -> String {
        var text = "\(name): "
        var column = text.count
        for (index, value) in values.enumerated() {
            let piece = index == values.count - 1 ? value : value + ","
            if index > 0 {
                if column + 1 + piece.count > 78 {
                    text += newline + " "
                    column = 1
                } else {
                    text += " "
                    column += 1
                }
            }
            text += piece
            column += piece.count
        }
        return text + newline
    }
}

/// A header section split into raw fields (continuation lines included), and where the body
/// starts (the blank line stays with the body).
struct ParsedHeader {
    var fields: [Field]
    var newline: String
    var bodyStart: Data.Index

    init(_ message: Data, path: String) throws(SendError) {
        let bytes = [UInt8](message)
        var lines: [Range<Int>] = []
        var start = 0
        var blank: Int?
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            guard end < bytes.count else { break }
            let line = start..<(end + 1)
            if line.count == 1 || (line.count == 2 && bytes[start] == 0x0D) {
                blank = start
                break
            }
            lines.append(line)
            start = end + 1
        }
        guard let blank else {
            throw SendError(.malformedMessage(path: path, detail: "no blank line ends its header"))
        }
        guard let first = lines.first else {
            throw SendError(.malformedMessage(path: path, detail: "it has no header fields"))
        }
        newline = first.count >= 2 && bytes[first.upperBound - 2] == 0x0D ? "\r\n" : "\n"
        var fields: [Field] = []
        for (number, line) in lines.enumerated() {
            let raw = Data(bytes[line])
            if bytes[line.lowerBound] == 0x20 || bytes[line.lowerBound] == 0x09 {
                guard !fields.isEmpty else {
                    throw SendError(.malformedMessage(path: path, detail: "line 1 is a continuation line"))
                }
                fields[fields.count - 1].raw.append(raw)
            } else {
                guard raw.contains(UInt8(ascii: ":")) else {
                    throw SendError(.malformedMessage(path: path, detail: "header line \(number + 1) has no colon"))
                }
                fields.append(Field(raw: raw))
            }
        }
        self.fields = fields
        self.bodyStart = message.startIndex + blank
    }
}

/// One header field's raw bytes, line ends included.
struct Field {
    var raw: Data

    var lowercasedName: String {
        let name = raw.prefix { $0 != UInt8(ascii: ":") }
        return String(decoding: name, as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The value after the colon with line ends removed (continuations joined by their blank).
    var unfoldedValue: String {
        guard let colon = raw.firstIndex(of: UInt8(ascii: ":")) else { return "" }
        let value = raw[raw.index(after: colon)...].filter { $0 != 0x0D && $0 != 0x0A }
        return String(decoding: value, as: UTF8.self)
    }
}
