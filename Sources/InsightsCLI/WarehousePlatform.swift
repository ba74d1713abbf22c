import ArgumentParser
import Foundation
import InsightsImport
import InsightsTurn

/// `--source` of the warehouse options: the platform whose own tables the `--bigquery`
/// dataset holds (without it, the dataset holds Insights' record kinds, as `insights schema`
/// makes them).
enum WarehousePlatform: String, CaseIterable, ExpressibleByArgument {
    /// Turn.io's tables (messages, chats, contacts, chat_events, flow_results …).
    case turn
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

    /// The mapping flags given, by name (they need `--source turn`).
    var given: [String] {
        [
            ("--author-map", authorMap), ("--goals-map", goalsMap), ("--chat-event-map", chatEventMap),
            ("--chat-event-columns", chatEventColumns),
        ].filter { $0.1 != nil }.map(\.0)
    }
}
