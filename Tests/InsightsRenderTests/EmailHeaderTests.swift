import Foundation
import InsightsMetrics
import InsightsTestSupport
import Testing

@testable import InsightsRender

/// report.eml's headers: no value adds a header, non-ASCII is RFC 2047 encoded, lines are
/// folded at 78 characters.
@Suite struct EmailHeaderTests {
    @Test func subjectsArePlainFoldedOrEncoded() {
        #expect(EmailMessage.subjectHeader("Plain subject") == "Subject: Plain subject")
        // "Test ü" is 54 65 73 74 20 C3 BC in UTF-8: base64 VGVzdCDDvA==.
        #expect(EmailMessage.subjectHeader("Test ü") == "Subject: =?UTF-8?B?VGVzdCDDvA==?=")
        // "Subject:" is 8 characters and each " abcdefghi" 10: seven fit in 78, three follow.
        let words = Array(repeating: "abcdefghi", count: 10).joined(separator: " ")
        let seven = Array(repeating: "abcdefghi", count: 7).joined(separator: " ")
        #expect(EmailMessage.subjectHeader(words) == "Subject: \(seven)\r\n abcdefghi abcdefghi abcdefghi")
        // 30 × é is 60 bytes: 21 (42 bytes, 56 base64 characters) on the first line, 9 on the next.
        #expect(
            EmailMessage.subjectHeader(String(repeating: "é", count: 30))
                == "Subject: =?UTF-8?B?w6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOp?=\r\n"
                + " =?UTF-8?B?w6nDqcOpw6nDqcOpw6nDqcOp?=")
        // A word too long to fold, or text that a reader would decode, is encoded instead.
        let long = EmailMessage.subjectHeader(String(repeating: "x", count: 120))
        #expect(long.components(separatedBy: "\r\n").count == 3)  // 42 + 42 + 36 bytes
        #expect(long.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(EmailMessage.subjectHeader("=?UTF-8?B?eA==?=").hasPrefix("Subject: =?UTF-8?B?PT9VVEYtOD9CP2VBPT0/PQ==?="))
    }

    @Test func displayNamesAreEncodedAndAddressesKept() {
        // "Zoë Müller" → Wm/DqyBNw7xsbGVy, "Ana Lúcia" → QW5hIEzDumNpYQ==.
        #expect(
            EmailMessage.encodedAddressList("Zoë Müller <zoe@example.org>") == "=?UTF-8?B?Wm/DqyBNw7xsbGVy?= <zoe@example.org>")
        #expect(
            EmailMessage.encodedAddressList("\"Zoë Müller\" <zoe@example.org>")
                == "=?UTF-8?B?Wm/DqyBNw7xsbGVy?= <zoe@example.org>")
        #expect(
            EmailMessage.encodedAddressList("Ana Lúcia <ana@example.org>,bob@example.org")
                == "=?UTF-8?B?QW5hIEzDumNpYQ==?= <ana@example.org>, bob@example.org")
        #expect(EmailMessage.encodedAddressList("\"Smith, John\" <j@example.org>") == "\"Smith, John\" <j@example.org>")
        #expect(EmailMessage.encodedAddressList("Insights <insights@localhost>") == "Insights <insights@localhost>")
    }

    @Test func longAddressListsAreFoldedAfterCommas() {
        let address = "someone.with.a.long.name@example.org"  // 36 characters
        let list = Array(repeating: address, count: 5).joined(separator: ",")
        let line = EmailMessage.folded("To: \(EmailMessage.encodedAddressList(list))")
        // "To: " + 36 + "," is 41, and 38 more would make 79: one on the first line; then
        // " " + 37 + " " + 37 = 76, two per line.
        #expect(
            line.components(separatedBy: "\r\n") == [
                "To: \(address),", " \(address), \(address),", " \(address), \(address)",
            ])
        #expect(
            line.replacingOccurrences(of: "\r\n", with: "") == "To: "
                + Array(repeating: address, count: 5).joined(separator: ", "))
    }

    @Test(arguments: [
        ("a@example.org\r\nBcc: evil@example.org", EmailAddressError.Reason.controlCharacter(0x0D)),
        ("a@example.org\nBcc: evil@example.org", .controlCharacter(0x0A)),
        ("Ana\u{0}<a@example.org>", .controlCharacter(0x00)),
        ("", .empty),
        ("a@example.org, ,b@example.org", .empty),
        ("Zoë <zoë@example.org>", .nonASCIIAddress("zoë@example.org")),
        (String(repeating: "a", count: 250) + "@x.org", .tooLong(String(repeating: "a", count: 250) + "@x.org")),
    ])
    func badAddressesAreRefused(value: String, reason: EmailAddressError.Reason) {
        #expect(throws: EmailAddressError(option: "--email-to", value: value, reason: reason)) {
            try EmailMessage.validateAddress(value, option: "--email-to")
        }
    }

    @Test func goodAddressesPassAndTheMessageIsOneSentence() throws {
        try EmailMessage.validateAddress("Zoë Müller <zoe@example.org>", option: "--email-from")
        try EmailMessage.validateAddress("a@example.org, \"Smith, John\" <j@example.org>", option: "--email-to")
        let error = EmailAddressError(
            option: "--email-to", value: "a@example.org\r\nBcc: x@example.org", reason: .controlCharacter(0x0D))
        #expect(
            error.localizedDescription
                == "--email-to \"a@example.org\\u{d}\\u{a}Bcc: x@example.org\" holds a control character (U+000D), "
                + "which would add lines to the message's headers; give the address on one line")
    }

    @Test func aRenderedMessageHasNoInjectedHeaderAndShortHeaderLines() throws {
        let message = EmailMessage(
            from: "Zoë Müller <zoe@example.org>", to: "a@example.org\r\nBcc: evil@example.org",
            subject: "Sunrise Health Helpline (demo): Insights report, October 2026 — with a long tail ü",
            date: utc("2026-11-01T00:00"), html: "<p>x</p>", text: "x", attachment: "<p>page</p>")
        let text = message.rendered()
        let header = try #require(text.components(separatedBy: "\r\n\r\n").first)
        let lines = header.components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.hasPrefix("Bcc:") })
        #expect(lines.contains("To: a@example.org  Bcc: evil@example.org"))  // one header, nothing added
        #expect(lines.contains("From: =?UTF-8?B?Wm/DqyBNw7xsbGVy?= <zoe@example.org>"))
        #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "\(lines)")
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }
}
