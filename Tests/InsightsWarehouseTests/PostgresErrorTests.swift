import InsightsMetrics
import InsightsPostgres
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// A warehouse that is not what the queries read: one sentence naming the table and column,
/// or the connection; a missing table is no data.
@Suite(.serialized) struct PostgresErrorTests {
    static let days = period("2026-03-29", "2026-03-29")

    /// Nothing listens on port 1 of loopback: the connection is refused (no server needed).
    @Test func refusedConnection() {
        #expect {
            _ = try PostgresConnection(url: "postgresql://postgres@127.0.0.1:1/postgres?connect_timeout=5")
        } throws: { error in
            guard let error = error as? WarehouseError, case .connection(let message) = error else { return false }
            // libpq's own words, on one line, inside our sentence.
            return message.contains("127.0.0.1") && !message.contains("\n")
                && error.description.hasPrefix("Cannot connect to the warehouse: ") && error.description.hasSuffix(".")
        }
    }

    @Test(.enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) func missingColumn() throws {
        try TestPostgres.withSchema { connection, schema in
            try connection.execute(
                """
                CREATE TABLE \(schema).messages (message_id text, contact_id text, direction text,
                  "timestamp" timestamptz, author_type text, author_id text)
                """)
            let source = WarehouseSource(connection: connection)
            #expect(throws: WarehouseError.missingColumn(table: "messages", column: "author_name")) {
                _ = try source.messageCounts(period: Self.days, calendar: zone("UTC"))
            }
            #expect(
                WarehouseError.missingColumn(table: "messages", column: "author_name").description
                    == "The warehouse table messages has no column author_name (see `insights schema`).")
        }
    }

    @Test(.enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) func wrongType() throws {
        try TestPostgres.withSchema { connection, schema in
            try connection.execute(
                """
                CREATE TABLE \(schema).messages (message_id text, contact_id text, direction text,
                  "timestamp" text, author_type text, author_id text, author_name text)
                """)
            let source = WarehouseSource(connection: connection)
            let expected = WarehouseError.wrongType(
                table: "messages", column: "timestamp", expected: "timestamptz", found: "text")
            #expect(throws: expected) { _ = try source.messageCounts(period: Self.days, calendar: zone("UTC")) }
            #expect(
                expected.description
                    == "The warehouse column messages.timestamp is text, not timestamptz (see `insights schema`).")
        }
    }

    /// An empty schema: every kind's table is missing, so every count is zero.
    @Test(.enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) func missingTablesAreEmpty() throws {
        try TestPostgres.withSchema { connection, _ in
            let source = WarehouseSource(connection: connection)
            let counts = try source.messageCounts(period: Self.days, calendar: zone("UTC"))
            #expect(counts.dailyReceived == [0] && counts.activeUsers == 0 && counts.authors.isEmpty)
            #expect(try source.goals().isEmpty)
            #expect(try source.newUsersPerDay(period: Self.days, calendar: zone("UTC")) == [0])
            let conversations = try source.conversationCounts(period: Self.days, calendar: zone("UTC"))
            #expect(
                conversations
                    == ConversationCounts(active: 0, openAtEnd: 0, opened: 0, reopened: 0, closed: 0, middleDurations: []))
        }
    }
}
