import Foundation
import InsightsTestSupport
import Testing

@testable import InsightsImport

/// The background reader hands out every row, in order, then the end or the syntax error.
@Suite(.temporaryFolders) struct BackgroundReaderTests {
    private func drain(_ reader: BackgroundReader<Int>) -> (lines: [Int], last: BackgroundReader<Int>.Batch) {
        var lines: [Int] = []
        while true {
            switch reader.next() {
            case .rows(let rows): lines += rows
            case let last: return (lines, last)
            }
        }
    }

    @Test func everyRowInOrderAcrossBatches() throws {
        let text =
            "message_id,contact_id,direction,timestamp,extra\n"
            + (1...1000).map { "m\($0),c,in,\($0),x\n" }.joined()
        let file = try ImportFile(path: try fixture("messages.csv", text))
        let reader = BackgroundReader(file: file, batchSize: 7, capacity: 2) { $0.line }
        defer { reader.close() }
        let (lines, last) = drain(reader)
        #expect(lines == Array(2...1001))
        guard case .end(let unknown) = last else {
            Issue.record("expected the end, got \(last)")
            return
        }
        #expect(unknown == ["extra"])
    }

    @Test func aSyntaxErrorComesAfterTheRowsBeforeIt() throws {
        let text = "message_id,contact_id,direction,timestamp\nm1,c,in,1\nm2,c,in,2\nm3,\"c,in,3\n"
        let file = try ImportFile(path: try fixture("messages.csv", text))
        let reader = BackgroundReader(file: file, batchSize: 1) { $0.line }
        defer { reader.close() }
        let (lines, last) = drain(reader)
        #expect(lines == [2, 3])
        guard case .failed(let error) = last else {
            Issue.record("expected a syntax error, got \(last)")
            return
        }
        #expect(error.line == 4)
    }

    /// A batch handed out is no longer held by the reader, even while the reader keeps the
    /// queue full: otherwise an import holds every row of its file in memory.
    @Test func batchesHandedOutAreReleased() throws {
        final class Box: Sendable {}
        let text = "message_id,contact_id,direction,timestamp\n" + (1...1000).map { "m\($0),c,in,\($0)\n" }.joined()
        let file = try ImportFile(path: try fixture("messages.csv", text))
        let reader = BackgroundReader(file: file, batchSize: 10, capacity: 3) { _ in Box() }
        defer { reader.close() }
        weak var first: Box?
        for _ in 0..<5 {
            // The reader runs ahead and fills the queue before each batch is taken.
            reader.waitUntilQueueIsFull()
            guard case .rows(let rows) = reader.next() else {
                Issue.record("expected rows")
                return
            }
            first = first ?? rows[0]
        }
        reader.waitUntilQueueIsFull()
        #expect(first == nil, "the first batch is still referenced")
    }

    @Test func closingEarlyStopsTheReader() throws {
        let text = "message_id,contact_id,direction,timestamp\n" + (1...10_000).map { "m\($0),c,in,\($0)\n" }.joined()
        let file = try ImportFile(path: try fixture("messages.csv", text))
        let reader = BackgroundReader(file: file, batchSize: 10, capacity: 1) { $0.line }
        guard case .rows(let first) = reader.next() else {
            Issue.record("expected rows")
            return
        }
        #expect(first == Array(2...11))
        reader.close()  // returns once the reading thread has stopped, though it was blocked
    }
}
