import ArgumentParser
import Foundation
import InsightsSend

/// `insights send`.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send a report folder's report.eml through an SMTP server.",
        discussion: """
            Sends REPORT_DIR/report.eml (written by `insights report --email`) with its To: and Cc:
            set to the --to and --cc addresses; --bcc recipients get it too but appear in no header.
            The body is sent unchanged. smtps://HOST[:PORT] uses TLS from the start (port 465);
            smtp://HOST[:PORT] upgrades with STARTTLS whenever the server offers it (port 587 for
            submission), and --require-tls refuses to send when it does not. The login comes from
            INSIGHTS_SMTP_USER and INSIGHTS_SMTP_PASSWORD (or --smtp-password-file), never from the
            command line. Exit status: 0 sent to everyone, 1 nobody got it (a failure, or every
            recipient refused; safe to retry), 2 some recipients were refused (the others got it),
            64 bad options or addresses.
            """)

    @Argument(help: ArgumentHelp("The report folder holding report.eml.", valueName: "report-dir"))
    var reportDirectory: String

    @Option(help: ArgumentHelp("The server: smtps://HOST[:PORT] or smtp://HOST[:PORT].", valueName: "url"))
    var smtp: String

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

    @Option(help: ArgumentHelp("A file whose first line is the SMTP password (instead of INSIGHTS_SMTP_PASSWORD).", valueName: "file"))
    var smtpPasswordFile: String?

    @Option(help: ArgumentHelp("PEM certificates of a private authority to trust for the server.", valueName: "pem"))
    var smtpCaFile: String?

    @Option(help: ArgumentHelp("Seconds to wait for the connection and each server reply.", valueName: "seconds"))
    var timeout: Int = 60

    func validate() throws {
        guard !to.isEmpty else { throw ValidationError("Give at least one --to ADDRESS.") }
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds.") }
        do {
            for address in to + cc + bcc + (from.map { [$0] } ?? []) { _ = try MailAddress(address) }
            _ = try SMTPServer(url: smtp)
        } catch {
            throw ValidationError(error.localizedDescription)
        }
    }

    func run() throws {
        let credentials = try SMTPCredentials.fromEnvironment(
            ProcessInfo.processInfo.environment, passwordFile: smtpPasswordFile)
        let server = try SMTPServer(
            url: smtp, credentials: credentials, requireTLS: requireTLS, caFile: smtpCaFile, timeoutSeconds: timeout)
        let mail = try ReportMail(
            folder: URL(fileURLWithPath: reportDirectory), to: to.map(MailAddress.init), cc: cc.map(MailAddress.init),
            bcc: bcc.map(MailAddress.init), from: from.map(MailAddress.init))
        let summary = try SMTPClient(server: server).send(message: mail.message, envelope: mail.envelope)
        for line in summary.lines { print(line) }
        // 2: some recipients got it (do not resend to everyone); 1: nobody did.
        if !summary.isComplete { throw summary.delivered.isEmpty ? ExitCode.failure : ExitCode(2) }
    }
}
