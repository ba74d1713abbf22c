import InsightsMetrics

/// `audience.reach` and `audience.consent` of metrics.json (METRICS.md, second part).
extension MetricsJSON {
    static func reach(_ reach: ReachMetrics) -> JSONValue {
        let delivery = reach.delivery
        return .object([
            ("reached_users", reach.reachedUsers.map { .int($0) } ?? .null),
            (
                "delivery",
                .object([
                    ("read", .int(delivery.read)), ("delivered", .int(delivery.delivered)), ("failed", .int(delivery.failed)),
                    ("sent", .int(delivery.sent)), ("no_status", .int(delivery.noStatus)),
                ])
            ),
            ("delivery_rate", .number(reach.deliveryRate)), ("read_rate", .number(reach.readRate)),
            ("median_minutes_to_read", .number(reach.medianMinutesToRead)),
            (
                "daily",
                .array(
                    reach.daily.map { day in
                        .object([
                            ("date", .string(day.date.description)), ("read", .int(day.counts.read)),
                            ("delivered", .int(day.counts.delivered)), ("failed", .int(day.counts.failed)),
                            ("other", .int(day.counts.other)),
                        ])
                    })
            ),
            (
                "by_author_type",
                .array(
                    reach.byAuthorType.map { type in
                        .object([
                            ("author_type", .string(type.authorType.rawValue)), ("messages", .int(type.counts.messages)),
                            ("read", .int(type.counts.read)), ("read_rate", .number(type.readRate)),
                        ])
                    })
            ),
            ("failures", .array(reach.failures.map { .object([("error", .string($0.label)), ("messages", .int($0.count))]) })),
        ])
    }

    static func consent(_ consent: ConsentMetrics) -> JSONValue {
        func count(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }
        return .object([
            ("opt_ins", count(consent.optIns)), ("opt_outs", count(consent.optOuts)),
            ("opted_in_at_end", count(consent.optedInAtEnd)),
        ])
    }
}

extension JSONValue {
    /// An object with `members` added after its own (other values are returned as they are).
    func adding(_ members: [(String, JSONValue)]) -> JSONValue {
        guard case .object(let own) = self else { return self }
        return .object(own + members)
    }
}
