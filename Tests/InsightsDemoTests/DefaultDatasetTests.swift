import InsightsDemo
import Testing

@Suite struct DefaultDatasetTests {
    private let parsed: ParsedDataset
    private let october = parseTimestamp("2026-09-30T22:00:00Z")!..<parseTimestamp("2026-10-31T22:00:00Z")!

    init() throws {
        parsed = try #require(defaultParsed)
    }
}

extension DefaultDatasetTests {
    /// The country of a phone number by its calling code (and, for +1, its area code).
    static func country(of phone: String) -> String? {
        let digits = phone.hasPrefix("+") ? String(phone.dropFirst()) : phone
        if digits.hasPrefix("1") {
            let area = String(digits.dropFirst().prefix(3))
            if ["416", "604", "514", "647", "403", "778", "437", "780"].contains(area) { return "CA" }
            if ["212", "415", "312", "617", "305", "713", "206", "404", "718", "202"].contains(area) { return "US" }
            return nil
        }
        let codes = [
            ("27", "ZA"), ("234", "NG"), ("254", "KE"), ("44", "GB"), ("91", "IN"), ("55", "BR"), ("263", "ZW"),
            ("267", "BW"), ("258", "MZ"), ("49", "DE"),
        ]
        return codes.first { digits.hasPrefix($0.0) }?.1
    }

    @Test func contactsAndCountries() {
        let contacts = parsed.contacts.records
        #expect(contacts.count >= 2000)
        var countries: [String: Int] = [:]
        for row in contacts {
            let country = Self.country(of: row["phone"]!)
            #expect(country != nil, "phone \(row["phone"]!)")
            countries[country ?? "?", default: 0] += 1
        }
        for code in ["ZA", "NG", "KE", "GB", "IN", "BR", "US", "CA"] {
            #expect(countries[code, default: 0] >= 10, "\(code): \(countries[code, default: 0])")
        }
        #expect(countries["ZA", default: 0] * 2 > contacts.count, "South Africans are most users")
        let waIDs = contacts.filter { !$0["phone"]!.hasPrefix("+") }.count
        #expect(waIDs * 100 >= contacts.count * 15 && waIDs * 100 <= contacts.count * 25, "wa_id share \(waIDs)")
        let overrides = contacts.filter { $0["country"] != "" }.count
        #expect(overrides > 0 && overrides * 100 < contacts.count * 2, "overrides \(overrides)")
    }

    @Test func sizes() {
        let messages = parsed.messages.rows.count
        #expect(messages >= 60_000 && messages <= 120_000, "\(messages) messages")
        let timestamp = parsed.messages.column("timestamp")
        let contact = parsed.messages.column("contact_id")
        let direction = parsed.messages.column("direction")
        var octoberMessages = 0
        var octoberUsers = Set<String>()
        for row in parsed.messages.rows {
            let time = parseTimestamp(row[timestamp])!
            guard october.contains(time) else { continue }
            octoberMessages += 1
            if row[direction] == "inbound" { octoberUsers.insert(row[contact]) }
        }
        #expect(octoberUsers.count >= 300 && octoberUsers.count <= 1500, "\(octoberUsers.count) users in October")
        #expect(octoberMessages <= 50_000, "\(octoberMessages) messages in October")
        // Both new and returning users in October.
        var created: [String: Int64] = [:]
        for row in parsed.contacts.records { created[row["contact_id"]!] = parseTimestamp(row["created_at"]!)! }
        let new = octoberUsers.filter { october.contains(created[$0]!) }.count
        #expect(new >= 100 && octoberUsers.count - new >= 100, "new \(new) of \(octoberUsers.count)")
        // Most activity is recent: the last six months hold at least half the messages.
        let recent = parsed.messages.values("timestamp").filter { $0 >= "2026-05" }.count
        #expect(recent * 2 >= messages)
    }

    @Test func authors() {
        var names: [String: Set<String>] = [:]
        var idsByType: [String: Set<String>] = [:]
        for row in parsed.messages.records where row["direction"] == "outbound" {
            names[row["author_id"]!, default: []].insert(row["author_name"]!)
            idsByType[row["author_type"]!, default: []].insert(row["author_id"]!)
        }
        #expect(names.values.allSatisfy { $0.count == 1 }, "each author id has one name")
        #expect(idsByType["stack", default: []].count >= 4)
        #expect((5...8).contains(idsByType["coach", default: []].count))
        #expect((2...3).contains(idsByType["reminder", default: []].count))
        #expect((1...2).contains(idsByType["api", default: []].count))
        #expect(!idsByType["automation", default: []].isEmpty)
        #expect(!idsByType["thread", default: []].isEmpty)
        for id in idsByType.values.flatMap({ $0 }) {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "author id \(id)")
        }
        #expect(names["coach-3"] == ["Amina, RN"])
        // A trickle of legacy messages.
        let legacy = parsed.messages.values("author_type").filter { $0 == "automation" || $0 == "thread" }.count
        #expect(legacy > 20 && legacy * 50 < parsed.messages.rows.count)
    }

    @Test func conversations() {
        var counts: [String: Int] = [:]
        for row in parsed.conversationEvents.records where october.contains(parseTimestamp(row["timestamp"]!)!) {
            counts[row["event"]!, default: 0] += 1
        }
        #expect(counts["closed", default: 0] >= 100)
        #expect(counts["reopened", default: 0] >= 5)
        let closers = Set(parsed.conversationEvents.values("actor_name"))
        #expect(closers.count >= 5)
    }

    @Test func goalsInOctober() {
        var seen = Set<String>()
        for row in parsed.goalEvents.records where october.contains(parseTimestamp(row["timestamp"]!)!) {
            seen.insert(row["goal_id"]! + " " + row["event"]!)
        }
        for goal in parsed.goals.values("goal_id") {
            for event in ["started", "actioned", "completed"] {
                #expect(seen.contains(goal + " " + event), "\(goal) \(event) in October")
            }
        }
        // Every behaviour is actioned at some point.
        let actioned = Set(parsed.goalEvents.values("behaviour_id"))
        for behaviour in parsed.behaviours.values("behaviour_id") { #expect(actioned.contains(behaviour)) }
    }

    @Test func rhythm() {
        // Local time (UTC+2): quiet nights, busier weekdays.
        var byHour = [Int](repeating: 0, count: 24)
        var byWeekday = [Int](repeating: 0, count: 7)
        for text in parsed.messages.values("timestamp") {
            let local = parseTimestamp(text)! + 7200
            byHour[Int(local % 86_400 / 3600)] += 1
            byWeekday[Int((local / 86_400 + 4) % 7)] += 1
        }
        let night = byHour[0..<6].reduce(0, +)
        let lateMorning = byHour[9..<13].reduce(0, +)
        let evening = byHour[18..<22].reduce(0, +)
        #expect(night * 4 < lateMorning && night * 4 < evening, "\(byHour)")
        let weekdays = byWeekday[1...5].reduce(0, +) / 5
        let weekends = (byWeekday[0] + byWeekday[6]) / 2
        #expect(weekdays > weekends, "\(byWeekday)")
    }
}
