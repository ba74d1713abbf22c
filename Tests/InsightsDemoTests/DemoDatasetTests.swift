import InsightsDemo
import Testing

/// The default dataset, generated once for all tests.
let defaultDataset = DemoDataset.generate(DemoConfiguration())
/// The default dataset's files, parsed once (nil if they do not parse).
let defaultParsed = try? ParsedDataset(defaultDataset)
/// A small dataset spanning the legacy cutoff.
let smallConfiguration = DemoConfiguration(seed: 7, endDate: DemoDate("2024-08-31")!, days: 120, contacts: 150)

/// Expected headers of the import format.
let headers: [String: [String]] = [
    "goals.csv": ["goal_id", "name", "description"],
    "behaviours.csv": ["behaviour_id", "goal_id", "name"],
    "contacts.csv": ["contact_id", "phone", "country", "created_at", "opted_in_at", "opted_out_at", "fields"],
    "messages.csv": ["message_id", "contact_id", "direction", "timestamp", "author_type", "author_id", "author_name"],
    "conversation_events.csv": ["contact_id", "event", "timestamp", "actor_id", "actor_name"],
    "goal_events.csv": ["contact_id", "goal_id", "behaviour_id", "event", "timestamp"],
    "message_statuses.csv": ["message_id", "status", "timestamp", "error"],
    "journey_runs.csv": [
        "run_id", "contact_id", "journey_id", "journey_name", "started_at", "ended_at", "outcome", "last_step",
    ],
    "journey_results.csv": ["contact_id", "journey_id", "run_id", "question", "answer", "timestamp"],
]

@Suite struct DemoConfigurationTests {
    @Test func defaults() {
        let configuration = DemoConfiguration()
        #expect(configuration.seed == 42)
        #expect(configuration.endDate.description == "2026-10-31")
        #expect(configuration.startDate.description == "2024-01-01")
        #expect(configuration.contacts == 3000)
        // Local (UTC+2) midnights.
        #expect(configuration.interval.lowerBound == parseTimestamp("2023-12-31T22:00:00Z"))
        #expect(configuration.interval.upperBound == parseTimestamp("2026-10-31T22:00:00Z"))
        #expect(DemoConfiguration.legacyCutoff == parseTimestamp("2024-06-30T00:00:00Z"))
    }

    @Test func dates() {
        #expect(DemoDate("2024-02-29")?.description == "2024-02-29")
        #expect(DemoDate("2026-02-29") == nil)
        #expect(DemoDate("2026-1-31") == nil)
        #expect(DemoDate("2026-10-31x") == nil)
        #expect(DemoDate(year: 2026, month: 13, day: 1) == nil)
        #expect(DemoDate("2024-01-01")! < DemoDate("2024-01-02")!)
        #expect(DemoConfiguration(endDate: DemoDate("2024-03-01")!, days: 2).startDate.description == "2024-02-29")
    }
}

@Suite struct DemoDeterminismTests {
    @Test func sameSeedSameBytes() {
        let a = DemoDataset.generate(smallConfiguration)
        let b = DemoDataset.generate(smallConfiguration)
        #expect(a.files == b.files)
        #expect(a.newKindFiles == b.newKindFiles)
        #expect(
            a.files.map(\.name) == [
                "goals.csv", "behaviours.csv", "contacts.csv", "messages.csv", "conversation_events.csv",
                "goal_events.csv",
            ])
    }

    @Test func differentSeedDifferentBytes() {
        var other = smallConfiguration
        other.seed = 8
        let a = DemoDataset.generate(smallConfiguration)
        let b = DemoDataset.generate(other)
        for name in ["contacts.csv", "messages.csv", "conversation_events.csv", "goal_events.csv"] {
            #expect(a.file(named: name) != b.file(named: name), "\(name)")
        }
        // The catalogue does not depend on the seed.
        #expect(a.file(named: "goals.csv") == b.file(named: "goals.csv"))
    }

    /// A fingerprint of a tiny dataset's bytes, pinned so that a change of platform, toolchain
    /// or code that alters the output shows up. Update it only for an intended change.
    @Test func pinnedFingerprint() {
        let dataset = DemoDataset.generate(
            DemoConfiguration(seed: 1, endDate: DemoDate("2024-08-31")!, days: 90, contacts: 60))
        // The six files as they were before contacts.csv had consent and fields columns.
        #expect(fingerprint(dataset.files, withoutNewColumns: true) == 0xEA45_644E_ECA7_3A0B)
        #expect(fingerprint(dataset.files + dataset.newKindFiles) == 0xFF3B_689B_1F1A_41A6)
    }

    /// The default dataset's six files, with contacts.csv cut back to its first four columns,
    /// are byte for byte those of the demo before the newer kinds existed (the fingerprint of
    /// the files `insights demo` wrote then).
    @Test func defaultDatasetUnchangedByTheNewerKinds() {
        #expect(fingerprint(defaultDataset.files, withoutNewColumns: true) == 0xE490_50A9_26AD_2DA7)
    }
}

/// FNV-1a of the files' names and bytes; `withoutNewColumns` cuts each line of contacts.csv
/// after its fourth column (the first four never hold a comma).
func fingerprint(_ files: [DemoFile], withoutNewColumns: Bool = false) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for file in files {
        var contents = Array(file.contents.utf8)
        if withoutNewColumns, file.name == "contacts.csv" {
            var cut: [UInt8] = []
            for line in contents.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
                var commas = 0
                cut += line.prefix { byte in
                    if byte == 0x2C { commas += 1 }
                    return commas < 4
                }
                cut.append(0x0A)
            }
            contents = cut
        }
        for byte in Array(file.name.utf8) + [0] + contents + [0] {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
    }
    return hash
}

@Suite struct DemoFormatTests {
    @Test(arguments: [smallConfiguration, DemoConfiguration(seed: 3, days: 40, contacts: 80)])
    func wellFormed(configuration: DemoConfiguration) throws {
        try checkFormat(DemoDataset.generate(configuration))
    }

    @Test(arguments: [smallConfiguration, DemoConfiguration(seed: 3, days: 40, contacts: 80)])
    func rulesHold(configuration: DemoConfiguration) throws {
        try checkRules(try ParsedDataset(DemoDataset.generate(configuration)), configuration)
    }

    /// Many small variations, including spans that end right after the legacy cutoff.
    @Test(arguments: 1...8)
    func rulesHoldAcrossSeeds(seed: Int) throws {
        let ends = ["2024-06-30", "2024-07-01", "2025-02-28", "2026-10-31"]
        let configuration = DemoConfiguration(
            seed: UInt64(seed), endDate: DemoDate(ends[seed % ends.count])!, days: 10 + seed * 7,
            contacts: 40 + seed * 5)
        let dataset = DemoDataset.generate(configuration)
        let parsed = try ParsedDataset(dataset)
        try checkFormat(dataset, parsed)
        try checkRules(parsed, configuration)
        #expect(parsed.contacts.rows.count == configuration.contacts)
    }

    @Test func defaultWellFormedAndRulesHold() throws {
        let parsed = try #require(defaultParsed)
        try checkFormat(defaultDataset, parsed)
        try checkRules(parsed, DemoConfiguration())
    }

    @Test func quotesTheNameWithAComma() throws {
        let text = try #require(DemoDataset.generate(smallConfiguration).file(named: "messages.csv")).contents
        #expect(text.contains(",coach,coach-3,\"Amina, RN\"\n"))
        let goals = try #require(DemoDataset.generate(smallConfiguration).file(named: "goals.csv")).contents
        #expect(goals.contains("\"Book and attend your antenatal visits, starting early in pregnancy.\""))
    }

    @Test func tinyAndEmptyConfigurations() throws {
        let empty = DemoDataset.generate(DemoConfiguration(days: 0, contacts: 0))
        let parsed = try ParsedDataset(empty)
        #expect(parsed.contacts.rows.isEmpty)
        #expect(parsed.messages.rows.isEmpty)
        #expect(parsed.goals.rows.count == 3)
        let one = DemoDataset.generate(DemoConfiguration(days: 1, contacts: 5))
        try checkFormat(one)
        try checkRules(try ParsedDataset(one), DemoConfiguration(days: 1, contacts: 5))
    }
}

// MARK: Checks

func checkFormat(_ dataset: DemoDataset, _ parsed: ParsedDataset? = nil) throws {
    let parsed = try parsed ?? ParsedDataset(dataset)
    for (name, table) in parsed.all {
        #expect(table.header == headers[name], "\(name) header")
        let bad = table.rows.firstIndex { $0.count != table.header.count }
        #expect(bad == nil, "\(name): row \(bad.map { $0 + 2 } ?? 0) has the wrong column count")
    }
    for file in dataset.files + dataset.newKindFiles {
        #expect(!file.contents.contains("\r"), "\(file.name) has a carriage return")
        #expect(file.contents.hasSuffix("\n"))
    }
}

func checkRules(_ parsed: ParsedDataset, _ configuration: DemoConfiguration) throws {
    let span = configuration.interval
    let cutoff = DemoConfiguration.legacyCutoff

    // Contacts: unique ids, phones; created inside the span.
    var createdAt: [String: Int64] = [:]
    var phones = Set<String>()
    for row in parsed.contacts.records {
        let id = row["contact_id"]!
        let created = try #require(parseTimestamp(row["created_at"]!), "created_at \(row["created_at"]!)")
        #expect(createdAt.updateValue(created, forKey: id) == nil, "duplicate contact \(id)")
        #expect(span.contains(created))
        let phone = row["phone"]!
        let digits = phone.hasPrefix("+") ? String(phone.dropFirst()) : phone
        #expect(phones.insert(digits).inserted, "duplicate phone \(phone)")
        #expect(
            digits.count >= 10 && digits.count <= 13 && digits.allSatisfy(\.isASCII) && Int(digits) != nil,
            "phone \(phone)")
        let country = row["country"]!
        #expect(country.isEmpty || (country.count == 2 && country.uppercased() == country))
    }

    // Messages.
    var firstInbound: [String: Int64] = [:]
    var messageIDs = Set<String>()
    var previous = Int64.min
    var outbound: [(String, Int64)] = []
    let types: Set = ["stack", "coach", "reminder", "api", "automation", "thread"]
    for row in parsed.messages.records {
        #expect(messageIDs.insert(row["message_id"]!).inserted, "duplicate message id \(row["message_id"]!)")
        let contact = row["contact_id"]!
        let created = try #require(createdAt[contact], "message for unknown contact \(contact)")
        let time = try #require(parseTimestamp(row["timestamp"]!))
        #expect(span.contains(time))
        #expect(time >= created)
        #expect(time >= previous, "messages out of time order")
        previous = time
        switch row["direction"] {
        case "inbound":
            #expect(row["author_type"] == "" && row["author_id"] == "" && row["author_name"] == "")
            if firstInbound[contact] == nil { firstInbound[contact] = time }
        case "outbound":
            let type = row["author_type"]!
            #expect(types.contains(type), "author type \(type)")
            #expect(row["author_id"] != "" && row["author_name"] != "")
            if type == "automation" || type == "thread" { #expect(time < cutoff, "\(type) after the cutoff") }
            outbound.append((contact, time))
        default:
            Issue.record("direction \(row["direction"] ?? "nil")")
        }
    }
    for (contact, time) in outbound {
        let first = try #require(firstInbound[contact], "outbound to \(contact), who never wrote")
        #expect(time > first, "outbound to \(contact) before their first inbound")
    }
    for (contact, created) in createdAt {
        #expect(firstInbound[contact] == created, "\(contact) created_at is not its first inbound")
    }

    // Conversation events: coaches close open conversations and reopen closed ones.
    var isOpen: [String: Bool] = [:]
    var steps: [(Int64, Int, String, Bool)] = []  // (time, inbound first, contact, opens)
    for row in parsed.messages.records where row["direction"] == "inbound" {
        steps.append((parseTimestamp(row["timestamp"]!)!, 0, row["contact_id"]!, true))
    }
    previous = Int64.min
    for (n, row) in parsed.conversationEvents.records.enumerated() {
        let contact = row["contact_id"]!
        let created = try #require(createdAt[contact], "event for unknown contact \(contact)")
        let time = try #require(parseTimestamp(row["timestamp"]!))
        #expect(span.contains(time) && time > created)
        #expect(time >= previous)
        previous = time
        #expect(row["event"] == "closed" || row["event"] == "reopened")
        #expect(row["actor_id"]!.hasPrefix("coach-") && row["actor_name"] != "")
        steps.append((time, n + 1, contact, row["event"] == "reopened"))
    }
    steps.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    for (_, order, contact, opens) in steps {
        let open = isOpen[contact] ?? false
        if order > 0 {
            // Every event changes the state: no closing a closed conversation or reopening an open one.
            #expect(open != opens, "\(contact): event that changes nothing")
        }
        isOpen[contact] = opens
    }

    // Goals and behaviours.
    let goalIDs = Set(parsed.goals.values("goal_id"))
    var behaviourGoal: [String: String] = [:]
    for row in parsed.behaviours.records {
        #expect(goalIDs.contains(row["goal_id"]!))
        behaviourGoal[row["behaviour_id"]!] = row["goal_id"]!
    }
    var started: [String: Int64] = [:]
    var completed = Set<String>()
    var identities = Set<String>()
    previous = Int64.min
    for row in parsed.goalEvents.records {
        let contact = row["contact_id"]!
        let goal = row["goal_id"]!
        let created = try #require(createdAt[contact], "goal event for unknown contact \(contact)")
        let time = try #require(parseTimestamp(row["timestamp"]!))
        #expect(span.contains(time) && time > created)
        #expect(time >= previous)
        previous = time
        #expect(goalIDs.contains(goal))
        #expect(identities.insert(contact + goal + row["event"]! + row["timestamp"]! + row["behaviour_id"]!).inserted)
        let key = contact + "/" + goal
        switch row["event"] {
        case "started":
            #expect(row["behaviour_id"] == "")
            #expect(started.updateValue(time, forKey: key) == nil, "started twice")
        case "actioned":
            let behaviour = row["behaviour_id"]!
            #expect(behaviourGoal[behaviour] == goal, "behaviour \(behaviour) not of goal \(goal)")
            #expect(started[key] != nil && !completed.contains(key), "actioned outside started…completed")
        case "completed":
            #expect(row["behaviour_id"] == "")
            #expect(started[key] != nil, "completed before started")
            #expect(completed.insert(key).inserted, "completed twice")
        default:
            Issue.record("goal event \(row["event"] ?? "nil")")
        }
    }
    try checkNewKindRules(parsed, configuration)
}
