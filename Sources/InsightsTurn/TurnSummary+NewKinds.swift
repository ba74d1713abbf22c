import InsightsFormat
import InsightsImport
import InsightsMetrics

extension TurnSummary {
    /// What the statuses table gave.
    public struct StatusUse: Equatable, Sendable {
        /// Rows after de-duplication.
        public var rows = 0
        /// Statuses converted, per status.
        public var byStatus: [DeliveryStatus: Int] = [:]
        /// Statuses whose message was found through `message_uuid` → `messages.uuid`.
        public var byUUID = 0
        /// Statuses naming a `message_uuid` no message of the export has (not stored).
        public var uuidNotFound = 0
        /// Statuses timed by `inserted_at` (no `timestamp`).
        public var timeFromInsertedAt = 0
        /// Statuses with an error.
        public var withError = 0

        /// None yet.
        public init() {}
    }

    /// Consent times and fields from the contacts table (latest row of each contact).
    public struct ContactDetailsUse: Equatable, Sendable {
        /// Contacts per way their consent times were found (`TurnContactExtras.Consent`'s words).
        public var consent: [String: Int] = [:]
        /// Contacts with at least one field.
        public var contactsWithFields = 0
        /// Field values stored.
        public var fieldValues = 0
        /// Keys of `details` left out because they hold objects or arrays, with the contacts having them.
        public var nested: [String: Int] = [:]

        mutating func count(_ extras: TurnContactExtras) {
            if extras.consent != .none { consent[extras.consent.rawValue, default: 0] += 1 }
            if !extras.fields.isEmpty { contactsWithFields += 1 }
            fieldValues += extras.fields.count
            for key in extras.nestedKeys { nested[key, default: 0] += 1 }
        }
    }

    /// What flow_results gave as Journey results and runs.
    public struct JourneyUse: Equatable, Sendable {
        /// Journey results converted.
        public var results = 0
        /// flow_results without `stack_uuid` (not Journey results).
        public var withoutJourney = 0
        /// flow_results without `response` (not Journey results).
        public var withoutResponse = 0
        /// Journeys listed in the goals file.
        public var listed = 0
        /// Runs derived, per outcome (`completed`, `expired`, `in progress`).
        public var runs: [String: Int] = [:]
        /// Results of listed Journeys without `session_id` (in no run).
        public var withoutSession = 0
        /// Results of Journeys not listed, per `stack_uuid` (no runs derived).
        public var unlisted: [String: Int] = [:]
        /// The newest instant of the export, against which timeouts are measured.
        public var asOf: Instant?

        /// None yet.
        public init() {}
    }

    /// The summary lines of statuses, consent, fields and Journeys.
    var newKindLines: [String] {
        var lines: [String] = []
        if let statuses {
            let counts = DeliveryStatus.allCases.map { "\($0.rawValue) \(statuses.byStatus[$0] ?? 0)" }
            var line =
                "Message statuses: \(statuses.rows) → " + counts.joined(separator: ", ")
                + " (status words compared ignoring case)"
            if statuses.byUUID > 0 { line += "; \(statuses.byUUID) found through message_uuid → messages.uuid" }
            if statuses.withError > 0 { line += "; \(statuses.withError) with an error from errors" }
            if statuses.timeFromInsertedAt > 0 {
                line += "; \(statuses.timeFromInsertedAt) timed by inserted_at (no timestamp)"
            }
            lines.append(line)
            if statuses.uuidNotFound > 0 {
                lines.append(
                    "  \(statuses.uuidNotFound) status\(statuses.uuidNotFound == 1 ? " names a" : "es name a") "
                        + "message_uuid no message of the export has: not stored (export their messages too)")
            }
        }
        let details = contactDetails
        if !details.consent.isEmpty {
            let parts = details.consent.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
            lines.append(
                "Contact consent (opted_in, opted_in_at; Turn has no opt-out time): " + parts.joined(separator: ", "))
        }
        if details.contactsWithFields > 0 || !details.nested.isEmpty {
            var line =
                "Contact fields from contacts.details: \(details.fieldValues) value\(details.fieldValues == 1 ? "" : "s") "
                + "of \(details.contactsWithFields) contact\(details.contactsWithFields == 1 ? "" : "s")"
            if !details.nested.isEmpty {
                line +=
                    "; left out (objects or arrays): "
                    + details.nested.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            }
            lines.append(line)
        }
        if let journeys {
            var line =
                "Journey results: \(journeys.results) from flow_results (stack_uuid → journey, session_id → run, "
                + "question_id → question, response → answer)"
            var not: [String] = []
            if journeys.withoutJourney > 0 { not.append("\(journeys.withoutJourney) without stack_uuid") }
            if journeys.withoutResponse > 0 { not.append("\(journeys.withoutResponse) without response") }
            if !not.isEmpty { line += "; " + not.joined(separator: ", ") + ": not results" }
            lines.append(line)
            if journeys.listed == 0 {
                lines.append(
                    "Journey runs: none (list Journeys under \"journeys\" in the goals file, with their completion "
                        + "question, to derive runs)")
            } else {
                let total = journeys.runs.values.reduce(0, +)
                let outcomes = ["completed", "expired", "in progress"].map { "\($0) \(journeys.runs[$0] ?? 0)" }
                let asOf = journeys.asOf.map(TimestampFormatter.string) ?? "unknown"
                lines.append(
                    "Journey runs APPROXIMATE, one per session of the \(journeys.listed) listed "
                        + "Journey\(journeys.listed == 1 ? "" : "s"): \(total) → " + outcomes.joined(separator: ", ")
                        + " (expired: no result for longer than the timeout before \(asOf), the export's newest time)")
            }
            if journeys.withoutSession > 0 {
                lines.append("  \(journeys.withoutSession) result(s) of listed Journeys have no session_id: in no run")
            }
            if !journeys.unlisted.isEmpty {
                lines.append(
                    "  no runs for Journeys not listed in the goals file (results: "
                        + journeys.unlisted.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                        .joined(separator: ", ") + ")")
            }
        }
        return lines
    }
}
