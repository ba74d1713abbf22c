import InsightsMetrics

/// The Journeys block of the impact section (`templates/blocks/impact-journeys.mustache`):
/// per Journey how its runs stood at the end of the period, where people stopped and what
/// they answered. Also says whether the section has anything at all to show.
struct JourneysView {
    struct Journey {
        let name: String
        let journeyID: String
        let runsStarted: String
        let usersStarted: String
        let completed: String
        let expired: String
        let interrupted: String
        let inProgress: String
        let completionRate: String
        let medianToComplete: String
        let outcomeChart: String
        let outcomes: [Outcome]
        let hasDropOff: Bool
        let dropOffChart: String
        let dropOff: [Entry]
        let hasQuestions: Bool
        let questions: [Question]
    }
    /// A legend entry of the outcome bar.
    struct Outcome {
        let label: String
        let count: String
        let share: String
        let cssClass: String
    }
    /// A row of a top list: a drop-off step or an answer.
    struct Entry {
        let label: String
        let count: String
    }
    struct Question {
        let question: String
        let respondents: String
        let answersChart: String
        let answers: [Entry]
    }

    let headlines: [Headline]
    /// The service has Journey runs stored (else the block says what to import).
    let journeysImported: Bool
    /// Some Journey had a run started in the period.
    let hasJourneys: Bool
    /// Neither goals nor Journey runs exist: the section says in one line what to import.
    let impactIsUnset: Bool
    let journeys: [Journey]

    /// The label of the rest of a top list on the page.
    static let otherSteps = "Other steps"
    static let otherAnswers = "Other answers"

    init(_ report: Report, headlines: ReportHeadlines) {
        self.headlines = headlines.headlines(for: .impactJourneys)
        journeysImported = report.journeysImported
        hasJourneys = !report.journeys.journeys.isEmpty
        impactIsUnset = report.impact.goals.isEmpty && !report.journeysImported
        journeys = report.journeys.journeys.enumerated().map { index, journey in
            Self.journey(journey, number: index + 1)
        }
    }

    private static func journey(_ journey: JourneyResult, number: Int) -> Journey {
        let name = Format.visible(journey.name)
        let total = journey.runsStarted
        func share(_ count: Int) -> String { Format.percent(total == 0 ? nil : Double(count) / Double(total)) }
        let parts = [
            StackedBarChart.Part(label: "Completed", value: journey.completed, cssClass: "s-completed"),
            StackedBarChart.Part(label: "Expired", value: journey.expired, cssClass: "s-expired"),
            StackedBarChart.Part(label: "Interrupted", value: journey.interrupted, cssClass: "s-interrupted"),
            StackedBarChart.Part(label: "In progress", value: journey.inProgress, cssClass: "s-inprogress"),
        ]
        let median = journey.medianMinutesToComplete.map { Format.duration(hours: $0 / 60) } ?? "–"
        let outcomeChart = StackedBarChart(
            id: "journey-\(number)", title: "\(name): how the runs started in the period stood at its end",
            description: "Of \(Format.integer(total)) runs started, "
                + parts.map { "\(Format.integer($0.value)) \($0.label.lowercased())" }.joined(separator: ", ") + ".",
            parts: parts
        ).render()
        let steps = journey.dropOff.entries(other: otherSteps)
        let dropOffChart = HorizontalBarChart(
            id: "journey-\(number)-drop-off", title: "\(name): where expired and interrupted runs stopped",
            description: steps.map { "\(Format.visible($0.label)): \(Format.integer($0.count)) runs" }.joined(separator: "; ")
                + ".",
            items: steps.enumerated().map { position, step in
                HorizontalBarChart.Item(
                    label: Format.visible(step.label), value: step.count,
                    valueText: "\(Format.integer(step.count)) run\(step.count == 1 ? "" : "s")",
                    cssClass: position == journey.dropOff.top.count ? "s-other" : "s-dropoff")
            }
        ).render()
        let questions = journey.answers.enumerated().map { position, question in
            let answers = question.answers.entries(other: otherAnswers)
            let label = Format.visible(question.question)
            let chart = HorizontalBarChart(
                id: "journey-\(number)-question-\(position + 1)", title: "\(name), \(label): each person's newest answer",
                description: answers.map { "\(Format.visible($0.label)): \(Format.integer($0.count))" }.joined(separator: "; ")
                    + ", of \(Format.integer(question.respondents)) people who answered.",
                items: answers.enumerated().map { rank, answer in
                    let part = Format.percent(Double(answer.count) / Double(max(question.respondents, 1)), places: 0)
                    return HorizontalBarChart.Item(
                        label: Format.visible(answer.label), value: answer.count,
                        valueText: "\(Format.integer(answer.count)) (\(part))",
                        cssClass: rank == question.answers.top.count ? "s-other" : "s-answer")
                }
            ).render()
            return Question(
                question: label, respondents: Format.integer(question.respondents), answersChart: chart,
                answers: answers.map { Entry(label: Format.visible($0.label), count: Format.integer($0.count)) })
        }
        return Journey(
            name: name, journeyID: Format.visible(journey.journeyID), runsStarted: Format.integer(total),
            usersStarted: Format.integer(journey.usersStarted), completed: Format.integer(journey.completed),
            expired: Format.integer(journey.expired), interrupted: Format.integer(journey.interrupted),
            inProgress: Format.integer(journey.inProgress), completionRate: Format.percent(journey.completionRate),
            medianToComplete: median, outcomeChart: outcomeChart,
            outcomes: parts.map {
                Outcome(label: $0.label, count: Format.integer($0.value), share: share($0.value), cssClass: $0.cssClass)
            },
            hasDropOff: !steps.isEmpty, dropOffChart: dropOffChart,
            dropOff: steps.map { Entry(label: Format.visible($0.label), count: Format.integer($0.count)) },
            hasQuestions: !questions.isEmpty, questions: questions)
    }
}
