import Foundation
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import Testing

/// `--segment` at the store: every read keeps only the segment's contacts.
@Suite(.temporaryFolders) struct SegmentReportTests {
    /// c1 "Kisumu" (cohort the number 3, sms_ok true), c2 " kisumu " (cohort the text "3"),
    /// c3 "KISUMU" (sms_ok false), c4 "Nairobi", c5 no fields, c6 a blank district (no
    /// value), c7 known only from messages (no fields). Period 5–6 October 2026 (UTC), the
    /// previous period 3–4 October.
    func database() throws -> TestDatabase {
        let db = try TestDatabase()
        try db.importText(
            "contacts.csv",
            """
            contact_id,country,fields
            c1,KE,"{""district"": ""Kisumu"", ""cohort"": 3, ""sms_ok"": true}"
            c2,KE,"{""district"": "" kisumu "", ""cohort"": ""3""}"
            c3,UG,"{""district"": ""KISUMU"", ""sms_ok"": false}"
            c4,KE,"{""district"": ""Nairobi""}"
            c5,KE,
            c6,KE,"{""district"": ""  ""}"

            """)
        try db.importText(
            "messages.csv",
            """
            message_id,contact_id,direction,timestamp,author_type,author_id,author_name
            m1,c1,inbound,2026-09-20T09:00:00Z,,,
            m2,c1,inbound,2026-10-05T09:00:00Z,,,
            m3,c1,inbound,2026-10-05T10:00:00Z,,,
            m4,c2,inbound,2026-10-05T11:00:00Z,,,
            m5,c2,outbound,2026-10-05T11:05:00Z,coach,k1,Ann
            m6,c3,inbound,2026-10-03T09:00:00Z,,,
            m7,c3,inbound,2026-10-06T09:00:00Z,,,
            m8,c4,inbound,2026-10-05T09:00:00Z,,,
            m9,c4,outbound,2026-10-05T09:05:00Z,coach,k1,Ann
            m10,c5,inbound,2026-10-06T09:00:00Z,,,
            m11,c6,inbound,2026-10-06T09:00:00Z,,,
            m12,c7,inbound,2026-10-06T09:00:00Z,,,
            m13,c1,outbound,2026-10-06T10:00:00Z,stack,,

            """)
        try db.importText("goals.csv", "goal_id,name\ng1,Visit\n")
        try db.importText(
            "goal_events.csv",
            """
            contact_id,goal_id,behaviour_id,event,timestamp
            c1,g1,,started,2026-10-05T12:00:00Z
            c1,g1,,completed,2026-10-06T12:00:00Z
            c4,g1,,started,2026-10-05T12:00:00Z
            c4,g1,,completed,2026-10-05T13:00:00Z

            """)
        return db
    }

    func report(_ db: TestDatabase, _ segment: Segment, breakdowns: [String] = []) throws -> Report {
        Report(
            data: try db.store.periodData(
                period: period("2026-10-05", "2026-10-06"), calendar: zone("UTC"), segment: segment, breakdowns: breakdowns),
            serviceName: "Test", generatorVersion: "0")
    }

    @Test func aSegmentRestrictsEveryBlockToItsContacts() throws {
        let db = try database()
        let kisumu = try report(db, [SegmentCondition(field: "district", value: "kisumu")])
        // "Kisumu", " kisumu " and "KISUMU" are one value: c1, c2, c3. Active: all three;
        // received: c1 2 + c2 1 + c3 1 = 4; sent: m5 (c2) and m13 (c1) = 2.
        #expect(kisumu.segment == [SegmentCondition(field: "district", value: "kisumu")])
        #expect(kisumu.audience.activeUsers == 3)
        #expect(kisumu.engagement.messagesReceived == 4)
        #expect(kisumu.engagement.messagesSent == 2)
        // New users: only c2 wrote first in the period (c1 first on 20 September, c3 on 3
        // October); in the previous period c3 is new, 1 message, 1 active.
        #expect(kisumu.audience.newUsers == 1)
        #expect(kisumu.audience.returningUsers == 2)
        #expect(kisumu.audience.previous == PreviousAudience(activeUsers: 1, newUsers: 1))
        #expect(kisumu.engagement.previous.messagesReceived == 1)
        // Countries of the segment's active users: c1, c2 KE, c3 UG.
        #expect(kisumu.audience.countries.map { [$0.country: $0.activeUsers] } == [["KE": 2], ["UG": 1]])
        // Goals: c1 started and completed; c4's events are not the segment's.
        #expect(kisumu.impact.goals.map { [$0.started, $0.completed] } == [[1, 1]])
        // Authorship: one coach, one stack message.
        #expect(kisumu.authorship.byType.first { $0.authorType == .coach }?.messages == 1)
        #expect(kisumu.authorship.byType.first { $0.authorType == .stack }?.messages == 1)

        // The whole report for comparison: active c1–c7 = 7, new c2, c4, c5, c6, c7 = 5.
        let whole = try report(db, [])
        #expect(whole.segment.isEmpty)
        #expect(whole.audience.activeUsers == 7)
        #expect(whole.audience.newUsers == 5)
        #expect(whole.impact.goals.map { [$0.started, $0.completed] } == [[2, 2]])
    }

    @Test func numbersAndBooleansAreMatchedAsTheirText() throws {
        let db = try database()
        // cohort 3 (a number) and "3" (text) are both stored as "3": c1 and c2.
        #expect(try report(db, [SegmentCondition(field: "cohort", value: "3")]).audience.activeUsers == 2)
        // true is "true", matched ignoring case: c1 only (c3 is false).
        #expect(try report(db, [SegmentCondition(field: "sms_ok", value: "TRUE")]).audience.activeUsers == 1)
        #expect(try report(db, [SegmentCondition(field: "sms_ok", value: "false")]).audience.activeUsers == 1)
        // Both conditions hold: district kisumu and cohort 3 is c1, c2; sms_ok true too is c1.
        let both = [SegmentCondition(field: "district", value: "Kisumu"), SegmentCondition(field: "cohort", value: "3")]
        #expect(try report(db, both).audience.activeUsers == 2)
        #expect(try report(db, both + [SegmentCondition(field: "sms_ok", value: "true")]).audience.activeUsers == 1)
    }

    @Test func contactsWithoutTheFieldAreNeverInASegment() throws {
        let db = try database()
        // Field names match exactly: "District" is not "district".
        #expect(try report(db, [SegmentCondition(field: "District", value: "kisumu")]).isEmpty)
        // Nobody has Mombasa: an empty report (the job says so).
        #expect(try report(db, [SegmentCondition(field: "district", value: "Mombasa")]).isEmpty)
        // c5 (no fields), c6 (blank district) and c7 (no contacts row) have no district:
        // Nairobi is c4 alone, with its goal completion and coach reply.
        let nairobi = try report(db, [SegmentCondition(field: "district", value: " NAIROBI ")])
        #expect(nairobi.audience.activeUsers == 1)
        #expect(nairobi.audience.newUsers == 1)
        #expect(nairobi.impact.goals.map { [$0.started, $0.completed] } == [[1, 1]])
        #expect(nairobi.engagement.messagesSent == 1)
    }

    @Test func countrySelectsByTheCountryTheReportPlaces() throws {
        let db = try database()
        // UG: c3 only; ke (any case): c1, c2, c4, c5, c6 active. c7 has no country: ZZ.
        #expect(try report(db, [SegmentCondition(field: "country", value: "UG")]).audience.activeUsers == 1)
        #expect(try report(db, [SegmentCondition(field: "country", value: "ke")]).audience.activeUsers == 5)
        #expect(try report(db, [SegmentCondition(field: "country", value: "ZZ")]).audience.activeUsers == 1)
    }

    @Test func aBreakdownIsReadPerContactAndGroupedIgnoringCase() throws {
        let db = try database()
        let whole = try report(db, [], breakdowns: ["district", "country"])
        // district among the 7 active users: (none) (c5, c6, c7: 3 active, 3 received, all
        // new), kisumu (c1, c2, c3: 3 active, 4 received, new c2, goal c1; the tie at 3 goes
        // by value, "(" before "K"), Nairobi (c4: 1, 1, new, goal). "Kisumu" is how c1 spells it, " kisumu " trims to "kisumu", "KISUMU":
        // one each, so the smallest in code point order: "KISUMU".
        let district = try #require(whole.breakdowns.first)
        #expect(district.field == "district")
        #expect(
            district.rows == [
                BreakdownRow(
                    kind: .none, value: "(none)", activeUsers: 3, newUsers: 3, messagesReceived: 3, goalCompletions: 0,
                    journeyCompletions: 0, reachedUsers: nil),
                BreakdownRow(
                    kind: .value, value: "KISUMU", activeUsers: 3, newUsers: 1, messagesReceived: 4, goalCompletions: 1,
                    journeyCompletions: 0, reachedUsers: nil),
                BreakdownRow(
                    kind: .value, value: "Nairobi", activeUsers: 1, newUsers: 1, messagesReceived: 1, goalCompletions: 1,
                    journeyCompletions: 0, reachedUsers: nil),
            ])
        // country: KE c1, c2, c4, c5, c6 (5); UG c3; ZZ c7.
        #expect(whole.breakdowns[1].rows.map { [$0.value: $0.activeUsers] } == [["KE": 5], ["UG": 1], ["ZZ": 1]])
        // Within a segment, the breakdown is of the segment's contacts only.
        let kisumu = try report(db, [SegmentCondition(field: "district", value: "kisumu")], breakdowns: ["country"])
        #expect(kisumu.breakdowns[0].rows.map { [$0.value: $0.activeUsers] } == [["KE": 2], ["UG": 1]])
    }

    @Test func fieldSummariesCountContactsPerValue() throws {
        let db = try database()
        // district: kisumu 3 (spelled "KISUMU", see above), Nairobi 1; c6's blank value is none.
        let fields = try db.store.fieldSummaries()
        #expect(fields.map(\.field) == ["cohort", "district", "sms_ok"])
        #expect(fields[1].contacts == 4)
        #expect(fields[1].values == [.init(value: "KISUMU", contacts: 3), .init(value: "Nairobi", contacts: 1)])
        #expect(fields[0].values == [.init(value: "3", contacts: 2)])
        #expect(fields[2].values == [.init(value: "false", contacts: 1), .init(value: "true", contacts: 1)])
    }
}
