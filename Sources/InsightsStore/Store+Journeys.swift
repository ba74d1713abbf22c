import GRDB
import InsightsMetrics

/// The reads of the Journeys block: the runs started in a period, the answers given in it,
/// and the names of Journeys. Each `Database` function runs inside the caller's read (one
/// snapshot for the whole report); the `Store` functions of the same name open a read.
extension Store {
    /// The Journey runs whose `started_at` is in `range`, by `started_at` then import order,
    /// with `ended_at` and `outcome` as stored (index `journey_runs_started`).
    public func journeyRuns(startedIn range: Range<Instant>) throws(StoreError) -> [JourneyRunRow] {
        try wrap { try queue.read { db in try Self.journeyRuns(db, startedIn: range) } }
    }

    /// The Journey results whose timestamp is in `range`, in import order; `sequence` is the
    /// result's place among the contact's answers to the question at its instant
    /// (`resultOrder`: of two, the higher is the later row). Exact duplicates were stored
    /// once at import.
    public func journeyResults(in range: Range<Instant>) throws(StoreError) -> [JourneyResultRow] {
        try wrap { try queue.read { db in try Self.journeyResults(db, in: range) } }
    }

    /// For each id of `journeyIDs` that has a named run: the `journey_name` of its newest run
    /// (by `started_at`, then `run_id`) that has one, over all stored runs.
    public func journeyNames(for journeyIDs: some Sequence<String>) throws(StoreError) -> [String: String] {
        try wrap { try queue.read { db in try Self.journeyNames(db, for: journeyIDs) } }
    }

    static func journeyRuns(_ db: Database, startedIn range: Range<Instant>) throws -> [JourneyRunRow] {
        var runs: [JourneyRunRow] = []
        try db.forEachSQLiteRow(
            """
            SELECT run_id, contact, journey_id, started_at, ended_at, outcome, last_step FROM journey_runs
            WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id
            """, [range.lowerBound, range.upperBound]
        ) { row in
            guard let runID = row.string(0), let journeyID = row.string(2) else { return }
            var outcome: JourneyOutcome?
            if let text = row.string(5) {
                guard let known = JourneyOutcome(rawValue: text) else { throw unknownValue("journey_runs.outcome", text) }
                outcome = known
            }
            runs.append(
                JourneyRunRow(
                    runID: runID, contact: row.int64(1), journeyID: journeyID, startedAt: row.int64(3),
                    endedAt: row.optionalInt64(4), outcome: outcome, lastStep: row.string(6)))
        }
        return runs
    }

    static func journeyResults(_ db: Database, in range: Range<Instant>) throws -> [JourneyResultRow] {
        var results: [JourneyResultRow] = []
        try db.forEachSQLiteRow(
            """
            SELECT contact, journey_id, question, answer, ts, \(resultOrder("journey_results")) FROM journey_results
            WHERE ts >= ? AND ts < ? ORDER BY id
            """,
            [range.lowerBound, range.upperBound]
        ) { row in
            guard let journeyID = row.string(1), let question = row.string(2), let answer = row.string(3) else { return }
            results.append(
                JourneyResultRow(
                    contact: row.int64(0), journeyID: journeyID, question: question, answer: answer, timestamp: row.int64(4),
                    sequence: row.int64(5)))
        }
        return results
    }

    /// The place (1, 2, …) of the `journey_results` row aliased `alias` among the contact's
    /// answers to the same question of the same Journey at the same instant: by `seq` (lower
    /// first), then rows without `seq` in import order (row id). The later row is the higher;
    /// the export writes it as `seq`.
    static func resultOrder(_ alias: String) -> String {
        """
        ROW_NUMBER() OVER (
          PARTITION BY \(alias).contact, \(alias).journey_id, \(alias).question, \(alias).ts
          ORDER BY \(alias).seq IS NULL, \(alias).seq, \(alias).id)
        """
    }

    /// One seek of the partial index `journey_runs_named` per Journey.
    static func journeyNames(_ db: Database, for journeyIDs: some Sequence<String>) throws -> [String: String] {
        let statement = try db.cachedStatement(
            sql: """
                SELECT journey_name FROM journey_runs INDEXED BY journey_runs_named
                WHERE journey_id = ? AND journey_name IS NOT NULL
                ORDER BY started_at DESC, run_id DESC LIMIT 1
                """)
        var names: [String: String] = [:]
        for id in Set(journeyIDs).sorted() {
            if let name = try String.fetchOne(statement, arguments: [id]) { names[id] = name }
        }
        return names
    }

    /// The error for a stored value this Insights does not know (the schema's CHECKs allow
    /// none, so only a database written by other means has one).
    static func unknownValue(_ column: String, _ text: String) -> DatabaseError {
        DatabaseError(resultCode: .SQLITE_CORRUPT, message: "\(column) holds \"\(text)\", which this Insights does not know")
    }
}
