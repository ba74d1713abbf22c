import Foundation
import Synchronization
import Testing

/// The BigQuery emulators (local-bigquery) that `.ci/run` starts on loopback and names in
/// `INSIGHTS_TEST_BIGQUERY_EMULATORS` (`host:port,host:port`) and `BIGQUERY_EMULATOR_HOST` (the
/// first); start them by hand with `eval "$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)"`.
///
/// One emulator is one Python process that keeps a single core busy, and it is the longest chain
/// of a CI run, so the tests spread over several: each test is given one emulator the first time
/// it asks (round robin, in the order tests ask) and keeps it for all its calls, because the
/// datasets it loads live in that emulator only.
public enum BigQueryEmulator {
    /// Every emulator's `host:port`: `INSIGHTS_TEST_BIGQUERY_EMULATORS`, else
    /// `BIGQUERY_EMULATOR_HOST` alone, else none.
    public static var hosts: [String] {
        let environment = ProcessInfo.processInfo.environment
        let listed = (environment["INSIGHTS_TEST_BIGQUERY_EMULATORS"] ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        if !listed.isEmpty { return listed }
        guard let value = environment["BIGQUERY_EMULATOR_HOST"], !value.isEmpty else { return [] }
        return [value]
    }

    /// `host:port` of the emulator of the running test (see `required()`), nil when none was started.
    public static var host: String? { hosts.isEmpty ? nil : choose(among: hosts) }

    /// True when the emulator tests should run: an emulator is there, or CI demands it (and the
    /// tests then fail without one).
    public static var shouldRun: Bool { !hosts.isEmpty || ProcessInfo.processInfo.environment["CI"] != nil }

    /// The running test's emulator `host:port`, the same one every time that test asks, or an
    /// error saying how to start one.
    public static func required() throws -> String {
        guard let host else {
            throw TestServerError(
                message:
                    "BIGQUERY_EMULATOR_HOST is not set: .ci/run starts the emulator, or run eval \"$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)\""
            )
        }
        return host
    }

    /// A dataset name no other test of this run uses (the emulator keeps state for the whole run).
    public static func uniqueDataset(_ label: String) -> String {
        "\(label)_\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// The emulators given out so far, by test, and how many tests have asked.
    private static let assigned = Mutex<(byTest: [String: Int], count: Int)>(([:], 0))

    /// The emulator of the running test (`Test.current`): the next one in turn the first time it
    /// asks, the same one after that; the first one outside a test.
    static func choose(among hosts: [String]) -> String {
        guard hosts.count > 1, let test = Test.current else { return hosts[0] }
        let key = String(describing: test.id)
        let index = assigned.withLock { state in
            if let index = state.byTest[key] { return index }
            let index = state.count % hosts.count
            state.byTest[key] = index
            state.count += 1
            return index
        }
        return hosts[index]
    }
}
