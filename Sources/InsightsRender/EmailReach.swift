import InsightsMetrics

/// The email's reach rows (`{{#reach}}` in `email.mustache`): the headline numbers of the
/// `audience-reach` block, one line on the funnel and one on consent.
struct EmailReach {
    let hasStatuses: Bool
    let reachHeadlines: [Headline]
    /// `1,236 of 2,729 messages sent were read; 113 failed.`
    let summary: String
    /// The consent line, or what to import to see it.
    let consent: String

    init(_ report: Report, headlines: ReportHeadlines) {
        let reach = report.reach
        let counts = reach.delivery
        hasStatuses = reach.isMeasured
        reachHeadlines = headlines.headlines(for: .audienceReach)
        summary =
            "Of \(Format.integer(counts.messages)) messages sent, \(Format.integer(counts.read + counts.delivered)) were "
            + "delivered and \(Format.integer(counts.read)) read; \(Format.integer(counts.failed)) failed"
            + (reach.medianMinutesToRead.map { ". Median time to read: \(ReachView.minutes($0))." } ?? ".")
        let consentNumbers = report.consent
        if let optIns = consentNumbers.optIns, let optOuts = consentNumbers.optOuts,
            let optedIn = consentNumbers.optedInAtEnd
        {
            consent =
                "Consent: \(Format.integer(optIns)) opted in and \(Format.integer(optOuts)) opted out during the period; "
                + "\(Format.integer(optedIn)) were opted in at its end."
        } else {
            consent = "Consent: no contact has an opt-in or opt-out time; import opted_in_at and opted_out_at to see it."
        }
    }
}
