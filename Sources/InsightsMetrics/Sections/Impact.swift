/// "Are we making an impact?": goals started and completed, behaviours actioned.
public struct ImpactMetrics: Equatable, Sendable {
    /// Every goal, also those with no activity, in listing order.
    public let goals: [GoalMetrics]

    /// Counts a period's goal events.
    /// - Parameters:
    ///   - goals: every stored goal with its behaviours, in listing order.
    ///   - events: the goal events whose timestamp is in the period.
    public init(goals: [GoalDefinition], events: [GoalEventRow]) {
        self.init(goals: goals, counts: GoalCounts(events: events))
    }

    /// Builds the block from a period's goal counts.
    /// - Parameters:
    ///   - goals: every stored goal with its behaviours, in listing order.
    ///   - counts: the period's goal events counted per goal and behaviour.
    public init(goals: [GoalDefinition], counts: GoalCounts) {
        self.goals = goals.map { goal in
            GoalMetrics(
                goalID: goal.id, name: goal.name,
                started: counts.started[goal.id] ?? 0,
                completed: counts.completed[goal.id] ?? 0,
                behaviours: goal.behaviours.map { behaviour in
                    let count = counts.behaviours[BehaviourKey(goalID: goal.id, behaviourID: behaviour.id)]
                    return BehaviourMetrics(
                        behaviourID: behaviour.id, name: behaviour.name, users: count?.users ?? 0, actions: count?.actions ?? 0)
                })
        }
    }

    /// Goals completed, summed over goals.
    public var totalCompleted: Int { goals.reduce(0) { $0 + $1.completed } }
    /// Goals started, summed over goals.
    public var totalStarted: Int { goals.reduce(0) { $0 + $1.started } }
}

/// One goal's numbers.
public struct GoalMetrics: Equatable, Sendable {
    /// The goal's id.
    public let goalID: String
    /// Its name.
    public let name: String
    /// Distinct contacts with a `started` event in the period.
    public let started: Int
    /// Distinct contacts with a `completed` event in the period.
    public let completed: Int
    /// Its behaviours in listing order.
    public let behaviours: [BehaviourMetrics]

    /// `completed / started`; nil when `started` is 0.
    public var completionRate: Double? {
        started == 0 ? nil : Double(completed) / Double(started)
    }

    /// Creates a goal's numbers.
    public init(goalID: String, name: String, started: Int, completed: Int, behaviours: [BehaviourMetrics]) {
        self.goalID = goalID
        self.name = name
        self.started = started
        self.completed = completed
        self.behaviours = behaviours
    }
}

/// One behaviour's numbers.
public struct BehaviourMetrics: Equatable, Sendable {
    /// The behaviour's id.
    public let behaviourID: String
    /// Its name.
    public let name: String
    /// Distinct contacts with an `actioned` event for it in the period.
    public let users: Int
    /// The number of such events.
    public let actions: Int

    /// Creates a behaviour's numbers.
    public init(behaviourID: String, name: String, users: Int, actions: Int) {
        self.behaviourID = behaviourID
        self.name = name
        self.users = users
        self.actions = actions
    }
}
