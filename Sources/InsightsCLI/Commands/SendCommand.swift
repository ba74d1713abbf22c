import ArgumentParser
import Foundation
import InsightsSend

/// `insights send`.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send a report folder's report.eml through an SMTP server.",
        discussion: """
            Sends REPORT_DIR/report.eml (written by `insights report --email`) with its To: and Cc: \
            set to the --to and --cc addresses; --bcc recipients get it too but appear in no header. \
            The body is sent unchanged. smtps://HOST[:PORT] uses TLS from the start (port 465); \
            smtp://HOST[:PORT] upgrades with STARTTLS whenever the server offers it (port 587 for \
            submission), and --require-tls refuses to send when it does not. The login comes from \
            INSIGHTS_SMTP_USER and INSIGHTS_SMTP_PASSWORD (or --smtp-password-file), never from the \
            command line. Exit status: 0 sent to everyone, 1 nobody got it (a failure, or every \
            recipient refused; safe to retry), 2 some recipients were refused (the others got it), \
            64 bad options or addresses.
            """)

    @Argument(help: ArgumentHelp("The report folder holding report.eml.", valueName: "report-dir"))
    var reportDirectory: String

    @OptionGroup var mail: SMTPOptions

    func validate() throws {
        try mail.requireServerAndRecipient()
    }

    func run() throws {
        let server = try mail.server()
        try SMTPOptions.deliver(try mail.mail(folder: URL(fileURLWithPath: reportDirectory)), through: server)
    }
}
