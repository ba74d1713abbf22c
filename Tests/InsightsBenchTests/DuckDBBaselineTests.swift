import Foundation
import InsightsTestSupport
import Testing

@testable import InsightsBench

@Suite struct DuckDBBaselineTests {
    /// The SQL the baseline sends, for a fixed folder: reviewed as a diff when it changes.
    @Test func theSQLIsTheReviewedOne() throws {
        let load = DuckDBBaseline.loadStatements(folder: "/data")
        let report = DuckDBBaseline.reportQueries(from: "2026-09-01", to: "2026-10-01", previous: "2026-08-02")
        try assertGolden((load + report).joined(separator: ";\n\n") + ";\n", named: "duckdb-baseline.sql")
    }

    @Test func quotesInPathsAreDoubled() {
        #expect(DuckDBBaseline.literal("/tmp/o'brien") == "'/tmp/o''brien'")
        #expect(DuckDBBaseline.loadStatements(folder: "/a'b")[0].contains("read_csv('/a''b/goals.csv'"))
    }

    /// The queries on a tiny dataset in DuckDB itself (needs .build/duckdb-venv; under CI a
    /// missing one fails).
    @Test func theQueriesAnswerWhatAReportWould() throws {
        let venv = DuckDBBaseline.defaultVenv
        guard FileManager.default.isExecutableFile(atPath: venv + "/bin/python") else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("\(venv) is missing: .ci/run runs Sources/InsightsBench/Scripts/setup-duckdb-venv.sh")
            }
            return
        }
        let folder = try TestPaths.temporaryDirectory("duckdb-baseline")
        let files: [String: String] = [
            "goals.csv": "goal_id,name,description\ng1,Goal,\n",
            "behaviours.csv": "behaviour_id,goal_id,name\n",
            "contacts.csv": "contact_id,phone,country,created_at\nc1,,,2026-08-01T00:00:00Z\nc2,,,2026-08-01T00:00:00Z\n",
            "messages-1.csv": """
            message_id,contact_id,direction,timestamp,author_type,author_id,author_name
            m1,c1,inbound,2026-08-20T10:00:00Z,,,
            m2,c1,inbound,2026-09-01T00:00:00Z,,,
            m3,c1,outbound,2026-09-01T00:01:00Z,coach,k1,Kim
            m4,c2,inbound,2026-09-02T09:30:00Z,,,
            m5,c2,outbound,2026-09-02T09:31:00Z,coach,k1,Kimberly
            m6,c2,outbound,2026-09-02T09:32:00Z,stack,j1,Journey
            m7,c3,inbound,2026-10-01T00:00:00Z,,,

            """,
            "message_statuses-1.csv": "message_id,status,timestamp,error\nm3,delivered,2026-09-01T00:01:05Z,\n",
            "conversation_events-1.csv":
                "contact_id,event,timestamp,actor_id,actor_name\nc1,closed,2026-09-01T00:05:00Z,k1,Kim\n",
            "goal_events-1.csv":
                "contact_id,goal_id,behaviour_id,event,timestamp\nc1,g1,,started,2026-09-03T00:00:00Z\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let result = try DuckDBBaseline.run(
            venv: venv, data: folder, database: folder.appendingPathComponent("b.duckdb").path, runs: 2)
        #expect(result.reportSeconds.count == 2)
        // Per day: 1 September has m2 (received) and m3 (sent), one user; 2 September is the
        // second of two days.
        #expect(result.firstRows[0] == ["2026-09-01", "1", "1", "1"])
        #expect(result.resultRows[0] == 2)
        // September: received m2, m4; sent m3, m5, m6; users c1, c2 (m7 is 1 October, outside).
        // August 2–31 (the period before) is the second row: m1 alone.
        #expect(result.firstRows[1] == ["True", "2", "3", "2"])
        #expect(result.resultRows[1] == 2)
        // Heatmap: Tuesday 1 September, hour 0 first (ISO weekday 2); Wednesday 9:00 second.
        #expect(result.firstRows[2] == ["2", "0", "1"])
        #expect(result.resultRows[2] == 2)
        // Authors: coach k1 sent 2 (newest name Kimberly), Journey j1 sent 1.
        #expect(result.firstRows[3] == ["coach", "k1", "Kimberly", "2"])
        #expect(result.resultRows[3] == 2)
        // New users: c2 (c1 wrote first in August, c3 in October).
        #expect(result.firstRows[4] == ["1"])
        #expect(result.firstRows[5] == ["g1", "started", "1", "1"])
        #expect(result.firstRows[6] == ["closed", "1"])
        #expect(result.headline == "received 2, sent 3, active users 2, new 1")
    }

    @Test func aMissingEnvironmentIsNamedWithItsFix() {
        #expect(throws: BenchError.self) {
            try DuckDBBaseline.run(venv: "/nonexistent/venv", data: URL(fileURLWithPath: "/tmp"), database: "x", runs: 1)
        }
        #expect(
            DuckDBBaseline.missing("/v")
                == "insights-bench: the DuckDB baseline needs PyPI's duckdb in /v, which is missing: run "
                + "Sources/InsightsBench/Scripts/setup-duckdb-venv.sh (or give --duckdb-venv), or pass --no-duckdb")
    }
}
