import InsightsMetrics

/// The Journeys block (`impact-journeys`) in the outputs that are not the page: its headline
/// numbers, its CSV table, its metrics.json subtree (`impact.journeys`) and its email rows.

extension ReportHeadlines {
    /// Runs started and completed over every Journey, and their ratio; none when the service
    /// has no Journey run stored (the block then only says what to import).
    static func journeyHeadlines(_ report: Report) -> [Headline] {
        guard report.journeysImported else { return [] }
        let started = report.journeys.journeys.reduce(0) { $0 + $1.runsStarted }
        let completed = report.journeys.totalCompleted
        return [
            Headline(label: "Journey runs started", value: started, previous: nil),
            Headline(label: "Journey runs completed", value: completed, previous: nil),
            Headline(
                label: "completed per run started",
                text: started == 0 ? "–" : Format.percent(Double(completed) / Double(started), places: 0)),
        ]
    }
}

extension ReportCSV {
    /// One flat table: a row per Journey with its counts, then a row per drop-off step
    /// (`drop_off_step`, `drop_off_runs`) and a row per answer (`question`, `respondents`,
    /// `answer`, `users`), each repeating the Journey's id and name and leaving the other
    /// columns empty. The rest of a top list is a last row `other`, as in metrics.json.
    static func journeysTable(_ metrics: JourneyMetrics) -> (header: [String], rows: [[String]]) {
        let header = [
            "journey_id", "journey", "runs_started", "users_started", "completed", "expired", "interrupted", "in_progress",
            "completion_rate", "median_minutes_to_complete", "drop_off_step", "drop_off_runs", "question", "respondents",
            "answer", "users",
        ]
        var rows: [[String]] = []
        for journey in metrics.journeys {
            let id = [text(journey.journeyID), text(journey.name)]
            rows.append(
                id + [
                    String(journey.runsStarted), String(journey.usersStarted), String(journey.completed),
                    String(journey.expired), String(journey.interrupted), String(journey.inProgress),
                    number(journey.completionRate), number(journey.medianMinutesToComplete), "", "", "", "", "", "",
                ])
            let blanks = Array(repeating: "", count: 8)
            for step in journey.dropOff.entries(other: "other") {
                rows.append(id + blanks + [text(step.label), String(step.count), "", "", "", ""])
            }
            for question in journey.answers {
                for answer in question.answers.entries(other: "other") {
                    rows.append(
                        id + blanks + [
                            "", "", text(question.question), String(question.respondents), text(answer.label),
                            String(answer.count),
                        ])
                }
            }
        }
        return (header, rows)
    }
}

extension TopList {
    /// The listed entries, then the rest as one last entry labelled `other` when there is one.
    func entries(other label: String) -> [LabelCount] {
        top + (other.map { [LabelCount(label: label, count: $0)] } ?? [])
    }
}

extension MetricsJSON {
    /// `impact.journeys` (METRICS.md, "Journeys"): one object per listed Journey.
    static func journeys(_ metrics: JourneyMetrics) -> JSONValue {
        .array(
            metrics.journeys.map { journey in
                .object([
                    ("journey_id", .string(journey.journeyID)), ("name", .string(journey.name)),
                    ("runs_started", .int(journey.runsStarted)), ("users_started", .int(journey.usersStarted)),
                    ("completed", .int(journey.completed)), ("expired", .int(journey.expired)),
                    ("interrupted", .int(journey.interrupted)), ("in_progress", .int(journey.inProgress)),
                    ("completion_rate", .number(journey.completionRate)),
                    ("median_minutes_to_complete", .number(journey.medianMinutesToComplete)),
                    (
                        "drop_off",
                        .array(
                            journey.dropOff.entries(other: "other").map {
                                .object([("step", .string($0.label)), ("runs", .int($0.count))])
                            })
                    ),
                    (
                        "answers",
                        .array(
                            journey.answers.map { question in
                                .object([
                                    ("question", .string(question.question)),
                                    ("respondents", .int(question.respondents)),
                                    (
                                        "answers",
                                        .array(
                                            question.answers.entries(other: "other").map {
                                                .object([("answer", .string($0.label)), ("users", .int($0.count))])
                                            })
                                    ),
                                ])
                            })
                    ),
                ])
            })
    }
}

/// The email's Journeys rows: per Journey its runs started, completed and completion rate,
/// with a bar of how the runs stood at the end of the period (table cells, no SVG).
struct EmailJourneys {
    struct Journey {
        let name: String
        let summary: String
        let parts: [Part]
    }
    /// A part of the bar: its width in percent and colour; `label` for its tooltip.
    struct Part {
        let label: String
        let width: String
        let color: String
    }

    let journeys: [Journey]
    let hasJourneys: Bool
    /// The line shown instead when the service has Journeys but none started in the period.
    let showsNoRuns: Bool

    init(_ report: Report) {
        journeys = report.journeys.journeys.map { journey in
            let values = [
                ("Completed", journey.completed, EmailView.green), ("Expired", journey.expired, EmailView.orange),
                ("Interrupted", journey.interrupted, EmailView.purple), ("In progress", journey.inProgress, EmailView.grey),
            ].filter { $0.1 > 0 }
            let total = max(journey.runsStarted, 1)
            // Whole percents that add up to 100: the last part takes what rounding left.
            var left = 100
            let parts = values.enumerated().map { index, value in
                let rounded = max(1, Int((Double(value.1) * 100 / Double(total)).rounded()))
                let width = index == values.count - 1 ? left : min(left, rounded)
                left -= width
                return Part(label: "\(value.0): \(Format.integer(value.1))", width: String(width), color: value.2)
            }
            return Journey(name: Format.visible(journey.name), summary: EmailText.journeySummary(journey), parts: parts)
        }
        hasJourneys = !journeys.isEmpty
        showsNoRuns = report.journeysImported && journeys.isEmpty
    }
}

extension EmailText {
    /// `44 started · 28 completed · completion rate 63.6 %`.
    static func journeySummary(_ journey: JourneyResult) -> String {
        "\(Format.integer(journey.runsStarted)) started · \(Format.integer(journey.completed)) completed · "
            + "completion rate \(Format.percent(journey.completionRate))"
    }

    /// The plain-text lines of the Journeys: one per Journey.
    static func journeyLines(_ report: Report) -> [String] {
        report.journeys.journeys.map { "  \(Format.visible($0.name)): \(journeySummary($0))" }
    }
}
