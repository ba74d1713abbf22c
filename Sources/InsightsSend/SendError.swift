import Foundation

/// Why a report could not be sent: one sentence per failure, saying what happened and the fix.
public struct SendError: LocalizedError, Equatable, Sendable {
    /// What went wrong.
    public let reason: Reason

    /// Creates an error.
    public init(_ reason: Reason) { self.reason = reason }

    /// The failures of preparing and sending a message.
    public enum Reason: Equatable, Sendable {
        /// An address given for the envelope or a header is refused.
        case invalidAddress(String, MailAddress.Problem)
        /// The same address is given twice (for example in `--to` and `--bcc`).
        case duplicateRecipient(String)
        /// No recipient at all.
        case noRecipients
        /// The server URL is not `smtp://host[:port]` or `smtps://host[:port]`.
        case invalidURL(String)
        /// The server URL carries a user or password, which belong in the environment or a file.
        case credentialsInURL
        /// A user without a password, or a password without a user.
        case incompleteCredentials(missing: String)
        /// The password file cannot be read or is empty.
        case passwordFileUnreadable(path: String)
        /// The report folder has no report.eml.
        case noReportMessage(folder: String)
        /// The message file has no header, or no blank line ending it.
        case malformedMessage(path: String, detail: String)
        /// The message has no usable `From:` for the envelope sender.
        case noSender(path: String, detail: String)
        /// The host name does not resolve.
        case hostNotFound(host: String)
        /// Nothing listens at the host and port, or the connection was refused.
        case connectionRefused(host: String, port: Int, detail: String)
        /// The server did not answer within the timeout.
        case timedOut(seconds: Int, during: String)
        /// The server closed the connection before the message was accepted.
        case connectionDropped(during: String)
        /// The user and password were refused.
        case authenticationFailed(reply: String)
        /// The server wants a login and none was given.
        case authenticationRequired(reply: String)
        /// The server's certificate is not trusted (self-signed, unknown authority, wrong name).
        case certificateUntrusted(host: String, detail: String)
        /// The TLS handshake failed.
        case tlsFailed(detail: String)
        /// TLS was required and the server does not offer STARTTLS.
        case tlsNotOffered(host: String)
        /// The `--smtp-ca-file` cannot be read as PEM certificates.
        case caFileUnreadable(path: String)
        /// The server refused the envelope sender.
        case senderRefused(String, reply: String)
        /// The server refused the message after receiving it: nobody got it.
        case messageRejected(reply: String)
        /// Any other libcurl failure, with its code and text.
        case transferFailed(code: Int, detail: String)
    }

    /// The error as one sentence.
    public var errorDescription: String? {
        switch reason {
        case .invalidAddress(let text, let problem):
            let shown = text.unicodeScalars.map {
                $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0)
            }.joined()
            switch problem {
            case .empty: return "An empty address was given: give an address like name@example.org."
            case .controlCharacter:
                return
                    "The address \"\(shown)\" contains a control character (CR, LF or another) and is refused so no header can be injected."
            case .nonASCII:
                return "The address \"\(text)\" has non-ASCII characters: give its ASCII form (punycode domain)."
            case .notBare:
                return
                    "The address \"\(text)\" is not a bare address: give name@example.org without a display name, brackets, spaces or commas."
            case .notAnAddress:
                return "\"\(text)\" is not an address like name@example.org."
            }
        case .duplicateRecipient(let address):
            return "The address \(address) is given twice: give each recipient once, in --to, --cc or --bcc."
        case .noRecipients:
            return "No recipient was given: add --to ADDRESS."
        case .invalidURL(let url):
            return "The SMTP URL \"\(url)\" is not smtp://HOST[:PORT] (STARTTLS when offered) or smtps://HOST[:PORT] (TLS)."
        case .credentialsInURL:
            return
                "The SMTP URL must not contain a user or password: set INSIGHTS_SMTP_USER and INSIGHTS_SMTP_PASSWORD (or --smtp-password-file) instead."
        case .incompleteCredentials(let missing):
            return
                "A login needs both a user and a password, and the \(missing) is missing: set INSIGHTS_SMTP_USER and INSIGHTS_SMTP_PASSWORD (or --smtp-password-file)."
        case .passwordFileUnreadable(let path):
            return "The password file \(path) cannot be read or is empty."
        case .noReportMessage(let folder):
            return "\(folder) has no report.eml: write one with `insights report --email --out \(folder)`."
        case .malformedMessage(let path, let detail):
            return "\(path) is not a MIME message: \(detail)."
        case .noSender(let path, let detail):
            return "\(path) has no usable sender (\(detail)): give --from ADDRESS."
        case .hostNotFound(let host):
            return "The SMTP host \(host) was not found: check the name in --smtp."
        case .connectionRefused(let host, let port, let detail):
            return
                "Could not connect to \(host):\(port) (\(detail)): check that the SMTP server runs and the port in --smtp is right; nothing was sent."
        case .timedOut(let seconds, let during):
            return
                "The SMTP server did not answer within \(seconds) seconds (\(during)) and did not accept the message, so it counts as not sent."
        case .connectionDropped(let during):
            return "The SMTP server closed the connection \(during), before accepting the message, so it counts as not sent."
        case .authenticationFailed(let reply):
            return "The SMTP server refused the user and password (\(reply)): check INSIGHTS_SMTP_USER and the password."
        case .authenticationRequired(let reply):
            return
                "The SMTP server requires a login (\(reply)): set INSIGHTS_SMTP_USER and INSIGHTS_SMTP_PASSWORD (or --smtp-password-file)."
        case .certificateUntrusted(let host, let detail):
            return
                "The TLS certificate of \(host) is not trusted (\(detail)): if it comes from a private authority, pass its certificate with --smtp-ca-file PEM; nothing was sent."
        case .tlsFailed(let detail):
            return "The TLS handshake with the SMTP server failed (\(detail)); nothing was sent."
        case .tlsNotOffered(let host):
            return "\(host) does not offer STARTTLS and --require-tls refuses to send in clear text; nothing was sent."
        case .caFileUnreadable(let path):
            return "The certificate file \(path) cannot be read as PEM certificates (--smtp-ca-file)."
        case .senderRefused(let sender, let reply):
            return
                "The SMTP server refused the sender \(sender) (\(reply)): give an address it accepts with --from; nothing was sent."
        case .messageRejected(let reply):
            return "The SMTP server refused the message after receiving it (\(reply)); nobody got it."
        case .transferFailed(let code, let detail):
            return "Sending failed (libcurl error \(code): \(detail)); nothing was sent."
        }
    }
}
