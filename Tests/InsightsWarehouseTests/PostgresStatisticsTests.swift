import InsightsPostgres
import InsightsWarehouse
import Testing

/// `PostgresConnection.tablesWithoutStatistics(among:)`, behind the report's note that a
/// freshly loaded table should be analyzed: a table with rows and no `ANALYZE` yet is
/// listed, an empty one is not, nor a table that is not a record kind, and none after
/// `ANALYZE`.
@Suite(.serialized, .enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) struct PostgresStatisticsTests {
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

/// The session's `work_mem` floor (`PostgresConnection.minimumWorkMemory`): the server's
/// default of 4 MB is raised to 64 MB, a smaller one given with the connection too, and a
/// larger one (libpq's `options`, as `PGOPTIONS` gives it) is kept.
@Suite(.enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) struct PostgresWorkMemoryTests {
    @Test func theDefaultIsRaisedAndALargerOneKept() throws {
        guard let url = TestPostgres.url() else { return }
        let separator = url.contains("?") ? "&" : "?"
        let plain = try PostgresConnection(url: url)
        #expect(try plain.rows("SHOW work_mem", parameters: [:]) == [["64MB"]])
        let larger = try PostgresConnection(url: url + separator + "options=-c%20work_mem%3D256MB")
        #expect(try larger.rows("SHOW work_mem", parameters: [:]) == [["256MB"]])
        let smaller = try PostgresConnection(url: url + separator + "options=-c%20work_mem%3D1MB")
        #expect(try smaller.rows("SHOW work_mem", parameters: [:]) == [["64MB"]])
    }
}
