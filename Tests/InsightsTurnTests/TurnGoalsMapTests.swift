import Foundation
import InsightsFormat
import InsightsImport
import InsightsTurn
import InsightsMetrics
import Testing

@Suite struct TurnGoalsMapTests {
    func map(_ json: String) throws(TurnGoalsMapError) -> TurnGoalsMap {
        try TurnGoalsMap(data: Data(json.utf8), file: "goals.json")
    }

    @Test func fixtureFileReads() throws {
        let goals = try TurnGoalsMap(path: TurnFixtures.goals.path)
        #expect(
            goals.goals == [
                GoalRecord(goalID: "hydration", name: "Drink enough water", description: "Two litres a day"),
                GoalRecord(goalID: "sleep", name: "Sleep routine"),
            ])
        #expect(goals.rules.count == 5)
        #expect(goals.rules[1].responses == ["yes", "y"])
    }

    @Test(arguments: [
        (#"{"goals": [], "results": [#, "#, "goals.json: is not valid JSON"),
        (#"{"goals": []}"#, "goals.json: the key \"results\" is missing"),
        (
            #"{"goals": [{"goal_id": "g", "name": "G"}], "results": [{"question_id": "q", "goal_id": "x", "event": "started"}]}"#,
            "goals.json: results[0]: goal \"x\" is not defined in \"goals\""
        ),
        (
            #"{"goals": [{"goal_id": "g", "name": "G"}], "results": [{"question_id": "q", "goal_id": "g", "event": "done"}]}"#,
            "goals.json: results[0]: \"event\": \"done\" is not one of started, actioned, completed"
        ),
        (
            #"{"goals": [{"goal_id": "g", "name": "G"}], "results": [{"question_id": "q", "goal_id": "g", "event": "actioned"}]}"#,
            "goals.json: results[0]: an \"actioned\" rule needs the \"behaviour_id\" it actions"
        ),
        (
            #"{"goals": [{"goal_id": "g", "name": "G", "behaviours": [{"behaviour_id": "b", "name": "B"}]}, {"goal_id": "h", "name": "H"}], "results": [{"question_id": "q", "goal_id": "h", "behaviour_id": "b", "event": "actioned"}]}"#,
            "goals.json: results[0]: behaviour \"b\" belongs to goal \"g\", not \"h\""
        ),
        (
            #"{"goals": [{"goal_id": "g", "name": "G"}], "results": [{"question_id": "q", "goal_id": "g", "event": "started", "response": 3}]}"#,
            "goals.json: results[0].response:"
        ),
    ])
    func badFilesSayWhere(json: String, message: String) {
        #expect {
            _ = try map(json)
        } throws: { error in
            (error.localizedDescription).hasPrefix(message)
        }
    }

    @Test func rulesMatchQuestionResponseAndJourney() throws {
        let goals = try map(
            #"{"goals": [{"goal_id": "g", "name": "G"}], "results": [{"question_id": "q", "response": ["Yes"], "stack_uuid": "j1", "goal_id": "g", "event": "started"}]}"#
        )
        let rule = try #require(goals.rules.first)
        #expect(rule.responses == ["yes"] && rule.stackUUID == "j1" && rule.event == .started)
    }
}
