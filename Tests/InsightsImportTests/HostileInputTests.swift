import Foundation
@testable import InsightsImport
import InsightsMetrics
import InsightsTestSupport
import Testing

/// Writes `bytes` as a file named `name` in a new temporary folder.
func byteFixture(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = try TestPaths.temporaryDirectory("import").appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

/// Input that used to be merged, rounded or cut short silently (issue 14).
@Suite(.temporaryFolders) struct HostileInputTests {
    // MARK: Item 1: ids as JSON numbers and booleans

    @Test func ndjsonIntegerIdsKeepEveryDigit() throws {
        // 2^53 = 9007199254740992: these five differ only in the last digits, which a Double drops.
        let ids = [
            "1234567890123456781", "1234567890123456782", "1234567890123456783", "9007199254740993", "-9223372036854775808",
        ]
        let lines = ids.map {
            #"{"message_id": \#($0), "contact_id": 12345678901234567890123, "direction": "in", "timestamp": 1791036300}"#
        }
        let (records, issues) = try decodeAll(try fixture("messages.ndjson", lines.joined(separator: "\n")))
        #expect(issues.isEmpty)
        let stored = records.compactMap { record -> String? in
            if case .message(let message) = record { return message.messageID + " " + message.contactID }
            return nil
        }
        #expect(stored == ids.map { $0 + " 12345678901234567890123" })
    }

    @Test func ndjsonBooleanIdsAreRefused() throws {
        let path = try fixture(
            "messages.ndjson",
            """
            {"message_id": true, "contact_id": "c1", "direction": "in", "timestamp": 1791036300}
            {"message_id": 1, "contact_id": false, "direction": "in", "timestamp": 1791036300}
            {"message_id": 2, "contact_id": "c1", "direction": "in", "timestamp": 1791036300, "author_id": true}
            """)
        let (records, issues) = try decodeAll(path)
        #expect(records.isEmpty)
        #expect(
            issues == [
                RowIssue(line: 1, reason: "\"message_id\" is true, a boolean, not an id (write ids as strings or numbers)"),
                RowIssue(line: 2, reason: "\"contact_id\" is false, a boolean, not an id (write ids as strings or numbers)"),
                RowIssue(line: 3, reason: "\"author_id\" is true, a boolean, not an id (write ids as strings or numbers)"),
            ])
    }

    @Test func ndjsonNonIdBooleansAndFractionsAreKeptAsWritten() throws {
        let path = try fixture(
            "contacts.ndjson",
            #"{"contact_id": "c1", "phone": 1.50, "country": null, "note": true}"#)
        let (records, issues) = try decodeAll(path)
        #expect(issues.isEmpty)
        #expect(records == [.contact(ContactRecord(contactID: "c1", phone: "1.50", country: nil, createdAt: nil))])
    }

    // MARK: Item 2: invalid UTF-8, NUL bytes, UTF-16

    @Test func csvInvalidUTF8RowsAreRefusedWithTheByteAndAGuess() throws {
        // "Jos\u{E9}" in Latin-1: the byte E9 then "," — not UTF-8.
        let text: [UInt8] = Array("contact_id,phone\nc1,+27\nJos".utf8) + [0xE9] + Array(",+28\nc3,+29\n".utf8)
        let (records, issues) = try decodeAll(try byteFixture("contacts.csv", text))
        #expect(records.map { if case .contact(let c) = $0 { c.contactID } else { "" } } == ["c1", "c3"])
        #expect(
            issues == [
                RowIssue(
                    line: 3,
                    reason: "not valid UTF-8: byte 0xE9 at byte 4 of column 1 (it looks like Latin-1 or "
                        + "Windows-1252: convert the file with `iconv -f WINDOWS-1252 -t UTF-8`)")
            ])
    }

    @Test func csvNULBytesAreRefused() throws {
        let text: [UInt8] = Array("contact_id,phone\nc1".utf8) + [0] + Array("evil,+27\nc1,+28\n".utf8)
        let (records, issues) = try decodeAll(try byteFixture("contacts.csv", text))
        #expect(records.count == 1)
        #expect(issues == [RowIssue(line: 2, reason: "a NUL byte at byte 3 of column 1 (the file is binary, or not UTF-8)")])
    }

    @Test func ndjsonInvalidUTF8AndNULAreRefused() throws {
        let text: [UInt8] =
            Array(#"{"contact_id": "c"#.utf8) + [0xED, 0xA0, 0x80] + Array("\"}\n".utf8)
            + Array(#"{"contact_id": "c1\u0000evil"}"#.utf8) + [0x0A]
            + Array(#"{"contact_id": "c1"}"#.utf8) + [0x0A]
        let (records, issues) = try decodeAll(try byteFixture("contacts.ndjson", text))
        #expect(records == [.contact(ContactRecord(contactID: "c1", phone: nil, country: nil, createdAt: nil))])
        #expect(
            issues == [
                RowIssue(line: 1, reason: "not valid UTF-8: byte 0xED at byte 18 of the line (a broken multi-byte sequence)"),
                RowIssue(line: 2, reason: "\"contact_id\" holds a NUL character (\\u0000)"),
            ])
    }

    @Test(arguments: [
        ([0xFF, 0xFE] as [UInt8], "UTF-16 little-endian (byte-order mark FF FE)"),
        ([0xFE, 0xFF], "UTF-16 big-endian (byte-order mark FE FF)"),
        ([], "UTF-16 little-endian (a NUL byte after every character)"),
    ])
    func utf16FilesAreRefusedWithTheConversion(_ bom: [UInt8], _ found: String) throws {
        let big = bom == [0xFE, 0xFF]
        let units: [UInt8] = Array("contact_id\nc1\n".utf8).flatMap { (byte: UInt8) -> [UInt8] in big ? [0, byte] : [byte, 0] }
        let path = try byteFixture("contacts.csv", bom + units)
        #expect(throws: ImportError(file: path, reason: .encoding(found))) { try ImportFile(path: path) }
        let message = ImportError(file: path, reason: .encoding(found)).localizedDescription
        #expect(
            message == "\(path): the file is \(found), not UTF-8; convert it with "
                + "`iconv -f UTF-16 -t UTF-8 \(path) > contacts-utf8.csv` and import that")
    }

    // MARK: Item 3: keys that differ only in case

    @Test func ndjsonKeysDifferingOnlyInCaseAreRefused() throws {
        let path = try fixture(
            "contacts.ndjson",
            """
            {"Contact_ID": "a", "contact_id": "b"}
            {"contact_id": "c", "contact_id": "d"}
            """)
        let (records, issues) = try decodeAll(path)
        #expect(records.isEmpty)
        #expect(
            issues == [
                RowIssue(
                    line: 1,
                    reason:
                        "the object has keys \"Contact_ID\" and \"contact_id\", the same column (names are matched case-insensitively)"
                ),
                RowIssue(
                    line: 2,
                    reason:
                        "the object has keys \"contact_id\" and \"contact_id\", the same column (names are matched case-insensitively)"
                ),
            ])
    }

    // MARK: Item 6: instants outside 1970–2200

    @Test(arguments: [
        "999999999999",  // 12 digits: seconds in year 33658
        "2200-01-01T00:00:00Z",
        "2200-01-01 00:00:00 UTC",
        "1969-12-31T23:59:59Z",
        "1970-01-01T00:30:00+01:00",
        "9999-12-31T23:59:59Z",
    ])
    func instantsOutsideTheSaneRangeAreRefused(_ text: String) {
        #expect(TimestampParser().parse(text) == .failure(.beyondRange))
    }

    @Test func theRangeEdgesAreAccepted() throws {
        #expect(try TimestampParser().parse("1970-01-01T00:00:00Z").get() == 0)
        // 2200-01-01 is day 84,006 after 1970-01-01: 230 years × 365 = 83,950 days plus 56 leap
        // days (1972 … 2196 is 57 leap years, less 2100) = 84,006; × 86,400 = 7,258,118,400 s.
        #expect(try TimestampParser().parse("2199-12-31T23:59:59Z").get() == (84_006 * 86_400 - 1) * 1_000_000)
        #expect(try TimestampParser().parse("7258118399").get() == 7_258_118_399 * 1_000_000)
    }

    @Test func beyondRangeMessageSaysTheRange() {
        #expect(
            TimestampError.beyondRange.reason(malformedHint: "", noOffsetHint: "")
                == "is outside 1970-01-01 … 2200-01-01 (a typo, or epoch milliseconds or microseconds read as seconds?)")
    }

    // MARK: Item 16: field and line bounds

    @Test func csvFieldsOverTheLimitAreRefused() throws {
        let long = String(repeating: "x", count: ImportLimits.fieldBytes + 1)
        let path = try fixture("contacts.csv", "contact_id,phone\nc1,\(long)\nc2,\"\(long)\"\nc3,+27\n")
        let (records, issues) = try decodeAll(path)
        #expect(records.count == 1)
        #expect(
            issues == [
                RowIssue(line: 2, reason: "column 2 has 65,537 bytes; a field may have at most 65,536 (64 KiB)"),
                RowIssue(line: 3, reason: "column 2 has 65,537 bytes; a field may have at most 65,536 (64 KiB)"),
            ])
    }

    @Test func ndjsonLinesAndValuesOverTheLimitAreRefused() throws {
        let value = String(repeating: "y", count: ImportLimits.fieldBytes + 1)
        let line = String(repeating: " ", count: ImportLimits.recordBytes) + "{}"
        let path = try fixture("contacts.ndjson", "{\"contact_id\": \"\(value)\"}\n\(line)\n{\"contact_id\": \"c\"}\n")
        let (records, issues) = try decodeAll(path)
        #expect(records.count == 1)
        #expect(
            issues == [
                RowIssue(line: 1, reason: "\"contact_id\" has 65,537 bytes; a field may have at most 65,536 (64 KiB)"),
                RowIssue(line: 2, reason: "the line has 1,048,578 bytes; a line may have at most 1,048,576 (1 MiB)"),
            ])
    }

    @Test func aCSVRecordOverTheLimitStopsTheFile() throws {
        // A quoted field that never ends would otherwise be read to the end of the file.
        let chunk = String(repeating: "z", count: 60_000)
        let fields = Array(repeating: chunk, count: 18).joined(separator: ",")
        let header = (1...18).map { "c\($0)" }.joined(separator: ",")
        let path = try fixture("contacts.csv", "contact_id,\(header)\nc1,\(fields)\n")
        #expect(
            throws: ImportError(
                file: path, line: 2, reason: .syntax("the record has more than 1,048,576 bytes (1 MiB), the most a row may have"))
        ) {
            _ = try decodeAll(path)
        }
    }

    // MARK: Item 17: pipes

    @Test func aPipeIsReadAsAStream() throws {
        let pipe = Pipe()
        let text = "contact_id,phone\nc1,+27\n"
        let writer = Thread {
            pipe.fileHandleForWriting.write(Data(text.utf8))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        let path = "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)"
        #expect(throws: ImportError(file: path, reason: .unknownKind)) { try ImportFile(path: path) }
        let (records, issues) = try decodeAll(path, kind: .contacts)
        #expect(issues.isEmpty)
        #expect(records == [.contact(ContactRecord(contactID: "c1", phone: "+27", country: nil, createdAt: nil))])
    }
}
