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
/// Every connection reads the database's `data_version` in its read transaction, so the
/// caller can tell that all of them saw the same data.
struct PeriodScan {
    let path: String
    let parallelism: Int
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
        /// The `data_version` every connection saw (nil when they differ: an import
        /// committed in between, and the scan must be repeated).
        var dataVersion: String??
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
        let pieces = max(1, min(period.dayCount, 4 * parallelism))
        let jobs: [Job] =
            Self.dayRanges(of: period, pieces: pieces).map { .current($0.instants(in: calendar)) }
            + Self.dayRanges(of: period.previous, pieces: max(1, pieces / 2)).map { .previous($0.instants(in: calendar)) }

        let next = Atomic<Int>(0)
        let outcome = Mutex<(parts: [Part], versions: Set<String>, error: StoreError?)>(([], [], nil))
        let workers = max(1, min(parallelism, jobs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            do throws(StoreError) {
                let connection = try ReadConnection(path: path)
                let version = try connection.dataVersion()
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
                try connection.finish()
                outcome.withLock {
                    $0.parts += parts
                    $0.versions.insert(version ?? "")
                }
            } catch {
                outcome.withLock { $0.error = $0.error ?? error }
            }
        }
        let (parts, versions, error) = outcome.withLock { ($0.parts, $0.versions, $0.error) }
        if let error { throw error }
        var tally = MessageTally(period: period, calendar: calendar)
        var previous = PreviousCounts()
        for part in parts {
            switch part {
            case .current(let other): tally.merge(other)
            case .previous(let other): previous.merge(other)
            }
        }
        let version: String?? = versions.count == 1 ? .some(versions.first.flatMap { $0.isEmpty ? nil : $0 }) : .none
        return Result(tally: tally, previous: previous, dataVersion: version)
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
