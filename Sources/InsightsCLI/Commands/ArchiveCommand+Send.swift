import ArgumentParser
import Foundation
import InsightsJobs
import InsightsRender
import InsightsSend
import InsightsStore

/// `insights archive --send`: the newest month's report.eml, sent once for each version of it.
extension ArchiveCommand {
    /// `--send` needs a server and a recipient; the sending options need `--send`.
    func validateSending() throws {
        if send {
            try mail.requireServerAndRecipient()
        } else if mail.isGiven || emailFrom != nil {
            throw ValidationError("--smtp, --to and the other sending options are used only with --send.")
        }
        do { try emailFrom.map { try EmailMessage.validateAddress($0, option: "--email-from") } } catch {
            throw ValidationError(error.localizedDescription + ".")
        }
    }

    /// The newest month's email headers, with `--send`.
    var email: ReportJob<Store>.Email? { send ? .init(from: emailFrom) : nil }

    /// Sends the newest month's report.eml unless exactly that message was sent before, and
    /// remembers it once at least one recipient got it. Nobody getting it is exit 1 (the next
    /// run sends it), some recipients refused exit 2, as for `insights send`.
    func sendNewest(of result: ArchiveJob.Result, through server: SMTPServer) throws {
        guard let month = result.months.last else { return }
        guard let delivery = try ArchiveDelivery.pending(in: result.folder, month: month) else {
            print("The \(month) report was sent before and has not changed since; nothing sent.")
            return
        }
        do {
            let message = try mail.mail(message: delivery.message, path: delivery.path)
            try SMTPOptions.deliver(message, through: server) { _ in try delivery.recordSent(in: result.folder) }
        } catch let error as SendError {
            printError("Error: \(error.localizedDescription)")
            printError("The archive is written; the \(month) report was not sent, and the next run sends it.")
            throw ExitCode.failure
        }
    }
}
