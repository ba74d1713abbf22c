import Foundation

/// Where and how to send: the server URL, the login, the TLS policy and the timeout.
public struct SMTPServer: Equatable, Sendable {
    /// The URL as given: `smtps://host[:port]` (TLS from the first byte, default port 465) or
    /// `smtp://host[:port]` (STARTTLS whenever the server offers it, default port 25).
    public let url: String
    /// `smtp` or `smtps`.
    public let scheme: String
    /// The host name or address.
    public let host: String
    /// The port (explicit, or the scheme's default).
    public let port: Int
    /// The login, or nil to send without one.
    public var credentials: SMTPCredentials?
    /// Refuse to send over a connection without TLS (`smtp://` whose server offers no STARTTLS).
    public var requireTLS: Bool
    /// A PEM file of certificate authorities to trust instead of the system's.
    public var caFile: String?
    /// Seconds to wait for the connection and for each server reply.
    public var timeoutSeconds: Int

    /// Parses and checks `url`; a user or password in the URL is refused.
    public init(
        url: String, credentials: SMTPCredentials? = nil, requireTLS: Bool = false, caFile: String? = nil,
        timeoutSeconds: Int = 60
    ) throws(SendError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "smtp" || scheme == "smtps", let host = components.host, !host.isEmpty,
            components.path.isEmpty || components.path == "/", components.query == nil, components.fragment == nil
        else { throw SendError(.invalidURL(url)) }
        if components.user != nil || components.password != nil { throw SendError(.credentialsInURL) }
        self.url = url
        self.scheme = scheme
        self.host = host
        self.port = components.port ?? (scheme == "smtps" ? 465 : 25)
        self.credentials = credentials
        self.requireTLS = requireTLS
        self.caFile = caFile
        self.timeoutSeconds = timeoutSeconds
    }
}

/// An SMTP login.
public struct SMTPCredentials: Equatable, Sendable {
    /// The user name.
    public let user: String
    /// The password.
    public let password: String

    /// Creates a login.
    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// The login from `INSIGHTS_SMTP_USER` and either the first line of `passwordFile` or
    /// `INSIGHTS_SMTP_PASSWORD`; nil when neither user nor password is set.
    public static func fromEnvironment(
        _ environment: [String: String], passwordFile: String? = nil
    ) throws(SendError) -> SMTPCredentials? {
        var password = environment["INSIGHTS_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if let passwordFile {
            guard let data = FileManager.default.contents(atPath: passwordFile),
                let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first,
                !line.isEmpty
            else { throw SendError(.passwordFileUnreadable(path: passwordFile)) }
            password = String(line)
        }
        let user = environment["INSIGHTS_SMTP_USER"].flatMap { $0.isEmpty ? nil : $0 }
        switch (user, password) {
        case (nil, nil): return nil
        case (let user?, let password?): return SMTPCredentials(user: user, password: password)
        case (nil, _): throw SendError(.incompleteCredentials(missing: "user"))
        case (_, nil): throw SendError(.incompleteCredentials(missing: "password"))
        }
    }
}

/// The SMTP envelope: who the message is from and everyone who gets it (Bcc included).
public struct Envelope: Equatable, Sendable {
    /// `MAIL FROM`.
    public let sender: MailAddress
    /// `RCPT TO`, in order, each once.
    public let recipients: [MailAddress]

    /// Creates an envelope; an address given twice (compared without case) or no recipient is refused.
    public init(sender: MailAddress, recipients: [MailAddress]) throws(SendError) {
        guard !recipients.isEmpty else { throw SendError(.noRecipients) }
        var seen: Set<String> = []
        for recipient in recipients where !seen.insert(recipient.text.lowercased()).inserted {
            throw SendError(.duplicateRecipient(recipient.text))
        }
        self.sender = sender
        self.recipients = recipients
    }
}

/// What a send did: who got the message and who was refused.
public struct SendSummary: Equatable, Sendable {
    /// Recipients the server accepted (it accepted the message for them).
    public let delivered: [MailAddress]
    /// Recipients the server refused, with its reply; they did not get the message.
    public let refused: [RefusedRecipient]
    /// How the connection was protected.
    public let security: ConnectionSecurity
    /// Whether a login was made (false when no credentials were given, or the server offered no AUTH).
    public let authenticated: Bool

    /// Creates a summary.
    public init(delivered: [MailAddress], refused: [RefusedRecipient], security: ConnectionSecurity, authenticated: Bool) {
        self.delivered = delivered
        self.refused = refused
        self.security = security
        self.authenticated = authenticated
    }

    /// True when every recipient got the message.
    public var isComplete: Bool { refused.isEmpty }
}

/// A recipient the server refused.
public struct RefusedRecipient: Equatable, Sendable {
    /// The address.
    public let address: MailAddress
    /// The server's reply to `RCPT TO` (for example `550 5.1.1 … mailbox unavailable`).
    public let reply: String

    /// Creates a refusal.
    public init(address: MailAddress, reply: String) {
        self.address = address
        self.reply = reply
    }
}

/// How a connection to the SMTP server was protected.
public enum ConnectionSecurity: String, Equatable, Sendable {
    /// `smtps://`: TLS from the first byte.
    case implicitTLS = "TLS"
    /// `smtp://` upgraded with STARTTLS.
    case startTLS = "STARTTLS"
    /// Clear text: the server offered no STARTTLS.
    case none = "clear text"
}
