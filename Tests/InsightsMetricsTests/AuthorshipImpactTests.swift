import InsightsMetrics
import InsightsTestSupport
import Testing

@Suite struct AuthorshipTests {
    private func sent(_ type: AuthorType, _ id: String?, _ name: String?, times: Int = 1) -> [MessageRow] {
        Array(
            repeating: MessageRow(
                contact: 1, inbound: false, timestamp: utc("2026-10-05T12:00"), authorType: type, authorID: id,
                authorName: name),
            count: times)
    }

    @Test func sharesAndTopAuthors() throws {
        var tally = MessageTally(period: period("2026-10-05", "2026-10-05"), calendar: zone("UTC"))
        tally.add(contentsOf: sent(.stack, "s1", "Onboarding", times: 3))
        tally.add(contentsOf: sent(.stack, "s2", "Check-in", times: 3))
        tally.add(contentsOf: sent(.coach, "c1", "Old name"))
        tally.add(contentsOf: sent(.coach, "c1", nil))
        tally.add(contentsOf: sent(.coach, nil, "Walk-in", times: 2))
        tally.add(contentsOf: sent(.coach, nil, nil))
        tally.add(contentsOf: sent(.reminder, "r1", nil))
        tally.add(contentsOf: sent(.automation, "a1", "Keyword: HELP"))
        tally.add(MessageRow(contact: 1, inbound: true, timestamp: utc("2026-10-05T12:00")))
        // The store resolves each id's newest name: c1 is now "Thandi"; r1 never had a name.
        let authorship = AuthorshipMetrics(
            tally: tally, latestNames: ["s1": "Onboarding", "s2": "Check-in", "c1": "Thandi", "a1": "Keyword: HELP"])
        // 13 sent: stack 6, coach 5, reminder 1, automation 1.
        #expect(authorship.byType.map(\.authorType) == AuthorType.allCases)
        #expect(authorship.byType.map(\.messages) == [6, 5, 1, 0, 1, 0])
        let shares: [Double?] = [6.0 / 13, 5.0 / 13, 1.0 / 13, 0, 1.0 / 13, 0]
        #expect(authorship.byType.map(\.share) == shares)
        #expect(authorship.legacyMessages == 1)
        // Ties by name: "Check-in" before "Onboarding"; "Thandi" before "Walk-in".
        #expect(
            authorship.topAuthors[.stack]
                == [
                    TopAuthor(authorID: "s2", name: "Check-in", messages: 3),
                    TopAuthor(authorID: "s1", name: "Onboarding", messages: 3),
                ])
        #expect(
            authorship.topAuthors[.coach]
                == [
                    TopAuthor(authorID: "c1", name: "Thandi", messages: 2),
                    TopAuthor(authorID: nil, name: "Walk-in", messages: 2),
                    TopAuthor(authorID: nil, name: "(unnamed)", messages: 1),
                ])
        #expect(authorship.topAuthors[.reminder] == [TopAuthor(authorID: "r1", name: "r1", messages: 1)])
        #expect(authorship.topAuthors[.api] == [])
        #expect(authorship.topAuthors[.thread] == [])
    }

    @Test func onlyTheTopTenAreListed() {
        var tally = MessageTally(period: period("2026-10-05", "2026-10-05"), calendar: zone("UTC"))
        for index in 1...12 { tally.add(contentsOf: sent(.api, "api-\(index)", nil, times: index)) }
        let authorship = AuthorshipMetrics(tally: tally, latestNames: [:])
        let expected: [String?] = (3...12).reversed().map { "api-\($0)" }
        #expect(authorship.topAuthors[.api]?.map(\.authorID) == expected)
    }

    @Test func nothingSentHasNoShares() {
        let tally = MessageTally(period: period("2026-10-05", "2026-10-05"), calendar: zone("UTC"))
        let authorship = AuthorshipMetrics(tally: tally, latestNames: [:])
        #expect(authorship.byType.allSatisfy { $0.messages == 0 && $0.share == nil })
        #expect(authorship.legacyMessages == 0)
    }
}

@Suite struct ImpactTests {
    @Test func distinctStartsCompletionsAndActions() {
        let goals = [
            GoalDefinition(
                id: "g1", name: "Attend visits",
                behaviours: [BehaviourDefinition(id: "b1", name: "Booked"), BehaviourDefinition(id: "b2", name: "Attended")]),
            GoalDefinition(id: "g2", name: "Quit smoking", behaviours: [BehaviourDefinition(id: "b3", name: "Quit date")]),
            GoalDefinition(id: "g3", name: "Never started", behaviours: []),
        ]
        let at = utc("2026-10-05T12:00")
        let events = [
            GoalEventRow(contact: 1, goalID: "g1", kind: .started, timestamp: at),
            GoalEventRow(contact: 1, goalID: "g1", kind: .started, timestamp: at + 1),  // again: still one
            GoalEventRow(contact: 2, goalID: "g1", kind: .started, timestamp: at),
            GoalEventRow(contact: 1, goalID: "g1", kind: .completed, timestamp: at),
            GoalEventRow(contact: 1, goalID: "g1", behaviourID: "b1", kind: .actioned, timestamp: at),
            GoalEventRow(contact: 1, goalID: "g1", behaviourID: "b1", kind: .actioned, timestamp: at + 2),
            GoalEventRow(contact: 2, goalID: "g1", behaviourID: "b1", kind: .actioned, timestamp: at),
            GoalEventRow(contact: 2, goalID: "g1", behaviourID: "b2", kind: .actioned, timestamp: at),
            GoalEventRow(contact: 3, goalID: "g2", kind: .completed, timestamp: at),  // started earlier
        ]
        let impact = ImpactMetrics(goals: goals, events: events)
        #expect(
            impact.goals == [
                GoalMetrics(
                    goalID: "g1", name: "Attend visits", started: 2, completed: 1,
                    behaviours: [
                        BehaviourMetrics(behaviourID: "b1", name: "Booked", users: 2, actions: 3),
                        BehaviourMetrics(behaviourID: "b2", name: "Attended", users: 1, actions: 1),
                    ]),
                GoalMetrics(
                    goalID: "g2", name: "Quit smoking", started: 0, completed: 1,
                    behaviours: [BehaviourMetrics(behaviourID: "b3", name: "Quit date", users: 0, actions: 0)]),
                GoalMetrics(goalID: "g3", name: "Never started", started: 0, completed: 0, behaviours: []),
            ])
        #expect(impact.goals.map(\.completionRate) == [0.5, nil, nil])
        #expect(impact.totalStarted == 2)
        #expect(impact.totalCompleted == 2)
    }
}

@Suite struct ChangeTests {
    @Test func changeAgainstThePreviousPeriod() {
        #expect(Change(current: 5, previous: 5) == .unchanged)
        #expect(Change(current: 0, previous: 0) == .unchanged)
        #expect(Change(current: 3, previous: 0) == .new)
        #expect(Change(current: 150, previous: 100) == .up(0.5))
        #expect(Change(current: 75, previous: 100) == .down(0.25))
    }
}
