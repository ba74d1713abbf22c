import InsightsMetrics
import InsightsTestSupport
import Testing

/// The summary's sentence rules: which facts, in which order.
@Suite struct SummaryFactsTests {
    static func headline(_ metric: HeadlineMetric, _ value: Double?, _ previous: Double?) -> SummaryHeadline {
        SummaryHeadline(metric: metric, value: value, previous: previous, trend: nil)
    }

    /// Every class of headline once, and a tie.
    static let headlines = [
        headline(.activeUsers, 559, 520),  // +39 / 520 = +7.5 %
        headline(.newUsers, 120, 100),  // +20.0 %
        headline(.reachedUsers, nil, nil),  // no statuses: no data
        headline(.messagesReceived, 1000, 1250),  // −250 / 1250 = −20.0 %: ties with new users
        headline(.messagesSent, 800, 800),  // unchanged
        headline(.journeyCompletions, 12, 0),  // from 0
        headline(.medianFirstResponseMinutes, 14.5, nil),  // no previous median
        headline(.conversationsClosed, 30, 40),  // −10 / 40 = −25.0 %
    ]

    static func journey(_ id: String, runs: Int, completed: Int) -> JourneyResult {
        JourneyResult(
            journeyID: id, name: "Journey \(id)", runsStarted: runs, usersStarted: runs, completed: completed, expired: 0,
            interrupted: 0, medianMinutesToComplete: nil, dropOff: TopList(counts: [:], limit: 5), answers: [])
    }

    static func rate(_ id: String, runs: Int, completed: Int) -> JourneyRate {
        JourneyRate(journeyID: id, name: "Journey \(id)", completed: completed, runsStarted: runs)
    }

    /// Largest change first (25.0 %), then the tie of 20.0 % in band order (new users before
    /// messages received); with the Journeys and the busiest hour there are 4 sentences.
    @Test func largestChangesThenJourneysThenTheBusiestHour() {
        // A: 5 of 10 = 50 %; B: 2 of 4 = 50 % (fewer runs than A); C and D: 1 of 8 = 12.5 %,
        // equal runs, C listed first.
        let journeys = JourneyMetrics(journeys: [
            Self.journey("A", runs: 10, completed: 5), Self.journey("C", runs: 8, completed: 1),
            Self.journey("D", runs: 8, completed: 1), Self.journey("B", runs: 4, completed: 2),
        ])
        let busiest = HeatmapSlot(weekday: 1, hour: 14, count: 93)
        let facts = SummaryFact.facts(headlines: Self.headlines, journeys: journeys, busiest: busiest)
        #expect(
            facts == [
                .change(.conversationsClosed, value: 30, previous: 40, fraction: -0.25),
                .change(.newUsers, value: 120, previous: 100, fraction: 0.2),
                .journeys(best: Self.rate("A", runs: 10, completed: 5), worst: Self.rate("C", runs: 8, completed: 1)),
                .busiestHour(busiest),
            ])
    }

    /// Without Journeys and without a message received, the headlines give 3 sentences: the
    /// third is the other 20.0 % change. Further down the ranking: from 0, no previous,
    /// unchanged, no data.
    @Test func atLeastThreeSentencesAndTheOrderOfClasses() {
        let none = JourneyMetrics(journeys: [])
        let facts = SummaryFact.facts(
            headlines: Self.headlines, journeys: none, busiest: HeatmapSlot(weekday: 0, hour: 0, count: 0))
        #expect(facts.count == 3)
        #expect(facts.last == .change(.messagesReceived, value: 1000, previous: 1250, fraction: -0.2))
        // Only the classes below the changes: from 0, then no previous, unchanged, no data.
        let rest = Self.headlines.filter {
            [.reachedUsers, .messagesSent, .journeyCompletions, .medianFirstResponseMinutes].contains($0.metric)
        }
        #expect(
            SummaryFact.facts(headlines: rest, journeys: none, busiest: nil) == [
                .fromZero(.journeyCompletions, value: 12), .noPrevious(.medianFirstResponseMinutes, value: 14.5),
                .unchanged(.messagesSent, value: 800),
            ])
        // A report with nothing at all still says three things: 0 = 0 is unchanged.
        let empty = [Self.headline(.activeUsers, 0, 0), Self.headline(.newUsers, 0, 0), Self.headline(.reachedUsers, nil, nil)]
        #expect(
            SummaryFact.facts(headlines: empty, journeys: none, busiest: nil) == [
                .unchanged(.activeUsers, value: 0), .unchanged(.newUsers, value: 0), .noData(.reachedUsers),
            ])
    }

    /// Changes that differ only after the first decimal tie (both read "33.3 %"), and keep the
    /// band's order; a fall to 0 is a change of 100 %.
    @Test func tiesAreByTheRoundedPercent() {
        let headlines = [
            Self.headline(.activeUsers, 4, 3),  // +33.33… %
            Self.headline(.newUsers, 40_004, 30_000),  // +10,004 / 30,000 = +33.3466… %: also 33.3 %
            Self.headline(.messagesSent, 0, 5),  // −100.0 %
        ]
        let facts = SummaryFact.facts(headlines: headlines, journeys: JourneyMetrics(journeys: []), busiest: nil)
        #expect(
            facts == [
                .change(.messagesSent, value: 0, previous: 5, fraction: -1),
                .change(.activeUsers, value: 4, previous: 3, fraction: 1.0 / 3),
                .change(.newUsers, value: 40_004, previous: 30_000, fraction: 10_004.0 / 30_000),
            ])
    }

    /// All Journeys alike, or only one.
    @Test func journeysAlikeOrAlone() {
        let alike = JourneyMetrics(journeys: [
            Self.journey("A", runs: 2, completed: 1), Self.journey("B", runs: 4, completed: 2),
        ])
        #expect(
            SummaryFact.facts(headlines: [], journeys: alike, busiest: nil) == [.journeysAlike(rate: 0.5, journeys: 2)])
        let alone = JourneyMetrics(journeys: [Self.journey("A", runs: 3, completed: 0)])
        #expect(
            SummaryFact.facts(headlines: [], journeys: alone, busiest: nil) == [
                .onlyJourney(Self.rate("A", runs: 3, completed: 0))
            ])
    }
}
