import Foundation
import InsightsImport

/// Everything that stops a Glific export from being imported: nothing is stored when any
/// problem is found, the files are checked as a whole first.
public struct GlificImportError: Error, Equatable, LocalizedError, Sendable {
    /// The problems, files first, then the unknown values.
    public let problems: [Problem]

    /// Creates an error.
    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// One thing wrong.
    public enum Problem: Equatable, Sendable {
        /// A file that cannot be opened or read.
        case file(ImportError)
        /// A file whose name is not one of the tables Insights reads.
        case unknownTable(file: String)
        /// A folder with no `.json`, `.jsonl` or `.ndjson` file.
        case noFiles(folder: String)
        /// Rows that break the rules (`total` counts them all; `issues` lists the first ones).
        case rows(file: String, issues: [RowIssue], total: Int)
        /// `messages.flow` values other than inbound and outbound.
        case unknownDirections([UnknownValue])
        /// `bsp_status` words no map knows (`--status-map`).
        case unknownStatuses([UnknownValue])
        /// `tickets.status` words no map knows (`--ticket-map`).
        case unknownTicketStatuses([UnknownValue])
    }

    /// A value no mapping knows: the value, how many rows have it, the first of them.
    public struct UnknownValue: Equatable, Sendable {
        /// The value (lower-cased).
        public let value: String
        /// How many rows have it.
        public let count: Int
        /// The first row's file.
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
                lines.append(error.errorDescription ?? error.file)
            case .unknownTable(let file):
                lines.append(
                    "\(file): the name is not one of the Glific tables Insights reads ("
                        + GlificTable.allCases.map(\.rawValue).joined(separator: ", ")
                        + "): name the file after its table (messages.json, messages-000000000000.json …), "
                        + "leave other tables out, or pass --kind")
            case .noFiles(let folder):
                lines.append("\(folder): no .json, .jsonl or .ndjson file (gzipped or not) in the folder")
            case .rows(let file, let issues, let total):
                lines += issues.map { "\(file):\($0.line): \($0.reason)" }
                if total > issues.count { lines.append("\(file): … and \(total - issues.count) more invalid rows") }
            case .unknownDirections(let values):
                lines += Self.list(
                    "messages have flow values that are neither inbound nor outbound:", values, noun: "message",
                    fix: "Glific writes inbound and outbound: these files are not Glific's messages table, or were changed")
            case .unknownStatuses(let values):
                let known = GlificRules.builtInStatusMap.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }
                let choices = GlificStatus.allCases.map(\.rawValue).joined(separator: "|")
                lines += Self.list(
                    "messages have bsp_status words Insights does not know (built in: \(known.joined(separator: ", "))):",
                    values, noun: "message",
                    fix: "say what each means with --status-map, e.g. --status-map "
                        + values.map { "\($0.value)=<\(choices)>" }.joined(separator: ",") + "; Insights does not guess")
            case .unknownTicketStatuses(let values):
                lines += Self.list(
                    "tickets have status words Insights does not know (built in: open, closed):", values, noun: "ticket",
                    fix: "say whether each is open or closed with --ticket-map, e.g. --ticket-map "
                        + values.map { "\($0.value)=<open|closed>" }.joined(separator: ","))
            }
        }
        let count = problems.count
        lines.append(
            "nothing was imported (\(count) problem\(count == 1 ? "" : "s")); Glific files are checked as a whole "
                + "before anything is stored: fix the files or the options and run the same command again")
        return lines.joined(separator: "\n")
    }

    private static func list(_ head: String, _ values: [UnknownValue], noun: String, fix: String) -> [String] {
        [head]
            + values.map {
                "  \"\($0.value)\": \($0.count) \(noun)\($0.count == 1 ? "" : "s"), first at \($0.file):\($0.line)"
            } + ["  \(fix)"]
    }
}

/// Counts the values no mapping knows, remembering the first row of each.
struct GlificTally {
    private var entries: [String: (count: Int, file: String, line: Int, order: Int)] = [:]
    private var counted: Set<[String]> = []

    /// Counts one row with `value`; with an `id`, the rows of one id (versions of one
    /// message) count once.
    mutating func add(_ value: String, file: String, line: Int, id: String? = nil) {
        if let id, !counted.insert([value, id]).inserted { return }
        if let seen = entries[value] {
            entries[value]?.count = seen.count + 1
        } else {
            entries[value] = (1, file, line, entries.count)
        }
    }

    /// The values in the order first seen.
    var values: [GlificImportError.UnknownValue] {
        entries.sorted { $0.value.order < $1.value.order }.map {
            .init(value: $0.key, count: $0.value.count, file: $0.value.file, line: $0.value.line)
        }
    }
}
