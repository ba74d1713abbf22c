import InsightsImport
import InsightsMetrics

extension TurnGoalsMap {
    /// A Journey whose sessions become runs, and the result that completes a run:
    ///
    /// ```json
    /// "journeys": [
    ///   {"stack_uuid": "j-anc", "name": "Antenatal course",
    ///    "completed_when": {"question_id": "anc_done", "response": "yes"}, "timeout_hours": 48}
    /// ]
    /// ```
    /// `response` (one value or a list, compared ignoring case and surrounding spaces) is
    /// optional: without it any answer to the question completes the run. `timeout_hours`
    /// (default 24) is how long a session may go without a result before it counts as expired.
    public struct Journey: Equatable, Sendable {
        /// The Journey's `stack_uuid`.
        public let stackUUID: String
        /// Its name, for the report.
        public let name: String?
        /// The `question_id` whose result completes a run.
        public let completionQuestion: String
        /// Accepted responses (lower-cased, trimmed); empty = any response.
        public let completionResponses: [String]
        /// Hours without a result after which a run has expired.
        public let timeoutHours: Double

        /// Creates a Journey; `completionResponses` are compared lower-cased and trimmed.
        public init(
            stackUUID: String, name: String? = nil, completionQuestion: String, completionResponses: [String] = [],
            timeoutHours: Double = 24
        ) {
            self.stackUUID = stackUUID
            self.name = name
            self.completionQuestion = completionQuestion
            self.completionResponses = completionResponses
            self.timeoutHours = timeoutHours
        }

        /// Whether a result completes a run of this Journey.
        func completes(questionID: String, response: String?) -> Bool {
            guard questionID == completionQuestion else { return false }
            guard !completionResponses.isEmpty else { return true }
            guard let response else { return false }
            return completionResponses.contains(TurnGoalsMap.normalized(response))
        }

        /// The timeout in microseconds.
        var timeout: Instant {
            Instant((timeoutHours * 3_600_000_000).rounded())
        }
    }

    /// Checks the `journeys` entries of a goals file.
    static func journeys(_ entries: [JourneyEntry], file: String) throws(TurnGoalsMapError) -> [Journey] {
        var journeys: [Journey] = []
        for (index, entry) in entries.enumerated() {
            let place = "journeys[\(index)]"
            guard !entry.stackUUID.isEmpty else {
                throw TurnGoalsMapError(file: file, reason: "\(place): \"stack_uuid\" needs a value")
            }
            guard !journeys.contains(where: { $0.stackUUID == entry.stackUUID }) else {
                throw TurnGoalsMapError(
                    file: file, reason: "\(place): Journey \"\(entry.stackUUID)\" is listed twice")
            }
            guard !entry.completedWhen.questionID.isEmpty else {
                throw TurnGoalsMapError(
                    file: file, reason: "\(place).completed_when: \"question_id\" needs a value")
            }
            let hours = entry.timeoutHours ?? 24
            guard hours > 0, hours.isFinite, hours < 24 * 366 * 100 else {
                throw TurnGoalsMapError(
                    file: file, reason: "\(place): \"timeout_hours\" must be a positive number of hours (default 24)")
            }
            journeys.append(
                Journey(
                    stackUUID: entry.stackUUID, name: entry.name.flatMap { $0.isEmpty ? nil : $0 },
                    completionQuestion: entry.completedWhen.questionID,
                    completionResponses: (entry.completedWhen.response?.values ?? []).map(normalized),
                    timeoutHours: hours))
        }
        return journeys
    }

    /// One entry of `journeys` as written.
    struct JourneyEntry: Decodable {
        let stackUUID: String
        let name: String?
        let completedWhen: Completion
        let timeoutHours: Double?

        enum CodingKeys: String, CodingKey {
            case stackUUID = "stack_uuid", name, completedWhen = "completed_when", timeoutHours = "timeout_hours"
        }
    }

    /// `{"question_id": …, "response": …}`.
    struct Completion: Decodable {
        let questionID: String
        let response: Responses?

        enum CodingKeys: String, CodingKey {
            case questionID = "question_id", response
        }
    }
}
