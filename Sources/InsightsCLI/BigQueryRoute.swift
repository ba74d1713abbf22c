import Foundation
import InsightsBigQuery
import InsightsJobs
import InsightsMetrics
import InsightsWarehouse

/// The one place the command line meets BigQuery's connection: how a `--bigquery` dataset
/// becomes a `WarehouseConnection`, how the engine's parameters become BigQuery's (for
/// `--dry-run`), and the exit status of each BigQuery failure.
enum BigQueryRoute {
    /// The warehouse connection to `dataset` (`PROJECT.DATASET`) through `client`.
    static func connection(client: BigQueryClient, dataset: String) throws -> AnyWarehouseConnection {
        #if INSIGHTS_BIGQUERY_CONNECTION
            return AnyWarehouseConnection(BigQueryConnection(client: client, dataset: dataset))
        #else
            throw WarehouseError.connection("this build of Insights has no BigQuery connection (BigQueryConnection)")
        #endif
    }

    /// A query parameter as BigQuery types it: a string, an `INT64`, a `TIMESTAMP` to the
    /// microsecond.
    static func parameter(_ value: WarehouseParameter) -> QueryParameter {
        switch value {
        case .string(let text): .string(text)
        case .integer(let number): .int64(number)
        case .timestamp(let instant): .timestamp(microseconds: instant)
        }
    }

    /// A BigQuery failure as the warehouse's error, keeping its sentence: no answer is a
    /// connection error, anything else a refused query.
    static func warehouseError(_ error: BigQueryError) -> WarehouseError {
        var text = error.description
        while text.hasSuffix(".") { text.removeLast() }
        switch error.kind {
        case .network, .timeout: return .connection(text)
        default: return .query(text)
        }
    }

    /// The exit status of a BigQuery failure: 77 for credentials, 69 when BigQuery cannot be
    /// reached or is over quota, 65 for a missing table or a query it refuses, 1 otherwise.
    static func exitStatus(_ error: BigQueryError) -> ExitStatus {
        switch error.kind {
        case .noCredentials, .tokenRefused, .serviceAccountKey, .tokenExchangeRefused, .gcloudFailed: .noPermission
        case .network, .timeout, .quotaExceeded: .unavailable
        case .notFound, .invalidQuery, .load: .data
        case .bytesBilledLimitExceeded, .malformedResponse, .jobFailed, .http: .failure
        }
    }
}
