import Foundation
import InsightsJobs
import InsightsMetrics
import InsightsRapidPro
import InsightsStore
import InsightsTestSupport
import Testing

/// The fixture workspace stored by `PlatformImportJob`, read back through the store into a
/// `Report` (the whole metrics.json is checked in `InsightsCLITests/RapidProImportTests`).
@Suite(.temporaryFolders) struct RapidProImportJobTests {
    @Test func theJobStoresEveryKindAndASecondImportReplaces() throws {
        let database = try TestPaths.temporaryDirectory("rapidpro-job").appendingPathComponent("rp.sqlite").path
        let job = PlatformImportJob(database: database, conversion: try RapidProFixtures.convert())
        var first: [String] = []
        try job.run { first.append("\($0.kind.rawValue) \($0.new)/\($0.replaced)") }
        #expect(
            first == [
                "contacts 4/0", "messages 12/0", "message_statuses 5/0", "conversation_events 3/0", "journey_runs 5/0",
                "journey_results 4/0",
            ])
        var second: [String] = []
        try job.run { second.append("\($0.kind.rawValue) \($0.new)/\($0.replaced)") }
        // Messages, contacts and runs are replaced by id; statuses, events and results identical
        // in every identifying column are the same rows.
        #expect(
            second == [
                "contacts 0/4", "messages 0/12", "message_statuses 0/5", "conversation_events 0/3", "journey_runs 0/5",
                "journey_results 0/4",
            ])

        let store = try Store(path: database)
        let report = Report(
            data: try store.periodData(period: period("2026-10-05", "2026-10-11"), calendar: zone("UTC")),
            serviceName: "Test", generatorVersion: "0")
        // As the fixtures' README works out: 5 received, 6 sent, 4 active users of whom 3 new;
        // Ana opted in during the week, Dan out; the closes note is empty (tickets.json was read).
        #expect(report.engagement.messagesReceived == 5 && report.engagement.messagesSent == 6)
        #expect(report.audience.activeUsers == 4)
        #expect(report.consent.optIns == 1 && report.consent.optOuts == 1 && report.consent.optedInAtEnd == 1)
        #expect(try store.meta(.closesNote) == "")
    }
}
