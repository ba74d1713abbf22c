import Foundation
@testable import InsightsTurn
import InsightsTestSupport
import Testing

/// Turn's side of the hostile input of issue 14: ids as JSON numbers and booleans.
@Suite(.temporaryFolders) struct TurnHostileInputTests {
    func fixture(_ name: String, _ text: String) throws -> String {
        let url = try TestPaths.temporaryDirectory("turn-hostile").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func turnIdsKeepEveryDigitAndRefuseBooleans() throws {
        let path = try fixture(
            "chats.ndjson",
            """
            {"id": 1234567890123456781, "contact_id": 1234567890123456782, "owner": {"n": 12345678901234567891, "b": true}, "tags": [1, "a"]}
            {"id": true, "contact_id": "c1"}
            """)
        var reader = try TurnTableReader(path: path)
        let first = try #require(try reader.next(["id", "contact_id", "tags", "owner"]))
        #expect(first.problem == nil)
        #expect(first.values == ["1234567890123456781", "1234567890123456782", #"[1,"a"]"#, "{…}"])
        #expect(first.objects["owner"] == ["n": "12345678901234567891", "b": "true"])
        let second = try #require(try reader.next(["id", "contact_id"]))
        #expect(second.problem == "\"id\" is true, a boolean, not an id (write ids as strings or numbers)")
    }
}
