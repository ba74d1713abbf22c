import Foundation
import InsightsTestSupport
import Testing

@testable import InsightsBench

@Suite struct DatasetTests {
    @Test func theSameSizeWritesTheSameBytes() throws {
        let first = try TestPaths.temporaryDirectory("bench-a")
        let second = try TestPaths.temporaryDirectory("bench-b")
        let written = try BenchDataset(messages: 3_000).write(to: first)
        _ = try BenchDataset(messages: 3_000).write(to: second)
        // Sessions are drawn before messages are cut at 3,000, so a small dataset can hold a
        // few fewer; the count is what the files hold.
        #expect(written.messages <= 3_000 && written.messages > 2_900)
        #expect(written.contacts == 300)
        let lines = try (0..<6).map { slice in
            try String(contentsOf: first.appendingPathComponent(BenchDataset.sliceFiles(slice)[0]), encoding: .utf8)
                .split(separator: "\n").count - 1
        }.reduce(0, +)
        #expect(lines == written.messages)
        let names = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
        // Goals, behaviours, contacts, and four files for each of the six slices.
        #expect(names.count == 3 + 6 * 4)
        for name in names {
            let a = FileManager.default.contents(atPath: first.appendingPathComponent(name).path)
            let b = FileManager.default.contents(atPath: second.appendingPathComponent(name).path)
            #expect(a == b, "\(name) differs between two runs")
        }
    }

    @Test func everyStatusIsOfAnOutboundMessageOfItsSlice() throws {
        let folder = try TestPaths.temporaryDirectory("bench-statuses")
        let written = try BenchDataset(messages: 5_000).write(to: folder)
        #expect(written.statuses > 0)
        var statuses = 0
        for slice in 0..<6 {
            let names = BenchDataset.sliceFiles(slice)
            let messages = try String(contentsOf: folder.appendingPathComponent(names[0]), encoding: .utf8)
            let outbound = Set(
                messages.split(separator: "\n").dropFirst().filter { $0.contains(",outbound,") }.map {
                    $0.split(separator: ",", omittingEmptySubsequences: false)[0]
                })
            let lines = try String(contentsOf: folder.appendingPathComponent(names[1]), encoding: .utf8)
                .split(separator: "\n")
            #expect(lines.first == "message_id,status,timestamp,error")
            for line in lines.dropFirst() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                #expect(cells.count == 4)
                #expect(outbound.contains(cells[0]), "\(line): no outbound message \(cells[0]) in \(names[0])")
                #expect(["delivered", "read", "failed"].contains(cells[1]))
                #expect(cells[1] == "failed" ? cells[3] == "131026" : cells[3].isEmpty)
                statuses += 1
            }
        }
        #expect(statuses == written.statuses)
    }
}
