import CCurl

/// libcurl's result code and the dialogue, read as a summary or one ``SendError``.
struct SMTPOutcome {
    var code: CURLcode
    var detail: String
    var transcript: SMTPTranscript
    var server: SMTPServer
    var envelope: Envelope

    func summary() throws(SendError) -> SendSummary {
        switch code {
        case CURLE_OK:
            return recipientSummary()
        case CURLE_SEND_ERROR:
            let replies = transcript.recipientReplies
            if replies.count == envelope.recipients.count, replies.allSatisfy({ ($0.reply?.code ?? 0) >= 400 }) {
                return recipientSummary()
            }
            if let reply = transcript.reply(to: "MAIL"), reply.code >= 400 {
                if reply.code == 530 { throw SendError(.authenticationRequired(reply: reply.text)) }
                throw SendError(.senderRefused(envelope.sender.text, reply: reply.text))
            }
            if let reply = transcript.reply(to: "DATA"), reply.code >= 400 {
                throw SendError(.messageRejected(reply: reply.text))
            }
            throw SendError(.connectionDropped(during: transcript.stage))
        case CURLE_COULDNT_RESOLVE_HOST:
            throw SendError(.hostNotFound(host: server.host))
        case CURLE_COULDNT_CONNECT:
            throw SendError(.connectionRefused(host: server.host, port: server.port, detail: detail))
        case CURLE_OPERATION_TIMEDOUT:
            throw SendError(.timedOut(seconds: max(1, server.timeoutSeconds), during: transcript.stage))
        case CURLE_LOGIN_DENIED:
            let reply = transcript.exchanges.last { $0.command.hasPrefix("AUTH") }?.reply
            throw SendError(.authenticationFailed(reply: reply?.text ?? detail))
        case CURLE_PEER_FAILED_VERIFICATION:
            throw SendError(.certificateUntrusted(host: server.host, detail: detail))
        case CURLE_SSL_CONNECT_ERROR:
            throw SendError(.tlsFailed(detail: detail))
        case CURLE_USE_SSL_FAILED:
            throw SendError(.tlsNotOffered(host: server.host))
        case CURLE_SSL_CACERT_BADFILE:
            throw SendError(.caFileUnreadable(path: server.caFile ?? ""))
        case CURLE_RECV_ERROR, CURLE_GOT_NOTHING:
            throw SendError(.connectionDropped(during: transcript.stage))
        case CURLE_WEIRD_SERVER_REPLY:
            if let reply = transcript.reply(to: "(end of data)"), reply.code >= 400 {
                throw SendError(.messageRejected(reply: reply.text))
            }
            if transcript.last?.reply == nil { throw SendError(.connectionDropped(during: transcript.stage)) }
            throw SendError(.transferFailed(code: Int(code.rawValue), detail: detail))
        default:
            throw SendError(.transferFailed(code: Int(code.rawValue), detail: detail))
        }
    }

    private func recipientSummary() -> SendSummary {
        var delivered: [MailAddress] = []
        var refused: [RefusedRecipient] = []
        let replies = transcript.recipientReplies
        for (index, recipient) in envelope.recipients.enumerated() {
            let reply = index < replies.count ? replies[index].reply : nil
            if let reply, reply.code / 100 == 2 {
                delivered.append(recipient)
            } else {
                refused.append(RefusedRecipient(address: recipient, reply: reply?.text ?? "no reply"))
            }
        }
        let security: ConnectionSecurity =
            server.scheme == "smtps" ? .implicitTLS : transcript.startedTLS ? .startTLS : .none
        return SendSummary(
            delivered: delivered, refused: refused, security: security, authenticated: transcript.authenticated)
    }
}
