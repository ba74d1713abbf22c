import ArgumentParser
import Foundation
import InsightsBigQuery
import InsightsJobs
import InsightsStore
import InsightsTurn
import InsightsWarehouse

/// The `insights` command.
@main
struct Insights: ParsableCommand {
    static let version = InsightsVersion.current

    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "Turn a messaging helpline's exported records into a stakeholder report.",
        discussion: """
            Import the service's records (CSV or NDJSON, gzip too) into an embedded SQLite database, \
            then write a self-contained HTML report and metrics.json for a period. \
            Try `insights demo` for a report on built-in synthetic data.
            """,
        version: version,
        subcommands: [
            ImportCommand.self, ReportCommand.self, ArchiveCommand.self, ExportCommand.self, DemoCommand.self,
            SendCommand.self, FieldsCommand.self, SchemaCommand.self,
        ])

    /// Runs the command; a database another process keeps locked exits 75 (`EX_TEMPFAIL`: try
    /// again later), other database errors 1 as before.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as StoreError {
            printError("Error: \(error.localizedDescription)")
            Foundation.exit(error.exitStatus)
        } catch let error as WarehouseError {
            printError("Error: \(error.description)")
            Foundation.exit(error.exitStatus.rawValue)
        } catch let error as TurnWarehouseError {
            printError("Error: \(error.description)")
            Foundation.exit(error.exitStatus.rawValue)
        } catch let error as BigQueryError {
            printError("Error: \(error.description)")
            Foundation.exit(BigQueryRoute.exitStatus(error).rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
