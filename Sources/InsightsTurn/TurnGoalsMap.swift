import InsightsImport
import Foundation
import InsightsMetrics

/// The goals file of a Turn import: which goals and behaviours a programme tracks, and which
/// Journey results (`flow_results` rows written by `write_result`) are goal events.
///
/// ```json
/// {
///   "goals": [
///     {"goal_id": "hydration", "name": "Drink enough water", "description": "…",
///      "behaviours": [{"behaviour_id": "water-log", "name": "Logged water"}]}
///   ],
///   "results": [
///     {"question_id": "hydration_goal", "response": "yes", "goal_id": "hydration", "event": "started"},
///     {"question_id": "water_today", "response": ["yes", "y"], "goal_id": "hydration",
///      "behaviour_id": "water-log", "event": "actioned"},
///     {"question_id": "hydration_done", "goal_id": "hydration", "event": "completed"}
///   ]
/// }
/// ```
/// A rule matches a result with its `question_id` (exactly) and, when the rule has a
/// `response`, one of its responses (ignoring case and surrounding spaces); `stack_uuid`
/// narrows a rule to one Journey. Every rule that matches a result gives one event.
///
/// An optional `journeys` list says which Journeys' sessions become runs and when a run is
/// complete (see `Journey`); a file with `journeys` may leave out `goals` and `results`.
public struct TurnGoalsMap: Equatable, Sendable {
    /// The goals, in file order.
    public let goals: [GoalRecord]
    /// Their behaviours, in file order.
    public let behaviours: [BehaviourRecord]
    /// The rules, in file order.
    public let rules: [Rule]
    /// The Journeys whose sessions become runs, in file order.
    public let journeys: [Journey]

    /// A result → goal event rule.
    public struct Rule: Equatable, Sendable {
        /// The result's `question_id`.
        public let questionID: String
        /// Accepted responses (lower-cased, trimmed); empty = any response.
        public let responses: [String]
        /// Only results of this Journey, when set.
        public let stackUUID: String?
        /// The goal.
        public let goalID: String
        /// The behaviour (with `actioned`).
        public let behaviourID: String?
        /// The event the result becomes.
        public let event: GoalEventKind

        /// Whether a result matches.
        func matches(questionID: String, response: String?, stackUUID: String?) -> Bool {
            guard questionID == self.questionID else { return false }
            if let wanted = self.stackUUID, wanted != stackUUID { return false }
            guard !responses.isEmpty else { return true }
            guard let response else { return false }
            return responses.contains(TurnGoalsMap.normalized(response))
        }
    }

    /// Reads and checks a goals file.
    public init(path: String) throws(TurnGoalsMapError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TurnGoalsMapError(file: path, reason: "cannot be read: \(error.localizedDescription)")
        }
        try self.init(data: data, file: path)
    }

    /// Decodes and checks the JSON of a goals file; `file` names it in errors.
    public init(data: Data, file: String) throws(TurnGoalsMapError) {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw TurnGoalsMapError(file: file, reason: "is not valid JSON (\(Self.describe(context)))")
        } catch let error as DecodingError {
            throw TurnGoalsMapError(file: file, reason: Self.describe(error))
        } catch {
            throw TurnGoalsMapError(file: file, reason: "\(error)")
        }
        if document.journeys == nil {
            for (key, value) in [("goals", document.goals != nil), ("results", document.results != nil)] where !value {
                throw TurnGoalsMapError(file: file, reason: "the key \"\(key)\" is missing")
            }
        }
        var goals: [GoalRecord] = []
        var behaviours: [BehaviourRecord] = []
        var owner: [String: String] = [:]
        for (index, goal) in (document.goals ?? []).enumerated() {
            let place = "goals[\(index)]"
            guard !goal.goalID.isEmpty, !goal.name.isEmpty else {
                throw TurnGoalsMapError(file: file, reason: "\(place): \"goal_id\" and \"name\" need a value")
            }
            guard !goals.contains(where: { $0.goalID == goal.goalID }) else {
                throw TurnGoalsMapError(file: file, reason: "\(place): goal \"\(goal.goalID)\" is defined twice")
            }
            goals.append(GoalRecord(goalID: goal.goalID, name: goal.name, description: goal.description))
            for (number, behaviour) in (goal.behaviours ?? []).enumerated() {
                let behaviourPlace = "\(place).behaviours[\(number)]"
                guard !behaviour.behaviourID.isEmpty, !behaviour.name.isEmpty else {
                    throw TurnGoalsMapError(
                        file: file, reason: "\(behaviourPlace): \"behaviour_id\" and \"name\" need a value")
                }
                guard owner[behaviour.behaviourID] == nil else {
                    throw TurnGoalsMapError(
                        file: file, reason: "\(behaviourPlace): behaviour \"\(behaviour.behaviourID)\" is defined twice"
                    )
                }
                owner[behaviour.behaviourID] = goal.goalID
                behaviours.append(
                    BehaviourRecord(behaviourID: behaviour.behaviourID, goalID: goal.goalID, name: behaviour.name))
            }
        }
        var rules: [Rule] = []
        for (index, rule) in (document.results ?? []).enumerated() {
            let place = "results[\(index)]"
            guard let event = GoalEventKind(rawValue: rule.event.lowercased()) else {
                throw TurnGoalsMapError(
                    file: file,
                    reason: "\(place): \"event\": \"\(rule.event)\" is not one of started, actioned, completed")
            }
            guard !rule.questionID.isEmpty else {
                throw TurnGoalsMapError(file: file, reason: "\(place): \"question_id\" needs a value")
            }
            guard goals.contains(where: { $0.goalID == rule.goalID }) else {
                throw TurnGoalsMapError(
                    file: file, reason: "\(place): goal \"\(rule.goalID)\" is not defined in \"goals\"")
            }
            if event == .actioned {
                guard let behaviour = rule.behaviourID else {
                    throw TurnGoalsMapError(
                        file: file, reason: "\(place): an \"actioned\" rule needs the \"behaviour_id\" it actions")
                }
                guard let goal = owner[behaviour] else {
                    throw TurnGoalsMapError(
                        file: file, reason: "\(place): behaviour \"\(behaviour)\" is not defined in \"goals\"")
                }
                guard goal == rule.goalID else {
                    throw TurnGoalsMapError(
                        file: file,
                        reason:
                            "\(place): behaviour \"\(behaviour)\" belongs to goal \"\(goal)\", not \"\(rule.goalID)\"")
                }
            } else if let behaviour = rule.behaviourID {
                throw TurnGoalsMapError(
                    file: file,
                    reason:
                        "\(place): a \"\(event.rawValue)\" rule names behaviour \"\(behaviour)\"; only \"actioned\" rules name one"
                )
            }
            rules.append(
                Rule(
                    questionID: rule.questionID, responses: (rule.response?.values ?? []).map(Self.normalized),
                    stackUUID: rule.stackUUID, goalID: rule.goalID, behaviourID: rule.behaviourID, event: event))
        }
        self.goals = goals
        self.behaviours = behaviours
        self.rules = rules
        self.journeys = try Self.journeys(document.journeys ?? [], file: file)
    }

    static func normalized(_ response: String) -> String {
        response.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "\(place(context.codingPath))the key \"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(place(context.codingPath))\(describe(context))"
        @unknown default:
            return "\(error)"
        }
    }

    private static func describe(_ context: DecodingError.Context) -> String {
        context.debugDescription
    }

    /// `results[2].response: `, or nothing at the top level.
    private static func place(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "" : text + ": "
    }

    private struct Document: Decodable {
        let goals: [Goal]?
        let results: [ResultRule]?
        let journeys: [JourneyEntry]?
    }

    private struct Goal: Decodable {
        let goalID: String
        let name: String
        let description: String?
        let behaviours: [Behaviour]?

        enum CodingKeys: String, CodingKey {
            case goalID = "goal_id", name, description, behaviours
        }
    }

    private struct Behaviour: Decodable {
        let behaviourID: String
        let name: String

        enum CodingKeys: String, CodingKey {
            case behaviourID = "behaviour_id", name
        }
    }

    private struct ResultRule: Decodable {
        let questionID: String
        let response: Responses?
        let stackUUID: String?
        let goalID: String
        let behaviourID: String?
        let event: String

        enum CodingKeys: String, CodingKey {
            case questionID = "question_id", response, stackUUID = "stack_uuid", goalID = "goal_id"
            case behaviourID = "behaviour_id", event
        }
    }

    /// `"yes"` or `["yes", "y"]`.
    struct Responses: Decodable {
        let values: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                values = [one]
            } else {
                values = try container.decode([String].self)
            }
        }
    }
}

/// A goals file that cannot be used.
public struct TurnGoalsMapError: Error, Equatable, LocalizedError, Sendable {
    /// The file.
    public let file: String
    /// What is wrong, with the JSON path such as `results[2]`.
    public let reason: String

    /// `FILE: reason`.
    public var errorDescription: String? {
        "\(file): \(reason) (the goals file format is in the README, \"Using a Turn.io export\")"
    }
}
