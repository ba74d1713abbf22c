import InsightsImport
import InsightsMetrics
import InsightsWarehouse

extension TurnSQL {
    /// The goals file as array parameters: goals, behaviours, and the rules one row per
    /// accepted response (`turn_rule_any` 1 for a rule that takes any response; `''` for no
    /// Journey and no behaviour, as arrays hold no NULL).
    static func goalParameters(_ goals: TurnGoalsMap) -> [String: WarehouseParameter] {
        var rows: [(rule: TurnGoalsMap.Rule, response: String?)] = []
        for rule in goals.rules {
            if rule.responses.isEmpty {
                rows.append((rule, nil))
            } else {
                rows += rule.responses.map { (rule, $0) }
            }
        }
        return [
            "turn_goal_ids": .strings(goals.goals.map(\.goalID)),
            "turn_goal_names": .strings(goals.goals.map(\.name)),
            "turn_goal_descriptions": .strings(goals.goals.map { $0.description ?? "" }),
            "turn_behaviour_ids": .strings(goals.behaviours.map(\.behaviourID)),
            "turn_behaviour_goals": .strings(goals.behaviours.map(\.goalID)),
            "turn_behaviour_names": .strings(goals.behaviours.map(\.name)),
            "turn_rule_questions": .strings(rows.map(\.rule.questionID)),
            "turn_rule_responses": .strings(rows.map { $0.response ?? "" }),
            "turn_rule_any": .integers(rows.map { $0.response == nil ? 1 : 0 }),
            "turn_rule_stacks": .strings(rows.map { $0.rule.stackUUID ?? "" }),
            "turn_rule_goals": .strings(rows.map(\.rule.goalID)),
            "turn_rule_behaviours": .strings(rows.map { $0.rule.behaviourID ?? "" }),
            "turn_rule_events": .strings(rows.map(\.rule.event.rawValue)),
        ]
    }

    /// `goals`: the goals file's.
    var goalsView: WarehouseView {
        let goals = dialect.arrayTable(
            "g",
            [
                ("goal_id", "turn_goal_ids", .string), ("name", "turn_goal_names", .string),
                ("description", "turn_goal_descriptions", .string),
            ])
        return WarehouseView(
            sql: "SELECT g.goal_id AS goal_id, g.name AS name, NULLIF(g.description, '') AS description FROM \(goals)",
            columns: ["goal_id": Self.string, "name": Self.string, "description": Self.string])
    }

    /// `behaviours`: the goals file's.
    var behavioursView: WarehouseView {
        let behaviours = dialect.arrayTable(
            "b",
            [
                ("behaviour_id", "turn_behaviour_ids", .string), ("goal_id", "turn_behaviour_goals", .string),
                ("name", "turn_behaviour_names", .string),
            ])
        return WarehouseView(
            sql: "SELECT b.behaviour_id AS behaviour_id, b.goal_id AS goal_id, b.name AS name FROM \(behaviours)",
            columns: ["behaviour_id": Self.string, "goal_id": Self.string, "name": Self.string])
    }

    /// `goal_events`: one per flow result and rule it matches (`TurnGoalsMap.Rule.matches`:
    /// the question exactly, the Journey when the rule names one, the response lower-cased and
    /// trimmed among the rule's), once per contact, goal, behaviour, event and instant as the
    /// store keeps them.
    var goalEventsView: WarehouseView {
        let rules = dialect.arrayTable(
            "r",
            [
                ("question", "turn_rule_questions", .string), ("response", "turn_rule_responses", .string),
                ("any_response", "turn_rule_any", .integer), ("stack", "turn_rule_stacks", .string),
                ("goal_id", "turn_rule_goals", .string), ("behaviour_id", "turn_rule_behaviours", .string),
                ("event", "turn_rule_events", .string),
            ])
        let sql = """
            SELECT DISTINCT f.contact_id AS contact_id, r.goal_id AS goal_id, NULLIF(r.behaviour_id, '') AS behaviour_id,
              r.event AS event, f.inserted_at AS \(dialect.identifier("timestamp"))
            FROM \(latestFlowResults) f
            JOIN \(rules) ON r.question = f.question_id AND (r.stack = '' OR r.stack = f.stack_uuid)
              AND (r.any_response = 1 OR r.response = LOWER(f.response))
            """
        return WarehouseView(
            sql: sql,
            columns: [
                "contact_id": Self.string, "goal_id": Self.string, "behaviour_id": Self.string, "event": Self.string,
                "timestamp": Self.timestamp,
            ])
    }
}
