/// "Are we making an impact?" (Journeys): what happened to the runs begun in the period, where
/// people stopped, and what they answered (METRICS.md, "Journeys" and section 6).
///
/// Only runs whose `started_at` is in the period count: a run begun before it is left out even
/// when it ends inside it. A run's state is taken at the end of the period: its outcome when
/// `ended_at` is before the end, else `in_progress` (a run ending at the very end instant, or
/// after it, is still in progress). Answers count by their own timestamp and Journey, whatever
/// run they belong to. Journeys are listed when they have a run started in the period, most
/// runs first, then by `journey_id` (code point order).
public struct JourneyMetrics: Equatable, Sendable {
    /// One entry per Journey with a run started in the period, in listing order
    /// (metrics.json `impact.journeys`).
    public let journeys: [JourneyResult]

    /// The most drop-off steps listed per Journey; the rest is `other`.
    public static let dropOffLimit = 5
    /// The most answers listed per question; the rest is `other`.
    public static let answerLimit = 10

    /// Computes the block.
    /// - Parameters:
    ///   - period: the period's instants, `[start, end)`.
    ///   - runs: the runs whose `startedAt` is in the period (others are ignored), with their
    ///     `endedAt`, `outcome` and `lastStep` as stored (at any time).
    ///   - results: the Journey results whose `timestamp` is in the period (others are ignored).
    ///   - names: each Journey's name (the `journey_name` of its newest run that has one, over
    ///     all data); a Journey missing from it is named by its id.
    public init(period: Range<Instant>, runs: [JourneyRunRow], results: [JourneyResultRow], names: [String: String]) {
        var byJourney: [String: [JourneyRunRow]] = [:]
        for run in runs where period.contains(run.startedAt) {
            byJourney[run.journeyID, default: []].append(run)
        }
        let answers = Self.answers(period: period, results: results)
        self.journeys = byJourney.map { journeyID, runs in
            JourneyResult(
                journeyID: journeyID, name: names[journeyID] ?? journeyID, periodEnd: period.upperBound, runs: runs,
                answers: answers[journeyID] ?? [])
        }.sorted {
            $0.runsStarted != $1.runsStarted
                ? $0.runsStarted > $1.runsStarted : codePointPrecedes($0.journeyID, $1.journeyID)
        }
    }

    /// Creates the block from its values.
    public init(journeys: [JourneyResult]) {
        self.journeys = journeys
    }

    /// Completed runs started in the period, summed over Journeys (the headline and breakdown
    /// `journey_completions`).
    public var totalCompleted: Int { journeys.reduce(0) { $0 + $1.completed } }

    /// Per Journey, its questions' answers: each respondent's newest answer in the period
    /// (also the reduction of `JourneyAggregate`).
    static func answers(period: Range<Instant>, results: [JourneyResultRow]) -> [String: [QuestionAnswers]] {
        struct Key: Hashable {
            let journeyID: String
            let question: String
            let contact: ContactKey
        }
        var newest: [Key: JourneyResultRow] = [:]
        for row in results where period.contains(row.timestamp) {
            let key = Key(journeyID: row.journeyID, question: row.question, contact: row.contact)
            if let kept = newest[key], (kept.timestamp, kept.sequence) > (row.timestamp, row.sequence) { continue }
            newest[key] = row
        }
        var counts: [String: [String: [String: Int]]] = [:]  // journey → question → answer → users
        for (key, row) in newest {
            counts[key.journeyID, default: [:]][key.question, default: [:]][trimmedLabel(row.answer, empty: ""), default: 0] += 1
        }
        return counts.mapValues { questions in
            questions.map { question, answers in
                QuestionAnswers(
                    question: question, respondents: answers.values.reduce(0, +),
                    answers: TopList(counts: answers, limit: answerLimit))
            }.sorted { codePointPrecedes($0.question, $1.question) }
        }
    }
}

/// One Journey's numbers (an element of metrics.json `impact.journeys`).
public struct JourneyResult: Equatable, Sendable {
    /// `journey_id`.
    public let journeyID: String
    /// `name`: the resolved name, else the id.
    public let name: String
    /// `runs_started`: runs whose `started_at` is in the period.
    public let runsStarted: Int
    /// `users_started`: distinct contacts among those runs.
    public let usersStarted: Int
    /// `completed`: of those runs, the ones that ended `completed` before the end of the period.
    public let completed: Int
    /// `expired`: the ones that ended `expired` before the end of the period.
    public let expired: Int
    /// `interrupted`: the ones that ended `interrupted` before the end of the period.
    public let interrupted: Int
    /// `in_progress`: the ones not ended before the end of the period (`runsStarted` minus the
    /// three outcomes).
    public let inProgress: Int
    /// `median_minutes_to_complete`: median over the completed runs of `ended_at − started_at`
    /// in exact minutes; nil when none completed.
    public let medianMinutesToComplete: Double?
    /// `drop_off`: the expired and interrupted runs by trimmed `last_step` (`(unknown)` when
    /// empty or missing), the 5 largest, then `other` (nil when nothing is left). Emit
    /// `top` as `[{step, runs}]`; `other`, when not nil, as a last `{"step": "other", "runs": n}`.
    public let dropOff: TopList
    /// `answers`: one entry per question with results in the period, by question (code point
    /// order).
    public let answers: [QuestionAnswers]

    /// `completion_rate`: `completed / runsStarted` (never nil for a listed Journey; nil only
    /// when `runsStarted` is 0).
    public var completionRate: Double? {
        runsStarted == 0 ? nil : Double(completed) / Double(runsStarted)
    }

    /// Counts one Journey's runs (all started in the period) at the end of the period.
    init(journeyID: String, name: String, periodEnd: Instant, runs: [JourneyRunRow], answers: [QuestionAnswers]) {
        var counts: [JourneyOutcome: Int] = [:]
        var durations: [Double] = []
        var steps: [String: Int] = [:]
        for run in runs {
            guard let endedAt = run.endedAt, endedAt < periodEnd, let outcome = run.outcome else { continue }
            counts[outcome, default: 0] += 1
            switch outcome {
            case .completed: durations.append(Double(endedAt - run.startedAt) / 60_000_000)
            case .expired, .interrupted: steps[trimmedLabel(run.lastStep, empty: "(unknown)"), default: 0] += 1
            }
        }
        self.init(
            journeyID: journeyID, name: name, runsStarted: runs.count,
            usersStarted: Set(runs.map(\.contact)).count, completed: counts[.completed] ?? 0,
            expired: counts[.expired] ?? 0, interrupted: counts[.interrupted] ?? 0,
            medianMinutesToComplete: median(durations),
            dropOff: TopList(counts: steps, limit: JourneyMetrics.dropOffLimit), answers: answers)
    }

    /// Creates a Journey's numbers from its values (`inProgress` is what the outcomes leave).
    public init(
        journeyID: String, name: String, runsStarted: Int, usersStarted: Int, completed: Int, expired: Int,
        interrupted: Int, medianMinutesToComplete: Double?, dropOff: TopList, answers: [QuestionAnswers]
    ) {
        self.journeyID = journeyID
        self.name = name
        self.runsStarted = runsStarted
        self.usersStarted = usersStarted
        self.completed = completed
        self.expired = expired
        self.interrupted = interrupted
        self.inProgress = runsStarted - completed - expired - interrupted
        self.medianMinutesToComplete = medianMinutesToComplete
        self.dropOff = dropOff
        self.answers = answers
    }
}

/// What people answered to one question of a Journey in the period (an element of a
/// Journey's `answers`).
public struct QuestionAnswers: Equatable, Sendable {
    /// `question`: the result's key, as stored.
    public let question: String
    /// `respondents`: distinct contacts with a result for it in the period.
    public let respondents: Int
    /// `answers`: each respondent's newest answer in the period (ties: the later row, the
    /// higher `JourneyResultRow.sequence`: import order, or the file's `seq`), trimmed and compared case-sensitively; the 10 most given, then `other` (nil when
    /// nothing is left). Emit `top` as `[{answer, users}]`; `other`, when not nil, as a last
    /// `{"answer": "other", "users": n}`.
    public let answers: TopList

    /// Creates a question's numbers.
    public init(question: String, respondents: Int, answers: TopList) {
        self.question = question
        self.respondents = respondents
        self.answers = answers
    }
}
