import ArgumentParser
import Foundation
import InsightsBigQuery
import InsightsGlific
import InsightsJobs
import InsightsWarehouse

/// A messaging platform whose own warehouse dataset is read as it is (`--source`): its
/// tables become the record kinds through views (`ViewConnection`).
enum WarehousePlatform: String, CaseIterable, ExpressibleByArgument {
    /// Glific's BigQuery dataset (`messages`, `contacts`, `tickets`, `flow_contexts`, `flow_results`).
    case glific
}

/// `--source PLATFORM` and the platform's flags, among the warehouse options of `report` and
/// `archive`. Parsing only: the views are `GlificViews`'.
struct WarehousePlatformOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Read a platform's own BigQuery dataset as it is, with no copy (with --bigquery).",
            valueName: "platform"))
    var source: WarehousePlatform?

    @OptionGroup var glific: GlificImportFlags

    @Option(
        name: .customLong("author-map"),
        help: ArgumentHelp(
            "With --source glific: what sent a message → author type, over the built-in ones.",
            valueName: "user|broadcast|flow|none=type,…"))
    var authorMap: String?

    @Option(
        name: .customLong("status-map"),
        help: ArgumentHelp(
            "With --source glific: bsp_status words → sent|delivered|read|failed|none, over the built-in ones.",
            valueName: "word=status,…"))
    var statusMap: String?

    /// Checks the flags against `--bigquery`/`--postgres`.
    func validate(bigquery: Bool, postgres: Bool) throws {
        guard let source else {
            let given = [
                ("--source-timezone", glific.sourceTimezone != nil), ("--ticket-map", glific.ticketMap != nil),
                ("--author-map", authorMap != nil), ("--status-map", statusMap != nil),
            ]
            if let flag = given.first(where: \.1)?.0 { throw ValidationError("\(flag) needs --source glific.") }
            return
        }
        switch source {
        case .glific:
            guard bigquery, !postgres else {
                throw ValidationError(
                    "--source glific reads Glific's BigQuery dataset: give it with --bigquery PROJECT.DATASET.")
            }
            guard let zone = glific.sourceTimezone else {
                throw ValidationError(
                    "--source glific needs --source-timezone ZONE (the organisation's IANA zone, e.g. Asia/Kolkata): "
                        + "Glific writes its DATETIMEs in local time without a zone, so Insights cannot place them otherwise.")
            }
            guard TimeZone(identifier: zone) != nil else {
                throw ValidationError("Unknown time zone \"\(zone)\" for --source-timezone.")
            }
            _ = try glific.options(authorMap: authorMap, statusMap: statusMap)
        }
    }

    /// The connection the report reads: `base` itself, or the platform's views over it after
    /// the check of its tables (a refusal is printed and exits 65).
    func connection<Base: WarehouseConnection>(over base: Base) throws -> AnyWarehouseConnection {
        switch source {
        case nil: return AnyWarehouseConnection(base)
        case .glific?:
            do {
                return AnyWarehouseConnection(
                    try GlificViews.connect(base: base, options: glific.options(authorMap: authorMap, statusMap: statusMap)))
            } catch let error as GlificWarehouseError {
                printError("Error: " + (error.errorDescription ?? ""))
                throw ExitCode(ExitStatus.data.rawValue)
            }
        }
    }

    /// The connection a dry run reads columns from, with the parameters its views add to a
    /// query (no check runs: nothing runs).
    func dryRunViews<Base: WarehouseConnection>(over base: Base) throws -> (
        connection: AnyWarehouseConnection, parameters: [String: WarehouseParameter]
    ) {
        switch source {
        case nil: return (AnyWarehouseConnection(base), [:])
        case .glific?:
            let views = try GlificViews.make(base: base, options: glific.options(authorMap: authorMap, statusMap: statusMap))
            return (AnyWarehouseConnection(views), views.parameters)
        }
    }
}
