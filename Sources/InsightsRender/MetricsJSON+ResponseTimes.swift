import InsightsMetrics

extension MetricsJSON {
    /// `guidance.response_times` (METRICS.md, "Response times").
    static func responseTimes(_ times: ResponseTimeMetrics) -> JSONValue {
        .object([
            ("opened_by_users", .int(times.openedByUsers)), ("answered_by_coach", .int(times.answeredByCoach)),
            ("unanswered", .int(times.unanswered)),
            ("median_first_response_minutes", .number(times.medianFirstResponseMinutes)),
            ("p90_first_response_minutes", .number(times.p90FirstResponseMinutes)),
            ("business_hours", .text(times.businessHours)),
            (
                "buckets",
                .array(
                    times.buckets.map {
                        .object([("bucket", .string($0.bucket.rawValue)), ("conversations", .int($0.conversations))])
                    })
            ),
            (
                "coaches",
                .array(
                    times.coaches.map { coach in
                        .object([
                            ("author_id", .text(coach.authorID)), ("name", .string(coach.name)),
                            ("replies", .int(coach.replies)), ("users", .int(coach.users)),
                            ("first_responses", .int(coach.firstResponses)),
                            ("median_first_response_minutes", .number(coach.medianFirstResponseMinutes)),
                            ("closes", .int(coach.closes)),
                        ])
                    })
            ),
        ])
    }
}
