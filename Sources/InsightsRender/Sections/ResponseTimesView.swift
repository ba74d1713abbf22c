import InsightsMetrics

/// The `guidance-response-times` block (`templates/blocks/guidance-response-times.mustache`):
/// the headline median and p90, the distribution as bars, the coaches table and the business
/// hours used.
struct ResponseTimesView {
    struct Bucket {
        let label: String
        let conversations: String
    }
    struct Coach {
        let name: String
        /// The whole name for a tooltip when `name` is shortened (`Format.tooltip`).
        let fullName: String?
        let authorID: String
        let replies: String
        let users: String
        let firstResponses: String
        let median: String
        let closes: String
    }
    let headlines: [Headline]
    let opened: String
    let answered: String
    let unanswered: String
    let buckets: [Bucket]
    let coaches: [Coach]
    let hasCoaches: Bool
    let hasOpened: Bool
    let hasAnswered: Bool
    let hasBusinessHours: Bool
    let businessHours: String
    let timeZone: String
    let bucketsChart: String

    /// The page's words for each bucket.
    static func label(_ bucket: ResponseTimeBucket) -> String {
        switch bucket {
        case .under5Minutes: "Under 5 minutes"
        case .from5To15Minutes: "5 to 15 minutes"
        case .from15To60Minutes: "15 to 60 minutes"
        case .from1To4Hours: "1 to 4 hours"
        case .from4To24Hours: "4 to 24 hours"
        case .atLeast24Hours: "24 hours or more"
        }
    }

    init(_ times: ResponseTimeMetrics, timeZone: String, headlines: ReportHeadlines) {
        self.headlines = headlines.headlines(for: .guidanceResponseTimes)
        opened = Format.integer(times.openedByUsers)
        answered = Format.integer(times.answeredByCoach)
        unanswered = Format.integer(times.unanswered)
        buckets = times.buckets.map { Bucket(label: Self.label($0.bucket), conversations: Format.integer($0.conversations)) }
        coaches = times.coaches.map { coach in
            Coach(
                name: Format.visible(coach.name), fullName: Format.tooltip(coach.name),
                authorID: Format.visible(coach.authorID ?? ""),
                replies: Format.integer(coach.replies), users: Format.integer(coach.users),
                firstResponses: Format.integer(coach.firstResponses),
                median: coach.medianFirstResponseMinutes.map(Self.minutes) ?? "–", closes: Format.integer(coach.closes))
        }
        hasCoaches = !times.coaches.isEmpty
        hasOpened = times.openedByUsers > 0
        hasAnswered = times.answeredByCoach > 0
        hasBusinessHours = times.businessHours != nil
        businessHours = Format.visible(times.businessHours ?? "")
        self.timeZone = timeZone
        let answered = max(times.answeredByCoach, 1)
        bucketsChart = HorizontalBarChart(
            id: "guidance-response-times", title: "First coach responses by time taken",
            description: "Of \(Format.integer(times.answeredByCoach)) conversations answered by a coach: "
                + times.buckets.map { "\(Self.label($0.bucket).lowercased()): \(Format.integer($0.conversations))" }
                .joined(separator: "; ") + ".",
            items: times.buckets.map {
                .init(
                    label: Self.label($0.bucket), value: $0.conversations,
                    valueText:
                        "\(Format.integer($0.conversations)) (\(Format.percent(Double($0.conversations) / Double(answered), places: 0)))",
                    cssClass: "s-coach")
            }
        ).render()
    }

    /// A response time for reading: `0.5 minutes`, `52.2 minutes`, `20.3 hours`, `2.5 days`.
    static func minutes(_ minutes: Double) -> String {
        if minutes < 60 { return "\(Format.decimal(minutes, places: 1)) minute\(minutes == 1 ? "" : "s")" }
        if minutes < 48 * 60 { return "\(Format.decimal(minutes / 60, places: 1)) hours" }
        return "\(Format.decimal(minutes / 1_440, places: 1)) days"
    }
}

extension ReportHeadlines {
    /// The response-time headlines: the median (with its change: a shorter wait is shown as
    /// an improvement), the 90th percentile, and the share answered by a coach.
    static func responseTimeHeadlines(_ times: ResponseTimeMetrics, previous: ResponseTimeMetrics) -> [Headline] {
        var change: ChangeText?
        if let now = times.medianFirstResponseMinutes, let before = previous.medianFirstResponseMinutes {
            change = ChangeText(waitNow: now, before: before)
        }
        let share = times.answeredShare.map {
            "\(Format.percent($0, places: 0)) (\(Format.integer(times.answeredByCoach)) of \(Format.integer(times.openedByUsers)))"
        }
        return [
            Headline(
                label: "median first coach response",
                text: times.medianFirstResponseMinutes.map(ResponseTimesView.minutes) ?? "–", change: change),
            Headline(
                label: "90 % answered within",
                text: times.p90FirstResponseMinutes.map(ResponseTimesView.minutes) ?? "–"),
            Headline(label: "conversations answered by a coach", text: share ?? "–"),
        ]
    }
}

extension ChangeText {
    /// The change of a waiting time against the previous period's; a shorter wait is the good
    /// direction (shown as `up`, the page's colour for an improvement).
    init(waitNow now: Double, before: Double) {
        let previousText = ResponseTimesView.minutes(before)
        let parts: (text: String, direction: String, short: String)
        switch Change(current: now, previous: before) {
        case .unchanged:
            parts = ("no change on the previous period", "flat", "=")
        case .new:
            parts = ("new: no wait in the previous period", "down", "new")
        case .up(let fraction):
            parts = (
                "▲ +\(Format.percent(fraction)) longer than the previous period (\(previousText))", "down",
                "▲ +\(Format.percent(fraction))"
            )
        case .down(let fraction):
            parts = (
                "▼ −\(Format.percent(fraction)) shorter than the previous period (\(previousText))", "up",
                "▼ −\(Format.percent(fraction))"
            )
        }
        text = parts.text
        direction = parts.direction
        short = parts.short
    }
}
