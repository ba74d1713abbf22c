import ArgumentParser
import Foundation

/// `insights-bench`: builds a large deterministic helpline, imports it and times reports.
///
/// Each measured step runs in a child process (this executable, with a hidden subcommand),
/// so that the peak memory `getrusage` reports belongs to that step alone.
@main
struct InsightsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights-bench",
        abstract: "Time import and monthly reports on a large synthetic helpline (release build).",
        discussion: """
            Writes CSV files for 180 days (default 10,000,000 messages, 1,000,000 contacts) to a
            temporary folder, imports them through the same code as `insights import`, then times
            the September 2026 report end to end, a bare SQLite scan of that month's message rows
            (the floor), and the same report on a database holding only the 30 days before it.
            """,
        subcommands: [RunBenchmark.self, DataPhase.self, ImportPhase.self, ReportPhase.self],
        defaultSubcommand: RunBenchmark.self)
}

/// The benchmark.
struct RunBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the benchmark (default).")

    @Option(help: "Messages in the dataset (contacts: one tenth).")
    var messages = 10_000_000

    @Option(help: "How many times each report and floor scan runs (the median is shown).")
    var runs = 3

    @Option(help: "Working folder for data and databases (default: a new temporary folder, removed after).")
    var dir: String?

    @Flag(help: "Keep the working folder.")
    var keep = false

    func validate() throws {
        if messages < 1_000 { throw ValidationError("--messages must be at least 1000.") }
        if runs < 1 { throw ValidationError("--runs must be at least 1.") }
    }

    func run() throws {
        try Benchmark(messages: messages, runs: runs, dir: dir, keep: keep).run()
    }
}

/// Hidden: writes the dataset's files and prints what it wrote as JSON.
struct DataPhase: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "data-phase", shouldDisplay: false)

    @Option var messages: Int
    @Option var dir: String

    func run() throws {
        let written = try BenchDataset(messages: messages).write(to: URL(fileURLWithPath: dir))
        print(
            try DataResult(
                contacts: written.contacts, messages: written.messages, conversationEvents: written.conversationEvents,
                goalEvents: written.goalEvents
            ).json())
    }
}

/// Hidden: imports files into a database and prints the timings as JSON.
struct ImportPhase: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import-phase", shouldDisplay: false)

    @Option var db: String
    @Argument var files: [String]

    func run() throws {
        let result = try ImportStep.run(database: db, files: files)
        print(try result.json())
    }
}

/// Hidden: runs the floor scan and the report and prints the timings as JSON.
struct ReportPhase: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report-phase", shouldDisplay: false)

    @Option var db: String
    @Option var out: String
    @Option var runs: Int
    @Option var threads: [Int] = [2, 1]

    func run() throws {
        let result = try ReportStep.run(database: db, out: out, runs: runs, threads: threads)
        print(try result.json())
    }
}
