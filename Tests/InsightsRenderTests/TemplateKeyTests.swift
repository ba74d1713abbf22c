import Foundation
import InsightsTestSupport
import Testing

@testable import InsightsRender

/// Mustache renders a key the model lacks as nothing, silently; this test makes a typo in a
/// template (or a renamed property) fail instead.
@Suite struct TemplateKeyTests {
    /// Every property name reachable from a value, through nested structs and arrays.
    private func names(_ value: Any, into result: inout Set<String>) {
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else {
                names(child.value, into: &result)
                continue
            }
            result.insert(label)
            names(child.value, into: &result)
        }
    }

    @Test func everyTemplateKeyExistsInTheModel() throws {
        var known: Set<String> = []
        names(PageView(report: sampleReport(), dataAsOf: "x"), into: &known)
        let folder = TestPaths.packageRoot.appendingPathComponent("templates")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var checked = 0
        for case let url as URL in files where url.pathExtension == "mustache" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /\{\{\{?\s*([#^\/]?)\s*([A-Za-z0-9_.]+)\s*\}?\}\}/) {
                let key = String(match.2)
                guard key != "." else { continue }
                for part in key.split(separator: ".") {
                    #expect(known.contains(String(part)), "\(url.lastPathComponent): {{\(key)}} is not in the page model")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }
}
