import Foundation
import InsightsTestSupport

/// A generated Turn-shaped export, small enough for the emulator (a few hundred rows): 24
/// contacts over the fortnight 2026-10-19 … 11-01 (Europe's summer time ends on 10-25), each
/// with a chat (every third one in two versions, the older last), inbound and outbound
/// messages of every built-in author type (every fifth message in two versions), chat_events
/// that close, re-open and assign (some at the instant of another event of the chat, and
/// some closes at the same instant in two chats of one contact's), contacts with consent
/// and `details`, and flow_results. Deterministic: the same files every time.
enum TurnGeneratedDataset {
    /// Writes the files (`messages.csv`, `chats.csv`, `contacts.csv`, `chat_events.csv`,
    /// `flow_results.csv`) into a new folder and returns their URLs.
    static func write(missingChat: Bool = false) throws -> [URL] {
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let start = 1_792_368_000  // 2026-10-19 00:00:00 UTC, in seconds
        func time(_ seconds: Int) -> String {
            let date = Date(timeIntervalSince1970: TimeInterval(start + seconds))
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
            return formatter.string(from: date) + " UTC"
        }
        var messages = ["id,uuid,chat_id,direction,inserted_at,updated_at,from_addr,author,author_type"]
        var chats = ["id,contact_id,owner,state,inserted_at,updated_at"]
        var contacts = ["id,urn,details,opted_in,opted_in_at,inserted_at,updated_at"]
        var events = ["id,chat_id,type,account_id,account_name,inserted_at,updated_at"]
        var results = ["uuid,contact_id,stack_uuid,session_id,question_id,response,inserted_at,updated_at"]
        let operators = [("op-1", "Thandi"), ("op-2", "Musa"), ("op-3", "Ama")]
        var messageNumber = 0
        var eventNumber = 0
        for person in 0..<24 {
            let contact = "c-\(person)"
            let chat = "ch-\(person)"
            let phone = "2782\(1_000_000 + person * 7919)"
            let first = next(5 * 86_400)
            let state = person % 4 == 0 ? "OPEN" : "CLOSED"
            if person % 3 == 0 {
                chats.append("\(chat),\(contact),+\(phone),\(state),\(time(first)),\(time(first + 12 * 86_400))")
                chats.append("\(chat),\(contact),+\(phone),OPEN,\(time(first)),\(time(first + 3600))")
            } else {
                chats.append(
                    "\(chat),\(contact),\(person % 5 == 0 ? "" : "+" + phone),\(state),\(time(first)),\(time(first + 9 * 86_400))"
                )
            }
            let consent = person % 6 == 0 ? "false,\(time(first))" : person % 2 == 0 ? "true,\(time(first))" : ","
            let details =
                "\"{\"\"name\"\": \"\"P\(person)\"\", \"\"district\"\": \"\"\(["kisumu", "nairobi", "mombasa"][person % 3])\"\"}\""
            contacts.append("\(contact),whatsapp:+\(phone),\(details),\(consent),\(time(first)),\(time(first + 86_400))")
            var at = first
            for _ in 0..<(6 + next(10)) {
                at += 600 + next(40_000)
                messageNumber += 1
                let id = "m\(messageNumber)"
                let inbound = next(2) == 0
                let author: String
                let type: String
                if inbound {
                    (author, type) = ("\"{\"\"type\"\":\"\"OWNER\"\"}\"", "OWNER")
                } else {
                    switch next(3) {
                    case 0:
                        let (op, name) = operators[next(3)]
                        (author, type) = (
                            "\"{\"\"type\"\":\"\"OPERATOR\"\",\"\"id\"\":\"\"\(op)\"\",\"\"name\"\":\"\"\(name)\"\"}\"",
                            "OPERATOR"
                        )
                    case 1:
                        author =
                            "\"{\"\"type\"\":\"\"STACK\"\",\"\"id\"\":\"\"s-1\"\",\"\"journey_uuid\"\":\"\"j-1\"\",\"\"journey_name\"\":\"\"Intro\"\"}\""
                        type = messageNumber % 2 == 0 ? "STACK" : ""
                    default: (author, type) = ("\"{\"\"type\"\":\"\"SYSTEM\"\",\"\"id\"\":\"\"crm\"\"}\"", "SYSTEM")
                    }
                }
                let target = missingChat && messageNumber == 5 ? "ch-missing" : chat
                let row =
                    "\(id),u-\(id),\(target),\(inbound ? "inbound" : "outbound"),\(time(at)),\(time(at + 2)),\(inbound ? phone : "27600000000"),\(author),\(type)"
                messages.append(row)
                if messageNumber % 5 == 0 { messages.append(row.replacingOccurrences(of: time(at + 2), with: time(at + 1))) }
                if !inbound, next(3) == 0 {
                    eventNumber += 1
                    let (op, name) = operators[next(3)]
                    let kind = ["CHAT_CLOSED", "CHAT_CLOSED", "CHAT_REOPENED", "CHAT_ASSIGNED"][next(4)]
                    // Every fourth event at the instant of the message before it (a tie with it).
                    let when = time(eventNumber % 4 == 0 ? at : at + 300)
                    events.append("e\(eventNumber),\(chat),\(kind),\(op),\(name),\(when),\(when)")
                    if eventNumber % 6 == 0 {
                        eventNumber += 1
                        events.append("e\(eventNumber),\(chat),CHAT_CLOSED,\(op),\(name),\(when),\(when)")
                    }
                }
                if inbound, next(3) == 0 {
                    let question = ["hydration_goal", "water_today", "name"][next(3)]
                    let response = [" Yes ", "no", "y"][next(3)]
                    results.append(
                        "fr\(messageNumber),\(contact),j-hyd,s-\(person)-\(next(2)),\(question),\(response),\(time(at + 1)),")
                }
            }
        }
        let folder = try TestPaths.temporaryDirectory("turn-generated")
        var files: [URL] = []
        for (name, lines) in [
            ("messages.csv", messages), ("chats.csv", chats), ("contacts.csv", contacts), ("chat_events.csv", events),
            ("flow_results.csv", results),
        ] {
            let url = folder.appendingPathComponent(name)
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
            files.append(url)
        }
        return files
    }
}
