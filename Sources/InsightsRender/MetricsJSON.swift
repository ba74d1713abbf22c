import InsightsMetrics

/// `metrics.json`: every number of a report under the keys of METRICS.md.
public enum MetricsJSON {
    /// The version of the file's layout.
    public static let schemaVersion = 2

    /// The document of a report (with the keys of `segmentKeys(_:)` when they apply);
    /// `sentences` are the summary's sentences as the templates word them
    /// (`ReportRenderer.summarySentences(_:)`).
    public static func document(for report: Report, sentences: [String] = []) -> JSONValue {
        baseDocument(for: report, sentences: sentences).adding(segmentKeys(report))
    }

    /// The keys every report has.
    private static func baseDocument(for report: Report, sentences: [String]) -> JSONValue {
        .object([
            ("schema_version", .int(schemaVersion)),
            ("segment", segment(report)),
            ("generator", .object([("name", .string("insights")), ("version", .string(report.generatorVersion))])),
            ("service", .object([("name", .string(report.serviceName))])),
            (
                "period",
                .object([
                    ("from", .string(report.period.from.description)), ("to", .string(report.period.to.description)),
                    ("days", .int(report.period.dayCount)), ("timezone", .string(report.timeZoneIdentifier)),
                ])
            ),
            (
                "previous_period",
                .object([
                    ("from", .string(report.previousPeriod.from.description)),
                    ("to", .string(report.previousPeriod.to.description)),
                ])
            ),
            ("summary", summary(report.summary, sentences: sentences)),
            ("impact", impact(report.impact, journeys: report.journeys)),
            (
                "audience",
                audience(report.audience).adding([("reach", reach(report.reach)), ("consent", consent(report.consent))])
            ),
            ("engagement", engagement(report.engagement)),
            ("guidance", guidance(report.conversations, report.authorship, report.responseTimes)),
        ])
    }

    /// The file's text.
    public static func render(_ report: Report, sentences: [String] = []) -> String {
        hidingSmallCounts(document(for: report, sentences: sentences), report: report).rendered()
    }

    private static func impact(_ impact: ImpactMetrics, journeys metrics: JourneyMetrics) -> JSONValue {
        .object([
            (
                "goals",
                .array(
                    impact.goals.map { goal in
                        .object([
                            ("goal_id", .string(goal.goalID)), ("name", .string(goal.name)),
                            ("started", .int(goal.started)), ("completed", .int(goal.completed)),
                            ("completion_rate", .number(goal.completionRate)),
                            (
                                "behaviours",
                                .array(
                                    goal.behaviours.map { behaviour in
                                        .object([
                                            ("behaviour_id", .string(behaviour.behaviourID)),
                                            ("name", .string(behaviour.name)), ("users", .int(behaviour.users)),
                                            ("actions", .int(behaviour.actions)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            ("journeys", journeys(metrics)),
        ])
    }

    private static func audience(_ audience: AudienceMetrics) -> JSONValue {
        .object([
            ("active_users", .int(audience.activeUsers)), ("new_users", .int(audience.newUsers)),
            ("returning_users", .int(audience.returningUsers)),
            (
                "previous",
                .object([
                    ("active_users", .int(audience.previous.activeUsers)),
                    ("new_users", .int(audience.previous.newUsers)),
                ])
            ),
            (
                "daily",
                .array(
                    audience.daily.map { day in
                        .object([
                            ("date", .string(day.date.description)), ("active_users", .int(day.activeUsers)),
                            ("new_users", .int(day.newUsers)), ("returning_users", .int(day.returningUsers)),
                        ])
                    })
            ),
            (
                "countries",
                .array(
                    audience.countries.map {
                        .object([("country", .string($0.country)), ("active_users", .int($0.activeUsers))])
                    })
            ),
        ])
    }

    private static func engagement(_ engagement: EngagementMetrics) -> JSONValue {
        .object([
            ("messages_received", .int(engagement.messagesReceived)),
            ("messages_sent", .int(engagement.messagesSent)),
            ("avg_messages_per_user_per_day", .number(engagement.averageMessagesPerUserPerDay)),
            (
                "previous",
                .object([
                    ("messages_received", .int(engagement.previous.messagesReceived)),
                    ("messages_sent", .int(engagement.previous.messagesSent)),
                ])
            ),
            (
                "daily",
                .array(
                    engagement.daily.map { day in
                        .object([
                            ("date", .string(day.date.description)), ("received", .int(day.received)),
                            ("sent", .int(day.sent)),
                        ])
                    })
            ),
            ("heatmap", .array(engagement.heatmap.map { .array($0.map { .int($0) }) })),
        ])
    }

    private static func guidance(
        _ conversations: ConversationMetrics, _ authorship: AuthorshipMetrics, _ responseTimes: ResponseTimeMetrics
    ) -> JSONValue {
        .object([
            (
                "conversations",
                .object([
                    ("active", .int(conversations.active)), ("open_at_end", .int(conversations.openAtEnd)),
                    ("closed_at_end", .int(conversations.closedAtEnd)), ("opened", .int(conversations.opened)),
                    ("reopened", .int(conversations.reopened)), ("closed", .int(conversations.closed)),
                    ("median_time_to_close_hours", .number(conversations.medianTimeToCloseHours)),
                ])
            ),
            (
                "authorship",
                .array(
                    authorship.byType.map {
                        .object([
                            ("author_type", .string($0.authorType.rawValue)), ("messages", .int($0.messages)),
                            ("share", .number($0.share)),
                        ])
                    })
            ),
            (
                "top_authors",
                .object(
                    AuthorType.allCases.map { type in
                        (
                            type.rawValue,
                            .array(
                                (authorship.topAuthors[type] ?? []).map { author in
                                    .object([
                                        ("author_id", .text(author.authorID)), ("name", .string(author.name)),
                                        ("messages", .int(author.messages)),
                                    ])
                                })
                        )
                    })
            ),
            ("response_times", Self.responseTimes(responseTimes)),
        ])
    }
}
