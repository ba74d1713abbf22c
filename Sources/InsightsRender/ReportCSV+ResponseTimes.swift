import InsightsMetrics

extension ReportCSV {
    /// The `guidance-response-times` file: one row per summary number, per bucket (all six, in
    /// order) and per coach, under one header (`kind` says which; unused cells are empty).
    static func responseTimesTable(_ times: ResponseTimeMetrics) -> (header: [String], rows: [[String]]) {
        let header = [
            "kind", "key", "name", "value", "replies", "users", "first_responses", "median_first_response_minutes", "closes",
        ]
        func summary(_ key: String, _ value: String) -> [String] { ["summary", key, "", value, "", "", "", "", ""] }
        var rows = [
            summary("opened_by_users", String(times.openedByUsers)),
            summary("answered_by_coach", String(times.answeredByCoach)),
            summary("unanswered", String(times.unanswered)),
            summary("median_first_response_minutes", number(times.medianFirstResponseMinutes)),
            summary("p90_first_response_minutes", number(times.p90FirstResponseMinutes)),
            summary("business_hours", text(times.businessHours ?? "")),
        ]
        rows += times.buckets.map { ["bucket", $0.bucket.rawValue, "", String($0.conversations), "", "", "", "", ""] }
        rows += times.coaches.map { coach in
            [
                "coach", text(coach.authorID ?? ""), text(coach.name), "", String(coach.replies), String(coach.users),
                String(coach.firstResponses), number(coach.medianFirstResponseMinutes), String(coach.closes),
            ]
        }
        return (header, rows)
    }
}
