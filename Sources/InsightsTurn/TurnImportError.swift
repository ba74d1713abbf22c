import InsightsImport
import Foundation
import InsightsMetrics

/// Everything that stops a Turn.io export from being imported.
///
/// Nothing is stored when any problem is found: the export is checked as a whole before a
/// single row is written.
public struct TurnImportError: Error, Equatable, LocalizedError, Sendable {
    /// The problems, in the order files were read.
    public let problems: [Problem]

    /// Creates an error.
    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// One thing wrong.
    public enum Problem: Equatable, Sendable {
        /// A file that cannot be opened or read, or whose header is unusable.
        case file(ImportError)
        /// Rows that break the rules (`total` counts them all; `issues` lists the first ones).
        case rows(file: String, issues: [RowIssue], total: Int)
        /// Rows of `table` refer to a table that is not in the export.
        case missingTable(TurnTable, neededBy: TurnTable, file: String)
        /// Outbound messages whose author types have no mapping.
        case unknownAuthorTypes([UnknownAuthorType])
        /// Statuses whose word is not sent, delivered, read or failed.
        case unknownStatuses([UnknownStatus])
        /// A chat_events file lacking a column for a role.
        case chatEventColumns(file: String, missing: MissingRoles, found: [String])
        /// The goals file given with `--goals-map` is unusable.
        case goalsMap(TurnGoalsMapError)
        /// A folder with no file named after a table Insights reads.
        case noTables(folder: String)
    }

    /// Required chat_events roles no column was found for.
    public struct MissingRoles: Error, Equatable, Sendable {
        /// The roles.
        public let roles: [TurnChatEventColumns.Role]
        /// The columns the user named.
        public let overrides: [TurnChatEventColumns.Role: String]
    }

    /// An author type seen on outbound messages that no mapping knows.
    public struct UnknownAuthorType: Equatable, Sendable {
        /// The raw value (upper-cased), or `NONE` for messages with no author type.
        public let value: String
        /// How many messages have it.
        public let count: Int
        /// The first message with it.
        public let file: String
        /// Its line.
        public let line: Int

        /// Creates a value.
        public init(value: String, count: Int, file: String, line: Int) {
            self.value = value
            self.count = count
            self.file = file
            self.line = line
        }
    }

    /// A status word no Insights status matches: the word as first spelled, its count, its first row.
    public typealias UnknownStatus = UnknownAuthorType

    /// Whether a file could not be opened at all (exit status 66 rather than 65).
    public var isUnopenable: Bool {
        problems.contains {
            guard case .file(let error) = $0 else { return false }
            switch error.reason {
            case .notFound, .isDirectory, .unreadable: return true
            default: return false
            }
        }
    }

    /// Every problem as `FILE:LINE: reason` lines, then what to do.
    public var errorDescription: String? {
        var lines: [String] = []
        for problem in problems {
            switch problem {
            case .file(let error):
                lines.append(Self.fileMessage(error))
            case .rows(let file, let issues, let total):
                lines += issues.map { "\(file):\($0.line): \($0.reason)" }
                if total > issues.count { lines.append("\(file): … and \(total - issues.count) more invalid rows") }
            case .missingTable(let table, let neededBy, let file):
                lines.append(
                    "\(file): \(neededBy.rawValue) rows need the \(table.rawValue) table (\(Self.why(table, neededBy))); "
                        + "export it too (e.g. \(table.rawValue).json.gz) and name it with the others")
            case .unknownAuthorTypes(let unknown):
                lines += Self.authorMessage(unknown)
            case .unknownStatuses(let unknown):
                lines += Self.statusMessage(unknown)
            case .chatEventColumns(let file, let missing, let found):
                for role in missing.roles {
                    if let named = missing.overrides[role] {
                        lines.append(
                            "\(file): --chat-event-columns names \"\(named)\" for \(role.rawValue), but the file has no such column"
                        )
                    } else {
                        lines.append(
                            "\(file): cannot tell which column holds the event's \(role.rawValue) (looked for "
                                + role.candidates.joined(separator: ", ") + ")")
                    }
                }
                lines.append(
                    "  the file has: \(found.joined(separator: ", ")); name the columns with "
                        + "--chat-event-columns chat=COLUMN,type=COLUMN,time=COLUMN, or leave chat_events out to "
                        + "derive closes from the chats table's state (approximate)")
            case .goalsMap(let error):
                lines.append(error.errorDescription ?? error.reason)
            case .noTables(let folder):
                let tables = TurnTable.allCases.map { "\($0.rawValue).*" }.joined(separator: ", ")
                lines.append(
                    "\(folder): no file named after a Turn table Insights reads (\(tables); "
                        + ".csv, .json, .ndjson or .jsonl, gzipped or not)")
            }
        }
        let count = problems.count
        lines.append(
            "nothing was imported (\(count) problem\(count == 1 ? "" : "s")); a Turn export is checked as a whole "
                + "before anything is stored: fix the files or the options and run the same command again")
        return lines.joined(separator: "\n")
    }

    private static func why(_ table: TurnTable, _ neededBy: TurnTable) -> String {
        switch (neededBy, table) {
        case (.messages, .chats), (.chatEvents, .chats): "chat_id → chats.contact_id finds the contact"
        case (.statuses, .messages): "message_uuid → messages.uuid finds the message's id"
        default: "\(neededBy.rawValue) refer to it"
        }
    }

    private static func fileMessage(_ error: ImportError) -> String {
        switch error.reason {
        case .missingColumns(let missing, let found):
            let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(error.file):1: required column\(missing.count == 1 ? "" : "s") \(list) missing; "
                + "the header has: \(found.joined(separator: ", "))"
        case .syntax(let why):
            return "\(error.file)\(error.line.map { ":\($0)" } ?? ""): \(why)"
        case .unknownKind:
            let tables = TurnTable.allCases.map(\.rawValue).joined(separator: ", ")
            return "\(error.file): the file name does not say which Turn table it holds; name it after the "
                + "table (e.g. messages.json.gz) or pass --kind with one of: \(tables)"
        default:
            return error.errorDescription ?? error.file
        }
    }

    private static func authorMessage(_ unknown: [UnknownAuthorType]) -> [String] {
        let known = TurnImportOptions.builtInAuthorMap.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: ", ")
        let types = AuthorType.allCases.map(\.rawValue).joined(separator: ", ")
        var lines = [
            "outbound messages have Turn author types Insights does not know how to count "
                + "(built in: \(known)):"
        ]
        for value in unknown {
            let label = value.value == TurnImportOptions.missingAuthorType ? "NONE (no author type)" : value.value
            lines.append(
                "  \(label): \(value.count) message\(value.count == 1 ? "" : "s"), first at \(value.file):\(value.line)"
            )
        }
        let example = unknown.map { "\($0.value)=\(suggestion(for: $0.value) ?? "<type>")" }.joined(separator: ",")
        lines.append(
            "  say what each one is with --author-map, e.g. --author-map \(example) (types: \(types)); "
                + "Insights does not guess")
        return lines
    }

    private static func statusMessage(_ unknown: [UnknownStatus]) -> [String] {
        var lines = [
            "statuses have status words Insights does not know (it reads sent, delivered, read and failed, in any case):"
        ]
        for value in unknown {
            lines.append(
                "  \"\(value.value)\": \(value.count) status\(value.count == 1 ? "" : "es"), first at \(value.file):\(value.line)"
            )
        }
        let words = unknown.map { "'\($0.value.lowercased())'" }.joined(separator: ", ")
        lines.append(
            "  Insights does not guess what they mean for delivery: export the statuses without them (e.g. WHERE "
                + "LOWER(status) NOT IN (\(words))), or leave the statuses table out")
        return lines
    }

    /// The author type a raw value spells, if it spells one (for the example only).
    private static func suggestion(for value: String) -> String? {
        let lower = value.lowercased()
        return AuthorType.allCases.first { lower.contains($0.rawValue) }?.rawValue
    }
}
