import Foundation
import InsightsImport
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import Testing

/// A contact's answers to a question at one instant: the later row is the newest answer, in
/// import order, or by `seq` when the file gives one (as `insights export` writes it).
@Suite(.temporaryFolders) struct JourneyResultOrderTests {
    static let october = utc("2026-10-01T00:00")..<utc("2026-11-01T00:00")

    @Test func seqOrdersSameInstantAnswers() throws {
        let db = try TestDatabase()
        // c1: "a" (seq 3), "b" (seq 1), "c" (no seq) at 10:00: by seq b, a, then c (rows
        // without seq come last, in import order). c2: "x" then "y", no seq: import order.
        // c1's "d" at 11:00 stands alone.
        try db.importText(
            "journey_results.csv",
            """
            contact_id,journey_id,run_id,question,answer,timestamp,seq
            c1,j1,,q,a,2026-10-04T10:00:00Z,3
            c1,j1,,q,b,2026-10-04T10:00:00Z,1
            c1,j1,,q,c,2026-10-04T10:00:00Z,
            c2,j1,,q,x,2026-10-04T10:00:00Z,
            c2,j1,,q,y,2026-10-04T10:00:00Z,
            c1,j1,,q,d,2026-10-04T11:00:00Z,

            """)
        let results = try db.store.journeyResults(in: Self.october)
        // Places at each instant: c1 a 2, b 1, c 3; c2 x 1, y 2; d 1.
        #expect(results.map(\.answer) == ["a", "b", "c", "x", "y", "d"])
        #expect(results.map(\.sequence) == [2, 1, 3, 1, 2, 1])
        // Without d, c1's newest answer at 10:00 is "c" (the last place), c2's "y".
        let runs = [JourneyRunRow(runID: "r1", contact: 1, journeyID: "j1", startedAt: utc("2026-10-04T09:00"))]
        let metrics = JourneyMetrics(
            period: Self.october, runs: runs, results: results.filter { $0.answer != "d" }, names: [:])
        #expect(metrics.journeys.first?.answers.first?.answers.top.map(\.label) == ["c", "y"])
    }
}
