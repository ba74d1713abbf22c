import Foundation
import InsightsBigQuery
import InsightsJobs
import InsightsMetrics
import InsightsWarehouse

/// The one place the command line meets BigQuery's connection: how a `--bigquery` dataset
/// becomes a `WarehouseConnection`, and the exit status of each BigQuery failure that comes
/// before one (the credentials).
enum BigQueryRoute {
    /// The warehouse connection to `dataset` (`PROJECT.DATASET`) through `client`.
    static func connection(client: BigQueryClient, dataset: String) -> BigQueryConnection {
        BigQueryConnection(client: client, dataset: dataset)
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
