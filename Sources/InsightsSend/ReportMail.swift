import Foundation

/// A report folder's `report.eml` made ready to send: its `To:`/`Cc:` set to the recipients
/// (Bcc only in the envelope) and the envelope sender from its `From:` unless one is given.
public struct ReportMail: Equatable, Sendable {
    /// The message bytes to send (report.eml with the new `To:`/`Cc:`).
    public let message: Data
    /// The envelope: sender and every recipient, Bcc included.
    public let envelope: Envelope

    /// Reads `folder/report.eml` and prepares it; duplicate or invalid addresses are refused.
    public init(
        folder: URL, to: [MailAddress], cc: [MailAddress] = [], bcc: [MailAddress] = [], from: MailAddress? = nil
    ) throws(SendError) {
        let file = folder.appendingPathComponent("report.eml")
        guard let original = FileManager.default.contents(atPath: file.path) else {
            throw SendError(.noReportMessage(folder: folder.path))
        }
        try self.init(message: original, path: file.path, to: to, cc: cc, bcc: bcc, from: from)
    }

    /// Prepares message bytes already read (`path` names them in errors).
    public init(
        message original: Data, path: String, to: [MailAddress], cc: [MailAddress] = [], bcc: [MailAddress] = [],
        from: MailAddress? = nil
    ) throws(SendError) {
        let sender: MailAddress
        if let from { sender = from } else { sender = try MessageHeaders.sender(of: original, path: path) }
        let envelope = try Envelope(sender: sender, recipients: to + cc + bcc)
        self.message = try MessageHeaders.settingRecipients(of: original, to: to, cc: cc, path: path)
        self.envelope = envelope
    }
}

extension SendSummary {
    /// The summary as lines for a person: who got the message, who was refused and why.
    public var lines: [String] {
        var lines: [String] = []
        let login = authenticated ? ", logged in" : ""
        if !delivered.isEmpty {
            lines.append(
                "Sent to \(delivered.count) of \(delivered.count + refused.count) recipients (\(security.rawValue)\(login)): "
                    + delivered.map(\.text).joined(separator: ", "))
        }
        for refusal in refused {
            lines.append("Not sent to \(refusal.address.text): the server refused this recipient (\(refusal.reply)).")
        }
        if delivered.isEmpty { lines.append("Nobody got the message: the server refused every recipient.") }
        if security == .none {
            lines.append("Note: the server offered no STARTTLS, so the message went in clear text (--require-tls refuses that).")
        }
        return lines
    }
}
