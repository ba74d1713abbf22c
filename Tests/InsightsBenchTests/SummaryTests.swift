import Testing

@testable import InsightsBench

@Suite struct SummaryTests {
    /// Hand-made results: every figure's value and verdict worked out below.
    static func results() -> BenchResults {
        var results = BenchResults()
        results.firstImport.files = [
            .init(name: "messages-a.csv", kind: "messages", rows: 600_000, seconds: 1),
            .init(name: "messages-b.csv", kind: "messages", rows: 400_000, seconds: 1),
            .init(name: "message_statuses-a.csv", kind: "message_statuses", rows: 100_000, seconds: 1),
        ]
        results.firstImport.highWaterBytes = 900_000_000
        results.appendImport.files = [.init(name: "messages-f.csv", kind: "messages", rows: 300_000, seconds: 2)]
        results.appendImport.highWaterBytes = 1_100_000_000
        results.long.floorSeconds = [0.9, 1.0, 1.1]
        results.long.floorRows = 3_450_000
        results.long.reportSeconds = ["2": [3.0, 2.0, 2.5], "1": [4.0, 4.0, 4.0]]
        results.long.highWaterBytes = 150_000_000
        results.short.reportSeconds = ["2": [2.0, 2.0, 2.0]]
        results.short.highWaterBytes = 120_000_000
        results.duckdb = DuckDBBaseline.Result(
            version: "1.5.6", loadSeconds: 17, reportSeconds: [5, 6, 4], resultRows: [], firstRows: [])
        return results
    }

    @Test func eachTargetIsHeldAgainstItsFigure() throws {
        let figures = BenchSummary.figures(Self.results(), postgresAsked: false)
        let byName = Dictionary(figures.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // Messages: 1,000,000 rows in 2 s = 500,000 rows/s, exactly the target.
        let messages = try #require(byName["import into an empty database (5 months): messages"])
        #expect(messages.value == 500_000)
        #expect(messages.verdict == "PASS")
        #expect(messages.note == "1,000,000 rows in 2.0 s")
        // Statuses: 100,000 rows/s, 5× short of 500,000.
        #expect(byName["import into an empty database (5 months): message_statuses"]?.verdict == "MISS (5.0× short)")
        // No conversation events were imported: the figure did not run.
        #expect(byName["import into an empty database (5 months): conversation_events"]?.verdict == "not run")
        // Appended: 300,000 rows in 2 s = 150,000 rows/s, 2× short of 300,000.
        #expect(byName["a month appended to 5 months: messages"]?.verdict == "MISS (2.0× short)")
        // Import memory: the largest is 1.1 GB, 1.1× over 1 GB.
        #expect(byName["peak memory of an import (largest of the three)"]?.verdict == "MISS (1.10× over)")
        // Medians: floor 1.0 s, report 2.5 s (of 3.0, 2.0, 2.5): 2.5× the floor, 1.25× over 2.
        let ratio = try #require(byName["report / floor"])
        #expect(ratio.value == 2.5)
        #expect(ratio.verdict == "MISS (1.25× over)")
        #expect(ratio.note == "1 thread: 4.00×")
        // DuckDB's median 5 s: 2.5 / 5 = 0.5, exactly 2× faster.
        #expect(byName["report / DuckDB"]?.value == 0.5)
        #expect(byName["report / DuckDB"]?.verdict == "PASS")
        // 180 / 30 days: 2.5 / 2.0 = 1.25 ≤ 1.3.
        #expect(byName["report: 180 / 30 days of history"]?.value == 1.25)
        #expect(byName["report: 180 / 30 days of history"]?.verdict == "PASS")
        // Report memory: the larger of 150 and 120 MB.
        #expect(byName["peak memory of a report"]?.value == 150e6)
        #expect(byName["peak memory of a report"]?.verdict == "PASS")
        #expect(byName["report --month 2026-09 --postgres"]?.note == "give --postgres URL")
    }

    @Test func withoutDuckDBItsRatioDidNotRun() {
        var results = Self.results()
        results.duckdb = nil
        let figure = BenchSummary.figures(results, postgresAsked: false).first { $0.name == "report / DuckDB" }
        #expect(figure?.verdict == "not run")
        #expect(figure?.note == "--no-duckdb")
    }

    @Test func postgresIsShownBesideSQLite() {
        var results = Self.results()
        results.postgres = PostgresResult(
            exportSeconds: 10, loadSeconds: 20, rows: 1_234, reportSeconds: [10, 7.5, 5], highWaterBytes: 0, headline: "")
        results.postgresMetricsIdentical = true
        let figures = BenchSummary.figures(results, postgresAsked: true)
        // Median 7.5 s against SQLite's 2.5 s: 3.0×.
        let report = figures.first { $0.name == "report --month 2026-09 --postgres" }
        #expect(report?.value == 7.5)
        #expect(report?.note == "3.0× SQLite's 2.500 s; metrics.json identical to SQLite's")
        #expect(figures.first { $0.name == "PostgreSQL: export + COPY + ANALYZE" }?.value == 30)
    }

    /// The table printed before the PostgreSQL step (a long step may be stopped) says the
    /// step is still to come, and without `--postgres` how to ask for it.
    @Test func postgresNotYetRunSaysWhy() {
        let asked = BenchSummary.figures(Self.results(), postgresAsked: true)
        let notAsked = BenchSummary.figures(Self.results(), postgresAsked: false)
        let name = "report --month 2026-09 --postgres"
        #expect(asked.first { $0.name == name }?.note == "runs next (the table is printed again after it)")
        #expect(notAsked.first { $0.name == name }?.note == "give --postgres URL")
        #expect(asked.first { $0.name == name }?.value == nil)
    }

    @Test func importRowsAddUpPerKind() {
        let kinds = Self.results().firstImport.byKind
        #expect(kinds["messages"]?.rows == 1_000_000)
        #expect(kinds["messages"]?.seconds == 2)
        #expect(kinds["message_statuses"]?.rows == 100_000)
        #expect(kinds["contacts"] == nil)
    }

    @Test func theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        #expect(medianSeconds([4, 1, 3, 2]) == 2.5)
        #expect(medianSeconds([3, 1, 2]) == 2)
        #expect(medianSeconds([]).isNaN)
    }
}
