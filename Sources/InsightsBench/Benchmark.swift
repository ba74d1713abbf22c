import Foundation
import InsightsMetrics

/// The whole benchmark: data, three imports, the floor, two report databases, DuckDB,
/// PostgreSQL, the summary.
struct Benchmark {
    let options: BenchOptions

    func run() throws {
        let folder: URL
        if let dir = options.dir {
            folder = URL(fileURLWithPath: dir)
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "insights-bench-\(ProcessInfo.processInfo.processIdentifier)")
        }
        // Before anything slow: a baseline that cannot run is an error at once.
        if options.duckdb, !FileManager.default.isExecutableFile(atPath: options.duckdbVenv + "/bin/python") {
            throw BenchError(DuckDBBaseline.missing(options.duckdbVenv))
        }
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        defer {
            if !options.keep, options.dir == nil { try? FileManager.default.removeItem(at: folder) }
        }
        let messages = options.messages
        let runs = String(options.runs)
        say(
            "insights-bench: \(messages) messages, \(BenchDataset(messages: messages).contacts) contacts, "
                + "\(BenchDataset.days) days; working folder \(folder.path)")
        var results = BenchResults(machine: machine())
        say(results.machine)

        // 1. The data, written by a child process too: a child starts with the memory of the
        // process it was forked from, and the generator holds every session of the dataset.
        let marker = data.appendingPathComponent("complete-\(messages)-statuses")
        var start = DispatchTime.now()
        if FileManager.default.fileExists(atPath: marker.path) {
            say("data: reusing \(data.path)")
        } else {
            let written = try ChildProcess.step(
                DataResult.self, ["data-phase", "--messages", String(messages), "--dir", data.path])
            _ = FileManager.default.createFile(atPath: marker.path, contents: Data())
            say(
                String(
                    format: "data: %d contacts, %d messages, %d statuses, %d conversation events, %d goal events "
                        + "written in %.1f s", written.contacts, written.messages, written.statuses,
                    written.conversationEvents, written.goalEvents, seconds(since: start)))
        }

        // 2. The imports: five months into an empty database, the sixth appended to it (the
        // database of 180 days), and the last two months alone (30 days of history).
        let definitions = ["goals.csv", "behaviours.csv", "contacts.csv"].map { data.appendingPathComponent($0).path }
        let slices = BenchDataset.days / BenchDataset.sliceDays
        let sliceFiles = (0..<slices).map { slice in
            BenchDataset.sliceFiles(slice).map { data.appendingPathComponent($0).path }
        }
        let longDB = folder.appendingPathComponent("long.sqlite").path
        let shortDB = folder.appendingPathComponent("short.sqlite").path
        let floorDB = folder.appendingPathComponent("floor.sqlite").path
        for path in [longDB, shortDB, floorDB] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        say("import: \(slices - 1) months into an empty database …")
        start = DispatchTime.now()
        results.firstImport = try ChildProcess.step(
            ImportResult.self, ["import-phase", "--db", longDB] + definitions + sliceFiles.dropLast().flatMap { $0 })
        results.firstImportWall = seconds(since: start)
        say(progress(results.firstImport))
        say("import: the sixth month appended …")
        results.appendImport = try ChildProcess.step(
            ImportResult.self, ["import-phase", "--db", longDB] + (sliceFiles.last ?? []))
        say(progress(results.appendImport))
        say("import: the last two months into an empty database …")
        results.shortImport = try ChildProcess.step(
            ImportResult.self, ["import-phase", "--db", shortDB] + definitions + sliceFiles.suffix(2).flatMap { $0 })
        say(progress(results.shortImport))
        results.databaseBytes = (try? FileManager.default.attributesOfItem(atPath: longDB)[.size] as? Int) ?? 0

        // 3. The floor's contiguous copy of the month, then the reports.
        guard let period = BenchReport.period, let calendar = ReportCalendar(identifier: BenchReport.zone) else {
            throw BenchError("the benchmark's month or zone is invalid")
        }
        try FloorScan.prepare(database: longDB, range: period.instants(in: calendar), floor: floorDB)
        let out = folder.appendingPathComponent("output")
        say("reports …")
        results.long = try ChildProcess.step(
            ReportResult.self,
            [
                "report-phase", "--db", longDB, "--floor", floorDB, "--out", out.appendingPathComponent("long").path,
                "--runs", runs,
            ])
        say(
            String(
                format: "  floor %.3f s, report %.3f s (median)", medianSeconds(results.long.floorSeconds),
                medianSeconds(results.long.reportSeconds["2"] ?? [])))
        results.short = try ChildProcess.step(
            ReportResult.self,
            ["report-phase", "--db", shortDB, "--out", out.appendingPathComponent("short").path, "--runs", runs])

        // 4. DuckDB on its own copy of the same files.
        if options.duckdb {
            say("DuckDB …")
            results.duckdb = try DuckDBBaseline.run(
                venv: options.duckdbVenv, data: data, database: folder.appendingPathComponent("baseline.duckdb").path,
                runs: options.runs)
        }

        // 5. The summary so far (a long PostgreSQL step may be stopped), then PostgreSQL.
        print("")
        print(BenchSummary.details(results, runs: options.runs))
        printTable(results)
        guard let url = options.postgres else { return }
        say("PostgreSQL: export, COPY, reports …")
        let postgresOut = out.appendingPathComponent("postgres")
        results.postgres = try ChildProcess.step(
            PostgresResult.self,
            [
                "postgres-phase", "--db", longDB, "--url", url, "--schema", options.postgresSchema, "--scratch",
                folder.path, "--out", postgresOut.path, "--runs", String(options.postgresRuns),
            ])
        let sqlite = FileManager.default.contents(atPath: out.appendingPathComponent("long/metrics.json").path)
        let postgres = FileManager.default.contents(atPath: postgresOut.appendingPathComponent("metrics.json").path)
        results.postgresMetricsIdentical = sqlite != nil && sqlite == postgres
        print("")
        print(BenchSummary.postgresDetails(results))
        printTable(results)
    }

    private func printTable(_ results: BenchResults) {
        print("")
        let figures = BenchSummary.figures(results, postgresAsked: options.postgres != nil)
        print(SummaryTable.render(figures))
        print("")
        let misses = SummaryTable.misses(figures)
        let targets = figures.filter { $0.target != nil }.count
        print("\(targets - misses) of \(targets) targets met, \(misses) missed.")
    }

    /// One line per kind: rows/s, so a run that is stopped has shown what it measured.
    private func progress(_ result: ImportResult) -> String {
        let kinds = result.byKind
        return BenchSummary.rateKinds.compactMap { kind in
            kinds[kind].map { String(format: "  %@: %.0f rows/s", kind, Double($0.rows) / max($0.seconds, 1e-9)) }
        }.joined(separator: "\n") + String(format: "\n  peak memory %.0f MB", Double(result.highWaterBytes) / 1e6)
    }

    private func machine() -> String {
        var text = "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores"
        if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let name = line.split(separator: ":", maxSplits: 1).last
        {
            text += ", \(name.trimmingCharacters(in: .whitespaces))"
        }
        text += String(format: ", %.1f GB memory", Double(ProcessInfo.processInfo.physicalMemory) / 1e9)
        if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
            text += ", load average " + load.split(separator: " ").prefix(3).joined(separator: " ")
        }
        return text
    }

    /// Prints a progress line at once, even when standard output is a pipe.
    private func say(_ text: String) {
        fflush(nil)  // what `print` buffered comes first
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

func medianSeconds(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
