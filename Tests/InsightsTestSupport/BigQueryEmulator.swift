import Foundation

/// The BigQuery emulator (local-bigquery) that `.ci/run` starts on loopback and names in
/// `BIGQUERY_EMULATOR_HOST`; start one by hand with
/// `eval "$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)"`.
public enum BigQueryEmulator {
    /// `host:port` of the running emulator, nil when none was started.
    public static var host: String? {
        guard let value = ProcessInfo.processInfo.environment["BIGQUERY_EMULATOR_HOST"], !value.isEmpty else { return nil }
        return value
    }

    /// True when the emulator tests should run: an emulator is there, or CI demands it (and the
    /// tests then fail without one).
    public static var shouldRun: Bool { host != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    /// The emulator's `host:port`, or an error saying how to start it.
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
}
