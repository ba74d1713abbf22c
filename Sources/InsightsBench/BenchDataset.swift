import Foundation
import InsightsMetrics

/// A deterministic large helpline in the import format: contacts, goals, behaviours, and per
/// 30-day slice one messages, one message_statuses, one conversation_events and one goal_events
/// CSV file.
///
/// The shape: every contact joins on a day of the span and writes a first session that day;
/// the other sessions fall on later days. A session alternates 1–3 inbound and 1–3 outbound
/// messages a minute or two apart; about a third end with a coach closing the conversation
/// (some reopened an hour or two later, some closed twice), and some carry goal events.
/// Message ids grow with time (like time-ordered export ids). The outbound messages of one
/// session in five get a `delivered` status a few seconds later (one in a hundred `failed`
/// instead), and half of those a `read` status too; the statuses draw from their own random
/// stream, so the other files are the same as before statuses were added.
struct BenchDataset {
    /// Messages in the whole span.
    let messages: Int
    /// Contacts (one for every ten messages).
    var contacts: Int { max(messages / 10, 1) }
    /// Days of data (six slices of 30).
    static let days = 180
    /// Days per slice (one file per kind per slice).
    static let sliceDays = 30
    /// The first day: the span ends on 2026-09-30, so the last slice is September 2026.
    static let firstDay = LocalDate(dayNumber: LocalDate.daysFromCivil(year: 2026, month: 4, day: 4))
    static let goals = 8
    static let behavioursPerGoal = 3

    /// The file names of a slice, in import order.
    static func sliceFiles(_ slice: Int) -> [String] {
        let date = firstDay.adding(days: slice * sliceDays)
        return [
            "messages-\(date).csv", "message_statuses-\(date).csv", "conversation_events-\(date).csv",
            "goal_events-\(date).csv",
        ]
    }

    /// Counts of what was written.
    struct Written {
        var contacts = 0
        var messages = 0
        var statuses = 0
        var conversationEvents = 0
        var goalEvents = 0
    }

    /// Writes every file into `folder`.
    func write(to folder: URL) throws -> Written {
        var random = BenchRandom(seed: 0x1A51_6475)
        var statusRandom = BenchRandom(seed: 0x5747_5553)
        var written = Written()
        try writeDefinitions(to: folder)
        written.contacts = try writeContacts(to: folder, random: &random)

        // Sessions as (second since the first day's midnight) << 32 | contact, sorted by time.
        let sessionCount = max(messages / 4, contacts)
        let span = UInt64(Self.days * 86_400)
        var joins = [UInt32](repeating: 0, count: contacts)
        var sessions: [UInt64] = []
        sessions.reserveCapacity(sessionCount)
        for contact in 0..<contacts {
            let day = UInt32(random.below(UInt64(Self.days)))
            joins[contact] = day
            sessions.append(Self.session(day: UInt64(day), random: &random) << 32 | UInt64(contact))
        }
        for _ in contacts..<sessionCount {
            let contact = random.below(UInt64(contacts))
            let join = UInt64(joins[Int(contact)])
            let day = join + random.below(UInt64(Self.days) - join)
            sessions.append(Self.session(day: day, random: &random) << 32 | contact)
        }
        joins = []
        sessions.sort()

        var slice = -1
        var messagesOut = CSVOut()
        var statusesOut = CSVOut()
        var eventsOut = CSVOut()
        var goalsOut = CSVOut()
        var sequence: UInt64 = 0
        for session in sessions where written.messages < messages {
            let start = session >> 32
            let contact = Int(session & 0xFFFF_FFFF)
            let sessionSlice = Int(start / UInt64(Self.sliceDays * 86_400))
            if sessionSlice != slice {
                if slice >= 0 {
                    try flushSlice(slice, folder, &messagesOut, &statusesOut, &eventsOut, &goalsOut)
                }
                slice = sessionSlice
                messagesOut.line("message_id,contact_id,direction,timestamp,author_type,author_id,author_name")
                statusesOut.line("message_id,status,timestamp,error")
                eventsOut.line("contact_id,event,timestamp,actor_id,actor_name")
                goalsOut.line("contact_id,goal_id,behaviour_id,event,timestamp")
            }
            var time = start
            let exchanges = 1 + random.below(3)
            let authorDraw: UInt64 = random.below(100)
            let statusDraw = statusRandom.below(5)
            for exchange in 0..<(2 * exchanges) where written.messages < messages {
                let inbound = exchange % 2 == 0
                sequence += 1
                messagesOut.text("wamid.")
                messagesOut.hex(sequence, width: 16)
                messagesOut.comma()
                Self.contactID(contact, into: &messagesOut)
                messagesOut.text(inbound ? ",inbound," : ",outbound,")
                messagesOut.timestamp(time)
                if inbound {
                    messagesOut.text(",,,")
                } else {
                    Self.author(draw: authorDraw, random: &random, into: &messagesOut)
                }
                messagesOut.newline()
                written.messages += 1
                if !inbound, statusDraw == 0 {
                    written.statuses += Self.statuses(sequence, time, random: &statusRandom, into: &statusesOut)
                }
                time = min(time + 20 + random.below(100), span - 1)
            }
            let closeDraw = random.below(100)
            if closeDraw < 33 {
                let coach = random.below(UInt64(Self.coachCount))
                time = min(time + 60 + random.below(600), span - 1)
                Self.event(contact, "closed", time, coach: coach, into: &eventsOut)
                written.conversationEvents += 1
                if closeDraw < 3 {
                    // A second close: no transition.
                    Self.event(contact, "closed", min(time + 30, span - 1), coach: coach, into: &eventsOut)
                    written.conversationEvents += 1
                } else if closeDraw < 8 {
                    let reopen = min(time + 3_600 + random.below(7_200), span - 1)
                    Self.event(contact, closeDraw < 6 ? "reopened" : "opened", reopen, coach: coach, into: &eventsOut)
                    written.conversationEvents += 1
                }
            }
            let goalDraw = random.below(100)
            if goalDraw < 25 {
                let goal = (contact + Int(start / 86_400 / 30)) % Self.goals
                Self.contactID(contact, into: &goalsOut)
                goalsOut.text(",g\(goal),")
                let event: String
                if goalDraw < 10 {
                    event = "started"
                } else if goalDraw < 20 {
                    goalsOut.text("b\(goal)-\(random.below(UInt64(Self.behavioursPerGoal)))")
                    event = "actioned"
                } else {
                    event = "completed"
                }
                goalsOut.text(",\(event),")
                goalsOut.timestamp(time)
                goalsOut.newline()
                written.goalEvents += 1
            }
        }
        if slice >= 0 { try flushSlice(slice, folder, &messagesOut, &statusesOut, &eventsOut, &goalsOut) }
        return written
    }

    private func flushSlice(
        _ slice: Int, _ folder: URL, _ messages: inout CSVOut, _ statuses: inout CSVOut, _ events: inout CSVOut,
        _ goals: inout CSVOut
    ) throws {
        let names = Self.sliceFiles(slice)
        try messages.write(to: folder.appendingPathComponent(names[0]))
        try statuses.write(to: folder.appendingPathComponent(names[1]))
        try events.write(to: folder.appendingPathComponent(names[2]))
        try goals.write(to: folder.appendingPathComponent(names[3]))
    }

    /// The statuses of outbound message `sequence` sent at `time`: `delivered` 2–5 s later (one
    /// in a hundred `failed` instead), then for half of the delivered `read` up to 5 minutes
    /// after (never past the span's last second). Returns how many rows it wrote.
    private static func statuses(
        _ sequence: UInt64, _ time: UInt64, random: inout BenchRandom, into out: inout CSVOut
    ) -> Int {
        let id = { (out: inout CSVOut) in
            out.text("wamid.")
            out.hex(sequence, width: 16)
        }
        let last = UInt64(days * 86_400 - 1)
        let delivered = min(time + 2 + random.below(4), last)
        id(&out)
        if random.below(100) == 0 {
            out.text(",failed,")
            out.timestamp(delivered)
            out.text(",131026")
            out.newline()
            return 1
        }
        out.text(",delivered,")
        out.timestamp(delivered)
        out.text(",")
        out.newline()
        guard random.below(2) == 0 else { return 1 }
        id(&out)
        out.text(",read,")
        out.timestamp(min(delivered + 10 + random.below(290), last))
        out.text(",")
        out.newline()
        return 2
    }

    /// A session start on a day: mostly daytime, never within an hour of midnight.
    private static func session(day: UInt64, random: inout BenchRandom) -> UInt64 {
        let hour: UInt64 = random.below(4) == 0 ? random.below(23) : 7 + random.below(14)
        return day * 86_400 + hour * 3_600 + random.below(3_600)
    }

    static let coachCount = 300
    static let journeyCount = 200
    static let reminderCount = 40
    static let integrationCount = 12

    private static func author(draw: UInt64, random: inout BenchRandom, into out: inout CSVOut) {
        // Per session, mostly one kind of author: Journeys, then coaches, reminders, the API.
        let skewed = { (count: Int, random: inout BenchRandom) -> UInt64 in
            let a = random.below(UInt64(count))
            return min(a, random.below(UInt64(count)))
        }
        if draw < 55 {
            let id = skewed(journeyCount, &random)
            out.text(",stack,journey-\(id),Journey \(id)")
        } else if draw < 75 {
            let id = skewed(coachCount, &random)
            out.text(",coach,coach-\(id),Coach \(id)")
        } else if draw < 90 {
            let id = skewed(reminderCount, &random)
            out.text(",reminder,reminder-\(id),Reminder \(id)")
        } else {
            let id = skewed(integrationCount, &random)
            out.text(",api,api-\(id),")
        }
    }

    private static func event(_ contact: Int, _ kind: String, _ time: UInt64, coach: UInt64, into out: inout CSVOut) {
        contactID(contact, into: &out)
        out.text(",\(kind),")
        out.timestamp(time)
        out.text(",coach-\(coach),Coach \(coach)")
        out.newline()
    }

    private static func contactID(_ contact: Int, into out: inout CSVOut) {
        out.text("contact-")
        out.decimal(UInt64(contact), width: 7)
    }

    private func writeDefinitions(to folder: URL) throws {
        var goals = CSVOut()
        var behaviours = CSVOut()
        goals.line("goal_id,name,description")
        behaviours.line("behaviour_id,goal_id,name")
        for goal in 0..<Self.goals {
            goals.line("g\(goal),Goal \(goal),The programme's goal number \(goal)")
            for behaviour in 0..<Self.behavioursPerGoal {
                behaviours.line("b\(goal)-\(behaviour),g\(goal),Behaviour \(behaviour) of goal \(goal)")
            }
        }
        try goals.write(to: folder.appendingPathComponent("goals.csv"))
        try behaviours.write(to: folder.appendingPathComponent("behaviours.csv"))
    }

    private func writeContacts(to folder: URL, random: inout BenchRandom) throws -> Int {
        // Calling code, national digits: South Africa, Kenya, Nigeria, India, Brazil, UK, US.
        let prefixes: [(String, Int)] = [
            ("2782", 7), ("2547", 8), ("23480", 8), ("9198", 8), ("55119", 8), ("447", 9), ("1212", 7),
        ]
        var out = CSVOut()
        out.line("contact_id,phone,country,created_at")
        for contact in 0..<contacts {
            Self.contactID(contact, into: &out)
            out.comma()
            let (prefix, digits) = prefixes[random.below(prefixes.count)]
            if random.below(20) != 0 {
                out.text("+" + prefix)
                out.decimal(random.below(pow10(digits)), width: digits)
            }
            out.text(random.below(25) == 0 ? ",ZA," : ",,")
            out.timestamp(UInt64(contact % Self.days) * 86_400)
            out.newline()
        }
        try out.write(to: folder.appendingPathComponent("contacts.csv"))
        return contacts
    }

    private func pow10(_ n: Int) -> UInt64 { (0..<n).reduce(1) { value, _ in value * 10 } }
}

/// A byte buffer of CSV text, written to a file at once.
struct CSVOut {
    private(set) var bytes: [UInt8] = []
    private static let dayTexts: [[UInt8]] = (0..<BenchDataset.days).map {
        Array(BenchDataset.firstDay.adding(days: $0).description.utf8)
    }

    mutating func text(_ text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func line(_ text: String) {
        self.text(text)
        newline()
    }
    mutating func comma() { bytes.append(0x2C) }
    mutating func newline() { bytes.append(0x0A) }

    mutating func decimal(_ value: UInt64, width: Int) {
        var digits = [UInt8](repeating: 0x30, count: 20)
        var v = value
        var count = 0
        repeat {
            digits[19 - count] = 0x30 + UInt8(v % 10)
            v /= 10
            count += 1
        } while v > 0
        bytes.append(contentsOf: digits[(20 - max(count, width))...])
    }

    mutating func hex(_ value: UInt64, width: Int) {
        let symbols = Array("0123456789abcdef".utf8)
        for shift in stride(from: (width - 1) * 4, through: 0, by: -4) {
            bytes.append(symbols[Int((value >> UInt64(shift)) & 0xF)])
        }
    }

    /// RFC 3339 UTC, seconds: `2026-04-04T10:01:02Z`, from seconds since the first day.
    mutating func timestamp(_ seconds: UInt64) {
        let day = Int(seconds / 86_400)
        let second = seconds % 86_400
        bytes.append(contentsOf: Self.dayTexts[min(day, Self.dayTexts.count - 1)])
        bytes.append(0x54)
        decimal(second / 3_600, width: 2)
        bytes.append(0x3A)
        decimal(second / 60 % 60, width: 2)
        bytes.append(0x3A)
        decimal(second % 60, width: 2)
        bytes.append(0x5A)
    }

    mutating func write(to url: URL) throws {
        try Data(bytes).write(to: url)
        bytes.removeAll(keepingCapacity: true)
    }
}

/// SplitMix64: small, fast and fixed, so the same seed gives the same files everywhere.
struct BenchRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (multiply-high).
    mutating func below(_ bound: UInt64) -> UInt64 {
        next().multipliedFullWidth(by: bound).high
    }

    mutating func below(_ bound: Int) -> Int { Int(below(UInt64(bound))) }
}
