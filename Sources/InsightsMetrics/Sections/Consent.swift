/// "Is our audience growing?" (consent): opt-ins and opt-outs of the period and who is opted in
/// at its end (METRICS.md, "Reach, delivery and consent" and section 6).
///
/// Contacts carry only their latest opt-in and opt-out times, so older history is not seen.
/// A contact is opted in at the end of the period when its `opted_in_at` is before the end and
/// no `opted_out_at` is both later than the opt-in and before the end (an opt-out at the same
/// instant as the opt-in does not cancel it). Every number is nil when no contact has either
/// time.
public struct ConsentMetrics: Equatable, Sendable {
    /// `opt_ins`: contacts whose `opted_in_at` is in the period.
    public let optIns: Int?
    /// `opt_outs`: contacts whose `opted_out_at` is in the period.
    public let optOuts: Int?
    /// `opted_in_at_end`: contacts opted in at the end of the period.
    public let optedInAtEnd: Int?

    /// Counts the contacts' consent times.
    /// - Parameters:
    ///   - period: the period's instants, `[start, end)`.
    ///   - rows: every contact with a consent time (rows with neither are ignored).
    public init<S: Sequence>(period: Range<Instant>, rows: S) where S.Element == ConsentRow {
        var any = false
        var optIns = 0
        var optOuts = 0
        var optedIn = 0
        for row in rows {
            guard row.optedInAt != nil || row.optedOutAt != nil else { continue }
            any = true
            if let optIn = row.optedInAt, period.contains(optIn) { optIns += 1 }
            if let optOut = row.optedOutAt, period.contains(optOut) { optOuts += 1 }
            guard let optIn = row.optedInAt, optIn < period.upperBound else { continue }
            if let optOut = row.optedOutAt, optOut > optIn, optOut < period.upperBound { continue }
            optedIn += 1
        }
        self.optIns = any ? optIns : nil
        self.optOuts = any ? optOuts : nil
        self.optedInAtEnd = any ? optedIn : nil
    }

    /// Creates the block from its values.
    public init(optIns: Int?, optOuts: Int?, optedInAtEnd: Int?) {
        self.optIns = optIns
        self.optOuts = optOuts
        self.optedInAtEnd = optedInAtEnd
    }
}
