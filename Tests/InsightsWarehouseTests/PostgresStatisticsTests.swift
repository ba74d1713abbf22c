import InsightsPostgres
import InsightsWarehouse
import Testing

/// `PostgresConnection.tablesWithoutStatistics(among:)`, behind the report's note that a
/// freshly loaded table should be analyzed: a table with rows and no `ANALYZE` yet is
/// listed, an empty one is not, nor a table that is not a record kind, and none after
/// `ANALYZE`.
@Suite(.serialized) struct PostgresStatisticsTests {
    @Test func freshlyLoadedTablesAreListedUntilAnalyzed() throws {
        try TestPostgres.withSchema { connection, schema in
            // messages and goals hold rows, contacts is empty, notes is not a record kind.
            try connection.execute("CREATE TABLE \(schema).messages (message_id text)")
            try connection.execute("CREATE TABLE \(schema).goals (goal_id text)")
            try connection.execute("CREATE TABLE \(schema).contacts (contact_id text)")
            try connection.execute("CREATE TABLE \(schema).notes (note text)")
            try connection.copyIn("COPY \(schema).messages FROM STDIN WITH (FORMAT csv)", data: Array("m1\nm2\n".utf8))
            try connection.copyIn("COPY \(schema).goals FROM STDIN WITH (FORMAT csv)", data: Array("g1\n".utf8))
            try connection.copyIn("COPY \(schema).notes FROM STDIN WITH (FORMAT csv)", data: Array("n1\n".utf8))
            let kinds = ["contacts", "messages", "goals"]
            #expect(try connection.tablesWithoutStatistics(among: kinds) == ["goals", "messages"])
            try connection.execute("ANALYZE \(schema).messages")
            #expect(try connection.tablesWithoutStatistics(among: kinds) == ["goals"])
            try connection.execute("ANALYZE \(schema).goals")
            #expect(try connection.tablesWithoutStatistics(among: kinds) == [])
        }
    }
}
