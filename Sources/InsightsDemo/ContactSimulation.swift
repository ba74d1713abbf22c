/// Generates one contact's whole history into `Drafts`.
struct ContactSimulation {
    enum Program: Int { case antenatal, quitSmoking, eatWell, general }
    enum Engagement { case loyal, regular, oneOff }

    struct Session {
        var start: Int64
        var end: Int64
        /// The coach who answered, if any (index into authors).
        var coach: Int?
        /// For the Journey runs.
        var summary: SessionSummary
    }

    let timeline: DemoTimeline
    let index: Int
    let contact: Int32
    var rng: DemoRandom
    var order: Int32 = 0

    var program = Program.general
    // Goal state.
    var goalStarted = false
    var goalStartDay = 0
    var goalCompleted = false
    var actions = 0
    var actionsToComplete = 3
    /// Days of booked antenatal visits not yet attended.
    var bookedVisits: [Int] = []
    /// Antenatal visits attended.
    var attendedVisits = 0

    init(index: Int, seed: UInt64, timeline: DemoTimeline) {
        self.timeline = timeline
        self.index = index
        self.contact = Int32(index)
        self.rng = DemoRandom(seed: seed, stream: UInt64(index) + 1)
    }

    /// Simulates the contact; appends its records to `drafts` and returns its contacts row.
    /// `phones` holds the numbers already given out, to keep them unique.
    mutating func run(into drafts: inout Drafts, phones: inout Set<String>) -> ContactDraft {
        let arrival = timeline.arrivalDay(&rng)
        let (phone, country) = makePhone(&phones)
        program = [Program.antenatal, .quitSmoking, .eatWell, .general][rng.weighted([35, 25, 20, 20])]
        let engagement: Engagement = [.loyal, .regular, .oneOff][rng.weighted([20, 50, 30])]
        let wantsTips = rng.percent(50)
        actionsToComplete = rng.int(2...5)

        // The days the contact writes in.
        var sessionDays = [arrival]
        var day = arrival
        while true {
            let churn =
                switch engagement {
                case .loyal: 90
                case .regular: 330
                case .oneOff: 600
                }
            if rng.permille(churn) { break }
            var gap =
                switch engagement {
                case .loyal: rng.weighted([0, 30, 25, 15, 10, 8, 6, 6])  // 1–7 days
                case .regular: rng.int(2...21)
                case .oneOff: rng.int(3...45)
                }
            if rng.percent(5) { gap = rng.int(30...120) }
            day += max(gap, 1)
            let weekday = timeline.weekday(ofDay: day)
            // Quieter weekends: some weekend visits happen in the week after instead.
            if weekday == 6, rng.percent(35) { day += rng.int(2...6) }
            if weekday == 0, rng.percent(35) { day += rng.int(1...5) }
            if day >= timeline.days { break }
            sessionDays.append(day)
        }

        // Sessions.
        var sessions: [Session] = []
        var lastEnd = Int64.min
        for (number, day) in sessionDays.enumerated() {
            let dayStart = timeline.start(ofDay: day)
            var start = dayStart + Int64(rng.weighted(DemoCatalog.hourWeights)) * 3600 + rng.seconds(0...3599)
            if lastEnd != Int64.min, start < lastEnd + 1800 { start = lastEnd + 1800 + rng.seconds(0...3600) }
            if number == 0, start >= timeline.interval.upperBound - 3600 {
                // Arrived late on the last day: move the first session into the day.
                start = dayStart + Int64(rng.int(8...19)) * 3600 + rng.seconds(0...3599)
            }
            guard start < timeline.interval.upperBound - 3600 else { break }
            var session = runSession(start: start, first: number == 0, into: &drafts)
            sessions.append(session)
            lastEnd = session.end
            // Sometimes the person comes back later the same day.
            if rng.percent(10) {
                start = session.end + rng.seconds(7200...21_600)
                if timeline.day(of: start) == day, start < timeline.interval.upperBound - 3600 {
                    session = runSession(start: start, first: false, into: &drafts)
                    sessions.append(session)
                    lastEnd = session.end
                }
            }
        }

        closeConversations(sessions, into: &drafts)
        sendReminders(sessions, wantsTips: wantsTips, into: &drafts)
        return ContactDraft(
            index: index, phone: phone, country: country, createdAt: sessions[0].start, program: program.rawValue,
            sessions: sessions.map(\.summary))
    }

    // MARK: Phone numbers

    mutating func makePhone(_ phones: inout Set<String>) -> (String, String?) {
        let country = DemoCatalog.countries[rng.weighted(DemoCatalog.countries.map(\.weight))]
        while true {
            let prefix = rng.element(country.prefixes)
            var national = prefix
            if country.callingCode == "1" {
                // Exchange NXX: not N11, not 555.
                var exchange: String
                repeat {
                    exchange = String(rng.int(2...9)) + rng.digits(2)
                } while exchange.hasSuffix("11") || exchange == "555"
                national += exchange + rng.digits(4)
            } else {
                national += rng.digits(country.subscriberDigits)
            }
            let digits = country.callingCode + national
            guard phones.insert(digits).inserted else { continue }
            // WhatsApp wa_id (digits only) for about one contact in five.
            let phone = rng.percent(20) ? digits : "+" + digits
            var override: String?
            if country.iso == "ZA", rng.permille(15) { override = rng.element(DemoCatalog.countryOverrides) }
            return (phone, override)
        }
    }

    // MARK: Sessions

    mutating func nextOrder() -> Int32 {
        order += 1
        return order
    }

    /// Records a message (author -1: inbound), unless it falls after the end of the data.
    mutating func message(_ time: Int64, author: Int, _ drafts: inout Drafts) {
        guard time < timeline.interval.upperBound else { return }
        drafts.messages.append(MessageDraft(time: time, contact: contact, order: nextOrder(), author: Int32(author)))
    }

    /// Records a goal event, unless it falls after the end of the data.
    mutating func goalEvent(
        _ time: Int64, _ kind: GoalDraft.Kind, goal: Int, behaviour: Int = -1, _ drafts: inout Drafts
    ) {
        guard time < timeline.interval.upperBound else { return }
        drafts.goals.append(
            GoalDraft(
                time: time, contact: contact, order: nextOrder(), goal: Int32(goal), behaviour: Int32(behaviour),
                kind: kind))
    }

    /// The Stack journey that answers a session.
    mutating func journey(first: Bool) -> Int {
        if first { return DemoCatalog.onboarding }
        switch program {
        case .antenatal: return rng.percent(70) ? DemoCatalog.antenatalCheckIn : DemoCatalog.mainMenu
        case .quitSmoking: return rng.percent(70) ? DemoCatalog.quitSmokingCoach : DemoCatalog.mainMenu
        case .eatWell: return rng.percent(70) ? DemoCatalog.nutritionQuiz : DemoCatalog.mainMenu
        case .general: return rng.percent(75) ? DemoCatalog.mainMenu : DemoCatalog.nutritionQuiz
        }
    }

    /// The author of an automated reply: the journey, or before the cutoff sometimes a
    /// legacy thread.
    mutating func automatedAuthor(_ journey: Int, at time: Int64) -> Int {
        if time < DemoConfiguration.legacyCutoff, rng.percent(35) { return DemoCatalog.legacyThread }
        return journey
    }

    mutating func runSession(start: Int64, first: Bool, into drafts: inout Drafts) -> Session {
        let journey = journey(first: first)
        var inboundCount = rng.weighted([0, 20, 30, 25, 13, 8, 4])
        if first { inboundCount = max(inboundCount, 3) }
        var t = start
        var inbound: [Int64] = []
        // Before the cutoff, some people text the HELP keyword, answered by the legacy automation.
        let keyword = start < DemoConfiguration.legacyCutoff && rng.percent(30)
        for i in 0..<inboundCount {
            message(t, author: -1, &drafts)
            inbound.append(t)
            let replies = rng.percent(35) ? 2 : 1
            for r in 0..<replies {
                t += rng.seconds(2...9)
                var author = automatedAuthor(journey, at: t)
                if i == 0, r == 0, keyword, t < DemoConfiguration.legacyCutoff { author = DemoCatalog.keywordHelp }
                message(t, author: author, &drafts)
            }
            if i < inboundCount - 1 { t += rng.seconds(15...300) }
        }
        let automatedEnd = t
        var handover: Int64?
        // Some sessions are handed to a coach during working hours.
        var coach: Int?
        let hour = timeline.hour(of: t)
        if hour >= 7, hour < 21, rng.percent(first ? 15 : 24) {
            let who = DemoCatalog.coaches[rng.weighted(DemoCatalog.coachWeights)]
            coach = who
            t += rng.seconds(60...1500)
            handover = t
            let exchanges = rng.int(1...4)
            for j in 0..<exchanges {
                let lines = rng.percent(35) ? 2 : 1
                for line in 0..<lines {
                    if line > 0 { t += rng.seconds(20...120) }
                    message(t, author: who, &drafts)
                }
                if j < exchanges - 1 || rng.percent(55) {
                    t += rng.seconds(30...600)
                    message(t, author: -1, &drafts)
                    inbound.append(t)
                    if j == exchanges - 1 {
                        t += rng.seconds(20...180)
                        message(t, author: who, &drafts)
                    }
                }
            }
        }
        var end = t
        end = max(end, goalEvents(inbound: inbound, journey: journey, first: first, into: &drafts))
        // The CRM integration files new profiles after onboarding, and now and then updates.
        if first ? rng.percent(55) : rng.percent(4) {
            end += rng.seconds(60...900)
            message(end, author: DemoCatalog.crmSync, &drafts)
        }
        let summary = SessionSummary(start: start, automatedEnd: automatedEnd, handover: handover, journey: journey)
        return Session(start: start, end: end, coach: coach, summary: summary)
    }
}
