import Foundation
import InsightsMetrics

/// A report as a MIME message (RFC 5322, RFC 2045–2047): the email HTML with a plain-text
/// alternative, and the full page attached. CRLF line ends, base64 bodies in 76-character
/// lines, so it can be opened in a mail client or piped to `sendmail -t`.
public struct EmailMessage: Sendable {
    /// `From:`: an address or `Display Name <address>` (check it with `validateAddress`).
    public var from: String
    /// `To:`, one or more addresses separated by commas (nil writes `undisclosed-recipients:;`).
    public var to: String?
    /// `Subject:` (any Unicode).
    public var subject: String
    /// The instant in `Date:`; derived from the report, never the clock, so output is stable.
    public var date: Instant
    /// The HTML body (email.html).
    public var html: String
    /// The plain-text alternative.
    public var text: String
    /// The attached page (index.html).
    public var attachment: String
    /// The attachment's file name.
    public var attachmentName: String

    /// Creates a message.
    public init(
        from: String, to: String?, subject: String, date: Instant, html: String, text: String, attachment: String,
        attachmentName: String = "index.html"
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.html = html
        self.text = text
        self.attachment = attachment
        self.attachmentName = attachmentName
    }

    /// The message's bytes as text (ASCII only, CRLF line ends). Non-ASCII display names and
    /// subjects are RFC 2047 encoded-words; header lines are folded at 78 characters (an
    /// address longer than that stays whole on its line, and `validateAddress` keeps every
    /// line under the limit of 998).
    public func rendered() -> String {
        let id = String(fnv1a(html + text + attachment + subject + (to ?? "")), radix: 16)
        let mixed = "=_insights_mixed_\(id)"
        let alternative = "=_insights_alt_\(id)"
        var lines = [
            Self.folded("From: \(Self.encodedAddressList(from))"),
            Self.folded("To: \(to.map(Self.encodedAddressList) ?? "undisclosed-recipients:;")"),
            Self.subjectHeader(subject),
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(id).insights@insights.invalid>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"\(mixed)\"",
            "",
            "This is a MIME message: open it in a mail client.",
            "--\(mixed)",
            "Content-Type: multipart/alternative; boundary=\"\(alternative)\"",
            "",
            "--\(alternative)",
        ]
        lines += Self.part(type: "text/plain; charset=utf-8", body: text)
        lines.append("--\(alternative)")
        lines += Self.part(type: "text/html; charset=utf-8", body: html)
        lines.append("--\(alternative)--")
        lines.append("--\(mixed)")
        lines += Self.part(
            type: "text/html; charset=utf-8; name=\"\(attachmentName)\"", body: attachment,
            disposition: "attachment; filename=\"\(attachmentName)\"")
        lines.append("--\(mixed)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func part(type: String, body: String, disposition: String? = nil) -> [String] {
        var lines = ["Content-Type: \(type)", "Content-Transfer-Encoding: base64"]
        if let disposition { lines.append("Content-Disposition: \(disposition)") }
        lines.append("")
        let encoded = Data(body.utf8).base64EncodedString()
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }

    /// The `Subject:` line: as is, folded at spaces, when it is printable ASCII that folds
    /// into lines of at most 78 characters; otherwise RFC 2047 encoded-words, one per line.
    static func subjectHeader(_ subject: String) -> String {
        let printable = subject.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if printable, !subject.contains("=?") {
            let line = folded("Subject: \(subject)")
            if line.components(separatedBy: "\r\n").allSatisfy({ $0.utf8.count <= 78 }) { return line }
        }
        return folded("Subject: " + encodedWords(subject).joined(separator: " "))
    }

    /// `Sun, 01 Nov 2026 00:00:00 +0000`.
    static func rfc5322Date(_ instant: Instant) -> String {
        let seconds = floorDiv(instant, microsecondsPerSecond)
        let day = LocalDate(dayNumber: floorDiv(seconds, 86_400))
        let (year, month, dayOfMonth) = day.components
        let clock = seconds - day.dayNumber * 86_400
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[day.weekdayFromMonday]), \(two(Int64(dayOfMonth))) \(months[month - 1]) \(year) "
            + "\(two(clock / 3600)):\(two(clock % 3600 / 60)):\(two(clock % 60)) +0000"
    }

    private func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
