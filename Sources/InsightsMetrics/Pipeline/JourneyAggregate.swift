import Foundation

/// A period's Journey runs and results as counts: what the Journeys block (`JourneyMetrics`)
/// is built from, with the one or two middle values of each Journey's time-to-complete
/// median. `JourneyAggregate(period:runs:results:names:runsStored:)` reduces the SQLite
/// path's rows; a warehouse counts it in SQL (drop-off steps and answers already trimmed and
/// cut to their top lists, so the size does not grow with the data).
public struct JourneyAggregate: Equatable, Sendable {
    /// Per Journey with a run started in the period (by `journey_id`): its counts.
    public var journeys: [String: JourneyCounts]
    /// The name of each Journey of `journeys` that has one: the `journey_name` of its newest
    /// run (by `started_at`, then `run_id`) that has one, over all data.
    public var names: [String: String]
    /// Whether any Journey run is stored at all (in any period).
    public var runsStored: Bool
    /// The Journey results whose timestamp lies in the period (exact duplicates once).
    public var resultsInPeriod: Int

    /// Creates the aggregate from its values.
    public init(journeys: [String: JourneyCounts], names: [String: String], runsStored: Bool, resultsInPeriod: Int) {
        self.journeys = journeys
        self.names = names
        self.runsStored = runsStored
        self.resultsInPeriod = resultsInPeriod
    }

    /// No Journey data at all.
    public static let none = JourneyAggregate(journeys: [:], names: [:], runsStored: false, resultsInPeriod: 0)

    /// Reduces a period's rows with `JourneyMetrics(period:runs:results:names:)`'s rules.
    /// - Parameters:
    ///   - period: the period's instants, `[start, end)`.
    ///   - runs: runs with their end as stored; those not started in the period are ignored.
    ///   - results: results; those whose timestamp is not in the period are ignored.
    ///   - names: Journey names (resolved over all data); kept for the Journeys counted.
    ///   - runsStored: whether any run is stored at all (also true when `runs` holds one).
    public init(
        period: Range<Instant>, runs: [JourneyRunRow], results: [JourneyResultRow], names: [String: String],
        runsStored: Bool
    ) {
        var byJourney: [String: [JourneyRunRow]] = [:]
        for run in runs where period.contains(run.startedAt) {
            byJourney[run.journeyID, default: []].append(run)
        }
        let answers = JourneyMetrics.answers(period: period, results: results)
        self.init(
            journeys: byJourney.reduce(into: [:]) { result, entry in
                result[entry.key] = JourneyCounts(
                    periodEnd: period.upperBound, runs: entry.value, answers: answers[entry.key] ?? [])
            },
            names: names.filter { byJourney[$0.key] != nil }, runsStored: runsStored || !runs.isEmpty,
            resultsInPeriod: results.count { period.contains($0.timestamp) })
    }
}

/// One Journey's runs begun in the period, counted at the end of the period (see
/// `JourneyResult`), and its answers in the period.
public struct JourneyCounts: Equatable, Sendable {
    /// Runs started in the period.
    public var runsStarted: Int
    /// Distinct contacts among them.
    public var usersStarted: Int
    /// Of those, the ones that ended `completed` before the end of the period.
    public var completed: Int
    /// The ones that ended `expired` before the end.
    public var expired: Int
    /// The ones that ended `interrupted` before the end.
    public var interrupted: Int
    /// The middle value (odd `completed`) or two middle values (even) of the completed runs'
    /// `ended_at − started_at` in microseconds, ascending; empty when none completed.
    public var middleDurations: [Int64]
    /// The expired and interrupted runs by trimmed `last_step` (`(unknown)` when empty): the
    /// `JourneyMetrics.dropOffLimit` largest, then `other`.
    public var dropOff: TopList
    /// Per question with results in the period, by question (code point order): its
    /// respondents and their newest answers' top list.
    public var answers: [QuestionAnswers]

    /// Creates the counts from their values.
    public init(
        runsStarted: Int, usersStarted: Int, completed: Int, expired: Int, interrupted: Int, middleDurations: [Int64],
        dropOff: TopList, answers: [QuestionAnswers]
    ) {
        self.runsStarted = runsStarted
        self.usersStarted = usersStarted
        self.completed = completed
        self.expired = expired
        self.interrupted = interrupted
        self.middleDurations = middleDurations
        self.dropOff = dropOff
        self.answers = answers
    }

    /// Counts one Journey's runs (all started in the period) at the end of the period.
    init(periodEnd: Instant, runs: [JourneyRunRow], answers: [QuestionAnswers]) {
        var counts: [JourneyOutcome: Int] = [:]
        var durations: [Int64] = []
        var steps: [String: Int] = [:]
        for run in runs {
            guard let endedAt = run.endedAt, endedAt < periodEnd, let outcome = run.outcome else { continue }
            counts[outcome, default: 0] += 1
            switch outcome {
            case .completed: durations.append(endedAt - run.startedAt)
            case .expired, .interrupted: steps[trimmedLabel(run.lastStep, empty: "(unknown)"), default: 0] += 1
            }
        }
        durations.sort()
        self.init(
            runsStarted: runs.count, usersStarted: Set(runs.map(\.contact)).count, completed: counts[.completed] ?? 0,
            expired: counts[.expired] ?? 0, interrupted: counts[.interrupted] ?? 0,
            middleDurations: middleValues(ofSorted: durations),
            dropOff: TopList(counts: steps, limit: JourneyMetrics.dropOffLimit), answers: answers)
    }
}

extension JourneyMetrics {
    /// Builds the block from a period's aggregate: Journeys by runs started, then
    /// `journey_id` (code point order), each named by `names` or else by its id.
    public init(aggregate: JourneyAggregate) {
        self.init(
            journeys: aggregate.journeys.map { journeyID, counts in
                JourneyResult(
                    journeyID: journeyID, name: aggregate.names[journeyID] ?? journeyID, runsStarted: counts.runsStarted,
                    usersStarted: counts.usersStarted, completed: counts.completed, expired: counts.expired,
                    interrupted: counts.interrupted,
                    medianMinutesToComplete: median(counts.middleDurations.map { Double($0) / 60_000_000 }),
                    dropOff: counts.dropOff, answers: counts.answers)
            }.sorted {
                $0.runsStarted != $1.runsStarted
                    ? $0.runsStarted > $1.runsStarted : codePointPrecedes($0.journeyID, $1.journeyID)
            })
    }
}

/// The white space trimmed off drop-off steps and answers (`trimmedLabel`): Foundation's
/// `whitespacesAndNewlines`, written out so a warehouse trims exactly the same characters
/// (`JourneyAggregateTests` checks it against the character set).
public let trimmedWhiteSpace: String = {
    let codes: [UInt32] =
        [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680] + Array(0x2000...0x200B)
        + [0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
    return String(String.UnicodeScalarView(codes.compactMap { Unicode.Scalar($0) }))
}()
