import Foundation
import InsightsMetrics
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// Hand-made response-time cases in SQLite and PostgreSQL (Europe/Berlin, 29 March 2026 has
/// 23 hours: 02:00 CET jumps to 03:00 CEST at 01:00Z):
/// - r1 writes Saturday 23:30 CET and is answered Sunday 03:30 CEST (across midnight and the
///   gap);
/// - r2's inbound message, a close and a coach message share one instant (0 minutes, the
///   close still answered by the message);
/// - r3 gets two coach messages at one instant: `B1` sorts before `a2` by code point (SQLite's
///   order) but after it in ICU's `en-US`;
/// - r4 is opened by a `reopened` event (not waiting for anyone);
/// - r5 is answered only after its close; two closes at one instant, only the first by `seq`
///   (coach-2) ended the conversation;
/// - r6 opened before the period;
/// - r7's waits sit on the bucket bounds (5 min, 15 min, 24 h), by a coach with a name but no
///   id and by one with neither;
/// - r8 waits 4 hours; r9 is closed and reopened by a message, answered after a minute;
/// - coach-4 closes without writing.
enum ResponseEdgeCases {
    static let files: [String: String] = [
        "contacts.csv": """
        contact_id,phone,country,created_at
        r1,,,
        r2,,,
        r3,,,
        r4,,,
        r5,,,
        r6,,,
        r7,,,
        r8,,,
        r9,,,

        """,
        "messages.csv": """
        message_id,contact_id,direction,timestamp,author_type,author_id,author_name
        i1,r1,inbound,2026-03-28T22:30:00Z,,,
        c1,r1,outbound,2026-03-29T01:30:00Z,coach,coach-1,Amina
        i2,r2,inbound,2026-03-29T08:00:00Z,,,
        c2,r2,outbound,2026-03-29T08:00:00Z,coach,coach-2,
        i3,r3,inbound,2026-03-29T09:00:00Z,,,
        a2,r3,outbound,2026-03-29T09:07:00Z,coach,coach-1,Amina
        B1,r3,outbound,2026-03-29T09:07:00Z,coach,coach-3,Bea
        c4,r4,outbound,2026-03-29T10:05:00Z,coach,coach-1,Amina
        i5,r5,inbound,2026-03-29T11:00:00Z,,,
        c5,r5,outbound,2026-03-29T11:45:00Z,coach,coach-1,
        i6,r6,inbound,2026-03-27T12:00:00Z,,,
        c6,r6,outbound,2026-03-29T12:00:00Z,coach,coach-2,
        i7a,r7,inbound,2026-03-29T13:00:00Z,,,
        c7a,r7,outbound,2026-03-29T13:05:00Z,coach,coach-1,Amina
        i7b,r7,inbound,2026-03-29T14:00:00Z,,,
        c7b,r7,outbound,2026-03-29T14:15:00Z,coach,,Night
        i7c,r7,inbound,2026-03-29T15:00:00Z,,,
        c7c,r7,outbound,2026-03-30T15:00:00Z,coach,,
        i8,r8,inbound,2026-03-29T16:00:00Z,,,
        c8,r8,outbound,2026-03-29T20:00:00Z,coach,coach-2,Ben
        i9a,r9,inbound,2026-03-30T06:00:00Z,,,
        i9b,r9,inbound,2026-03-30T07:00:00Z,,,
        c9,r9,outbound,2026-03-30T07:01:00Z,coach,coach-1,Amina

        """,
        "conversation_events.csv": """
        contact_id,event,timestamp,actor_id,actor_name,seq
        r2,closed,2026-03-29T08:00:00Z,coach-2,,
        r4,reopened,2026-03-29T10:00:00Z,coach-1,,
        r5,closed,2026-03-29T11:30:00Z,coach-1,,2
        r5,closed,2026-03-29T11:30:00Z,coach-2,,1
        r7,closed,2026-03-29T13:10:00Z,coach-1,,
        r7,closed,2026-03-29T14:20:00Z,coach-4,,
        r9,closed,2026-03-30T06:30:00Z,coach-1,,

        """,
    ]

    /// Writes the files to a new folder and returns their paths.
    static func write() throws -> [String] {
        let folder = try TestPaths.temporaryDirectory("pg-responses")
        return try files.keys.sorted().map { name in
            let url = folder.appendingPathComponent(name)
            try Data(files[name, default: ""].utf8).write(to: url)
            return url.path
        }
    }
}

/// The engine's response times equal the SQLite path's on `ResponseEdgeCases`, with and
/// without business hours (and the whole `metrics.json` with them).
@Suite(.serialized, .temporaryFolders, .enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) struct ResponseTimeParityTests
{
    @Test func edgeCases() throws {
        let store = try PostgresParityTests.store(importing: try ResponseEdgeCases.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            // The numbers of 29 March in Berlin ([03-28T23:00Z, 03-29T22:00Z)), by hand: opened
            // by users r2, r3, r5, r7 (three times), r8 = 7 (r1 and r6 opened before, r4 by an
            // event, r9 on 30 March); answered r2 (0 min), r3 (7), r7 (5, 15), r8 (240) = 5; r5
            // after its close, r7's third after the period.
            let calendar = try #require(ReportCalendar(identifier: "Europe/Berlin"))
            let day = period("2026-03-29", "2026-03-29")
            let source = WarehouseSource(connection: connection)
            let engine = try source.responseTimes(period: day, calendar: calendar, businessHours: nil)
            #expect(engine.openedByUsers == 7 && engine.answered == 5)
            // Sorted 0, 5, 7, 15, 240: the middle 7; p90 the ⌈4.5⌉ = 5th = 240.
            #expect(engine.middleWaits == [7 * 60_000_000] && engine.p90Wait == 240 * 60_000_000)
            // <5m: 0; 5-15m: 5, 7; 15-60m: 15; 4-24h: 240 (the lower bound).
            #expect(engine.buckets == [1, 2, 1, 0, 1, 0])
            // coach-3 (B1) answered r3, not coach-1 (a2). coach-2 closed r2 and r5 (its close
            // has seq 1, coach-1's at that instant found r5 closed); coach-1 closed r7 at 13:10.
            #expect(engine.coaches[AuthorKey(type: .coach, id: "coach-3", name: nil)]?.firstResponses == 1)
            #expect(engine.coaches[AuthorKey(type: .coach, id: "coach-2", name: nil)]?.closes == 2)
            #expect(engine.coaches[AuthorKey(type: .coach, id: "coach-1", name: nil)]?.closes == 1)
            #expect(engine.names == ["coach-1": "Amina", "coach-2": "Ben", "coach-3": "Bea"])
            let hours = try BusinessHours("Mon-Fri 08:00-17:00, Sat 23:00-24:00, Sun 00:00-03:00")
            for business in [nil, hours] {
                try expectParity(
                    store, connection, from: "2026-03-29", to: "2026-03-29", zone: "Europe/Berlin", businessHours: business)
                try expectParity(
                    store, connection, from: "2026-03-28", to: "2026-03-30", zone: "Europe/Berlin", businessHours: business)
                try expectParity(
                    store, connection, from: "2026-03-30", to: "2026-04-05", zone: "Asia/Kathmandu", businessHours: business)
                try expectParity(store, connection, from: "2026-03-01", to: "2026-03-31", zone: "UTC", businessHours: business)
            }
            // The summary's trend reads the median alone: the same as the full aggregate's.
            let median = try source.medianFirstResponseMinutes(
                instants: day.instants(in: calendar), calendar: calendar, businessHours: hours)
            let full = try source.responseTimes(period: day, calendar: calendar, businessHours: hours)
            #expect(median == full.medianFirstResponseMinutes)
            #expect(full.businessHours == hours.text)
        }
    }

    /// The summary's trend of the median first response, period by period from the engine
    /// (`medianFirstResponseMinutes(instants:…)` per trend period), is the SQLite report's:
    /// weeks ending 5 April 2026 in Berlin, with and without business hours.
    @Test func trendMediansPerPeriod() throws {
        let store = try PostgresParityTests.store(importing: try ResponseEdgeCases.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let calendar = try #require(ReportCalendar(identifier: "Europe/Berlin"))
            let week = period("2026-03-30", "2026-04-05")
            let source = WarehouseSource(connection: connection)
            for business in [nil, try BusinessHours("Mon-Fri 08:00-17:00, Sat 23:00-24:00, Sun 00:00-03:00")] {
                let report = Report(
                    data: try store.periodData(period: week, calendar: calendar), serviceName: "Parity",
                    generatorVersion: "test", businessHours: business)
                let headline = try #require(report.summary.headlines.first { $0.metric == .medianFirstResponseMinutes })
                let points = try #require(headline.trend)
                #expect(points.count == ReportPeriod.trendLength)
                // The week of 23 March holds r1 … r8: its point is not null.
                #expect(points[points.count - 2].value != nil)
                for point in points {
                    let engine = try source.medianFirstResponseMinutes(
                        instants: point.period.instants(in: calendar), calendar: calendar, businessHours: business)
                    #expect(engine == point.value, "\(point.period) \(business?.text ?? "-")")
                }
            }
        }
    }
}
