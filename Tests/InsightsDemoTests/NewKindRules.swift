import Foundation
import InsightsDemo
import Testing

/// The Stack authors, which are the Journeys, with their names.
let journeyNames = [
    "stack-onboarding": "Onboarding", "stack-main-menu": "Main menu", "stack-antenatal-check-in": "Antenatal check-in",
    "stack-quit-smoking-coach": "Quit smoking coach", "stack-nutrition-quiz": "Nutrition quiz",
]

/// The rules of the newer kinds and of the contacts' consent and fields columns.
func checkNewKindRules(_ parsed: ParsedDataset, _ configuration: DemoConfiguration) throws {
    let span = configuration.interval
    var created: [String: Int64] = [:]
    var inboundTimes: [String: Set<Int64>] = [:]
    var outbound: [String: (time: Int64, type: String)] = [:]
    for row in parsed.contacts.records { created[row["contact_id"]!] = parseTimestamp(row["created_at"]!)! }
    for row in parsed.messages.records {
        let time = parseTimestamp(row["timestamp"]!)!
        if row["direction"] == "inbound" {
            inboundTimes[row["contact_id"]!, default: []].insert(time)
        } else {
            outbound[row["message_id"]!] = (time, row["author_type"]!)
        }
    }

    // Contacts: consent after creation; fields a JSON object of scalars.
    for row in parsed.contacts.records {
        let id = row["contact_id"]!
        var optedIn: Int64?
        var optedOut: Int64?
        if row["opted_in_at"] != "" {
            let time = try #require(parseTimestamp(row["opted_in_at"]!))
            optedIn = time
        }
        if row["opted_out_at"] != "" {
            let time = try #require(parseTimestamp(row["opted_out_at"]!))
            optedOut = time
        }
        if let optedIn { #expect(span.contains(optedIn) && optedIn >= created[id]!, "\(id) opted in") }
        if let optedOut {
            let optedIn = try #require(optedIn, "\(id) opted out but never in")
            #expect(span.contains(optedOut) && optedOut != optedIn, "\(id) opted out")
        }
        let fields = row["fields"]!
        guard !fields.isEmpty else { continue }
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(fields.utf8)) as? [String: Any], "\(id) fields \(fields)")
        #expect(Set(object.keys).isSubset(of: ["district", "cohort", "language"]), "\(fields)")
        for value in object.values { #expect(value is String || value is NSNumber, "\(fields)") }
        #expect(object["cohort"] is Int, "\(fields): cohort")
    }

    // Statuses: of outbound messages sent since the export began, one message's rows together
    // and in order (sent, then delivered or failed, then read), never after the data ends.
    let rank = ["sent": 0, "delivered": 1, "failed": 1, "read": 2]
    var seen = Set<String>()
    var current = ""
    var rows: [(status: String, time: Int64, error: String)] = []
    func checkMessage() {
        guard let message = outbound[current] else {
            Issue.record("status of \(current), which is no outbound message")
            return
        }
        #expect(message.time >= DemoConfiguration.statusExportStart, "\(current): status before the export began")
        let statuses = rows.map(\.status)
        #expect(Set(statuses).count == statuses.count, "\(current): \(statuses)")
        #expect(!(statuses.contains("failed") && statuses.count > 2), "\(current): \(statuses)")
        for (a, b) in zip(rows, rows.dropFirst()) {
            #expect(rank[a.status]! < rank[b.status]! && a.time <= b.time, "\(current): \(rows)")
        }
        if statuses == ["read"] {
            // Read at once: the network's clock may be up to two seconds behind the service's.
            #expect(rows[0].time >= message.time - 2, "\(current) read at once")
        } else {
            #expect(rows[0].time >= message.time, "\(current): status before the message")
        }
        for row in rows {
            #expect(rank[row.status] != nil && span.contains(row.time), "\(current): \(row)")
            #expect(row.status == "failed" || row.error.isEmpty, "\(current): error of \(row.status)")
        }
    }
    for row in parsed.messageStatuses.records {
        let id = row["message_id"]!
        if id != current {
            if !rows.isEmpty { checkMessage() }
            #expect(seen.insert(id).inserted, "statuses of \(id) not together")
            current = id
            rows = []
        }
        rows.append((row["status"]!, try #require(parseTimestamp(row["timestamp"]!)), row["error"]!))
    }
    if !rows.isEmpty { checkMessage() }

    // Runs: each starts with an inbound message of its contact; outcome iff ended.
    var runs: [String: (contact: String, journey: String, start: Int64, end: Int64?)] = [:]
    for row in parsed.journeyRuns.records {
        let id = row["run_id"]!
        let contact = row["contact_id"]!
        let journey = row["journey_id"]!
        let start = try #require(parseTimestamp(row["started_at"]!))
        #expect(span.contains(start))
        #expect(inboundTimes[contact, default: []].contains(start), "\(id) starts with no inbound message")
        let name = try #require(journeyNames[journey], "\(id): journey \(journey)")
        let renamed = journey == "stack-nutrition-quiz" && start < parseTimestamp("2025-09-01T00:00:00Z")!
        #expect(row["journey_name"] == (renamed ? "Healthy eating quiz" : name), "\(id) name")
        var end: Int64?
        if row["ended_at"]!.isEmpty {
            #expect(row["outcome"] == "", "\(id): outcome without ended_at")
        } else {
            let time = try #require(parseTimestamp(row["ended_at"]!))
            end = time
            #expect(span.contains(time) && time > start, "\(id) ended")
            #expect(["completed", "expired", "interrupted"].contains(row["outcome"]!), "\(id) outcome")
        }
        #expect(row["last_step"] != "")
        #expect(runs.updateValue((contact, journey, start, end), forKey: id) == nil, "duplicate run \(id)")
    }

    // Results: inside their run, which is of the same contact and Journey.
    var identities = Set<[String]>()
    for row in parsed.journeyResults.records {
        let time = try #require(parseTimestamp(row["timestamp"]!))
        #expect(span.contains(time))
        #expect(journeyNames[row["journey_id"]!] != nil)
        #expect(row["question"] != "" && row["answer"] != "")
        #expect(identities.insert(parsed.journeyResults.header.map { row[$0]! }).inserted, "duplicate result")
        guard row["run_id"] != "" else { continue }
        let run = try #require(runs[row["run_id"]!], "result of unknown run \(row["run_id"]!)")
        #expect(run.contact == row["contact_id"] && run.journey == row["journey_id"], "\(row["run_id"]!)")
        #expect(time >= run.start && time < run.end ?? Int64.max, "\(row["run_id"]!): result outside the run")
    }
}
