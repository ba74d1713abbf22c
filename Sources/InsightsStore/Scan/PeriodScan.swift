import Foundation
import GRDBSQLite
import InsightsMetrics
import Synchronization

/// Reads a period's messages (and the previous period's) on several read connections at
/// once, each counting a range of days into its own `MessageTally`; the parts merge into the
/// tally of the whole.
///
/// These are the only per-message reads of a report, so they go through SQLite's C API with
/// nothing allocated per row: contact keys and instants are integers, and authors are looked
/// up by their bytes (`AuthorTable`, keyed by `ReadConnection.authorKeyBytes`), making a
/// `String` only the first time one is seen.
/// The connections come in with their read transactions begun on one snapshot
/// (`Store.readSnapshot`), so the parts add up to one state of the database.
struct PeriodScan {
    /// One per thread, each in its read transaction.
    let connections: [ReadConnection]
    /// `--segment`: when set, only these contacts' messages are counted.
    var segment: ContactSet? = nil

    /// The counts of the previous period that the report compares with.
    struct PreviousCounts: Sendable {
        var received = 0
        var sent = 0
        var active = ContactSet()

        mutating func merge(_ other: PreviousCounts) {
            received += other.received
            sent += other.sent
            active.formUnion(other.active)
        }
    }

    struct Result {
        var tally: MessageTally
        var previous: PreviousCounts
    }

    private enum Job: Sendable {
        case current(Range<Instant>)
        case previous(Range<Instant>)
    }

    private enum Part: Sendable {
        case current(MessageTally)
        case previous(PreviousCounts)
    }

    /// Counts `period` (and the previous period's headline counts), split into day ranges.
    func run(period: ReportPeriod, calendar: ReportCalendar) throws(StoreError) -> Result {
        // About four ranges per thread, so a thread that finishes early takes another.
        let pieces = max(1, min(period.dayCount, 4 * connections.count))
        let jobs: [Job] =
            Self.dayRanges(of: period, pieces: pieces).map { .current($0.instants(in: calendar)) }
            + Self.dayRanges(of: period.previous, pieces: max(1, pieces / 2)).map { .previous($0.instants(in: calendar)) }

        let next = Atomic<Int>(0)
        let outcome = Mutex<(parts: [Part], error: StoreError?)>(([], nil))
        let workers = max(1, min(connections.count, jobs.count))
        // Each connection is used by one thread only (`ReadConnection` is not shared).
        nonisolated(unsafe) let connections = connections
        let segment = segment
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do throws(StoreError) {
                let connection = connections[worker]
                var parts: [Part] = []
                while true {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < jobs.count else { break }
                    switch jobs[index] {
                    case .current(let range):
                        var tally = MessageTally(period: period, calendar: calendar)
                        try connection.countMessages(in: range, into: &tally, segment: segment)
                        parts.append(.current(tally))
                    case .previous(let range):
                        parts.append(.previous(try connection.countPrevious(in: range, segment: segment)))
                    }
                }
                outcome.withLock { $0.parts += parts }
            } catch {
                outcome.withLock { $0.error = $0.error ?? error }
            }
        }
        let (parts, error) = outcome.withLock { ($0.parts, $0.error) }
        if let error { throw error }
        var tally = MessageTally(period: period, calendar: calendar)
        var previous = PreviousCounts()
        for part in parts {
            switch part {
            case .current(let other): tally.merge(other)
            case .previous(let other): previous.merge(other)
            }
        }
        return Result(tally: tally, previous: previous)
    }

    /// The period's days cut into at most `pieces` consecutive ranges of near-equal length.
    static func dayRanges(of period: ReportPeriod, pieces: Int) -> [ReportPeriod] {
        let days = period.dayCount
        let count = max(1, min(pieces, days))
        return (0..<count).compactMap { piece in
            let first = days * piece / count
            let last = days * (piece + 1) / count - 1
            return ReportPeriod(from: period.from.adding(days: first), to: period.from.adding(days: last))
        }
    }
}
