import InsightsMetrics

/// The `audience-reach` block (`templates/blocks/audience-reach.mustache`): reached users,
/// the delivery funnel, daily delivery states, read rate per author type, failure reasons and
/// consent. Without any stored status it shows one line saying what to import; likewise for
/// consent.
struct ReachView {
    struct Day {
        let date: String
        let label: String
        let read: String
        let delivered: String
        let failed: String
        let other: String
    }
    struct AuthorRow {
        let label: String
        let messages: String
        let read: String
        let readRate: String
    }
    struct Failure {
        let error: String
        let messages: String
    }

    /// Reached users (with the change), active users beside them (with theirs), delivery
    /// rate, read rate and median time to read.
    let reachHeadlines: [Headline]
    let hasStatuses: Bool
    let hasSentMessages: Bool
    let funnelChart: String
    let dailyChart: String
    let authorChart: String
    let funnelSummary: String
    let noStatusNote: String
    let hasNoStatusMessages: Bool
    let days: [Day]
    let authorRows: [AuthorRow]
    let failures: [Failure]
    let hasFailures: Bool
    let hasConsent: Bool
    let optIns: String
    let optOuts: String
    let optedInAtEnd: String

    init(_ report: Report, headlines: ReportHeadlines) {
        let reach = report.reach
        let counts = reach.delivery
        hasStatuses = reach.isMeasured
        hasSentMessages = counts.messages > 0
        let audience = report.audience
        reachHeadlines =
            Array(headlines.headlines(for: .audienceReach).prefix(1))
            + [
                Headline(
                    label: "active users (for comparison)", value: audience.activeUsers, previous: audience.previous.activeUsers)
            ]
            + headlines.headlines(for: .audienceReach).dropFirst()
            + [Headline(label: "median time to read", text: reach.medianMinutesToRead.map(Self.minutes) ?? "–")]
        let withStatus = counts.messages - counts.noStatus
        let reachedMessages = counts.read + counts.delivered
        func share(_ value: Int, of total: Int) -> String {
            Format.percent(total == 0 ? nil : Double(value) / Double(total), places: 1)
        }
        funnelChart = HorizontalBarChart(
            id: "audience-reach-funnel", title: "From sent to read",
            description:
                "Of \(Format.integer(withStatus)) messages with a status, \(Format.integer(reachedMessages)) were delivered "
                + "and \(Format.integer(counts.read)) read; \(Format.integer(counts.failed)) failed.",
            items: [
                .init(
                    label: "Sent (with a status)", value: withStatus, valueText: Format.integer(withStatus), cssClass: "s-sent"),
                .init(
                    label: "Delivered", value: reachedMessages,
                    valueText: "\(Format.integer(reachedMessages)) (\(share(reachedMessages, of: withStatus)))",
                    cssClass: "s-delivered"),
                .init(
                    label: "Read", value: counts.read,
                    valueText: "\(Format.integer(counts.read)) (\(share(counts.read, of: reachedMessages)) of delivered)",
                    shortValueText: "\(Format.integer(counts.read)) (\(share(counts.read, of: reachedMessages)))",
                    cssClass: "s-read"),
                .init(
                    label: "Failed", value: counts.failed,
                    valueText: "\(Format.integer(counts.failed)) (\(share(counts.failed, of: withStatus)))", cssClass: "s-failed"),
            ]
        ).render()
        funnelSummary =
            "\(Format.integer(reachedMessages)) of \(Format.integer(withStatus)) messages with a status reached the phone "
            + "(delivery rate \(Format.percent(reach.deliveryRate))); \(Format.integer(counts.read)) of those "
            + (counts.read == 1 ? "was" : "were") + " read "
            + "(read rate \(Format.percent(reach.readRate)))."
        hasNoStatusMessages = counts.noStatus > 0
        noStatusNote =
            "\(Format.integer(counts.noStatus)) of the \(Format.integer(counts.messages)) messages sent "
            + (counts.noStatus == 1 ? "has" : "have") + " no status at all; "
            + "they are left out of the rates."
        days = reach.daily.map {
            Day(
                date: $0.date.description, label: Format.shortDate($0.date), read: Format.integer($0.counts.read),
                delivered: Format.integer($0.counts.delivered), failed: Format.integer($0.counts.failed),
                other: Format.integer($0.counts.other))
        }
        let busiest = reach.daily.max { $0.counts.messages < $1.counts.messages }
        dailyChart = BarChart(
            id: "audience-reach-daily", title: "Messages sent per day, by delivery state",
            description: "Each day's messages sent, split into read, delivered (not read), failed and other (sent or no status). "
                + (busiest.map {
                    "The busiest day was \(Format.date($0.date)) with \(Format.integer($0.counts.messages)) messages."
                }
                    ?? ""),
            labels: reach.daily.map { Format.dayAndMonth($0.date) }, fullLabels: reach.daily.map { Format.shortDate($0.date) },
            series: [
                .init(name: "read", cssClass: "s-read", values: reach.daily.map(\.counts.read)),
                .init(name: "delivered, not read", cssClass: "s-delivered", values: reach.daily.map(\.counts.delivered)),
                .init(name: "failed", cssClass: "s-failed", values: reach.daily.map(\.counts.failed)),
                .init(name: "sent or no status", cssClass: "s-pending", values: reach.daily.map(\.counts.other)),
            ],
            layout: .stacked, unit: "messages"
        ).render()
        let shownTypes = reach.byAuthorType.filter { $0.counts.messages > 0 }
        authorRows = shownTypes.map {
            AuthorRow(
                label: GuidanceView.label($0.authorType), messages: Format.integer($0.counts.messages),
                read: Format.integer($0.counts.read), readRate: Format.percent($0.readRate))
        }
        authorChart = HorizontalBarChart(
            id: "audience-reach-authors", title: "Read rate by author type",
            description: "Of the delivered messages of each author type, the share that was read.",
            items: shownTypes.map {
                .init(
                    label: GuidanceView.label($0.authorType), value: Int((($0.readRate ?? 0) * 1000).rounded()),
                    valueText: Format.percent($0.readRate), shortValueText: Format.percent($0.readRate, places: 0),
                    cssClass: "s-read")
            }
        ).render()
        failures = reach.failures.map { Failure(error: Format.visible($0.label), messages: Format.integer($0.count)) }
        hasFailures = !failures.isEmpty
        let consent = report.consent
        hasConsent = consent.isMeasured
        optIns = consent.optIns.map(Format.integer) ?? "–"
        optOuts = consent.optOuts.map(Format.integer) ?? "–"
        optedInAtEnd = consent.optedInAtEnd.map(Format.integer) ?? "–"
    }

    /// The block's headline numbers for the email and the plain text: reached users with the
    /// change, delivery rate and read rate; none without statuses.
    static func headlines(_ reach: ReachMetrics) -> [Headline] {
        guard let reached = reach.reachedUsers else { return [] }
        return [
            Headline(label: "reached users", value: reached, previous: reach.previousReachedUsers),
            Headline(label: "delivery rate", text: Format.percent(reach.deliveryRate)),
            Headline(label: "read rate", text: Format.percent(reach.readRate)),
        ]
    }

    /// `7.7 minutes`, `2.5 hours`.
    static func minutes(_ value: Double) -> String {
        value < 60 ? "\(Format.decimal(value, places: 1)) minutes" : Format.duration(hours: value / 60)
    }
}
