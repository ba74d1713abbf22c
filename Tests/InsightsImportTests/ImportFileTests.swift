import Foundation
import InsightsImport
import InsightsMetrics
import InsightsTestSupport
import Testing

/// Writes `text` as a file named `name` in a new temporary folder.
func fixture(_ name: String, _ text: String) throws -> String {
    let url = try TestPaths.temporaryDirectory("import").appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

/// Decodes every row of a file: the records and the issues.
func decodeAll(_ path: String, kind: RecordKind? = nil) throws -> ([ImportRecord], [RowIssue]) {
    var file = try ImportFile(path: path, kind: kind)
    let decoder = RecordDecoder(kind: file.kind, timestamps: TimestampParser())
    var records: [ImportRecord] = []
    var issues: [RowIssue] = []
    while let row = try file.nextRow() {
        switch decoder.decode(row) {
        case .success(let record): records.append(record)
        case .failure(let issue): issues.append(issue)
        }
    }
    return (records, issues)
}

@Suite(.temporaryFolders) struct ImportFileTests {
    @Test func kindFromFileName() {
        #expect(RecordKind(fileName: "messages.csv") == .messages)
        #expect(RecordKind(fileName: "Goal_Events.ndjson.gz") == .goalEvents)
        #expect(RecordKind(fileName: "contacts.jsonl") == .contacts)
        #expect(RecordKind(fileName: "messages-2026-10.csv") == .messages)
        #expect(RecordKind(fileName: "conversation_events.csv.gz") == .conversationEvents)
        #expect(RecordKind(fileName: "export.csv") == nil)
    }

    @Test func messagesFromCSVWithEveryDirectionForm() throws {
        let path = try fixture(
            "messages.csv",
            #"""
            MESSAGE_ID,contact_id,Direction,timestamp,author_type,author_id,author_name,extra
            m1,c1,inbound,2026-10-03T12:05:00Z,,,,x
            m2,"c,2",I,1791036300,,,,
            m3,c1,outbound,2026-10-03 12:06:00 UTC,Stack,s1,"Onboarding, v2",
            m4,c1,out,2026-10-03T12:07:00Z,coach,,"Dr ""Sam""",

            """#)
        let (records, issues) = try decodeAll(path)
        #expect(issues.isEmpty)
        #expect(
            records == [
                .message(.init(messageID: "m1", contactID: "c1", inbound: true, timestamp: utc("2026-10-03T12:05"))),
                .message(.init(messageID: "m2", contactID: "c,2", inbound: true, timestamp: utc("2026-10-03T14:05"))),
                .message(
                    .init(
                        messageID: "m3", contactID: "c1", inbound: false, timestamp: utc("2026-10-03T12:06"),
                        authorType: .stack, authorID: "s1", authorName: "Onboarding, v2")),
                .message(
                    .init(
                        messageID: "m4", contactID: "c1", inbound: false, timestamp: utc("2026-10-03T12:07"),
                        authorType: .coach, authorID: nil, authorName: "Dr \"Sam\"")),
            ])
        var file = try ImportFile(path: path)
        while try file.nextRow() != nil {}
        #expect(file.unknownColumns == ["extra"])
    }

    @Test func ndjsonWithNullsNumbersAndUnknownKeys() throws {
        let path = try fixture(
            "messages.ndjson",
            """
            {"message_id": "m1", "contact_id": "c1", "direction": "in", "timestamp": 1791036300000, "author_type": null, "note": 1}

            {"message_id": "m2", "contact_id": "c1", "direction": "O", "timestamp": "2026-10-03T12:06:00Z", "author_type": "api", "author_id": "", "author_name": "CRM"}
            """)
        let (records, issues) = try decodeAll(path)
        #expect(issues.isEmpty)
        #expect(
            records == [
                .message(.init(messageID: "m1", contactID: "c1", inbound: true, timestamp: utc("2026-10-03T14:05"))),
                .message(
                    .init(
                        messageID: "m2", contactID: "c1", inbound: false, timestamp: utc("2026-10-03T12:06"),
                        authorType: .api, authorID: nil, authorName: "CRM")),
            ])
    }

    @Test func gzipFilesAreRead() throws {
        let plain = try fixture("goals.csv", "goal_id,name\ng1,Quit smoking\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-k", plain]
        try process.run()
        process.waitUntilExit()
        let (records, _) = try decodeAll(plain + ".gz")
        #expect(records == [.goal(.init(goalID: "g1", name: "Quit smoking", description: nil))])
    }

    @Test func truncatedGzipIsAClearError() throws {
        let path = try fixture("goals.csv.gz", "")
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4B]).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try ImportFile(path: path)
        } throws: { error in
            guard let error = error as? ImportError, case .badGzip = error.reason else { return false }
            return error.file == path
        }
    }

    @Test func fileLevelErrors() throws {
        let missing = try fixture("messages.csv", "message_id,contact_id,timestamp\nm1,c1,1791036300\n")
        #expect(
            throws: ImportError(
                file: missing, line: 1,
                reason: .missingColumns(["direction"], found: ["message_id", "contact_id", "timestamp"]))
        ) { try ImportFile(path: missing) }
        let unknown = try fixture("export.csv", "a\n1\n")
        #expect(throws: ImportError(file: unknown, reason: .unknownKind)) { try ImportFile(path: unknown) }
        #expect(throws: ImportError(file: "/nonexistent/messages.csv", reason: .notFound)) {
            try ImportFile(path: "/nonexistent/messages.csv")
        }
        let twice = try fixture("goals.csv", "goal_id,name,Name\n")
        #expect(throws: ImportError(file: twice, line: 1, reason: .duplicateColumn("name"))) { try ImportFile(path: twice) }
        let message = ImportError(file: missing, line: 1, reason: .missingColumns(["direction"], found: ["message_id"]))
            .localizedDescription
        #expect(message == "\(missing):1: required column \"direction\" missing; the header has: message_id")
    }
}
