import Foundation
import InsightsFormat
import InsightsImport
import InsightsTurn
import InsightsMetrics
import InsightsTestSupport
import Testing

/// The hand-written Turn-shaped export of `Fixtures/turn` (see its README).
enum TurnFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/turn")
    static let export = folder.appendingPathComponent("export")
    static let goals = folder.appendingPathComponent("goals.json")

    /// A copy of the export in a new temporary folder, without the files named in `leaving`.
    static func copy(leaving: [String] = []) throws -> URL {
        let target = try TestPaths.temporaryDirectory("turn").appendingPathComponent("export")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: export.path) where !leaving.contains(name) {
            try FileManager.default.copyItem(
                at: export.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        return target
    }
}

@Suite(.temporaryFolders) struct TurnTableTests {
    @Test func tableFromFileName() {
        #expect(TurnTable(fileName: "messages.csv") == .messages)
        #expect(TurnTable(fileName: "chats.ndjson.gz") == .chats)
        #expect(TurnTable(fileName: "chat_events.json") == .chatEvents)
        #expect(TurnTable(fileName: "messages-000000000001.json.gz") == .messages)
        #expect(TurnTable(fileName: "chat_events-000000000000.csv") == .chatEvents)
        #expect(TurnTable(fileName: "Flow_Results_2026-10.jsonl") == .flowResults)
        #expect(TurnTable(fileName: "helpline.contacts.csv") == .contacts)
        #expect(TurnTable(fileName: "statuses.csv") == .statuses)
        #expect(TurnTable(fileName: "attachments.csv") == nil)
        #expect(TurnTable(fileName: "chats_archive.csv") == nil)
        #expect(TurnTable(fileName: "message_tags.csv") == nil)
    }

    @Test func folderListsTablesAndSkipsTheRest() throws {
        let (files, skipped) = try TurnExport.locate([TurnFixtures.export.path])
        #expect(files.map(\.table) == [.chatEvents, .chats, .contacts, .flowResults, .messages])
        #expect(skipped == [TurnFixtures.export.appendingPathComponent("attachments.csv").path])
        // --kind names the table of a file whose name does not say it.
        let odd = try TurnFixtures.copy().appendingPathComponent("attachments.csv").path
        #expect(try TurnExport.locate([odd], forced: .chats).files == [TurnExport.File(path: odd, table: .chats)])
    }

    @Test func unnamedFilesAndEmptyFoldersAreErrors() throws {
        let empty = try TestPaths.temporaryDirectory("turn-empty")
        let odd = try TurnFixtures.copy().appendingPathComponent("attachments.csv").path
        #expect(
            throws: TurnImportError(
                problems: [
                    .noTables(folder: empty.path), .file(ImportError(file: odd, reason: .unknownKind)),
                    .file(ImportError(file: "/nonexistent/messages.csv", reason: .notFound)),
                ])
        ) { try TurnExport.locate([empty.path, odd, "/nonexistent/messages.csv"]) }
        let error = TurnImportError(problems: [.file(ImportError(file: odd, reason: .unknownKind))])
        #expect(error.isUnopenable == false)
        #expect(
            error.localizedDescription.hasPrefix(
                "\(odd): the file name does not say which Turn table it holds; name it after the table "
                    + "(e.g. messages.json.gz) or pass --kind with one of: contacts, chats, messages, statuses, chat_events, flow_results"
            ))
    }

    /// BigQuery's NDJSON leaves out null fields and writes a RECORD column as a nested object:
    /// the author object is read the same as the JSON string of a CSV export.
    @Test func ndjsonWithNestedAuthorAndMissingKeys() throws {
        let folder = try TestPaths.temporaryDirectory("turn-ndjson")
        let chats = folder.appendingPathComponent("chats.jsonl")
        try Data(#"{"id":"ch-1","contact_id":"c-1","owner":"+27821110001","state":"OPEN"}"#.utf8).write(to: chats)
        let messages = folder.appendingPathComponent("messages.ndjson")
        try Data(
            """
            {"id":"m1","chat_id":"ch-1","direction":"outbound","inserted_at":"2026-10-03T12:05:00.123456Z","author":{"type":"OPERATOR","id":"op-1","name":"Thandi"}}
            {"id":"m2","chat_id":"ch-1","direction":"inbound","inserted_at":1791036300,"from_addr":"27821110001"}

            """.utf8
        ).write(to: messages)
        let (files, _) = try TurnExport.locate([folder.path])
        let conversion = try TurnConversion(files: files, options: TurnImportOptions())
        #expect(
            conversion.messages == [
                MessageRecord(
                    messageID: "m1", contactID: "c-1", inbound: false, timestamp: utc("2026-10-03T12:05") + 123_456,
                    authorType: .coach, authorID: "op-1", authorName: "Thandi"),
                MessageRecord(messageID: "m2", contactID: "c-1", inbound: true, timestamp: 1_791_036_300_000_000),
            ])
        #expect(conversion.contacts == [ContactRecord(contactID: "c-1", phone: "+27821110001")])
        guard case .chatsState(let state) = conversion.summary.closes else {
            Issue.record("closes should come from the chats state: \(conversion.summary.closes)")
            return
        }
        #expect(state.open == 1 && state.closed == 0)
    }

    @Test func gzippedTablesAreRead() throws {
        let folder = try TurnFixtures.copy()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", folder.appendingPathComponent("messages.csv").path]
        try process.run()
        process.waitUntilExit()
        let (files, _) = try TurnExport.locate([folder.path])
        #expect(
            files.contains(
                TurnExport.File(path: folder.appendingPathComponent("messages.csv.gz").path, table: .messages)))
        let options = TurnImportOptions(authorMap: ["REMINDER": .reminder, "THREAD": .thread])
        #expect(try TurnConversion(files: files, options: options).messages.count == 17)
    }
}
