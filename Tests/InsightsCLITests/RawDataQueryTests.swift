import Foundation
import GRDB
import InsightsTestSupport
import Testing

/// Every ```sql block of the README (the example queries of "Querying the raw data") runs on
/// the demo database and returns rows, so the documented queries keep matching the schema.
@Suite(.serialized) struct RawDataQueryTests {
    static let documents = ["README.md"]

    @Test func documentedQueriesRunOnTheDemoDatabase() throws {
        var queries: [(source: String, sql: String)] = []
        for document in Self.documents {
            let url = TestPaths.packageRoot.appendingPathComponent(document)
            let text = try String(contentsOf: url, encoding: .utf8)
            for (index, sql) in Self.sqlBlocks(in: text).enumerated() {
                queries.append(("\(document) sql block \(index + 1)", sql))
            }
        }
        #expect(queries.count >= 6, "the README documents at least six example queries; found \(queries.count)")

        let demo = try SharedDemo.folder()
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(
            path: demo.appendingPathComponent("demo.sqlite").path, configuration: configuration)
        for query in queries {
            do {
                // One statement per block: GRDB refuses a block holding several.
                let rows = try database.read { db in try Row.fetchAll(db, sql: query.sql) }
                #expect(!rows.isEmpty, "\(query.source) returns no rows on the demo database:\n\(query.sql)")
            } catch {
                Issue.record("\(query.source) fails: \(error)\n\(query.sql)")
            }
        }
    }

    @Test func sqlBlocksAreFoundWhateverSurroundsThem() {
        let text = "intro\n```sql\nSELECT 1;\n```\n```sh\nls\n```\n  ```sql\nSELECT\n  2;\n  ```\n"
        #expect(Self.sqlBlocks(in: text) == ["SELECT 1;\n", "SELECT\n  2;\n"])
    }

    /// The bodies of the fenced blocks whose info string is `sql`.
    static func sqlBlocks(in markdown: String) -> [String] {
        var blocks: [String] = []
        var inFence = false
        var body: String?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if inFence {
                if trimmed.hasPrefix("```") {
                    if let body { blocks.append(body) }
                    inFence = false
                    body = nil
                } else {
                    body? += line + "\n"
                }
            } else if trimmed.hasPrefix("```") {
                inFence = true
                let info = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces).lowercased()
                body = info == "sql" || info.hasPrefix("sql ") ? "" : nil
            }
        }
        return blocks
    }
}
