import InsightsMetrics
import Testing

/// `Breakdown`: the rows of `--breakdown FIELD`, worked out by hand.
@Suite struct BreakdownTests {
    let end: Instant = 1_000_000

    func value(_ text: String) -> FieldValue {
        FieldValue(value: text, folded: text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    @Test func theTwentyLargestThenOther() {
        // Active contacts: 1, 2, 3 "big" (spelled "big", " big ", "Big": "big" twice once
        // trimmed), 4, 5 "Tie"/"tie" (one each: the smallest, "Tie"), 6 without a value,
        // 7…26 "v01"…"v20" one each. Contacts 1–3 wrote 2 messages, the others 1.
        var values: [ContactKey: FieldValue] = [
            1: value("big"), 2: value(" big "), 3: value("Big"), 4: value("Tie"), 5: value("tie"),
        ]
        var received: [ContactKey: Int] = [1: 2, 2: 2, 3: 2, 4: 1, 5: 1, 6: 1]
        for index in 1...20 {
            values[ContactKey(6 + index)] = value("v" + (index < 10 ? "0" : "") + String(index))
            received[ContactKey(6 + index)] = 1
        }
        // Not active: 30 "v18" completed a goal (counts in its row: in other), 31 "zzz" (a
        // value no active user holds: no row) completed one too, 32 "big" was reached.
        values[30] = value("v18")
        values[31] = value("zzz")
        values[32] = value("BIG")
        let goals = [30, 31, 1, 1].map {
            GoalEventRow(contact: ContactKey($0), goalID: "g", behaviourID: nil, kind: .completed, timestamp: 5)
        }
        // Runs: 25 ("v19") completed before the end (other), 26 ("v20") after it (in progress).
        let runs = [
            JourneyRunRow(
                runID: "r1", contact: 25, journeyID: "j", startedAt: 1, endedAt: 10, outcome: .completed, lastStep: nil),
            JourneyRunRow(
                runID: "r2", contact: 26, journeyID: "j", startedAt: 1, endedAt: end, outcome: .completed, lastStep: nil),
        ]
        let breakdown = Breakdown(
            input: BreakdownInput(field: "district", values: values), received: received, newContacts: ContactSet([1, 6]),
            goalEvents: goals, journeyRuns: runs, periodEnd: end, reached: ContactSet([2, 32, 7]))
        // big: 3 active, 6 received, new 1, goal 1 (contact 1 twice: one contact), reached 2
        // and 32 = 2. Tie: 2. Then the ties at 1 by value: "(none)" (contact 6, new), v01…v17.
        // other: v18, v19, v20 (3 values, 3 active, goal 30, run r1).
        #expect(breakdown.rows.count == 21)
        #expect(
            breakdown.rows[0]
                == BreakdownRow(
                    kind: .value, value: "big", activeUsers: 3, newUsers: 1, messagesReceived: 6, goalCompletions: 1,
                    journeyCompletions: 0, reachedUsers: 2))
        #expect(breakdown.rows[1].value == "Tie")
        #expect(breakdown.rows[1].activeUsers == 2)
        #expect(
            breakdown.rows[2]
                == BreakdownRow(
                    kind: .none, value: "(none)", activeUsers: 1, newUsers: 1, messagesReceived: 1, goalCompletions: 0,
                    journeyCompletions: 0, reachedUsers: 0))
        #expect(breakdown.rows[3].value == "v01")
        #expect(breakdown.rows[3].reachedUsers == 1)  // contact 7
        #expect(breakdown.rows[19].value == "v17")
        #expect(
            breakdown.rows[20]
                == BreakdownRow(
                    kind: .other, value: "other", activeUsers: 3, newUsers: 0, messagesReceived: 3, goalCompletions: 1,
                    journeyCompletions: 1, reachedUsers: 0))
        #expect(breakdown.otherValueCount == 3)
    }

    @Test func noOtherWhenNothingIsLeftOverAndNoReachWithoutStatuses() {
        let breakdown = Breakdown(
            input: BreakdownInput(field: "cohort", values: [1: value("3"), 2: value("3")]), received: [1: 1, 2: 4, 3: 1],
            newContacts: ContactSet(), goalEvents: [], journeyRuns: [], periodEnd: end, reached: nil)
        // "3": contacts 1, 2 (5 messages); (none): contact 3.
        #expect(breakdown.rows.map(\.value) == ["3", "(none)"])
        #expect(breakdown.rows.map(\.messagesReceived) == [5, 1])
        #expect(breakdown.rows.allSatisfy { $0.reachedUsers == nil })
        #expect(breakdown.otherValueCount == 0)
    }

    @Test func segmentConditionsAreTrimmedAndParsed() {
        #expect(SegmentCondition(parsing: " district = Kisumu ") == SegmentCondition(field: "district", value: "Kisumu"))
        #expect(SegmentCondition(parsing: "note=a=b")?.value == "a=b")
        #expect(SegmentCondition(parsing: "district") == nil)
        #expect(SegmentCondition(parsing: "district= ") == nil)
        #expect(SegmentCondition(parsing: "=x") == nil)
        #expect(
            [SegmentCondition(field: "district", value: "kisumu"), SegmentCondition(field: "cohort", value: "3")].label
                == "district=kisumu, cohort=3")
    }
}
