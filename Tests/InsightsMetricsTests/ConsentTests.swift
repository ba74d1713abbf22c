import InsightsMetrics
import InsightsTestSupport
import Testing

@Suite struct ConsentTests {
    /// Period 2026-10-10 to 2026-10-12 in Africa/Nairobi (UTC+3): [10-09T21:00Z, 10-12T21:00Z).
    static let range = period("2026-10-10", "2026-10-12").instants(in: zone("Africa/Nairobi"))

    @Test func optInsOptOutsAndTheStateAtTheEnd() {
        let rows = [
            // 1: opted in long ago, never out → in at the end.
            consent(1, in: "2026-01-01T00:00", out: nil),
            // 2: opted in during the period → an opt-in, in at the end.
            consent(2, in: "2026-10-10T08:00", out: nil),
            // 3: in before, out during the period (after the opt-in) → an opt-out, not in.
            consent(3, in: "2026-09-01T00:00", out: "2026-10-11T08:00"),
            // 4: out before, in again during the period → an opt-in, in at the end.
            consent(4, in: "2026-10-11T09:00", out: "2026-09-01T00:00"),
            // 5: in and out at the same instant, in the period → both counted, still in.
            consent(5, in: "2026-10-11T10:00", out: "2026-10-11T10:00"),
            // 6: in during the period, out after its end → an opt-in, in at the end.
            consent(6, in: "2026-10-11T11:00", out: "2026-10-12T21:00"),
            // 7: in at the very end instant → not in the period, not in at the end.
            consent(7, in: "2026-10-12T21:00", out: nil),
            // 8: opted in at the first instant of the period: an opt-in.
            consent(8, in: "2026-10-09T21:00", out: nil),
            // 9: only an opt-out, before the period → nothing, not in.
            consent(9, in: nil, out: "2026-10-01T00:00"),
            // 10: neither time: ignored.
            consent(10, in: nil, out: nil),
        ]
        let metrics = ConsentMetrics(period: Self.range, rows: rows)
        // Opt-ins in the period: 2, 4, 5, 6, 8 = 5. Opt-outs: 3, 5 = 2.
        // In at the end: 1, 2, 4, 5, 6, 8 = 6.
        #expect(metrics == ConsentMetrics(optIns: 5, optOuts: 2, optedInAtEnd: 6))
    }

    @Test func noConsentTimesAtAll() {
        // No contact has either time: every number is unknown, not 0.
        #expect(ConsentMetrics(period: Self.range, rows: []) == ConsentMetrics(optIns: nil, optOuts: nil, optedInAtEnd: nil))
        #expect(
            ConsentMetrics(period: Self.range, rows: [consent(1, in: nil, out: nil)])
                == ConsentMetrics(optIns: nil, optOuts: nil, optedInAtEnd: nil))
        // One contact opted out before the period: 0, 0, 0.
        #expect(
            ConsentMetrics(period: Self.range, rows: [consent(1, in: nil, out: "2026-10-01T00:00")])
                == ConsentMetrics(optIns: 0, optOuts: 0, optedInAtEnd: 0))
    }
}

private func consent(_ contact: ContactKey, in optIn: String?, out optOut: String?) -> ConsentRow {
    ConsentRow(contact: contact, optedInAt: optIn.map(utc), optedOutAt: optOut.map(utc))
}
