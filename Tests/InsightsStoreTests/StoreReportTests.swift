import Foundation
import InsightsImport
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import Testing

/// The store's side of a report: which rows it reads and the derived columns it keeps.
@Suite struct StoreReportTests {
    @Test func countriesFirstMessagesAndNamesComeFromTheStore() throws {
        let db = try TestDatabase()
        try db.importText(
            "contacts.csv",
            """
            contact_id,phone,country
            c1,+1 416 555 0123,
            c2,12125550123,
            c3,+27821234567,US
            c4,not a number,

            """)
        try db.importText(
            "messages.csv",
            """
            message_id,contact_id,direction,timestamp,author_type,author_id,author_name
            m0,c1,inbound,2026-09-20T09:00:00Z,,,
            m1,c1,inbound,2026-10-05T09:00:00Z,,,
            m2,c2,inbound,2026-10-05T09:00:00Z,,,
            m3,c3,inbound,2026-10-06T09:00:00Z,,,
            m4,c4,inbound,2026-10-06T09:00:00Z,,,
            m5,c9,inbound,2026-10-06T09:00:00Z,,,
            m6,c1,outbound,2026-10-05T09:01:00Z,coach,k1,Old name
            m7,c1,outbound,2026-10-12T09:01:00Z,coach,k1,New name

            """)
        let report = try db.store.report(
            period: period("2026-10-05", "2026-10-06"), calendar: zone("UTC"), serviceName: "Test",
            generatorVersion: "0")
        // c1 CA (returning: first wrote 09-20), c2 US, c3 overridden to US, c4 and c9 unknown.
        #expect(report.audience.activeUsers == 5)
        #expect(report.audience.newUsers == 4)
        #expect(
            report.audience.countries == [
                CountryCount(country: "US", activeUsers: 2), CountryCount(country: "ZZ", activeUsers: 2),
                CountryCount(country: "CA", activeUsers: 1),
            ])
        // The coach's name is the newest one stored, even from after the period.
        #expect(report.authorship.topAuthors[.coach] == [TopAuthor(authorID: "k1", name: "New name", messages: 1)])
        // Re-importing m0 with a time inside the period moves c1's first message: c1 is new.
        try db.importText(
            "messages.csv",
            "message_id,contact_id,direction,timestamp\nm0,c1,inbound,2026-10-05T08:00:00Z\n")
        let again = try db.store.report(
            period: period("2026-10-05", "2026-10-06"), calendar: zone("UTC"), serviceName: "Test",
            generatorVersion: "0")
        #expect(again.audience.newUsers == 5)
        #expect(again.audience.previous == PreviousAudience(activeUsers: 0, newUsers: 0))
    }
}
