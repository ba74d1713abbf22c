import Foundation

/// An address given for `report.eml` that cannot be written into its headers.
public struct EmailAddressError: Error, Equatable, LocalizedError, Sendable {
    /// What is wrong with it.
    public enum Reason: Equatable, Sendable {
        /// It is empty, or a list holds an empty entry.
        case empty
        /// It holds a control character (a CR or LF would start a new header, e.g. `Bcc:`).
        case controlCharacter(UInt32)
        /// The address itself (not the display name) holds a non-ASCII character.
        case nonASCIIAddress(String)
        /// The address itself is longer than SMTP allows (254 characters).
        case tooLong(String)
    }

    /// The option or header it was given for, e.g. `--email-to`.
    public let option: String
    /// The value as given.
    public let value: String
    /// What is wrong with it.
    public let reason: Reason

    /// Creates an error.
    public init(option: String, value: String, reason: Reason) {
        self.option = option
        self.value = value
        self.reason = reason
    }

    /// One sentence for the user.
    public var errorDescription: String? {
        let shown = value.unicodeScalars.map {
            $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0)
        }
        .joined()
        switch reason {
        case .empty:
            return "\(option) \"\(shown)\" is empty or holds an empty address; give e.g. \"Ana <ana@example.org>\""
        case .controlCharacter(let value):
            let code = String(value, radix: 16, uppercase: true)
            return
                "\(option) \"\(shown)\" holds a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code)), "
                + "which would add lines to the message's headers; give the address on one line"
        case .nonASCIIAddress(let address):
            return "\(option): the address \"\(address)\" is not ASCII; only the display name may be "
                + "(write an international domain as xn--…)"
        case .tooLong(let address):
            return "\(option): the address \"\(address.prefix(40))…\" is longer than 254 characters"
        }
    }
}

extension EmailMessage {
    /// Checks an address, or a comma-separated list of them, given for `From:` or `To:`.
    ///
    /// Each entry is `ana@example.org` or `Display Name <ana@example.org>`; the display name may
    /// be any Unicode (it is written as RFC 2047 encoded-words), the address must be ASCII.
    /// - Parameter option: the flag it came from, named in the error (`--email-to`).
    public static func validateAddress(_ value: String, option: String) throws(EmailAddressError) {
        if let control = value.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            throw EmailAddressError(option: option, value: value, reason: .controlCharacter(control.value))
        }
        let mailboxes = addressList(value)
        guard !mailboxes.isEmpty else { throw EmailAddressError(option: option, value: value, reason: .empty) }
        for mailbox in mailboxes {
            let address = split(mailbox).address
            if address.isEmpty { throw EmailAddressError(option: option, value: value, reason: .empty) }
            if !address.unicodeScalars.allSatisfy(\.isASCII) {
                throw EmailAddressError(option: option, value: value, reason: .nonASCIIAddress(address))
            }
            if address.utf8.count > 254 { throw EmailAddressError(option: option, value: value, reason: .tooLong(address)) }
        }
    }

    /// An address header's value: each mailbox with a non-ASCII display name encoded (RFC 2047),
    /// joined by `, ` so that it can be folded after any mailbox. Control characters, which
    /// `validateAddress` refuses, are replaced by spaces here too, so no value adds a header.
    static func encodedAddressList(_ value: String) -> String {
        let clean = String(
            String.UnicodeScalarView(value.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        return addressList(clean).map { mailbox in
            let (name, address) = split(mailbox)
            guard let name, !name.isEmpty else { return address }
            let angle = "<\(address)>"
            if name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }), !name.contains("=?") {
                return "\(name) \(angle)"
            }
            return (encodedWords(unquoted(name)) + [angle]).joined(separator: " ")
        }.joined(separator: ", ")
    }

    /// The entries of a list, split at commas outside quotes and angle brackets, trimmed.
    static func addressList(_ value: String) -> [String] {
        var entries: [String] = []
        var current = ""
        var quoted = false
        var angle = false
        var escaped = false
        for character in value {
            if escaped {
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if !quoted && character == "<" {
                angle = true
            } else if !quoted && character == ">" {
                angle = false
            } else if !quoted && !angle && character == "," {
                entries.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        entries.append(current)
        let trimmed = entries.map { $0.trimmingCharacters(in: .whitespaces) }
        return trimmed.allSatisfy(\.isEmpty) ? [] : trimmed
    }

    /// `Name <address>` → (`Name`, `address`); a bare address has no name.
    private static func split(_ mailbox: String) -> (name: String?, address: String) {
        guard mailbox.hasSuffix(">"), let open = mailbox.lastIndex(of: "<") else { return (nil, mailbox) }
        let name = mailbox[..<open].trimmingCharacters(in: .whitespaces)
        let address = mailbox[mailbox.index(after: open)..<mailbox.index(before: mailbox.endIndex)]
        return (name, address.trimmingCharacters(in: .whitespaces))
    }

    /// A display name without its surrounding quotes and backslash escapes.
    private static func unquoted(_ name: String) -> String {
        guard name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") else { return name }
        var result = ""
        var escaped = false
        for character in name.dropFirst().dropLast() {
            if !escaped && character == "\\" {
                escaped = true
                continue
            }
            escaped = false
            result.append(character)
        }
        return result
    }

    /// RFC 2047 `B` encoded-words of at most 42 UTF-8 bytes each (68 characters, so that even
    /// `Subject: ` and the first word fit in 78), never splitting a character.
    static func encodedWords(_ value: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in value {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 42, !chunk.isEmpty {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words
    }

    /// A header line folded (RFC 5322 §2.2.3) before spaces so that no line is longer than 78
    /// characters where a space allows it; unfolding gives the line back.
    static func folded(_ line: String) -> String {
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var lines: [String] = []
        var current = words.first ?? ""
        for word in words.dropFirst() {
            let blank = current.allSatisfy { $0 == " " }
            if word.isEmpty || blank || current.utf8.count + 1 + word.utf8.count <= 78 {
                current += " " + word
            } else {
                lines.append(current)
                current = " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}
