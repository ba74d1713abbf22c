import Foundation
import Testing

@testable import InsightsBench

@Suite struct PiecesTests {
    @Test func piecesEndAtLineEndsOutsideQuotes() {
        // Offsets: "h\n" 0–1, `a,"x\ny"\n` 2–9 (the line end at 5 is quoted), "b,1\n" 10–13,
        // "c,2" 14–16 without a line end.
        let data = Data("h\na,\"x\ny\"\nb,1\nc,2".utf8)
        #expect(CSVPieces.cut(data, from: 2, size: 1) == [2..<10, 10..<14, 14..<17])
        // Pieces of at least 9 bytes: 2–13 is the first line end past 2 + 9.
        #expect(CSVPieces.cut(data, from: 2, size: 9) == [2..<14, 14..<17])
        #expect(CSVPieces.cut(data, from: 2, size: 1 << 20) == [2..<17])
        #expect(CSVPieces.cut(Data("h\n".utf8), from: 2, size: 1).isEmpty)
    }

    @Test func recordsAreCountedOutsideQuotes() {
        #expect(CSVPieces.records(Array("a,\"x\ny\"\nb,1\n".utf8)) == 2)
        #expect(CSVPieces.records(Array("c,2".utf8)) == 1)
        #expect(CSVPieces.records([]) == 0)
    }
}
