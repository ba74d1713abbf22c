import InsightsFormat

/// One import file of the demo: its name and its whole text.
public struct DemoFile: Sendable, Equatable {
    /// The file name, which names its record kind, e.g. `messages.csv`.
    public let name: String
    /// The CSV text: RFC 4180, UTF-8, a header row, `\n` line ends.
    public let contents: String

    /// Creates a file.
    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// A synthetic WhatsApp helpline in the import format: contacts from a dozen countries
/// arriving over the history (more toward the present) and coming back on several days,
/// sessions answered by Stack journeys and coaches, scheduled reminders, API integrations,
/// legacy Automation and Threads before 30 June 2024, conversations closed and reopened by
/// coaches, and goals started, actioned and completed. Since 1 May 2025 the network's
/// statuses of outbound messages; the Stacks' Journey runs and their answers; consent and
/// contact fields (district, cohort, language).
///
/// Generation is pure and deterministic: the same configuration gives byte-identical files
/// on every run and platform (integer arithmetic only, a fixed pseudo-random generator, no
/// clock, time zone, locale or hash order).
public struct DemoDataset: Sendable {
    /// The configuration generated.
    public let configuration: DemoConfiguration
    /// The files in import order: `goals.csv`, `behaviours.csv`, `contacts.csv`,
    /// `messages.csv`, `conversation_events.csv`, `goal_events.csv`; with
    /// `DemoConfiguration.includesNewKinds`, `message_statuses.csv` after `messages.csv` and
    /// `journey_runs.csv`, `journey_results.csv` at the end.
    public let files: [DemoFile]
    /// The files of the newer record kinds, whatever `includesNewKinds` says:
    /// `message_statuses.csv`, `journey_runs.csv`, `journey_results.csv`.
    public let newKindFiles: [DemoFile]

    /// The file with this name, if any, in `files` or `newKindFiles`.
    public func file(named name: String) -> DemoFile? {
        files.first { $0.name == name } ?? newKindFiles.first { $0.name == name }
    }

    /// Generates the dataset of a configuration.
    public static func generate(_ configuration: DemoConfiguration = DemoConfiguration()) -> DemoDataset {
        let timeline = DemoTimeline(configuration)
        var drafts = Drafts()
        var journeys = JourneyDrafts()
        var contacts: [ContactDraft] = []
        var phones = Set<String>()  // membership only; never iterated
        let count = max(configuration.contacts, 0)
        contacts.reserveCapacity(count)
        for index in 0..<count {
            var simulation = ContactSimulation(index: index, seed: configuration.seed, timeline: timeline)
            var contact = simulation.run(into: &drafts, phones: &phones)
            var journey = JourneySimulation(index: index, seed: configuration.seed, timeline: timeline)
            journey.run(&contact, into: &journeys)
            contacts.append(contact)
        }

        // Contact ids in order of arrival.
        contacts.sort { ($0.createdAt, $0.index) < ($1.createdAt, $1.index) }
        var ids = [String](repeating: "", count: count)
        let width = max(5, String(count).count)
        for (rank, contact) in contacts.enumerated() {
            ids[contact.index] = "contact-" + Civil.pad(rank + 1, width)
        }

        let messages = DemoFile(name: "messages.csv", contents: messagesCSV(&drafts.messages, ids))
        // After messagesCSV: the messages are in file order.
        let statuses = DemoFile(
            name: "message_statuses.csv",
            contents: statusesCSV(drafts.messages, seed: configuration.seed, end: timeline.interval.upperBound))
        let runs = runsCSV(&journeys.runs, ids)
        let results = resultsCSV(&journeys.results, runs, ids)
        let newKinds = [
            statuses, DemoFile(name: "journey_runs.csv", contents: runs.text),
            DemoFile(name: "journey_results.csv", contents: results),
        ]
        var files = [
            DemoFile(name: "goals.csv", contents: goalsCSV()),
            DemoFile(name: "behaviours.csv", contents: behavioursCSV()),
            DemoFile(name: "contacts.csv", contents: contactsCSV(contacts, ids)),
            messages,
            DemoFile(name: "conversation_events.csv", contents: conversationCSV(&drafts.conversation, ids)),
            DemoFile(name: "goal_events.csv", contents: goalEventsCSV(&drafts.goals, ids)),
        ]
        if configuration.includesNewKinds {
            files.insert(statuses, at: 4)
            files += newKinds[1...]
        }
        return DemoDataset(configuration: configuration, files: files, newKindFiles: newKinds)
    }

    /// The id of the message numbered `number + 1`, e.g. `msg-0000042`.
    static func messageID(_ number: Int, width: Int) -> String {
        "msg-" + Civil.pad(number + 1, width)
    }

    /// The digits of message ids: at least 7, more when there are more messages.
    static func messageIDWidth(_ count: Int) -> Int { max(7, String(count).count) }

    // MARK: Files

    private static func goalsCSV() -> String {
        var csv = CSVText.demo(header: ["goal_id", "name", "description"])
        for goal in DemoCatalog.goals { csv.row([goal.id, goal.name, goal.description]) }
        return csv.text
    }

    private static func behavioursCSV() -> String {
        var csv = CSVText.demo(header: ["behaviour_id", "goal_id", "name"])
        for behaviour in DemoCatalog.behaviours {
            csv.row([behaviour.id, DemoCatalog.goals[behaviour.goal].id, behaviour.name])
        }
        return csv.text
    }

    private static func contactsCSV(_ contacts: [ContactDraft], _ ids: [String]) -> String {
        var csv = CSVText.demo(header: [
            "contact_id", "phone", "country", "created_at", "opted_in_at", "opted_out_at", "fields",
        ])
        for contact in contacts {
            csv.field(ids[contact.index])
            csv.field(contact.phone)
            csv.field(contact.country ?? "")
            csv.time(contact.createdAt)
            if let time = contact.optedInAt { csv.time(time) } else { csv.raw(",") }
            if let time = contact.optedOutAt { csv.time(time) } else { csv.raw(",") }
            csv.field(contact.fields, last: true)
        }
        return csv.text
    }

    private static func messagesCSV(_ messages: inout [MessageDraft], _ ids: [String]) -> String {
        messages.sort { ($0.time, $0.contact, $0.order) < ($1.time, $1.contact, $1.order) }
        var csv = CSVText.demo(header: [
            "message_id", "contact_id", "direction", "timestamp", "author_type", "author_id", "author_name",
        ])
        let width = messageIDWidth(messages.count)
        for (number, message) in messages.enumerated() {
            csv.field(messageID(number, width: width))
            csv.field(ids[Int(message.contact)])
            if message.author < 0 {
                csv.field("inbound")
                csv.time(message.time)
                csv.raw(",,\n")
            } else {
                let author = DemoCatalog.authors[Int(message.author)]
                csv.field("outbound")
                csv.time(message.time)
                csv.field(author.type)
                csv.field(author.id)
                csv.field(author.name, last: true)
            }
        }
        return csv.text
    }

    private static func conversationCSV(_ events: inout [ConversationDraft], _ ids: [String]) -> String {
        events.sort { ($0.time, $0.contact, $0.order) < ($1.time, $1.contact, $1.order) }
        var csv = CSVText.demo(header: ["contact_id", "event", "timestamp", "actor_id", "actor_name"])
        for event in events {
            let coach = DemoCatalog.authors[Int(event.coach)]
            csv.field(ids[Int(event.contact)])
            csv.field(event.closed ? "closed" : "reopened")
            csv.time(event.time)
            csv.field(coach.id)
            csv.field(coach.name, last: true)
        }
        return csv.text
    }

    private static func goalEventsCSV(_ events: inout [GoalDraft], _ ids: [String]) -> String {
        events.sort { ($0.time, $0.contact, $0.order) < ($1.time, $1.contact, $1.order) }
        var csv = CSVText.demo(header: ["contact_id", "goal_id", "behaviour_id", "event", "timestamp"])
        for event in events {
            csv.field(ids[Int(event.contact)])
            csv.field(DemoCatalog.goals[Int(event.goal)].id)
            csv.field(event.behaviour < 0 ? "" : DemoCatalog.behaviours[Int(event.behaviour)].id)
            csv.field(event.kind.name)
            csv.time(event.time, last: true)
        }
        return csv.text
    }
}

extension CSVText {
    /// A demo file's text: its header row, padded values quoted (an answer such as " Yes "
    /// keeps its spaces in any reader).
    static func demo(header: [String]) -> CSVText {
        CSVText(header: header, quotingPadded: true)
    }

    /// An instant in whole seconds since the epoch, as RFC 3339 UTC (`2026-10-03T12:05:00Z`),
    /// then `,` or (last) `\n`.
    mutating func time(_ seconds: Int64, last: Bool = false) {
        timestamp(seconds * 1_000_000, last: last)
    }

    /// A prefix and a number of at least `width` digits, e.g. `msg-0000042`, then `,`. The
    /// prefix must need no quoting.
    mutating func number(prefix: String, _ value: Int, width: Int) {
        raw(prefix + Civil.pad(value, width) + ",")
    }
}
