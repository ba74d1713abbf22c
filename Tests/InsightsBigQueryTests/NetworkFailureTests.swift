import Foundation
import InsightsTestSupport
import Testing

@testable import InsightsBigQuery

/// No answer from the network: a port nobody listens on, a server that never answers.
@Suite(.temporaryFolders)
struct NetworkFailureTests {
    /// A loopback port that was free a moment ago (bound, then closed).
    func closedPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    func client(_ host: String, timeout: Double = 20) throws -> BigQueryClient {
        var configuration = try BigQueryConfiguration.resolve(project: "local", environment: ["BIGQUERY_EMULATOR_HOST": host])
        configuration.requestTimeoutSeconds = timeout
        return BigQueryClient(configuration: configuration)
    }

    @Test func aRefusedConnectionNamesTheAddress() throws {
        let port = try closedPort()
        #expect {
            try client("127.0.0.1:\(port)").rows("SELECT 1")
        } throws: { error in
            (error as? BigQueryError)?.description
                == "Could not reach BigQuery at http://127.0.0.1:\(port)/bigquery/v2/projects/local/queries: connection refused (check the network, or BIGQUERY_EMULATOR_HOST)."
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let server = try FakeHTTPServer(silent: true)
        #expect {
            try client("127.0.0.1:\(server.port)", timeout: 1).rows("SELECT 1")
        } throws: { error in
            (error as? BigQueryError)?.description
                == "BigQuery at http://127.0.0.1:\(server.port)/bigquery/v2/projects/local/queries did not answer within 1 second: try again, or allow more time."
        }
    }
}
