import Foundation
import InsightsMetrics
import InsightsRender
import InsightsTestSupport
import Testing

@Suite struct MetricsJSONTests {
    /// The key tree of a JSON value: objects by key, arrays by their first element.
    private func shape(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]:
            return "{" + object.keys.sorted().map { "\($0):\(shape(object[$0] as Any))" }.joined(separator: ",") + "}"
        case let array as [Any]:
            return "[" + (array.first.map(shape) ?? "") + "]"
        default:
            return ""
        }
    }

    @Test func hasExactlyTheKeysOfMetricsMD() throws {
        let text = MetricsJSON.render(sampleReport())
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        // The document of METRICS.md, with every array holding one element.
        let spec = """
            {"schema_version": 2, "segment": null, "generator": {"name": "insights", "version": "x"}, "service": {"name": "x"},
             "period": {"from": "x", "to": "x", "days": 1, "timezone": "x"}, "previous_period": {"from": "x", "to": "x"},
             "summary": {"trends": null, "sentences": []},
             "impact": {"goals": [{"goal_id": "g1", "name": "x", "started": 0, "completed": 0, "completion_rate": null,
                        "behaviours": [{"behaviour_id": "b1", "name": "x", "users": 0, "actions": 0}]}],
                        "journeys": []},
             "audience": {"active_users": 0, "new_users": 0, "returning_users": 0, "previous": {"active_users": 0, "new_users": 0},
                          "daily": [{"date": "x", "active_users": 0, "new_users": 0, "returning_users": 0}],
                          "countries": [{"country": "ZA", "active_users": 0}],
                          "reach": {"reached_users": null,
                                    "delivery": {"read": 0, "delivered": 0, "failed": 0, "sent": 0, "no_status": 0},
                                    "delivery_rate": null, "read_rate": null, "median_minutes_to_read": null,
                                    "daily": [{"date": "x", "read": 0, "delivered": 0, "failed": 0, "other": 0}],
                                    "by_author_type": [{"author_type": "stack", "messages": 0, "read": 0, "read_rate": null}],
                                    "failures": [{"error": "x", "messages": 0}]},
                          "consent": {"opt_ins": null, "opt_outs": null, "opted_in_at_end": null}},
             "engagement": {"messages_received": 0, "messages_sent": 0, "avg_messages_per_user_per_day": null,
                            "previous": {"messages_received": 0, "messages_sent": 0},
                            "daily": [{"date": "x", "received": 0, "sent": 0}], "heatmap": [[0]]},
             "guidance": {"conversations": {"active": 0, "open_at_end": 0, "closed_at_end": 0, "opened": 0, "reopened": 0,
                                            "closed": 0, "median_time_to_close_hours": null},
                          "authorship": [{"author_type": "stack", "messages": 0, "share": 0.0}],
                          "top_authors": {"stack": [{"author_id": "x", "name": "x", "messages": 0}],
                                          "coach": [{"author_id": "x", "name": "x", "messages": 0}],
                                          "reminder": [], "api": [], "automation": [{"author_id": "x", "name": "x", "messages": 0}],
                                          "thread": []},
                          "response_times": {"opened_by_users": 0, "answered_by_coach": 0, "unanswered": 0,
                                  "median_first_response_minutes": null, "p90_first_response_minutes": null,
                                  "business_hours": null, "buckets": [{"bucket": "<5m", "conversations": 0}],
                                  "coaches": [{"author_id": "…", "name": "…", "replies": 0, "users": 0,
                                               "first_responses": 0, "median_first_response_minutes": null, "closes": 0}]}}}
            """
        let expected = try JSONSerialization.jsonObject(with: Data(spec.utf8))
        #expect(shape(parsed) == shape(expected))
    }

    @Test func valuesNullsAndOrder() throws {
        let report = sampleReport()
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(MetricsJSON.render(report).utf8)) as? [String: Any])
        let period = try #require(json["period"] as? [String: Any])
        #expect(period["from"] as? String == "2026-10-05")
        #expect(period["days"] as? Int == 3)
        let previous = try #require(json["previous_period"] as? [String: Any])
        #expect(previous["from"] as? String == "2026-10-02")
        #expect(previous["to"] as? String == "2026-10-04")
        let guidance = try #require(json["guidance"] as? [String: Any])
        let authorship = try #require(guidance["authorship"] as? [[String: Any]])
        #expect(authorship.map { $0["author_type"] as? String } == ["stack", "coach", "reminder", "api", "automation", "thread"])
        let top = try #require(guidance["top_authors"] as? [String: Any])
        let automation = try #require(top["automation"] as? [[String: Any]])
        #expect(automation.first?["author_id"] is NSNull)
        #expect(automation.first?["name"] as? String == "HELP")
        let impact = try #require(json["impact"] as? [String: Any])
        let goals = try #require(impact["goals"] as? [[String: Any]])
        #expect(goals.first?["completion_rate"] as? Double == 0)
        // Deterministic text: the same report renders the same bytes; keys keep the spec's order.
        let text = MetricsJSON.render(report)
        #expect(text == MetricsJSON.render(sampleReport()))
        #expect(text.hasPrefix("{\n  \"schema_version\": 2,\n  \"segment\": null,\n  \"generator\""))
    }

    @Test func numbersAndStringsAreWrittenExactly() {
        let value = JSONValue.object([
            ("a", .double(0.26666666666666666)), ("b", .double(2)), ("c", .null), ("d", .string("\"<é>\n\u{1}")),
            ("e", .array([.int(1), .int(2)])),
        ])
        #expect(
            value.rendered()
                == "{\n  \"a\": 0.26666666666666666,\n  \"b\": 2.0,\n  \"c\": null,\n  \"d\": \"\\\"<é>\\n\\u0001\",\n  \"e\": [1, 2]\n}\n"
        )
    }
}
