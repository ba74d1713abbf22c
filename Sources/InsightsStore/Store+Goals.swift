import GRDB
import InsightsMetrics

/// The goal definitions in their listing order (DATA.md): by `position` (lower first), then
/// in import order, rows without a `position` after those with one; each goal's behaviours
/// the same way. The order `insights export` writes them in, with this order as `position`.
extension Store {
    /// Every goal with its behaviours, in listing order.
    public func goalDefinitions() throws(StoreError) -> [GoalDefinition] {
        try wrap { try queue.read { db in try Self.goalDefinitions(db) } }
    }

    static func goalDefinitions(_ db: Database) throws -> [GoalDefinition] {
        let behaviours = try Row.fetchAll(
            db, sql: "SELECT behaviour_id, goal_id, name FROM behaviours ORDER BY position IS NULL, position, id")
        var byGoal: [String: [BehaviourDefinition]] = [:]
        for row in behaviours {
            byGoal[row[1] as String, default: []].append(BehaviourDefinition(id: row[0], name: row[2]))
        }
        return try Row.fetchAll(db, sql: "SELECT goal_id, name FROM goals ORDER BY position IS NULL, position, id").map {
            let id: String = $0[0]
            return GoalDefinition(id: id, name: $0[1], behaviours: byGoal[id] ?? [])
        }
    }
}
