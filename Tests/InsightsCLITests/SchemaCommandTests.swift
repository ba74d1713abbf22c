import InsightsTestSupport
import Testing

/// `insights schema`: the warehouse tables' DDL (the statements themselves are pinned by
/// the golden SQL of `InsightsWarehouseTests`).
@Suite struct SchemaCommandTests {
    @Test func postgresDDL() throws {
        let result = try CLIRunner.run(["schema", "--postgres", "--schema", "helpline"], in: TestPaths.packageRoot)
        #expect(result.status == 0)
        // Nine kinds, the messages table with its timestamptz column.
        #expect(result.stdout.components(separatedBy: "CREATE TABLE ").count - 1 == 9)
        #expect(result.stdout.contains("CREATE TABLE \"helpline\".\"messages\" (\n  \"message_id\" text NOT NULL,"))
        #expect(result.stdout.contains("  \"timestamp\" timestamptz NOT NULL,"))
    }

    @Test func bigqueryDDL() throws {
        let result = try CLIRunner.run(["schema", "--bigquery", "--dataset", "p.d"], in: TestPaths.packageRoot)
        #expect(result.status == 0)
        #expect(result.stdout.contains("CREATE TABLE `p.d.conversation_events` ("))
        #expect(result.stdout.contains("  `seq` INT64\n);"))
    }

    /// One engine, exactly: neither or both is a usage error (exit 64).
    @Test(arguments: [[String](), ["--postgres", "--bigquery"]]) func oneEngine(flags: [String]) throws {
        let result = try CLIRunner.run(["schema"] + flags, in: TestPaths.packageRoot)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Give exactly one of --postgres and --bigquery."))
        #expect(result.stdout.isEmpty)
    }
}
