import InsightsBigQuery
import InsightsMetrics
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// A BigQuery dataset that is not what the queries read, on the emulator: one sentence naming
/// the table and column, or the dataset; an empty dataset is no data.
@Suite(
    .enabled(if: BigQueryEmulator.shouldRun, "no emulator: eval \"$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)\""))
struct BigQueryErrorTests {
    static let days = period("2026-03-29", "2026-03-29")

    /// `messages` without `author_name`; in another dataset, `goal_events` with a STRING `timestamp`.
    @Test func missingColumnAndWrongType() throws {
        let client = try TestBigQuery.client()
        let first = try TestBigQuery.dataset("columns")
        _ = try client.query(
            """
            CREATE TABLE `\(first).messages` (message_id STRING, contact_id STRING, direction STRING,
              `timestamp` TIMESTAMP, author_type STRING, author_id STRING)
            """)
        let missing = WarehouseSource(connection: BigQueryConnection(client: client, dataset: first))
        #expect(throws: WarehouseError.missingColumn(table: "messages", column: "author_name")) {
            _ = try missing.messageCounts(period: Self.days, calendar: zone("UTC"))
        }
        let second = try TestBigQuery.dataset("types")
        _ = try client.query(
            """
            CREATE TABLE `\(second).goal_events` (contact_id STRING, goal_id STRING, behaviour_id STRING,
              event STRING, `timestamp` STRING)
            """)
        let wrong = WarehouseSource(connection: BigQueryConnection(client: client, dataset: second))
        let expected = WarehouseError.wrongType(table: "goal_events", column: "timestamp", expected: "TIMESTAMP", found: "string")
        #expect(throws: expected) { _ = try wrong.goalCounts(period: Self.days, calendar: zone("UTC")) }
        #expect(
            expected.description
                == "The warehouse column goal_events.timestamp is string, not TIMESTAMP (see `insights schema`).")
    }

    /// (The emulator answers no rows for a missing dataset's INFORMATION_SCHEMA, where
    /// BigQuery answers 404: the connection then asks `datasets.get`.)
    @Test func aMissingDatasetIsTheConnectionsError() throws {
        let source = WarehouseSource(
            connection: BigQueryConnection(client: try TestBigQuery.client(), dataset: "local.no_such_dataset"))
        #expect {
            _ = try source.goals()
        } throws: { error in
            (error as? WarehouseError)?.description
                == "Cannot connect to the warehouse: BigQuery has no dataset local:no_such_dataset: check the project and dataset name (and --location)."
        }
    }

    /// An empty dataset: every kind's table is missing, so every count is zero (and only the
    /// one INFORMATION_SCHEMA query runs).
    @Test func anEmptyDatasetIsNoData() throws {
        let source = WarehouseSource(
            connection: BigQueryConnection(client: try TestBigQuery.client(), dataset: try TestBigQuery.dataset("empty")))
        let counts = try source.messageCounts(period: Self.days, calendar: zone("UTC"))
        #expect(counts.dailyReceived == [0] && counts.activeUsers == 0 && counts.authors.isEmpty)
        #expect(try source.goals().isEmpty)
        let conversations = try source.conversationCounts(period: Self.days, calendar: zone("UTC"))
        #expect(
            conversations == ConversationCounts(active: 0, openAtEnd: 0, opened: 0, reopened: 0, closed: 0, middleDurations: []))
    }
}
