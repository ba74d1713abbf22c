import Foundation

/// The SMTP dialogue as libcurl reports it (commands sent, reply lines received), read back to
/// learn each recipient's answer and where a failed session stopped. Credentials never enter it:
/// only a command's verb is kept, and for `RCPT TO` its address.
struct SMTPTranscript: Equatable {
    /// One command and its final reply (nil while unanswered).
    struct Exchange: Equatable {
        var command: String
        var reply: Reply?
    }

    /// A complete reply: its code and its lines joined with spaces.
    struct Reply: Equatable {
        var code: Int
        var text: String
    }

    private(set) var exchanges: [Exchange] = []
    private var pendingLines: [String] = []
    private var partialIn = ""

    /// Records bytes libcurl sent as protocol commands.
    mutating func sent(_ text: String) {
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
            let upper = line.uppercased()
            let command: String
            if upper.hasPrefix("RCPT TO:") {
                command = "RCPT TO:" + line.dropFirst(8).prefix { $0 != " " }
            } else if let last = exchanges.last, last.command.hasPrefix("AUTH"), last.reply?.code == 334 {
                command = "AUTH (continued)"
            } else {
                command =
                    String(upper.split(separator: " ").first ?? "")
                    + (upper.hasPrefix("AUTH ") ? " " + String(upper.split(separator: " ").dropFirst().first ?? "") : "")
            }
            exchanges.append(Exchange(command: command, reply: nil))
        }
    }

    /// Records reply bytes received; a reply ends with a line whose code is followed by a space.
    mutating func received(_ text: String) {
        partialIn += text
        while let end = partialIn.range(of: "\n") {
            let line = String(partialIn[..<end.lowerBound]).trimmingSuffix("\r")
            partialIn = String(partialIn[end.upperBound...])
            pendingLines.append(line)
            let bytes = Array(line.utf8)
            let isFinal = bytes.count < 4 || bytes[3] != UInt8(ascii: "-")
            guard isFinal else { continue }
            let code = Int(String(line.prefix(3))) ?? 0
            let text = pendingLines.map { String($0.dropFirst(4)) }.joined(separator: " ")
            pendingLines = []
            let reply = Reply(code: code, text: "\(code) \(text)".trimmingSuffix(" "))
            if let index = exchanges.lastIndex(where: { $0.reply == nil }) {
                exchanges[index].reply = reply
            } else {
                // The greeting, or the reply after the message data (DATA's second reply).
                exchanges.append(
                    Exchange(command: exchanges.contains { $0.command == "DATA" } ? "(end of data)" : "(greeting)", reply: reply))
            }
        }
    }

    /// Each `RCPT TO` address and its reply, in order.
    var recipientReplies: [(address: String, reply: Reply?)] {
        exchanges.filter { $0.command.hasPrefix("RCPT TO:") }.map { exchange in
            var address = String(exchange.command.dropFirst(8))
            if address.hasPrefix("<") && address.hasSuffix(">") { address = String(address.dropFirst().dropLast()) }
            return (address, exchange.reply)
        }
    }

    /// The last exchange, for "where did it stop" (a QUIT libcurl sends after a failure ignored).
    var last: Exchange? { exchanges.last { $0.command != "QUIT" } }

    /// The reply to the last command named `verb`.
    func reply(to verb: String) -> Reply? {
        exchanges.last { $0.command == verb || $0.command.hasPrefix(verb + " ") }?.reply
    }

    /// Whether STARTTLS was accepted.
    var startedTLS: Bool { reply(to: "STARTTLS")?.code == 220 }

    /// Whether a login succeeded.
    var authenticated: Bool {
        exchanges.contains { $0.command.hasPrefix("AUTH") && $0.reply?.code == 235 }
    }

    /// Where the session stopped, as a phrase: "while waiting for the greeting", "after DATA"…
    var stage: String {
        guard let last else { return "while waiting for its greeting" }
        if last.reply == nil {
            let command = last.command.hasPrefix("RCPT TO:") ? "RCPT TO" : last.command
            return "after the \(command) command"
        }
        if last.command == "DATA" && last.reply?.code == 354 { return "while receiving the message" }
        if last.command == "(greeting)" { return "after its greeting" }
        return "after answering \(last.command.hasPrefix("RCPT TO:") ? "RCPT TO" : last.command)"
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text = String(text.dropLast(suffix.count)) }
        return text
    }
}
