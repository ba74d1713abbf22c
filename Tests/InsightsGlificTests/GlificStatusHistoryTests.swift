import Foundation
import InsightsGlific
import InsightsImport
import InsightsMetrics
import InsightsTestSupport
import Testing

/// The status history: every version of an outbound message gives its `bsp_status`, the
/// earliest of each status kept (then the earliest `bq_inserted_at`, the smallest `bq_uuid`,
/// the one read first). Rows in Asia/Kolkata (+05:30, no DST): 09:00 local is 03:30Z.
@Suite(.temporaryFolders) struct GlificStatusHistoryTests {
    let kolkata = GlificImportOptions(zone: TimeZone(identifier: "Asia/Kolkata") ?? .gmt)
    let utc = GlificFixtures.utc

    /// A version of message `id` (contact 919800000001, inserted 09:00 local) updated at
    /// `updated` (09:MM:SS local).
    func version(
        _ id: Int, _ status: String?, updated: String, inserted: String? = nil, uuid: String? = nil,
        flow: String = "outbound", errors: String? = nil
    ) -> String {
        func text(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "null" }
        return #"{"id":"\#(id)","flow":"\#(flow)","contact_phone":"919800000001","inserted_at":"2026-10-20T09:00:00","#
            + #""updated_at":"2026-10-20T\#(updated)","bq_inserted_at":\#(text(inserted.map { "2026-10-20T" + $0 })),"#
            + #""bq_uuid":\#(text(uuid)),"bsp_status":\#(text(status)),"errors":\#(text(errors))}"#
    }

    /// The messages file holding `lines`, and its path.
    func file(_ lines: [String]) throws -> (files: [GlificExport.File], path: String) {
        let folder = try TestPaths.temporaryDirectory("glific-history")
        let url = folder.appendingPathComponent("messages.json")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return (try GlificExport.locate([folder.path]), url.path)
    }

    @Test func everyVersionGivesItsStatusTheEarliestOfEachKept() throws {
        // 1: enqueued, sent, delivered, read, then read again later (lines 1–5), read out of
        // order in the file; 2: only enqueued.
        let (files, _) = try file([
            version(1, "read", updated: "09:03:00"), version(1, "sent", updated: "09:01:00"),
            version(1, "enqueued", updated: "09:00:00"), version(1, "read", updated: "09:30:00"),
            version(1, "delivered", updated: "09:02:00"), version(2, "enqueued", updated: "09:00:00"),
        ])
        let conversion = try GlificConversion(files: files, options: kolkata)
        // In time order: sent 03:31Z (line 2), delivered 03:32Z (line 5), read 03:33Z (line 1,
        // not the newest version's 04:00Z on line 4).
        #expect(
            conversion.messageStatuses == [
                MessageStatusRecord(messageID: "1", status: .sent, timestamp: utc("2026-10-20T03:31:00Z")),
                MessageStatusRecord(messageID: "1", status: .delivered, timestamp: utc("2026-10-20T03:32:00Z")),
                MessageStatusRecord(messageID: "1", status: .read, timestamp: utc("2026-10-20T03:33:00Z")),
            ])
        #expect(conversion.origins[.messageStatuses]?.map(\.line) == [2, 5, 1])
        #expect(conversion.origins[.messages]?.map(\.line) == [4, 6])
        // Per word the messages with it; "from older versions": kept from a version that is
        // not the message's newest (line 4 is 1's newest: its read is kept from line 1).
        #expect(
            conversion.summary.lines.contains(
                "Statuses from the bsp_status of every version (at its updated_at; of one status of a message the "
                    + "earliest), per word the messages with it: delivered → delivered (1, 1 from older versions, "
                    + "built in), enqueued → none (2, built in), read → read (1, 1 from older versions, built in), "
                    + "sent → sent (1, 1 from older versions, built in)"))
    }

    @Test func tiesGoToTheEarliestBigQueryInsertThenTheSmallestUUIDThenTheFirstRead() throws {
        // Message 1: three failures at 09:05 inserted 09:07, 09:06 and none (a missing one is
        // the earliest): the one without bq_inserted_at. Message 2: two at 09:05 inserted 09:06
        // with bq_uuid "b" and "a": "a". Message 3: two equal in all three: the first read.
        let (files, _) = try file([
            version(1, "error", updated: "09:05:00", inserted: "09:07:00", uuid: "c", errors: "late"),
            version(1, "error", updated: "09:05:00", inserted: "09:06:00", uuid: "b", errors: "middle"),
            version(1, "error", updated: "09:05:00", uuid: "z", errors: "without an insert time"),
            version(2, "error", updated: "09:05:00", inserted: "09:06:00", uuid: "b", errors: "uuid b"),
            version(2, "error", updated: "09:05:00", inserted: "09:06:00", uuid: "a", errors: "uuid a"),
            version(3, "error", updated: "09:05:00", inserted: "09:06:00", uuid: "s", errors: "read first"),
            version(3, "error", updated: "09:05:00", inserted: "09:06:00", uuid: "s", errors: "read second"),
        ])
        let conversion = try GlificConversion(files: files, options: kolkata)
        let at = utc("2026-10-20T03:35:00Z")
        #expect(
            conversion.messageStatuses == [
                MessageStatusRecord(messageID: "1", status: .failed, timestamp: at, error: "without an insert time"),
                MessageStatusRecord(messageID: "2", status: .failed, timestamp: at, error: "uuid a"),
                MessageStatusRecord(messageID: "3", status: .failed, timestamp: at, error: "read first"),
            ])
        // The rule as a plain function: time, then bq_inserted_at, then bq_uuid (bytes), then order.
        #expect(GlificRules.isEarlier((1, 9, "z", 9), than: (2, 0, "a", 0)))
        #expect(GlificRules.isEarlier((1, 4, "z", 9), than: (1, 5, "a", 0)))
        #expect(GlificRules.isEarlier((1, nil, "z", 9), than: (1, 0, "a", 0)))
        #expect(GlificRules.isEarlier((1, 4, "B", 9), than: (1, 4, "a", 0)))
        #expect(GlificRules.isEarlier((1, 4, nil, 9), than: (1, 4, "a", 0)))
        #expect(GlificRules.isEarlier((1, 4, "a", 0), than: (1, 4, "a", 1)))
        #expect(!GlificRules.isEarlier((1, 4, "a", 1), than: (1, 4, "a", 0)))
    }

    @Test func anUnknownWordInAnOlderVersionStopsTheImportEachMessageOnce() throws {
        // Message 1's older versions say "seen" twice (lines 2, 3), its newest "read"; message 2's
        // newest says "seen" (line 4). An inbound message's word is not read (line 5).
        let (files, path) = try file([
            version(1, "read", updated: "09:09:00"), version(1, "seen", updated: "09:01:00"),
            version(1, "seen", updated: "09:02:00"), version(2, "seen", updated: "09:00:00"),
            version(3, "mystery", updated: "09:00:00", flow: "inbound"),
        ])
        let error = try #require(throws: GlificImportError.self) {
            try GlificConversion(files: files, options: kolkata)
        }
        guard error.problems.count == 1, case .unknownStatuses(let words) = error.problems[0] else {
            Issue.record("unexpected problems: \(error.problems)")
            return
        }
        #expect(words == [.init(value: "seen", count: 2, file: path, line: 2)])
        #expect(error.errorDescription?.contains("  \"seen\": 2 messages, first at \(path):2") == true)
        // Mapped, the older versions give their status.
        let mapped = try GlificConversion(
            files: files, options: GlificImportOptions(zone: kolkata.zone, statusMap: ["seen": .delivered]))
        #expect(
            mapped.messageStatuses.map { "\($0.messageID) \($0.status.rawValue)" } == ["1 delivered", "1 read", "2 delivered"])
    }

    @Test func inboundMessagesGiveNoStatusesWhateverTheirVersionsSay() throws {
        // Message 1 is inbound in its newest version (line 2): neither version's word counts,
        // though its older version says outbound. Message 2 is outbound in its newest version
        // (line 4): both versions count, its older one's inbound flow is not read.
        let (files, _) = try file([
            version(1, "sent", updated: "09:01:00"), version(1, "delivered", updated: "09:02:00", flow: "inbound"),
            version(2, "sent", updated: "09:01:00", flow: "inbound"), version(2, "read", updated: "09:02:00"),
        ])
        let conversion = try GlificConversion(files: files, options: kolkata)
        #expect(conversion.messages.map { "\($0.messageID) \($0.inbound)" } == ["1 true", "2 false"])
        #expect(
            conversion.messageStatuses == [
                MessageStatusRecord(messageID: "2", status: .sent, timestamp: utc("2026-10-20T03:31:00Z")),
                MessageStatusRecord(messageID: "2", status: .read, timestamp: utc("2026-10-20T03:32:00Z")),
            ])
    }
}
