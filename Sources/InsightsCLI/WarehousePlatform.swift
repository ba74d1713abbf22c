import ArgumentParser
import Foundation
import InsightsBigQuery
import InsightsGlific
import InsightsImport
import InsightsJobs
import InsightsTurn
import InsightsWarehouse

/// `--source` of the warehouse options: the platform whose own tables the `--bigquery`
/// dataset holds, read as they are through views (`ViewConnection`). Without it, the dataset
/// holds Insights' record kinds, as `insights schema` makes them.
enum WarehousePlatform: String, CaseIterable, ExpressibleByArgument {
    /// Turn.io's tables (messages, chats, contacts, chat_events, flow_results …).
    case turn
    /// Glific's tables (messages, contacts, tickets, flow_contexts, flow_results).
    case glific
}

/// `--source PLATFORM`, among the warehouse options of `report` and `archive`. The Turn and
/// Glific flags and `--status-map` are groups of the commands themselves, beside this one,
/// not groups inside it: in debug builds ArgumentParser checks each group once per level it
/// is nested in, and a third level made most of a debug `report`'s time.
/// `WarehousePlatform.Choice` puts them together. Parsing only: the views are
/// `TurnViewsBuilder`'s and `GlificViews`'.
struct WarehousePlatformOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "With --bigquery: the platform whose own tables the dataset holds, read as they are (turn: Turn.io's "
                + "messages, chats, contacts, chat_events, flow_results; glific: Glific's messages, contacts, tickets, "
                + "flow_contexts, flow_results).", valueName: "platform"))
    var source: WarehousePlatform?
}

/// `--status-map` of a report on Glific's tables (after the Glific flags in the help).
struct WarehouseStatusMapOption: ParsableArguments {
    @Option(
        name: .customLong("status-map"),
        help: ArgumentHelp(
            "With --source glific: bsp_status words → sent|delivered|read|failed|none, over the built-in ones.",
            valueName: "word=status,…"))
    var statusMap: String?
}

extension WarehousePlatform {
    /// The platform chosen and its flags: `--source`, Turn's, Glific's and `--status-map`.
    struct Choice {
        let source: WarehousePlatform?
        let turn: TurnMappingFlags
        let glific: GlificImportFlags
        let statusMap: String?

        /// Checks the flags against `--bigquery`/`--postgres`.
        func validate(bigquery: Bool, postgres: Bool) throws {
            if source != nil, !bigquery || postgres {
                throw ValidationError("--source needs --bigquery PROJECT.DATASET.")
            }
            let turnOnly = [
                ("--goals-map", turn.goalsMap), ("--chat-event-map", turn.chatEventMap),
                ("--chat-event-columns", turn.chatEventColumns),
            ]
            if source != .turn, let flag = turnOnly.first(where: { $0.1 != nil })?.0 {
                throw ValidationError("\(flag) needs --source turn.")
            }
            let glificOnly = [
                ("--source-timezone", glific.sourceTimezone), ("--ticket-map", glific.ticketMap), ("--status-map", statusMap),
            ]
            if source != .glific, let flag = glificOnly.first(where: { $0.1 != nil })?.0 {
                throw ValidationError("\(flag) needs --source glific.")
            }
            switch source {
            case nil:
                if turn.authorMap != nil { throw ValidationError("--author-map needs --source turn or --source glific.") }
            case .turn?:
                _ = try turn.warehouseOptions()
            case .glific?:
                guard let zone = glific.sourceTimezone else {
                    throw ValidationError(
                        "--source glific needs --source-timezone ZONE (the organisation's IANA zone, e.g. Asia/Kolkata): "
                            + "Glific writes its DATETIMEs in local time without a zone, so Insights cannot place them otherwise."
                    )
                }
                guard TimeZone(identifier: zone) != nil else {
                    throw ValidationError("Unknown time zone \"\(zone)\" for --source-timezone.")
                }
                _ = try glificOptions()
            }
        }

        private func glificOptions() throws -> GlificImportOptions {
            try glific.options(authorMap: turn.authorMap, statusMap: statusMap)
        }

        /// The source the report reads: `base`'s record kinds, or the platform's views over it
        /// after the checks of its tables (Turn prints the import's summary; a refusal is printed
        /// and exits 65).
        func source(over base: BigQueryConnection) throws -> WarehouseSource<AnyWarehouseConnection> {
            switch source {
            case nil: return WarehouseSource(connection: AnyWarehouseConnection(base))
            case .turn?:
                return try TurnWarehouseJob(base: base, options: try turn.warehouseOptions()).source { print($0) }
            case .glific?:
                do {
                    return WarehouseSource(
                        connection: AnyWarehouseConnection(try GlificViews.connect(base: base, options: glificOptions())))
                } catch let error as GlificWarehouseError {
                    printError("Error: " + (error.errorDescription ?? ""))
                    throw ExitCode(ExitStatus.data.rawValue)
                }
            }
        }

        /// The connection a dry run reads columns from, and what adds its views' parameters to a
        /// query (`ViewConnection.parameters(for:adding:)`, as its `rows` does; no check runs:
        /// nothing runs).
        func dryRunViews(over base: BigQueryConnection) throws -> (
            connection: AnyWarehouseConnection,
            parameters: (String, [String: WarehouseParameter]) -> [String: WarehouseParameter]
        ) {
            switch source {
            case nil: return (AnyWarehouseConnection(base), { $1 })
            case .turn?:
                let views = try TurnWarehouseJob(base: base, options: try turn.warehouseOptions()).views()
                return (AnyWarehouseConnection(views), views.parameters(for:adding:))
            case .glific?:
                let views = try GlificViews.make(base: base, options: glificOptions())
                return (AnyWarehouseConnection(views), views.parameters(for:adding:))
            }
        }
    }
}

/// A command with the warehouse platform's groups (`report`, `archive`).
protocol WarehousePlatformCommand {
    var platformOptions: WarehousePlatformOptions { get }
    var turn: TurnMappingFlags { get }
    var glific: GlificImportFlags { get }
    var statusMapOption: WarehouseStatusMapOption { get }
}

extension WarehousePlatformCommand {
    /// The platform chosen and its flags.
    var platform: WarehousePlatform.Choice {
        WarehousePlatform.Choice(
            source: platformOptions.source, turn: turn, glific: glific, statusMap: statusMapOption.statusMap)
    }
}

extension TurnMappingFlags {
    /// The mapping options with the goals file read (`--goals-map`), for a report on Turn's
    /// tables; a goals file that cannot be used is a validation error naming it.
    func warehouseOptions() throws -> TurnImportOptions {
        var options = try options(timestamps: TimestampParser())
        if let path = goalsMap {
            do {
                options.goals = try TurnGoalsMap(path: path)
                options.goalsFile = path
            } catch {
                throw ValidationError(error.localizedDescription)
            }
        }
        return options
    }
}
