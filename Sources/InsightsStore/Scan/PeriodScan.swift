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
/// up by their bytes (`AuthorTable`), making a `String` only the first time one is seen.
/// Every connection reads the database's `data_version` in its read transaction, so the
/// caller can tell that all of them saw the same data.
struct PeriodScan {
    let path: String
    let parallelism: Int

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
                        try connection.countMessages(in: range, into: &tally)
                        parts.append(.current(tally))
                    case .previous(let range):
                        parts.append(.previous(try connection.countPrevious(in: range)))
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

/// A read-only SQLite connection holding one read transaction, used from one thread.
private final class ReadConnection {
    let path: String
    let handle: OpaquePointer

    init(path: String) throws(StoreError) {
        self.path = path
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            throw StoreError.sqlite(path: path, message: message)
        }
        self.handle = handle
        try execute("BEGIN")
    }

    deinit { sqlite3_close(handle) }

    func finish() throws(StoreError) { try execute("COMMIT") }

    /// The import counter of the snapshot this transaction reads.
    func dataVersion() throws(StoreError) -> String? {
        let statement = try prepare("SELECT value FROM meta WHERE key = '\(Store.dataVersionKey)'")
        defer { sqlite3_finalize(statement) }
        guard try step(statement) else { return nil }
        return sqlite3_column_text(statement, 0).map { String(cString: $0) }
    }

    /// Counts every message of `range` into the tally.
    func countMessages(in range: Range<Instant>, into tally: inout MessageTally) throws(StoreError) {
        let statement = try prepare(
            "SELECT inbound, contact, ts, author_type, author_id, author_name FROM messages WHERE ts >= ?1 AND ts < ?2")
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_int64(statement, 1, range.lowerBound)
        sqlite3_bind_int64(statement, 2, range.upperBound)
        var authors = AuthorTable()
        while try step(statement) {
            let instant = sqlite3_column_int64(statement, 2)
            if sqlite3_column_int(statement, 0) != 0 {
                tally.addInbound(contact: sqlite3_column_int64(statement, 1), at: instant)
            } else {
                let author = authors.index(statement, tally: &tally)
                tally.addOutbound(at: instant, author: author)
            }
        }
    }

    /// The previous period's counts, from the `messages_ts` index alone.
    func countPrevious(in range: Range<Instant>) throws(StoreError) -> PeriodScan.PreviousCounts {
        let statement = try prepare("SELECT inbound, contact FROM messages WHERE ts >= ?1 AND ts < ?2")
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_int64(statement, 1, range.lowerBound)
        sqlite3_bind_int64(statement, 2, range.upperBound)
        var counts = PeriodScan.PreviousCounts()
        while try step(statement) {
            if sqlite3_column_int(statement, 0) != 0 {
                counts.received += 1
                counts.active.insert(sqlite3_column_int64(statement, 1))
            } else {
                counts.sent += 1
            }
        }
        return counts
    }

    private func execute(_ sql: String) throws(StoreError) {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw error() }
    }

    private func prepare(_ sql: String) throws(StoreError) -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw error() }
        return statement
    }

    /// Steps a statement: true with a row, false when done.
    private func step(_ statement: OpaquePointer) throws(StoreError) -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw error()
        }
    }

    private func error() -> StoreError {
        StoreError.sqlite(path: path, message: String(cString: sqlite3_errmsg(handle)))
    }
}

/// Authors by the bytes of their key (type, then id, or name when there is no id), so a
/// message's author is found without making strings; a `String` is made once per author.
private struct AuthorTable {
    private var slots = [Int32](repeating: -1, count: 1024)
    private var entries: [(hash: UInt64, start: Int, count: Int, author: Int)] = []
    private var arena: [UInt8] = []
    private var key: [UInt8] = []

    /// The tally's index of the author of the current row (columns 3, 4, 5: type, id, name).
    mutating func index(_ statement: OpaquePointer, tally: inout MessageTally) -> Int {
        key.removeAll(keepingCapacity: true)
        append(statement, 3)
        if sqlite3_column_type(statement, 4) != SQLITE_NULL {
            key.append(1)
            append(statement, 4)
        } else if sqlite3_column_type(statement, 5) != SQLITE_NULL {
            key.append(2)
            append(statement, 5)
        } else {
            key.append(3)
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = entries[Int(slots[slot])]
            if entry.hash == hash, entry.count == key.count, arena[entry.start..<(entry.start + entry.count)].elementsEqual(key) {
                return entry.author
            }
            slot = (slot + 1) & mask
        }
        let author = tally.author(
            AuthorKey(
                type: text(statement, 3).flatMap(AuthorType.init(rawValue:)), id: text(statement, 4),
                name: text(statement, 5)))
        slots[slot] = Int32(entries.count)
        entries.append((hash, arena.count, key.count, author))
        arena += key
        if entries.count * 2 > slots.count { grow() }
        return author
    }

    private mutating func append(_ statement: OpaquePointer, _ column: Int32) {
        guard let text = sqlite3_column_text(statement, column) else { return }
        key.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))))
        key.append(0)
    }

    private func text(_ statement: OpaquePointer, _ column: Int32) -> String? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return String(
            decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
