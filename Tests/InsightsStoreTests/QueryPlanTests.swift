import Foundation
import GRDB
import InsightsMetrics
import InsightsTestSupport
import Synchronization
import Testing

@testable import InsightsStore

/// The report's large reads are meant to come from indexes alone. SQLite says so only in its
/// plan (`USING COVERING INDEX`), and a small change (a column left out of an index, a partial
/// index whose own condition the query repeats) silently turns such a read into a table
/// lookup per row, ten times slower on a large helpline with every number still right. This
/// suite records every statement a report's read prepares and checks the plan of each.
@Suite(.temporaryFolders) struct QueryPlanTests {
    /// Indexes a report names with `INDEXED BY` that are meant to need the table too: the
    /// close events read `event`, `seq` and `actor_id` from their rows (a few per period), and
    /// an author's or a Journey's newest name is one seek and then that one row.
    static let readThroughTheTable: Set<String> = [
        "conversation_events_ts", "messages_author_named", "journey_runs_named",
    ]

    @Test func theReportsIndexedReadsAreCovering() throws {
        let db = try StoreReadsTests.database()
        let statements = Mutex<[String]>([])
        try db.store.queue.inDatabase { database in
            database.trace(options: .statement) { event in
                if case .statement(let statement) = event { statements.withLock { $0.append(statement.sql) } }
            }
        }
        // One connection, so every read (the trend's too) goes through the traced one.
        let october = try #require(ReportPeriod(year: 2026, month: 10))
        _ = try db.store.periodData(period: october, calendar: zone("UTC"), parallelism: 1)
        let indexed = Set(statements.withLock { $0 }.filter { $0.contains("INDEXED BY") })
        // The trend's messages, the funnel, reached users, coach messages twice, closes.
        #expect(indexed.count >= 6, "the report's indexed reads were recorded: \(indexed.count)")
        var checked: Set<String> = []
        for sql in indexed {
            // Through the C API: the parameters stay unbound (NULL), which planning allows.
            let plan = try db.store.queue.read { database in
                var details: [String] = []
                try database.forEachSQLiteRow("EXPLAIN QUERY PLAN " + sql) { row in details.append(row.string(3) ?? "") }
                return details
            }
            for name in Self.indexNames(in: sql) where !Self.readThroughTheTable.contains(name) {
                checked.insert(name)
                #expect(
                    plan.contains { $0.contains("USING COVERING INDEX \(name)") },
                    "\(name) is not covering for:\n\(sql)\nplan: \(plan)")
            }
        }
        #expect(
            checked.isSuperset(of: [
                "messages_ts", "messages_coach", "message_delivery_ts", "message_delivery_reached",
            ]), "checked: \(checked.sorted())")
        // The spans have no INDEXED BY: their plan is checked by name.
        let spans = try db.store.queue.read { database in
            try Row.fetchAll(
                database,
                sql: """
                    EXPLAIN QUERY PLAN
                    SELECT contact, opened_at, closed_at, reopen, by_inbound FROM conversation_spans
                    WHERE closed_at >= 1 AND opened_at < 2
                    """
            ).map { $0["detail"] as String }
        }
        #expect(spans.contains { $0.contains("USING COVERING INDEX conversation_spans_period") }, "plan: \(spans)")
    }

    /// The names after each `INDEXED BY` of a statement.
    static func indexNames(in sql: String) -> [String] {
        sql.components(separatedBy: "INDEXED BY ").dropFirst().compactMap {
            $0.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).first.map(String.init)
        }
    }
}
