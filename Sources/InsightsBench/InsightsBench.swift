import ArgumentParser
import Foundation

/// `insights-bench`: builds a large deterministic helpline, imports it and times reports.
///
/// Each measured step runs in a child process (this executable, with a hidden subcommand),
/// so that the peak memory it reports belongs to that step alone.
@main
struct InsightsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights-bench",
        abstract: "Time import and monthly reports on a large synthetic helpline (release build).",
        discussion: """
            Writes CSV files for 180 days (default 10,000,000 messages, 1,000,000 contacts) to a \
            temporary folder; imports five months into an empty database and appends the sixth \
            (September 2026) as a monthly import does, through the same code as `insights import`; \
            times the September 2026 report end to end against the floor (one pass over that \
            month's message rows stored contiguously) and on a database holding only the 30 days \
            before it; loads the same CSV files into DuckDB and times the SQL an analyst would \
            write for the month; with --postgres, loads the data into PostgreSQL and times the \
            report computed there. Prints every figure in one table with issue 15's targets. \
            Exits non-zero when a step fails or the DuckDB baseline cannot run (see --no-duckdb); \
            a missed target is a figure, not a failure.
            """,
        subcommands: [RunBenchmark.self, DataPhase.self, ImportPhase.self, ReportPhase.self, PostgresPhase.self],
        defaultSubcommand: RunBenchmark.self)
}

/// The benchmark's options.
struct BenchOptions: Equatable {
    var messages = 10_000_000
    var runs = 3
    var dir: String?
    var keep = false
    var duckdb = true
    var duckdbVenv = DuckDBBaseline.defaultVenv
    var postgres: String?
    var postgresSchema = "insights_bench"
    var postgresRuns = 1
}

/// The benchmark.
struct RunBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the benchmark (default).")

    @Option(help: "Messages in the dataset (contacts: one tenth).")
    var messages = 10_000_000

    @Option(help: "How many times each report, floor scan and DuckDB query set runs (the median is shown).")
    var runs = 3

    @Option(help: "Working folder for data and databases (default: a new temporary folder, removed after).")
    var dir: String?

    @Flag(help: "Keep the working folder.")
    var keep = false

    @Flag(help: "Skip the DuckDB baseline (otherwise a missing .build/duckdb-venv is an error).")
    var noDuckdb = false

    @Option(
        help: ArgumentHelp(
            "The virtual environment with PyPI's duckdb (default: .build/duckdb-venv of the package; "
                + "Sources/InsightsBench/Scripts/setup-duckdb-venv.sh makes it).", valueName: "path"))
    var duckdbVenv: String?

    @Option(
        help: ArgumentHelp(
            "Also load the data into this PostgreSQL server and time the report there (a libpq URL; "
                + "Tests/InsightsWarehouseTests/Scripts/postgres-server.sh start prints one).", valueName: "url"))
    var postgres: String?

    @Option(help: ArgumentHelp("The schema the PostgreSQL copy is loaded into (dropped first).", valueName: "name"))
    var postgresSchema = "insights_bench"

    @Option(help: "How many times the report runs on PostgreSQL (minutes each at the default size).")
    var postgresRuns = 1

    func validate() throws {
        if messages < 1_000 { throw ValidationError("--messages must be at least 1000.") }
        if runs < 1 { throw ValidationError("--runs must be at least 1.") }
        if postgresRuns < 1 { throw ValidationError("--postgres-runs must be at least 1.") }
        if postgres == nil, postgresRuns != 1 || postgresSchema != "insights_bench" {
            throw ValidationError("--postgres-runs and --postgres-schema need --postgres.")
        }
        if noDuckdb, duckdbVenv != nil { throw ValidationError("--duckdb-venv has no use with --no-duckdb.") }
        let identifier = postgresSchema.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
        if postgresSchema.isEmpty || !identifier || postgresSchema.first?.isNumber == true {
            throw ValidationError("--postgres-schema must be a lower-case identifier (letters, digits, _).")
        }
    }

    /// The options as the benchmark takes them.
    var options: BenchOptions {
        BenchOptions(
            messages: messages, runs: runs, dir: dir, keep: keep, duckdb: !noDuckdb,
            duckdbVenv: duckdbVenv ?? DuckDBBaseline.defaultVenv, postgres: postgres, postgresSchema: postgresSchema,
            postgresRuns: postgresRuns)
    }

    func run() throws {
        do {
            try Benchmark(options: options).run()
        } catch let error as BenchError {
            FileHandle.standardError.write(Data("insights-bench: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
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
                contacts: written.contacts, messages: written.messages, statuses: written.statuses,
                conversationEvents: written.conversationEvents, goalEvents: written.goalEvents
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
    @Option var floor: String?
    @Option var out: String
    @Option var runs: Int
    @Option var threads: [Int] = [2, 1]

    func run() throws {
        let result = try ReportStep.run(database: db, floor: floor, out: out, runs: runs, threads: threads)
        print(try result.json())
    }
}

/// Hidden: loads the database into PostgreSQL, times the report there and prints the timings as JSON.
struct PostgresPhase: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "postgres-phase", shouldDisplay: false)

    @Option var db: String
    @Option var url: String
    @Option var schema: String
    @Option var scratch: String
    @Option var out: String
    @Option var runs: Int

    func run() throws {
        let result = try PostgresStep.run(
            database: db, url: url, schema: schema, scratch: URL(fileURLWithPath: scratch), out: out, runs: runs)
        print(try result.json())
    }
}
