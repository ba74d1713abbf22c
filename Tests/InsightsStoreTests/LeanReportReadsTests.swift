import Foundation
import InsightsImport
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import Testing

/// What a report's read leaves out to keep its memory small (issue 15), and that the report
/// is the same without it: the coach messages' ids, and the old open conversations in the
/// reads of earlier periods.
@Suite(.temporaryFolders) struct LeanReportReadsTests {
    static let october = ReportPeriod(year: 2026, month: 10)!

    @Test func sameInstantRepliesAreCreditedInIdOrderThoughTheReportReadsNoIds() throws {
        let db = try TestDatabase()
        // c1 writes at 10:00; k2 (m9) and k1 (m1) reply at 10:05, m9 imported first. By id, m1
        // comes first: k1 gave the first response.
        try db.importText(
            "messages.csv",
            """
            message_id,contact_id,direction,timestamp,author_type,author_id,author_name
            m5,c1,inbound,2026-10-05T10:00:00Z,,,
            m9,c1,outbound,2026-10-05T10:05:00Z,coach,k2,Bea
            m1,c1,outbound,2026-10-05T10:05:00Z,coach,k1,Ann

            """)
        let data = try db.store.periodData(period: Self.october, calendar: zone("UTC"))
        #expect(data.coachMessages.map(\.messageID) == ["", ""])
        #expect(data.coachMessages.map(\.authorID) == ["k1", "k2"])
        // The public read still gives the ids.
        #expect(try db.store.coachMessages(in: Self.october.instants(in: zone("UTC"))).map(\.messageID) == ["m1", "m9"])
        let report = Report(data: data, serviceName: "T", generatorVersion: "0")
        #expect(report.responseTimes.openedByUsers == 1 && report.responseTimes.answeredByCoach == 1)
        #expect(report.responseTimes.coaches.map(\.authorID) == ["k1", "k2"])
        #expect(report.responseTimes.coaches.map(\.firstResponses) == [1, 0])
        #expect(report.responseTimes.medianFirstResponseMinutes == 5)
    }

    @Test func earlierPeriodsReadOnlyTheOpenConversationsThatBeganInThem() throws {
        let db = try TestDatabase()
        // c1 (row 1) wrote on 1 September 2025, before every earlier period of October's
        // trend (November 2025 on), and was never answered or closed: open ever since. c2
        // (row 2) wrote on 10 September 2026 (the previous period): open. c3 (row 3) wrote on
        // 5 August and k1 closed the conversation on 3 September.
        try db.importText(
            "messages.csv",
            """
            message_id,contact_id,direction,timestamp,author_type,author_id,author_name
            a1,c1,inbound,2025-09-01T10:00:00Z,,,
            a2,c2,inbound,2026-09-10T10:00:00Z,,,
            a3,c3,inbound,2026-08-05T10:00:00Z,,,

            """)
        try db.importText(
            "conversation_events.csv", "contact_id,event,timestamp,actor_id,actor_name\nc3,closed,2026-09-03T10:00:00Z,k1,\n")
        let data = try db.store.periodData(period: Self.october, calendar: zone("UTC"))
        // October's own spans: every conversation open in it, c1's included.
        #expect(data.conversationSpans.map(\.contact).sorted() == [1, 2])
        // September's and the trend's: c3's (closed in them) and c2's (opened in them); c1's
        // opened before both and is still open, so no close or first response comes from it.
        #expect(data.previousConversationSpans.map(\.contact).sorted() == [2, 3])
        #expect(try #require(data.trend).conversationSpans.map(\.contact).sorted() == [2, 3])
        let report = Report(data: data, serviceName: "T", generatorVersion: "0")
        #expect(report.conversations.active == 2 && report.conversations.openAtEnd == 2)
        #expect(report.conversations.closed == 0)
        // September: one close (c3's), one conversation opened by a user (c2's), unanswered.
        #expect(report.summary.headline(.conversationsClosed)?.previous == 1)
        #expect(report.previousResponseTimes.openedByUsers == 1 && report.previousResponseTimes.unanswered == 1)
        // The trend's closes: 1 in September 2026, 0 in the months before.
        let closes = try #require(report.summary.headline(.conversationsClosed)?.trend)
        #expect(closes.last?.value == 0)
        #expect(closes.dropLast().last?.value == 1)
    }
}
