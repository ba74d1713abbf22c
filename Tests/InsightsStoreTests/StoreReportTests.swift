import Foundation
import InsightsImport
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import Testing

/// The store's side of a report: which rows it reads and the derived columns it keeps.
@Suite(.temporaryFolders) struct StoreReportTests {
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
        // The zone keeps the name it was given (Foundation on Linux calls UTC "GMT").
        #expect(report.timeZoneIdentifier == "UTC")
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

    /// The same report whatever the number of threads, and whether a country is found by
    /// looking contacts up one by one (few active) or by reading the contacts table (many).
    @Test func threadsAndRegionLookupsDoNotChangeTheReport() throws {
        let db = try TestDatabase()
        // 40 contacts on file, 3 of them write (lookups: 3 × 8 < 40); then 38 (a table pass).
        var contacts = "contact_id,phone,country\n"
        for index in 0..<40 { contacts += "c\(index),+2782123\(1000 + index),\(index % 4 == 0 ? "KE" : "")\n" }
        try db.importText("contacts.csv", contacts)
        var messages = "message_id,contact_id,direction,timestamp,author_type,author_id,author_name\n"
        for index in 0..<3 {
            messages += "a\(index),c\(index),inbound,2026-09-\(10 + index)T23:30:00Z,,,\n"
            messages += "b\(index),c\(index),outbound,2026-09-\(10 + index)T23:31:00Z,stack,s\(index % 2),Journey\n"
        }
        messages += "p0,c5,inbound,2026-08-20T10:00:00Z,,,\nq0,c5,outbound,2026-08-20T10:00:00Z,api,,Webhook\n"
        try db.importText("messages.csv", messages)
        let september = try #require(ReportPeriod(year: 2026, month: 9))
        func report(_ threads: Int) throws -> Report {
            Report(
                data: try db.store.periodData(period: september, calendar: zone("Africa/Nairobi"), parallelism: threads),
                serviceName: "T", generatorVersion: "0")
        }
        let one = try report(1)
        // 23:30 UTC is 02:30 the next day in Nairobi: days 11, 12, 13.
        #expect(
            one.audience.daily.filter { $0.activeUsers > 0 }.map(\.date.description) == [
                "2026-09-11", "2026-09-12", "2026-09-13",
            ])
        #expect(
            one.audience.countries == [CountryCount(country: "ZA", activeUsers: 2), CountryCount(country: "KE", activeUsers: 1)])
        #expect(one.audience.previous == PreviousAudience(activeUsers: 1, newUsers: 1))
        #expect((one.engagement.previous.messagesReceived, one.engagement.previous.messagesSent) == (1, 1))
        #expect(one.authorship.byType.first { $0.authorType == .stack }?.messages == 3)
        #expect(try report(2) == one)
        #expect(try report(7) == one)

        messages = "message_id,contact_id,direction,timestamp\n"
        for index in 3..<38 { messages += "x\(index),c\(index),inbound,2026-09-20T12:00:00Z\n" }
        try db.importText("messages-2.csv", messages)
        let many = try report(2)
        #expect(many.audience.activeUsers == 38)
        // c0, c4, c8 … c36 are KE: 10 of c0…c37; the other 28 ZA.
        #expect(
            many.audience.countries == [
                CountryCount(country: "ZA", activeUsers: 28), CountryCount(country: "KE", activeUsers: 10),
            ])
        #expect(try report(1) == many)
    }
}
