import ArgumentParser
import Foundation
import InsightsSend

/// The SMTP server, recipients and login of `insights send` and `insights archive --send`.
struct SMTPOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The server: smtps://HOST[:PORT] or smtp://HOST[:PORT].", valueName: "url"))
    var smtp: String?

    @Option(help: ArgumentHelp("A recipient shown in To: (repeat for more).", valueName: "address"))
    var to: [String] = []

    @Option(help: ArgumentHelp("A recipient shown in Cc: (repeat for more).", valueName: "address"))
    var cc: [String] = []

    @Option(help: ArgumentHelp("A recipient in no header (repeat for more).", valueName: "address"))
    var bcc: [String] = []

    @Option(help: ArgumentHelp("The envelope sender (default: the address in report.eml's From:).", valueName: "address"))
    var from: String?

    @Flag(help: "Refuse to send unless the connection uses TLS (smtps:// or STARTTLS).")
    var requireTLS = false

    @Option(
        help: ArgumentHelp("A file whose first line is the SMTP password (instead of INSIGHTS_SMTP_PASSWORD).", valueName: "file")
    )
    var smtpPasswordFile: String?

    @Option(help: ArgumentHelp("PEM certificates of a private authority to trust for the server.", valueName: "pem"))
    var smtpCaFile: String?

    @Option(help: ArgumentHelp("Seconds to wait for the connection and each server reply.", valueName: "seconds"))
    var timeout: Int = 60

    /// Whether any of these options was given (`archive` takes them only with `--send`).
    var isGiven: Bool {
        smtp != nil || !(to + cc + bcc).isEmpty || from != nil || requireTLS || smtpPasswordFile != nil
            || smtpCaFile != nil
    }

    /// Checks the values given; ``requireServerAndRecipient()`` checks that the needed ones are there.
    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds.") }
        do {
            for address in to + cc + bcc + (from.map { [$0] } ?? []) { _ = try MailAddress(address) }
            if let smtp { _ = try SMTPServer(url: smtp) }
        } catch {
            throw ValidationError(error.localizedDescription)
        }
    }

    /// Refuses options without a server or without a `--to`.
    func requireServerAndRecipient() throws {
        guard smtp != nil else { throw ValidationError("Give the SMTP server with --smtp URL.") }
        guard !to.isEmpty else { throw ValidationError("Give at least one --to ADDRESS.") }
    }

    /// The server with the login from the environment (or `--smtp-password-file`).
    func server() throws -> SMTPServer {
        let credentials = try SMTPCredentials.fromEnvironment(
            ProcessInfo.processInfo.environment, passwordFile: smtpPasswordFile)
        return try SMTPServer(
            url: smtp ?? "", credentials: credentials, requireTLS: requireTLS, caFile: smtpCaFile, timeoutSeconds: timeout)
    }

    /// `folder/report.eml` with these recipients.
    func mail(folder: URL) throws -> ReportMail {
        try ReportMail(
            folder: folder, to: to.map(MailAddress.init), cc: cc.map(MailAddress.init), bcc: bcc.map(MailAddress.init),
            from: from.map(MailAddress.init))
    }

    /// `message` (a report.eml read from `path`) with these recipients.
    func mail(message: Data, path: String) throws -> ReportMail {
        try ReportMail(
            message: message, path: path, to: to.map(MailAddress.init), cc: cc.map(MailAddress.init),
            bcc: bcc.map(MailAddress.init), from: from.map(MailAddress.init))
    }

    /// Sends `mail` through `server` and prints who got it; throws the exit status `send`
    /// documents when not everyone did (1 nobody, 2 some recipients refused).
    static func deliver(_ mail: ReportMail, through server: SMTPServer, recorded: (SendSummary) throws -> Void = { _ in }) throws
    {
        let summary = try SMTPClient(server: server).send(message: mail.message, envelope: mail.envelope)
        for line in summary.lines { print(line) }
        if !summary.delivered.isEmpty { try recorded(summary) }
        // 2: some recipients got it (do not resend to everyone); 1: nobody did.
        if !summary.isComplete { throw summary.delivered.isEmpty ? ExitCode.failure : ExitCode(2) }
    }
}
