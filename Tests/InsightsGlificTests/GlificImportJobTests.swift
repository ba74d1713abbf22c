import Foundation
import InsightsGlific
import InsightsJobs
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import Testing

/// The fixture tables stored by `PlatformImportJob`, read back through the store into the
/// `Report` of the week 2026-10-19 … 2026-10-25 (UTC).
@Suite(.temporaryFolders) struct GlificImportJobTests {
    @Test func theJobStoresEveryKindAndTheWeekIsTheHandWorkedReport() throws {
        let database = try TestPaths.temporaryDirectory("glific-job").appendingPathComponent("glific.sqlite").path
        let job = PlatformImportJob(database: database, conversion: try GlificFixtures.convert())
        var first: [String] = []
        try job.run { first.append("\($0.kind.rawValue) \($0.new)/\($0.replaced)") }
        // 3 contacts (Ana, Ben, Cat), 7 messages (15 rows, 8 of them older versions), 9 statuses
        // from the history (102 2, 103 3, 104 2, 106 2; 107 enqueued has none), 3 events (2
        // opens, 1 close), 3 runs, 2 results.
        #expect(
            first == [
                "contacts 3/0", "messages 7/0", "message_statuses 9/0", "conversation_events 3/0", "journey_runs 3/0",
                "journey_results 2/0",
            ])
        var second: [String] = []
        try job.run { second.append("\($0.kind.rawValue) \($0.new)/\($0.replaced)") }
        #expect(
            second == [
                "contacts 0/3", "messages 0/7", "message_statuses 0/9", "conversation_events 0/3", "journey_runs 0/3",
                "journey_results 0/2",
            ])

        let store = try Store(path: database)
        let report = Report(
            data: try store.periodData(period: period("2026-10-19", "2026-10-25"), calendar: zone("UTC")),
            serviceName: "Test", generatorVersion: "0")
        // Received: 101 (Ana, 10-20 07:00Z) and 105 (Cat, 10-25 00:30Z, the repeated 02:30 read
        // as its first occurrence; as the second, 01:30Z, it would still be in the week).
        // Sent: 102, 103, 104, 106, 107 → 5. Active: Ana and Cat, both new (no earlier inbound).
        #expect(report.engagement.messagesReceived == 2 && report.engagement.messagesSent == 5)
        #expect(report.audience.activeUsers == 2 && report.audience.newUsers == 2)
        // Ana opted in 10-20 08:00Z; Ben, in since 09-01, out 10-22 16:00Z → 1 in, 1 out; at
        // the end only Ana is in (Cat has no consent data).
        #expect(report.consent.optIns == 1 && report.consent.optOuts == 1 && report.consent.optedInAtEnd == 1)
        // Delivery from the status history: 103 read (its earliest read 07:12Z, 2 minutes after
        // 07:10Z; its newest version alone would say 30), 102 and 104 delivered (104's newest
        // version says sent: its delivered came first), 106 failed, 107 no status; reached Ana
        // and Ben.
        let reach = report.reach
        #expect(reach.reachedUsers == 2 && reach.medianMinutesToRead == 2.0)
        #expect(reach.delivery == DeliveryCounts(read: 1, delivered: 2, failed: 1, sent: 0, noStatus: 1))
        // Welcome (f1): 3 runs started in the week, 11 completed, 12 killed → interrupted, 13
        // still running.
        let welcome = try #require(report.journeys.journeys.first)
        #expect(welcome.name == "Welcome" && welcome.runsStarted == 3)
        #expect(welcome.completed == 1 && welcome.interrupted == 1 && welcome.inProgress == 1)
        #expect(try store.meta(.closesNote) == "")
    }
}
