import CCurl
import Foundation

/// Sends MIME messages through one SMTP server with libcurl.
///
/// One transaction for all recipients: a recipient the server refuses does not stop the others
/// (libcurl's `CURLOPT_MAIL_RCPT_ALLOWFAILS`), and the summary says who got the message. Over
/// `smtp://` the connection is upgraded with STARTTLS whenever the server offers it
/// (`CURLUSESSL_TRY`), or the send is refused without it when ``SMTPServer/requireTLS`` is set
/// (`CURLUSESSL_ALL`). The server's certificate is always verified.
public struct SMTPClient: Sendable {
    /// The server and its settings.
    public let server: SMTPServer

    /// Creates a client for `server`.
    public init(server: SMTPServer) { self.server = server }

    /// Sends `message` (its bytes unchanged; libcurl adds SMTP's dot-stuffing) to the envelope's
    /// recipients. Throws when nobody got the message for a reason other than refused recipients;
    /// returns the summary otherwise, which lists refusals (all recipients refused included).
    public func send(message: Data, envelope: Envelope) throws(SendError) -> SendSummary {
        _ = curlReady
        guard let curl = curl_easy_init() else { throw SendError(.transferFailed(code: -1, detail: "libcurl did not start")) }
        defer { curl_easy_cleanup(curl) }
        let state = TransferState(message: [UInt8](message))
        var recipients: UnsafeMutablePointer<curl_slist>?
        for recipient in envelope.recipients { recipients = curl_slist_append(recipients, "<\(recipient.text)>") }
        defer { curl_slist_free_all(recipients) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code = errorBuffer.withUnsafeMutableBufferPointer { buffer -> CURLcode in
            let context = Unmanaged.passUnretained(state).toOpaque()
            var failed = false
            func check(_ result: CURLcode) { if result != CURLE_OK { failed = true } }
            check(insights_curl_set_pointer(curl, CURLOPT_ERRORBUFFER, buffer.baseAddress))
            check(insights_curl_set_string(curl, CURLOPT_URL, server.url))
            check(insights_curl_set_string(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps"))
            check(insights_curl_set_string(curl, CURLOPT_MAIL_FROM, "<\(envelope.sender.text)>"))
            check(insights_curl_set_list(curl, CURLOPT_MAIL_RCPT, recipients))
            check(insights_curl_allow_recipient_failures(curl))
            check(insights_curl_set_long(curl, CURLOPT_UPLOAD, 1))
            check(insights_curl_set_read_function(curl, readMessage))
            check(insights_curl_set_pointer(curl, CURLOPT_READDATA, context))
            check(insights_curl_set_debug_function(curl, recordDialogue))
            check(insights_curl_set_pointer(curl, CURLOPT_DEBUGDATA, context))
            check(insights_curl_set_long(curl, CURLOPT_VERBOSE, 1))
            check(insights_curl_set_long(curl, CURLOPT_NOSIGNAL, 1))
            let policy = server.requireTLS ? CURLUSESSL_ALL : CURLUSESSL_TRY
            check(insights_curl_set_long(curl, CURLOPT_USE_SSL, Int(policy.rawValue)))
            check(insights_curl_set_long(curl, CURLOPT_SSL_VERIFYPEER, 1))
            check(insights_curl_set_long(curl, CURLOPT_SSL_VERIFYHOST, 2))
            if let caFile = server.caFile { check(insights_curl_set_string(curl, CURLOPT_CAINFO, caFile)) }
            if let credentials = server.credentials {
                check(insights_curl_set_string(curl, CURLOPT_USERNAME, credentials.user))
                check(insights_curl_set_string(curl, CURLOPT_PASSWORD, credentials.password))
            }
            let timeout = max(1, server.timeoutSeconds)
            check(insights_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT, timeout))
            check(insights_curl_set_long(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeout))
            // A stalled upload: under 1 byte a second for `timeout` seconds.
            check(insights_curl_set_long(curl, CURLOPT_LOW_SPEED_LIMIT, 1))
            check(insights_curl_set_long(curl, CURLOPT_LOW_SPEED_TIME, timeout))
            if failed { return CURLE_FAILED_INIT }
            return curl_easy_perform(curl)
        }
        let osError = insights_curl_os_errno(curl)
        var detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if detail.isEmpty { detail = String(cString: curl_easy_strerror(code)) }
        if code == CURLE_COULDNT_CONNECT && osError != 0 {
            detail = osError == Int(ECONNREFUSED) ? "connection refused" : String(cString: strerror(Int32(osError)))
        }
        return try SMTPOutcome(
            code: code, detail: detail,
            transcript: state.transcript, server: server, envelope: envelope
        ).summary()
    }
}

/// libcurl's process-wide setup, done once before the first transfer.
private let curlReady: CURLcode = insights_curl_global_init()

/// What the C callbacks share: the message being uploaded and the dialogue heard so far.
final class TransferState {
    let message: [UInt8]
    var offset = 0
    var transcript = SMTPTranscript()

    init(message: [UInt8]) { self.message = message }
}

private let readMessage: curl_read_callback = { buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
    let length = min(size * count, state.message.count - state.offset)
    state.message.withUnsafeBufferPointer { bytes in
        guard let base = bytes.baseAddress else { return }
        UnsafeMutableRawPointer(buffer).copyMemory(from: base + state.offset, byteCount: length)
    }
    state.offset += length
    return length
}

private let recordDialogue: curl_debug_callback = { _, kind, data, size, context in
    guard let data, let context else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    switch kind {
    case CURLINFO_HEADER_OUT: state.transcript.sent(text)
    case CURLINFO_HEADER_IN: state.transcript.received(text)
    default: break
    }
    return 0
}
