import Foundation
import InsightsTestSupport
import Testing

@testable import InsightsSend

/// The pure part: `To:`/`Cc:` rewriting, the envelope sender, addresses, URLs and envelopes.
@Suite(.temporaryFolders)
struct MessageHeadersTests {
    private func addresses(_ texts: [String]) throws -> [MailAddress] { try texts.map { try MailAddress($0) } }

    @Test func replacesToAndCcRemovesBccAndKeepsTheRestByteForByte() throws {
        let message = Data(
            ("From: Insights <insights@localhost>\r\nTo: old@example.org,\r\n older@example.org\r\nSubject: Monthly\r\n"
                + "Bcc: hidden@example.org\r\ncc: gone@example.org\r\nMIME-Version: 1.0\r\n\r\n"
                + ".body line\r\nTo: not-a-header@example.org\r\n").utf8)
        let rewritten = try MessageHeaders.settingRecipients(
            of: message, to: addresses(["a@example.org", "b@example.org"]), cc: addresses(["c@example.org"]))
        // The new To:/Cc: sit where the old To: was; the folded old To:, the Bcc: and the lower-case
        // cc: are gone; the body (a To: line in it included) is untouched.
        let expected =
            "From: Insights <insights@localhost>\r\nTo: a@example.org, b@example.org\r\nCc: c@example.org\r\n"
            + "Subject: Monthly\r\nMIME-Version: 1.0\r\n\r\n.body line\r\nTo: not-a-header@example.org\r\n"
        #expect(String(decoding: rewritten, as: UTF8.self) == expected)
    }

    @Test func foldsALongRecipientListBefore78Columns() throws {
        let message = Data("From: a@example.org\r\nTo: x@example.org\r\n\r\nbody\r\n".utf8)
        let rewritten = try MessageHeaders.settingRecipients(
            of: message, to: addresses((1...5).map { "recipient\($0)@example.org" }), cc: [])
        // "To: " (4) + three "recipientN@example.org," (23) with two spaces = 75 columns; a fourth
        // would reach 99, so it starts a continuation line. No Cc: when there is none.
        let expected =
            "From: a@example.org\r\nTo: recipient1@example.org, recipient2@example.org, recipient3@example.org,\r\n"
            + " recipient4@example.org, recipient5@example.org\r\n\r\nbody\r\n"
        #expect(String(decoding: rewritten, as: UTF8.self) == expected)
    }

    @Test func aMessageWithoutToGetsItAfterFromWithItsOwnLineEnds() throws {
        let message = Data("Subject: s\nFrom: a@example.org\nDate: today\n\nbody\n".utf8)
        let rewritten = try MessageHeaders.settingRecipients(
            of: message, to: addresses(["x@example.org"]), cc: addresses(["y@example.org"]))
        #expect(
            String(decoding: rewritten, as: UTF8.self)
                == "Subject: s\nFrom: a@example.org\nTo: x@example.org\nCc: y@example.org\nDate: today\n\nbody\n")
    }

    @Test func theEnvelopeSenderIsTheAddressInFrom() throws {
        let named = Data("From: Insights <insights@localhost>\r\nTo: x@example.org\r\n\r\n".utf8)
        #expect(try MessageHeaders.sender(of: named) == MailAddress("insights@localhost"))
        let bare = Data("From:  reports@example.org \r\n\r\n".utf8)
        #expect(try MessageHeaders.sender(of: bare) == MailAddress("reports@example.org"))
        let none = Data("To: x@example.org\r\n\r\nbody".utf8)
        #expect(throws: SendError(.noSender(path: "report.eml", detail: "no From: header"))) {
            try MessageHeaders.sender(of: none)
        }
        let list = Data("From: a@example.org, b@example.org\r\n\r\n".utf8)
        #expect(throws: SendError(.noSender(path: "report.eml", detail: "From: a@example.org, b@example.org is not one address")))
        {
            try MessageHeaders.sender(of: list)
        }
    }

    @Test func aMessageWithoutABlankLineIsRefused() {
        #expect(throws: SendError(.malformedMessage(path: "r.eml", detail: "no blank line ends its header"))) {
            try MessageHeaders.settingRecipients(
                of: Data("From: a@example.org\r\nSubject: s\r\n".utf8), to: [], cc: [], path: "r.eml")
        }
    }

    @Test(arguments: [
        ("a@example.org\r\nBcc: evil@example.org", MailAddress.Problem.controlCharacter),
        ("a@example.org\n", .controlCharacter),
        ("a\u{7F}@example.org", .controlCharacter),
        ("", .empty),
        ("Jane <jane@example.org>", .notBare),
        ("a@example.org,b@example.org", .notBare),
        ("jané@example.org", .nonASCII),
        ("no-at-sign", .notAnAddress),
        ("a@b@c", .notAnAddress),
        ("@example.org", .notAnAddress),
    ])
    func badAddressesAreRefused(text: String, problem: MailAddress.Problem) {
        #expect(throws: SendError(.invalidAddress(text, problem))) { try MailAddress(text) }
    }

    @Test func theControlCharacterSentenceShowsTheCharacter() {
        let error = SendError(.invalidAddress("a@b.org\r\nX", .controlCharacter))
        #expect(
            error.localizedDescription
                == "The address \"a@b.org\\u{d}\\u{a}X\" contains a control character (CR, LF or another) and is refused so no header can be injected."
        )
    }

    @Test func envelopesRefuseDuplicatesAndEmptiness() throws {
        let sender = try MailAddress("s@example.org")
        #expect(throws: SendError(.duplicateRecipient("A@example.org"))) {
            try Envelope(sender: sender, recipients: addresses(["a@example.org", "b@example.org", "A@example.org"]))
        }
        #expect(throws: SendError(.noRecipients)) { try Envelope(sender: sender, recipients: []) }
    }

    @Test func serverURLs() throws {
        let submission = try SMTPServer(url: "smtp://mail.example.org:587")
        #expect(submission.scheme == "smtp" && submission.host == "mail.example.org" && submission.port == 587)
        #expect(try SMTPServer(url: "smtps://mail.example.org").port == 465)
        #expect(try SMTPServer(url: "smtp://mail.example.org").port == 25)
        #expect(throws: SendError(.credentialsInURL)) { try SMTPServer(url: "smtp://me:secret@mail.example.org") }
        #expect(throws: SendError(.invalidURL("https://mail.example.org"))) { try SMTPServer(url: "https://mail.example.org") }
        #expect(throws: SendError(.invalidURL("mail.example.org"))) { try SMTPServer(url: "mail.example.org") }
    }

    @Test func credentialsComeFromTheEnvironmentOrAPasswordFile() throws {
        #expect(try SMTPCredentials.fromEnvironment([:]) == nil)
        #expect(
            try SMTPCredentials.fromEnvironment(["INSIGHTS_SMTP_USER": "u", "INSIGHTS_SMTP_PASSWORD": "p"])
                == SMTPCredentials(user: "u", password: "p"))
        #expect(throws: SendError(.incompleteCredentials(missing: "password"))) {
            try SMTPCredentials.fromEnvironment(["INSIGHTS_SMTP_USER": "u"])
        }
        #expect(throws: SendError(.incompleteCredentials(missing: "user"))) {
            try SMTPCredentials.fromEnvironment(["INSIGHTS_SMTP_PASSWORD": "p"])
        }
        let file = try TestPaths.temporaryDirectory("password").appendingPathComponent("pw")
        try Data("from file\nsecond line\n".utf8).write(to: file)
        // The file wins over the environment's password, and only its first line counts.
        #expect(
            try SMTPCredentials.fromEnvironment(
                ["INSIGHTS_SMTP_USER": "u", "INSIGHTS_SMTP_PASSWORD": "p"], passwordFile: file.path)
                == SMTPCredentials(user: "u", password: "from file"))
        #expect(throws: SendError(.passwordFileUnreadable(path: "/nonexistent/pw"))) {
            try SMTPCredentials.fromEnvironment(["INSIGHTS_SMTP_USER": "u"], passwordFile: "/nonexistent/pw")
        }
    }
}

/// Reading the SMTP dialogue back.
struct SMTPTranscriptTests {
    @Test func repliesAreMatchedToRecipientsAndCredentialsAreNotKept() {
        var transcript = SMTPTranscript()
        transcript.received("220 insights-test ESMTP\r\n")
        transcript.sent("EHLO client\r\n")
        transcript.received("250-insights-test\r\n")
        transcript.received("250-AUTH LOGIN PLAIN\r\n250 HELP\r\n")
        transcript.sent("AUTH PLAIN AHVzZXIAc2VjcmV0\r\n")
        transcript.received("235 2.7.0 Authentication successful\r\n")
        transcript.sent("MAIL FROM:<s@example.org>\r\n")
        transcript.received("250 OK\r\n")
        transcript.sent("RCPT TO:<a@example.org>\r\n")
        transcript.received("250 2.1.5 OK\r\n")
        transcript.sent("RCPT TO:<b@example.org>\r\n")
        transcript.received("550-5.1.1 <b@example.org>: no such\r\n550 5.1.1 mailbox\r\n")
        transcript.sent("DATA\r\n")
        transcript.received("354 End data with <CR><LF>.<CR><LF>\r\n")
        transcript.received("250 2.0.0 queued\r\n")
        let replies = transcript.recipientReplies
        #expect(replies.map(\.address) == ["a@example.org", "b@example.org"])
        #expect(
            replies.map(\.reply) == [
                .init(code: 250, text: "250 2.1.5 OK"),
                .init(code: 550, text: "550 5.1.1 <b@example.org>: no such 5.1.1 mailbox"),
            ])
        #expect(transcript.authenticated)
        #expect(transcript.reply(to: "(end of data)") == .init(code: 250, text: "250 2.0.0 queued"))
        #expect(
            transcript.exchanges.map(\.command) == [
                "(greeting)", "EHLO", "AUTH PLAIN", "MAIL", "RCPT TO:<a@example.org>", "RCPT TO:<b@example.org>", "DATA",
                "(end of data)",
            ])
    }

    @Test func theStageNamesTheUnansweredCommand() {
        var transcript = SMTPTranscript()
        #expect(transcript.stage == "while waiting for its greeting")
        transcript.received("220 hi\r\n")
        transcript.sent("EHLO client\r\n")
        #expect(transcript.stage == "after the EHLO command")
        transcript.received("250 hi\r\n")
        transcript.sent("DATA\r\n")
        transcript.received("354 go\r\n")
        #expect(transcript.stage == "while receiving the message")
    }
}
