import Foundation
import Testing

@testable import InsightsBench

@Suite struct OptionsTests {
    @Test func theDefaultsAreTheIssuesRun() throws {
        let command = try RunBenchmark.parse([])
        #expect(command.options == BenchOptions())
        #expect(command.options.messages == 10_000_000)
        #expect(command.options.duckdb)
        #expect(command.options.postgres == nil)
        #expect(command.options.duckdbVenv.hasSuffix("/.build/duckdb-venv"))
    }

    @Test func everyOptionIsTaken() throws {
        let command = try RunBenchmark.parse([
            "--messages", "100000", "--runs", "1", "--dir", "/tmp/b", "--keep", "--duckdb-venv", "/v",
            "--postgres", "postgresql://u@h:1/d", "--postgres-schema", "bench_2", "--postgres-runs", "2",
        ])
        #expect(
            command.options
                == BenchOptions(
                    messages: 100_000, runs: 1, dir: "/tmp/b", keep: true, duckdb: true, duckdbVenv: "/v",
                    postgres: "postgresql://u@h:1/d", postgresSchema: "bench_2", postgresRuns: 2))
        #expect(try RunBenchmark.parse(["--no-duckdb"]).options.duckdb == false)
    }

    @Test(arguments: [
        ["--messages", "999"], ["--runs", "0"], ["--no-duckdb", "--duckdb-venv", "/v"],
        ["--postgres", "u", "--postgres-schema", "Bench"], ["--postgres", "u", "--postgres-schema", "a;drop"],
        ["--postgres", "u", "--postgres-schema", "1a"], ["--postgres-schema", "bench"],
        ["--postgres", "u", "--postgres-schema", ""], ["--postgres", "u", "--postgres-runs", "0"],
        ["--postgres-runs", "2"],
    ])
    func badOptionsAreRefused(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try RunBenchmark.parse(arguments) }
    }

    @Test func theHelpDocumentsEveryOption() {
        let help = RunBenchmark.helpMessage(columns: 200)
        for option in [
            "--messages", "--runs", "--dir", "--keep", "--no-duckdb", "--duckdb-venv", "--postgres ",
            "--postgres-schema", "--postgres-runs",
        ] {
            #expect(help.contains(option), "\(option) is missing from --help")
        }
    }
}
