import InsightsMetrics
import InsightsTestSupport
import Testing

@Suite struct ContactSetTests {
    @Test func insertsCountsUnitesAndIteratesInOrder() {
        var set = ContactSet([5, 64, 5, 0, 1_000])
        #expect(set.count == 4)
        #expect(Array(set) == [0, 5, 64, 1_000])
        #expect(set.contains(64) && !set.contains(63) && !set.contains(5_000) && !set.contains(-1))
        set.formUnion(ContactSet([63, 64, 70_000]))
        #expect(set.count == 6)
        #expect(Array(set) == [0, 5, 63, 64, 1_000, 70_000])
        // Equal sets are equal however far their storage grew.
        var grown = ContactSet([200_000])
        grown.formUnion(ContactSet([1, 2]))
        var small = ContactSet([1, 2, 200_000])
        small.formUnion(ContactSet())
        #expect(grown == small)
        #expect(ContactSet([1]) != ContactSet([2]))
        #expect(ContactSet().isEmpty && Array(ContactSet()).isEmpty)
    }

    /// Tallies of parts of a period merge into the tally of the whole.
    @Test func tallyPartsMergeIntoTheWhole() throws {
        let period = try #require(ReportPeriod(year: 2026, month: 3))
        let calendar = zone("Europe/London")
        let rows: [MessageRow] = (0..<200).map { index in
            let instant = utc("2026-03-01T00:00") + Int64(index) * 3_697 * microsecondsPerSecond * 4
            return index % 3 == 0
                ? MessageRow(
                    contact: Int64(index % 17), inbound: false, timestamp: instant, authorType: .coach,
                    authorID: index % 2 == 0 ? "k\(index % 5)" : nil, authorName: "Coach \(index % 4)")
                : MessageRow(contact: Int64(index % 23), inbound: true, timestamp: instant)
        }
        var whole = MessageTally(period: period, calendar: calendar)
        whole.add(contentsOf: rows)
        var merged = MessageTally(period: period, calendar: calendar)
        for part in [rows.filter { $0.timestamp % 3 == 0 }, rows.filter { $0.timestamp % 3 != 0 }] {
            var tally = MessageTally(period: period, calendar: calendar)
            tally.add(contentsOf: part.reversed())
            merged.merge(tally)
        }
        #expect(merged.dailyActive == whole.dailyActive)
        #expect(merged.dailyReceived == whole.dailyReceived && merged.dailySent == whole.dailySent)
        #expect(merged.heatmap == whole.heatmap)
        #expect(merged.authors == whole.authors)
        #expect(whole.received + whole.sent == 200 - rows.filter { calendar.localDate(at: $0.timestamp) > period.to }.count)
    }
}
