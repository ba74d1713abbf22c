import Foundation
import InsightsImport
import InsightsMetrics

/// Everything that stops a RapidPro export from being imported.
///
/// Nothing is stored when any problem is found: the files are checked as a whole before a
/// single record is written.
public struct RapidProImportError: Error, Equatable, LocalizedError, Sendable {
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
        /// A file that is neither an archive nor an API page (`line` when the problem is at one).
        case document(file: String, line: Int?, reason: String)
        /// A file whose name does not say what it holds and whose first record does not either.
        case unknownKind(file: String)
        /// Records that break the rules (`total` counts them all; `issues` lists the first ones).
        case rows(file: String, issues: [RowIssue], total: Int)
        /// A folder with no `.json`, `.jsonl` or `.ndjson` file.
        case noFiles(folder: String)
        /// Message directions other than `in` and `out`.
        case unknownDirections([UnknownValue])
        /// Message status words no map knows (`--status-map`).
        case unknownStatuses([UnknownValue])
        /// Run exit types no map knows (`--exit-map`); `none`: ended runs with no exit type.
        case unknownExitTypes([UnknownValue])
        /// URN schemes no map knows (`--urn-map`).
        case unknownURNSchemes([UnknownValue])
        /// URNs of a phone scheme whose path is not an international phone number.
        case urnsWithoutPhone([UnknownValue])
    }

    /// A value no mapping knows: the value, how many records have it, the first of them.
    public struct UnknownValue: Equatable, Sendable {
        /// The value as written (lower-cased for words and schemes).
        public let value: String
        /// How many records have it.
        public let count: Int
        /// The first record with it.
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
            case .document(let file, let line, let reason):
                lines.append("\(file)\(line.map { ":\($0)" } ?? ""): \(reason)")
            case .unknownKind(let file):
                let kinds = RapidProKind.allCases.map(\.rawValue).joined(separator: ", ")
                lines.append(
                    "\(file): cannot tell what the file holds (neither its name nor its first record says): name it "
                        + "after what it holds (messages.json, runs.json, contacts.json, tickets.json, message_… or "
                        + "run_… archives) or pass --kind with one of: \(kinds)")
            case .rows(let file, let issues, let total):
                lines += issues.map { "\(file):\($0.line): \($0.reason)" }
                if total > issues.count { lines.append("\(file): … and \(total - issues.count) more invalid records") }
            case .noFiles(let folder):
                lines.append("\(folder): no .json, .jsonl or .ndjson file (gzipped or not) in the folder")
            case .unknownDirections(let values):
                lines += Self.list(
                    "messages have directions that are neither in nor out:", values, noun: "message",
                    fix: "RapidPro writes in and out: these files are not RapidPro messages, or were changed")
            case .unknownStatuses(let values):
                let known = Self.known(RapidProImportOptions.builtInStatusMap.mapValues(\.rawValue))
                let choices = RapidProStatus.allCases.map(\.rawValue).joined(separator: ", ")
                lines += Self.list(
                    "messages have status words Insights does not know (built in: \(known)):", values, noun: "message",
                    fix: "say what each means with --status-map, e.g. --status-map "
                        + values.map { "\($0.value)=<\(choices.replacingOccurrences(of: ", ", with: "|"))>" }
                        .joined(separator: ",") + "; Insights does not guess")
            case .unknownExitTypes(let values):
                let known = Self.known(RapidProImportOptions.builtInExitMap.mapValues(\.rawValue))
                let choices = RapidProRunEnd.allCases.map(\.rawValue).joined(separator: "|")
                lines += Self.list(
                    "runs have exit types Insights does not know (built in: \(known); none = exited_on set but no "
                        + "exit_type):", values, noun: "run",
                    fix: "say how each ended with --exit-map, e.g. --exit-map "
                        + values.map { "\($0.value)=<\(choices)>" }.joined(separator: ",") + "; Insights does not guess")
            case .unknownURNSchemes(let values):
                lines += Self.list(
                    "contacts have URN schemes Insights does not know (built in: tel and whatsapp are phones; "
                        + "telegram, facebook, mailto, ext … are not):", values, noun: "record",
                    fix: "say whether each is a phone number with --urn-map, e.g. --urn-map "
                        + values.map { "\($0.value)=<phone|none>" }.joined(separator: ","))
            case .urnsWithoutPhone(let values):
                let schemes = Set(values.compactMap { $0.value.split(separator: ":").first.map(String.init) }).sorted()
                lines += Self.list(
                    "URNs of a phone scheme hold no international phone number (+ and 7 to 15 digits, no leading 0):",
                    values, noun: "record",
                    fix: "correct them in RapidPro, or pass --urn-map "
                        + schemes.map { "\($0)=none" }.joined(separator: ",")
                        + " to import every contact of the scheme without a phone (their country is then unknown)")
            }
        }
        let count = problems.count
        lines.append(
            "nothing was imported (\(count) problem\(count == 1 ? "" : "s")); RapidPro files are checked as a whole "
                + "before anything is stored: fix the files or the options and run the same command again")
        return lines.joined(separator: "\n")
    }

    private static func known(_ map: [String: String]) -> String {
        map.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }

    private static func list(_ head: String, _ values: [UnknownValue], noun: String, fix: String) -> [String] {
        [head]
            + values.map {
                "  \"\($0.value)\": \($0.count) \(noun)\($0.count == 1 ? "" : "s"), first at \($0.file):\($0.line)"
            } + ["  \(fix)"]
    }
}

/// Counts the values no mapping knows, remembering the first record of each.
struct UnknownTally {
    private var entries: [String: (count: Int, file: String, line: Int, order: Int)] = [:]

    /// Counts one record with `value`.
    mutating func add(_ value: String, file: String, line: Int) {
        if let seen = entries[value] {
            entries[value]?.count = seen.count + 1
        } else {
            entries[value] = (1, file, line, entries.count)
        }
    }

    /// The values in the order first seen.
    var values: [RapidProImportError.UnknownValue] {
        entries.sorted { $0.value.order < $1.value.order }.map {
            .init(value: $0.key, count: $0.value.count, file: $0.value.file, line: $0.value.line)
        }
    }
}
