import Foundation

/// The whole benchmark: data, two imports, two report databases, the summary.
struct Benchmark {
    let messages: Int
    let runs: Int
    let dir: String?
    let keep: Bool

    func run() throws {
        let folder: URL
        if let dir {
            folder = URL(fileURLWithPath: dir)
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "insights-bench-\(ProcessInfo.processInfo.processIdentifier)")
        }
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        defer {
            if !keep, dir == nil { try? FileManager.default.removeItem(at: folder) }
        }
        say(
            "insights-bench: \(messages) messages, \(BenchDataset(messages: messages).contacts) contacts, "
                + "\(BenchDataset.days) days; working folder \(folder.path)")
        say(machine())

        // 1. The data, written by a child process too: a child starts with the memory of the
        // process it was forked from, and the generator holds every session of the dataset.
        let marker = data.appendingPathComponent("complete-\(messages)")
        var start = DispatchTime.now()
        if FileManager.default.fileExists(atPath: marker.path) {
            say("data: reusing \(data.path)")
        } else {
            let written = try child(DataResult.self, ["data-phase", "--messages", String(messages), "--dir", data.path])
            FileManager.default.createFile(atPath: marker.path, contents: Data())
            say(
                String(
                    format: "data: %d contacts, %d messages, %d conversation events, %d goal events written in %.1f s",
                    written.contacts, written.messages, written.conversationEvents, written.goalEvents,
                    seconds(since: start)))
        }

        // 2. The imports: all 180 days, and only the last 60 (the month and the 30 days before).
        let definitions = ["goals.csv", "behaviours.csv", "contacts.csv"].map { data.appendingPathComponent($0).path }
        let slices = BenchDataset.days / BenchDataset.sliceDays
        let sliceFiles = (0..<slices).map { slice in
            BenchDataset.sliceFiles(slice).map { data.appendingPathComponent($0).path }
        }
        let longDB = folder.appendingPathComponent("long.sqlite").path
        let shortDB = folder.appendingPathComponent("short.sqlite").path
        for path in [longDB, shortDB] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        start = DispatchTime.now()
        let longImport = try child(ImportResult.self, ["import-phase", "--db", longDB] + definitions + sliceFiles.flatMap { $0 })
        let longImportWall = seconds(since: start)
        let shortImport = try child(
            ImportResult.self, ["import-phase", "--db", shortDB] + definitions + sliceFiles.suffix(2).flatMap { $0 })

        // 3. The reports.
        let out = folder.appendingPathComponent("output")
        let long = try child(
            ReportResult.self,
            ["report-phase", "--db", longDB, "--out", out.appendingPathComponent("long").path, "--runs", String(runs)])
        let short = try child(
            ReportResult.self,
            ["report-phase", "--db", shortDB, "--out", out.appendingPathComponent("short").path, "--runs", String(runs)])

        // 4. The summary.
        print("")
        print("== import (180 days, \(longDB)) ==")
        printImport(longImport, wall: longImportWall)
        let diskBytes = (try? FileManager.default.attributesOfItem(atPath: longDB)[.size] as? Int) ?? 0
        print(String(format: "  database size: %.0f MB", Double(diskBytes ?? 0) / 1e6))
        print("== import (60 days: the month and the 30 days before) ==")
        printImport(shortImport, wall: nil)
        print("")
        print("== report --month 2026-09 (UTC), median of \(runs) ==")
        let floor = medianSeconds(long.floorSeconds)
        print(String(format: "  floor: SQLite C API scan of the month's %d message rows: %.3f s", long.floorRows, floor))
        for (threads, label) in [("2", "2 threads"), ("1", "1 thread")] {
            guard let longTimes = long.reportSeconds[threads], let shortTimes = short.reportSeconds[threads] else { continue }
            let longReport = medianSeconds(longTimes)
            let shortReport = medianSeconds(shortTimes)
            print(
                String(
                    format: "  report, %@, 180 days of history: %.3f s  (report / floor = %.2f)",
                    label, longReport, longReport / floor))
            print(
                String(
                    format: "  report, %@,  30 days of history: %.3f s  (long / short history = %.2f)",
                    label, shortReport, longReport / shortReport))
        }
        print(String(format: "  floor on the 30-day database: %.3f s", medianSeconds(short.floorSeconds)))
        print(
            String(
                format: "  peak memory of the report process: %.0f MB (180 days), %.0f MB (30 days) (getrusage ru_maxrss; "
                    + "VmHWM %.0f MB, %.0f MB)",
                Double(long.peakMemoryBytes) / 1e6, Double(short.peakMemoryBytes) / 1e6, Double(long.highWaterBytes) / 1e6,
                Double(short.highWaterBytes) / 1e6))
        print(
            "  all runs (s): floor \(rounded(long.floorSeconds)), report 2 threads \(rounded(long.reportSeconds["2"] ?? [])), "
                + "1 thread \(rounded(long.reportSeconds["1"] ?? [])); 30 days: 2 threads "
                + "\(rounded(short.reportSeconds["2"] ?? [])), 1 thread \(rounded(short.reportSeconds["1"] ?? []))")
        print("  180 days: \(long.headline)")
        print("   30 days: \(short.headline)")
    }

    private func printImport(_ result: ImportResult, wall: Double?) {
        var byKind: [String: (rows: Int, seconds: Double)] = [:]
        for file in result.files {
            byKind[file.kind, default: (0, 0)].rows += file.rows
            byKind[file.kind, default: (0, 0)].seconds += file.seconds
        }
        for kind in ["contacts", "messages", "conversation_events", "goal_events"] {
            guard let entry = byKind[kind] else { continue }
            print(
                String(
                    format: "  %-20@ %10d rows in %7.2f s = %9.0f rows/s", kind, entry.rows, entry.seconds,
                    Double(entry.rows) / entry.seconds))
        }
        let rows = result.files.reduce(0) { $0 + $1.rows }
        let total = result.files.reduce(0) { $0 + $1.seconds }
        print(
            String(
                format: "  all %d files: %d rows in %.2f s = %.0f rows/s", result.files.count, rows, total, Double(rows) / total))
        if let wall { print(String(format: "  wall time of the import process: %.2f s", wall)) }
        print(
            String(
                format: "  peak memory of the import process: %.0f MB (getrusage ru_maxrss), %.0f MB (VmHWM)",
                Double(result.peakMemoryBytes) / 1e6, Double(result.highWaterBytes) / 1e6))
    }

    /// Runs this executable with `arguments` and decodes the JSON it prints last.
    private func child<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath())
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(arguments[0]) failed with status \(process.terminationStatus)")
        }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        guard let last = lines.last else { throw BenchError("\(arguments[0]) printed nothing") }
        return try JSONDecoder().decode(T.self, from: Data(last.utf8))
    }

    private func executablePath() -> String {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
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
        return text
    }

    /// Prints a progress line at once, even when standard output is a pipe.
    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

func medianSeconds(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

private func rounded(_ values: [Double]) -> String {
    "[" + values.map { String(format: "%.3f", $0) }.joined(separator: ", ") + "]"
}
