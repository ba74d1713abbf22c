import Foundation
import InsightsTestSupport

/// A generated Turn-shaped export, small enough for the emulator (a few hundred rows): 24
/// contacts over the fortnight 2026-10-19 … 11-01 (Europe's summer time ends on 10-25), each
/// with a chat (every third one in two versions, the older last), inbound and outbound
/// messages of every built-in author type (every fifth message in two versions), chat_events
/// that close, re-open and assign (some at the instant of another event of the chat, and
/// some closes at the same instant in two chats of one contact's), contacts with consent
/// and `details`, flow_results (some sessions with two results at one instant), and statuses
/// of outbound messages (by `message_id`, or `message_uuid` for every fourth message; words in
/// several cases; failures with WhatsApp `errors` arrays, plain text or `[]`; some in two
/// versions, some timed by `inserted_at` only). Deterministic: the same files every time.
enum TurnGeneratedDataset {
    /// Writes the files (`messages.csv`, `chats.csv`, `contacts.csv`, `chat_events.csv`,
    /// `flow_results.csv`, `statuses.csv`) into a new folder and returns their URLs.
    static func write(missingChat: Bool = false) throws -> [URL] {
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        // The statuses' own sequence, so that the other tables stay as they were.
        var statusSeed: UInt64 = 11
        func chance(_ bound: Int) -> Int {
            statusSeed = statusSeed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((statusSeed >> 33) % UInt64(bound))
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
        var statuses = ["id,message_id,message_uuid,status,timestamp,errors,inserted_at,updated_at"]
        var statusNumber = 0
        let errors = [
            "\"[{\"\"code\"\": 131047, \"\"title\"\": \"\"Re-engagement message\"\"}]\"",
            "\"[{\"\"code\"\": 131026, \"\"message\"\": \"\"Message undeliverable\"\"}, {\"\"code\"\": 470}]\"",
            "Timeout", "[]", "",
        ]
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
                if !inbound {
                    // sent, then delivered and read, or failed; every fourth by message_uuid.
                    let message = messageNumber % 4 == 0 ? ",u-\(id)" : "\(id),"
                    var steps = [(["sent", "SENT", "Sent"][chance(3)], 1, "")]
                    if chance(6) == 0 {
                        steps.append(("failed", 2 + chance(60), errors[chance(errors.count)]))
                    } else if chance(5) > 0 {
                        steps.append((chance(2) == 0 ? "delivered" : "DELIVERED", 3 + chance(30), ""))
                        if chance(2) == 0 { steps.append((chance(2) == 0 ? "read" : "Read", 40 + chance(9000), "")) }
                    }
                    for (word, delay, error) in steps {
                        statusNumber += 1
                        let when = time(at + delay)
                        // Every seventh timed by inserted_at only; every fifth in an older version too.
                        let timed = statusNumber % 7 == 0 ? ",\(error),\(when)" : "\(when),\(error),\(when)"
                        let row = "\(statusNumber),\(message),\(word),\(timed),\(time(at + delay + 5))"
                        statuses.append(row)
                        if statusNumber % 5 == 0 {
                            statuses.append("\(statusNumber),\(message),sent,\(when),,\(when),\(time(at + delay + 4))")
                        }
                    }
                }
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
                    let session = "s-\(person)-\(next(2))"
                    results.append("fr\(messageNumber),\(contact),j-hyd,\(session),\(question),\(response),\(time(at + 1)),")
                    // Every fourth with a second result at the same instant (a later uuid).
                    if messageNumber % 4 == 0 {
                        results.append("fr\(messageNumber)a,\(contact),j-hyd,\(session),hydration_done,ok,\(time(at + 1)),")
                    }
                }
            }
        }
        // A late session (11-01 00:00): in progress for a timeout longer than the 4 days at most
        // to the newest instant (a chat's updated_at, 17 days after the start at most).
        results.append("fr-late,c-0,j-hyd,s-late,water_today,y,\(time(13 * 86_400)),")
        let folder = try TestPaths.temporaryDirectory("turn-generated")
        var files: [URL] = []
        for (name, lines) in [
            ("messages.csv", messages), ("chats.csv", chats), ("contacts.csv", contacts), ("chat_events.csv", events),
            ("flow_results.csv", results), ("statuses.csv", statuses),
        ] {
            let url = folder.appendingPathComponent(name)
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
            files.append(url)
        }
        return files
    }
}
