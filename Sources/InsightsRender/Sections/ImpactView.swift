import InsightsMetrics

/// The impact section (`templates/sections/impact.mustache`): the `impact-goals` block.
struct ImpactView {
    struct Goal {
        let name: String
        let goalID: String
        let started: String
        let completed: String
        let completionRate: String
        let behaviours: [Behaviour]
        let hasBehaviours: Bool
        let isEmpty: Bool
        let chart: String
    }
    struct Behaviour {
        let name: String
        let users: String
        let actions: String
    }
    let goals: [Goal]
    let hasGoals: Bool
    let hasActivity: Bool
    let headlines: [Headline]

    init(_ impact: ImpactMetrics, headlines: ReportHeadlines) {
        goals = impact.goals.enumerated().map { index, goal in
            let name = Format.visible(goal.name)
            var items = [
                HorizontalBarChart.Item(
                    label: "Started the goal", value: goal.started, valueText: "\(Format.integer(goal.started)) users",
                    cssClass: "s-started"),
                HorizontalBarChart.Item(
                    label: "Completed the goal", value: goal.completed,
                    valueText: "\(Format.integer(goal.completed)) users", cssClass: "s-completed"),
            ]
            items += goal.behaviours.map {
                HorizontalBarChart.Item(
                    label: Format.visible($0.name), value: $0.users,
                    valueText: "\(Format.integer($0.users)) users, \(Format.integer($0.actions)) actions",
                    cssClass: "s-behaviour")
            }
            let rate = goal.completionRate.map { ", a completion rate of \(Format.percent($0))" } ?? ""
            let chart = HorizontalBarChart(
                id: "goal-\(index + 1)", title: "\(name): users who started, completed and actioned",
                description: "\(Format.integer(goal.started)) users started and \(Format.integer(goal.completed)) "
                    + "completed \(name)\(rate).",
                items: items
            ).render()
            return Goal(
                name: name, goalID: Format.visible(goal.goalID), started: Format.integer(goal.started),
                completed: Format.integer(goal.completed), completionRate: Format.percent(goal.completionRate),
                behaviours: goal.behaviours.map {
                    Behaviour(name: Format.visible($0.name), users: Format.integer($0.users), actions: Format.integer($0.actions))
                },
                hasBehaviours: !goal.behaviours.isEmpty,
                isEmpty: goal.started == 0 && goal.completed == 0 && goal.behaviours.allSatisfy { $0.actions == 0 },
                chart: chart)
        }
        hasGoals = !impact.goals.isEmpty
        hasActivity = goals.contains { !$0.isEmpty }
        self.headlines = headlines.headlines(for: .impactGoals)
    }
}
