/// A Journey run before run and contact ids are assigned.
struct RunDraft {
    enum Outcome: String {
        case completed, expired, interrupted
    }
    var start: Int64
    var contact: Int32
    /// Orders the contact's runs and results; results name their run by it.
    var order: Int32
    /// Index into `DemoCatalog.journeys` (and `authors`).
    var journey: Int32
    /// When the run ended, and how; nil while it is still going at the end of the data.
    var end: (time: Int64, outcome: Outcome)?
    /// Index into the Journey's steps.
    var lastStep: Int32
}

/// A Journey result before ids are assigned.
struct ResultDraft {
    var time: Int64
    var contact: Int32
    var order: Int32
    var journey: Int32
    /// The `order` of the run it was given in, or -1 for a row without `run_id`.
    var run: Int32
    var question: String
    var answer: String
}

/// Journey runs and results of all contacts, in generation order.
struct JourneyDrafts {
    var runs: [RunDraft] = []
    var results: [ResultDraft] = []
}

/// Generates one contact's Journey runs and results from its sessions, then its consent and
/// contact fields. It draws from its own stream (`salt`), never from the stream of
/// `ContactSimulation`, so the messages and events stay what they were before these records
/// existed.
struct JourneySimulation {
    /// Mixed into the seed: "JOURNEYS".
    static let salt: UInt64 = 0x4A4F_5552_4E45_5953

    private let timeline: DemoTimeline
    private let contact: Int32
    private var rng: DemoRandom
    private var order: Int32 = 0

    init(index: Int, seed: UInt64, timeline: DemoTimeline) {
        self.timeline = timeline
        self.contact = Int32(index)
        self.rng = DemoRandom(seed: seed ^ JourneySimulation.salt, stream: UInt64(index) + 1)
    }

    /// Appends the contact's runs and results to `drafts` and fills in its consent and fields.
    mutating func run(_ draft: inout ContactDraft, into drafts: inout JourneyDrafts) {
        var onboardingConsent: (time: Int64, yes: Bool)?
        for k in draft.sessions.indices {
            let next = k + 1 < draft.sessions.count ? draft.sessions[k + 1].start : Int64.max
            if let answer = runJourney(draft.sessions[k], next: next, program: draft.program, into: &drafts), k == 0 {
                onboardingConsent = answer
            }
        }
        decideConsent(&draft, onboardingConsent)
        draft.fields = fields(draft)
    }

    private mutating func nextOrder() -> Int32 {
        order += 1
        return order
    }

    /// One run of the session's Journey; returns the consent answer when it gave one.
    private mutating func runJourney(
        _ session: SessionSummary, next: Int64, program: Int, into drafts: inout JourneyDrafts
    ) -> (time: Int64, yes: Bool)? {
        let journey = DemoCatalog.journeys[session.journey]
        let steps = journey.steps.count
        let duration = session.automatedEnd - session.start
        // The steps are spread over the session's automated replies.
        func stepTime(_ step: Int) -> Int64 { session.start + duration * Int64(step) / Int64(steps - 1) }
        let completes = rng.percent(journey.completion)
        // People who stop mostly stop early.
        let last = completes ? steps - 1 : rng.weighted((0..<(steps - 1)).map { (steps - $0) * (steps - $0) })
        let run = nextOrder()
        var consent: (time: Int64, yes: Bool)?
        // A question is answered when the run got past its step; the answer moves it on.
        for question in journey.questions where question.step < last {
            let time = stepTime(question.step + 1)
            guard time < timeline.interval.upperBound else { continue }
            let answer = self.answer(question.answers, program: program)
            if question.key == "consent" {
                consent = (time, answer.lowercased().filter { $0 != " " } == "yes")
            }
            // Now and then a result is written outside a run (no run_id).
            let inRun = !rng.permille(15)
            drafts.results.append(
                ResultDraft(
                    time: time, contact: contact, order: nextOrder(), journey: Int32(session.journey),
                    run: inRun ? run : -1, question: question.key, answer: answer))
        }
        var end: (time: Int64, outcome: RunDraft.Outcome)
        if completes {
            end = (session.automatedEnd + rng.seconds(1...4), .completed)
        } else if let handover = session.handover {
            end = (handover, .interrupted)  // a coach took over
        } else if next < stepTime(last) + DemoCatalog.runTimeout {
            end = (next, .interrupted)  // the next session's Journey took over
        } else {
            end = (stepTime(last) + DemoCatalog.runTimeout, .expired)
        }
        drafts.runs.append(
            RunDraft(
                start: session.start, contact: contact, order: run, journey: Int32(session.journey),
                end: end.time < timeline.interval.upperBound ? end : nil, lastStep: Int32(last)))
        return consent
    }

    private mutating func answer(_ answers: DemoCatalog.Answers, program: Int) -> String {
        switch answers {
        case .choices(let choices): choices[rng.weighted(choices.map(\.1))].0
        case .number(let range): String(rng.int(range))
        case .programme:
            DemoCatalog.programmeAnswers[program][rng.weighted(DemoCatalog.programmeAnswers[program].map(\.1))].0
        }
    }

    // MARK: Consent

    /// Most people consent in the Onboarding; some of the others later, when they come back.
    /// A few opt out (by writing STOP in a later session), and some of them opt in again.
    private mutating func decideConsent(_ draft: inout ContactDraft, _ answer: (time: Int64, yes: Bool)?) {
        let sessions = draft.sessions
        var optedIn: Int64?
        if let answer, answer.yes {
            optedIn = answer.time
        } else if sessions.count > 1, rng.percent(50) {
            optedIn = sessions[rng.int(1...(sessions.count - 1))].start + rng.seconds(5...90)
        }
        guard let optedInAt = optedIn else { return }
        draft.optedInAt = optedInAt
        guard rng.permille(45) else { return }
        let later = sessions.filter { $0.start > optedInAt }
        let optedOutAt: Int64
        if later.isEmpty {
            optedOutAt = optedInAt + rng.seconds(3600...5_184_000)
            guard optedOutAt < timeline.interval.upperBound else { return }
        } else {
            optedOutAt = rng.element(later).start + rng.seconds(5...120)
        }
        draft.optedOutAt = optedOutAt
        if rng.percent(30), let back = sessions.first(where: { $0.start > optedOutAt }) {
            draft.optedInAt = back.start + rng.seconds(5...60)
        }
    }

    // MARK: Fields

    /// The `fields` JSON text: district (mostly South Africans), cohort (the quarter the
    /// contact arrived in, counted from the first quarter of the data) and language; empty for
    /// a few contacts, and some keys missing for others.
    private mutating func fields(_ draft: ContactDraft) -> String {
        guard !rng.permille(60) else { return "" }
        let southAfrican = draft.phone.hasPrefix("+27") || draft.phone.hasPrefix("27")
        var parts: [String] = []
        if southAfrican ? !rng.percent(4) : rng.percent(30) {
            var district = DemoCatalog.districts[rng.weighted(DemoCatalog.districts.map(\.1))].0
            // Typed by hand now and then.
            if rng.percent(3) { district = rng.percent(50) ? district.lowercased() : district + " " }
            parts.append("\"district\": \"" + district + "\"")
        }
        let first = DemoDate(epochDay: timeline.firstEpochDay)
        let arrived = DemoDate(epochDay: timeline.firstEpochDay + Int64(timeline.day(of: draft.createdAt)))
        let cohort = (arrived.year - first.year) * 4 + (arrived.month - 1) / 3 - (first.month - 1) / 3 + 1
        parts.append("\"cohort\": " + String(cohort))
        if !rng.percent(5) {
            let language = southAfrican ? DemoCatalog.languages[rng.weighted(DemoCatalog.languages.map(\.1))].0 : "en"
            parts.append("\"language\": \"" + language + "\"")
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
