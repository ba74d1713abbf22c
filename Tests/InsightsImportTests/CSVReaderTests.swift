import InsightsImport
import Testing

@Suite struct CSVReaderTests {
    private func records(_ text: String) throws -> [(Int, [String])] {
        var reader = CSVReader(bytes: Array(text.utf8))
        var result: [(Int, [String])] = []
        while let record = try reader.next() { result.append((record.line, record.fields)) }
        return result
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n"
        let result = try records(text)
        #expect(result.map(\.0) == [1, 2, 3, 5])
        #expect(result[1].1 == ["1", "x, y", "say \"hi\""])
        #expect(result[2].1 == ["2", "two\nlines", "z"])
        #expect(result[3].1 == ["3", "", ""])
    }

    @Test func byteOrderMarkCRLFAndBlankLines() throws {
        let text = "\u{FEFF}a,b\r\n1,2\r\n\r\n3,4"
        let result = try records(text)
        #expect(result.map(\.0) == [1, 2, 4])
        #expect(result[0].1 == ["a", "b"])
        #expect(result[2].1 == ["3", "4"])
    }

    @Test func syntaxErrorsNameTheLine() {
        #expect(throws: CSVError(line: 3, reason: .unterminatedQuote)) { try records("a,b\n1,2\n3,\"open\n\n") }
        #expect(throws: CSVError(line: 2, reason: .textAfterClosingQuote)) { try records("a,b\n\"x\"y,2\n") }
        #expect(throws: CSVError(line: 2, reason: .quoteInUnquotedField)) { try records("a,b\nx\"y,2\n") }
    }
}
