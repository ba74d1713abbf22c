import Foundation

/// Everything one benchmark run measured.
struct BenchResults {
    var machine = ""
    /// Five months into an empty database.
    var firstImport = ImportResult()
    var firstImportWall = 0.0
    /// The sixth month appended to it.
    var appendImport = ImportResult()
    /// The last two months into an empty database (the 30-day-history report's database).
    var shortImport = ImportResult()
    var databaseBytes = 0
    /// The report on 180 days of history (with the floor scans).
    var long = ReportResult()
    /// The report on 30 days of history.
    var short = ReportResult()
    var duckdb: DuckDBBaseline.Result?
    var postgres: PostgresResult?
    var postgresMetricsIdentical = false
}

/// Issue 15's targets, and the figures and details the benchmark prints.
enum BenchSummary {
    static let importTarget = 500_000.0
    static let appendTarget = 300_000.0
    static let reportOverFloor = 2.0
    /// At least 2× faster than DuckDB: Insights's time at most half of DuckDB's.
    static let reportOverDuckDB = 0.5
    static let longOverShort = 1.3
    static let reportMemory = 200e6
    static let importMemory = 1e9

    /// The kinds whose import rate has a target, in import order.
    static let rateKinds = ["messages", "message_statuses", "conversation_events", "goal_events"]

    /// The summary table's figures (reports on 2 threads, the default).
    static func figures(_ results: BenchResults, postgresAsked: Bool) -> [Figure] {
        var figures: [Figure] = []
        let first = results.firstImport.byKind
        let append = results.appendImport.byKind
        for kind in rateKinds {
            figures.append(rate("import into an empty database (5 months): \(kind)", first[kind], importTarget))
        }
        for kind in rateKinds {
            figures.append(rate("a month appended to 5 months: \(kind)", append[kind], appendTarget))
        }
        let importPeak = [results.firstImport, results.appendImport, results.shortImport].map(\.highWaterBytes).max() ?? 0
        figures.append(
            Figure(
                name: "peak memory of an import (largest of the three)", value: Double(importPeak), unit: .megabytes,
                target: .atMost(importMemory), note: "VmHWM"))

        let floor = medianSeconds(results.long.floorSeconds)
        let report = medianSeconds(results.long.reportSeconds["2"] ?? [])
        let oneThread = medianSeconds(results.long.reportSeconds["1"] ?? [])
        let short = medianSeconds(results.short.reportSeconds["2"] ?? [])
        figures.append(
            Figure(
                name: "floor: one pass over the month's contiguous message rows", value: floor, unit: .seconds,
                note: "\(Figure.grouped(results.long.floorRows)) rows"))
        figures.append(Figure(name: "report --month 2026-09 (180 days of history)", value: report, unit: .seconds))
        figures.append(
            Figure(
                name: "report / floor", value: report / floor, unit: .ratio, target: .atMost(reportOverFloor),
                note: String(format: "1 thread: %.2f×", oneThread / floor)))
        if let duckdb = results.duckdb {
            let query = medianSeconds(duckdb.reportSeconds)
            figures.append(
                Figure(
                    name: "DuckDB: load the same CSV files", value: duckdb.loadSeconds, unit: .seconds,
                    note: "duckdb \(duckdb.version)"))
            figures.append(Figure(name: "DuckDB: the analyst's SQL for the month", value: query, unit: .seconds))
            figures.append(
                Figure(name: "report / DuckDB", value: report / query, unit: .ratio, target: .atMost(reportOverDuckDB)))
        } else {
            figures.append(
                Figure(
                    name: "report / DuckDB", value: nil, unit: .ratio, target: .atMost(reportOverDuckDB),
                    note: "--no-duckdb"))
        }
        figures.append(Figure(name: "report on 30 days of history", value: short, unit: .seconds))
        figures.append(
            Figure(
                name: "report: 180 / 30 days of history", value: report / short, unit: .ratio,
                target: .atMost(longOverShort)))
        let reportPeak = max(results.long.highWaterBytes, results.short.highWaterBytes)
        figures.append(
            Figure(
                name: "peak memory of a report", value: Double(reportPeak), unit: .megabytes,
                target: .atMost(reportMemory), note: "VmHWM"))
        if let postgres = results.postgres {
            let time = medianSeconds(postgres.reportSeconds)
            figures.append(
                Figure(
                    name: "PostgreSQL: export + COPY + ANALYZE", value: postgres.exportSeconds + postgres.loadSeconds,
                    unit: .seconds, note: "\(Figure.grouped(postgres.rows)) rows"))
            figures.append(
                Figure(
                    name: "report --month 2026-09 --postgres", value: time, unit: .seconds,
                    note: String(format: "%.1f× SQLite's %.3f s; metrics.json ", time / report, report)
                        + (results.postgresMetricsIdentical ? "identical to SQLite's" : "DIFFERS from SQLite's")))
        } else {
            figures.append(
                Figure(
                    name: "report --month 2026-09 --postgres", value: nil, unit: .seconds,
                    note: postgresAsked ? "runs next (the table is printed again after it)" : "give --postgres URL"))
        }
        return figures
    }

    private static func rate(_ name: String, _ entry: (rows: Int, seconds: Double)?, _ target: Double) -> Figure {
        guard let entry, entry.seconds > 0 else {
            return Figure(name: name, value: nil, unit: .rowsPerSecond, target: .atLeast(target), note: "no rows")
        }
        return Figure(
            name: name, value: Double(entry.rows) / entry.seconds, unit: .rowsPerSecond, target: .atLeast(target),
            note: String(format: "%@ rows in %.1f s", Figure.grouped(entry.rows), entry.seconds))
    }

    /// Every import's rows per kind, all runs' times and the headlines, before the table.
    static func details(_ results: BenchResults, runs: Int) -> String {
        var lines: [String] = []
        for (title, result) in [
            ("import: 5 months into an empty database", results.firstImport),
            ("import: the 6th month appended", results.appendImport),
            ("import: the last 2 months into an empty database (30 days of history)", results.shortImport),
        ] {
            lines.append("== \(title) ==")
            let kinds = result.byKind
            for kind in ["goals", "behaviours", "contacts"] + rateKinds {
                guard let entry = kinds[kind] else { continue }
                lines.append(
                    "  " + kind.padding(toLength: 20, withPad: " ", startingAt: 0)
                        + String(
                            format: " %10d rows in %7.2f s = %9.0f rows/s", entry.rows, entry.seconds,
                            Double(entry.rows) / max(entry.seconds, 1e-9)))
            }
            lines.append(
                String(
                    format: "  peak memory: %.0f MB (VmHWM), %.0f MB (getrusage ru_maxrss)",
                    Double(result.highWaterBytes) / 1e6, Double(result.peakMemoryBytes) / 1e6))
        }
        lines.append(String(format: "  wall time of the first import: %.1f s", results.firstImportWall))
        lines.append(String(format: "  database size (180 days): %.0f MB", Double(results.databaseBytes) / 1e6))
        lines.append("== runs (s), median of \(runs) in the table ==")
        lines.append("  floor \(rounded(results.long.floorSeconds))")
        for (label, result) in [("180 days", results.long), ("30 days", results.short)] {
            lines.append(
                "  report, \(label): 2 threads \(rounded(result.reportSeconds["2"] ?? [])), 1 thread "
                    + "\(rounded(result.reportSeconds["1"] ?? []))")
        }
        if let duckdb = results.duckdb { lines.append("  DuckDB queries \(rounded(duckdb.reportSeconds))") }
        lines.append("== the same numbers everywhere ==")
        lines.append("  Insights, 180 days: \(results.long.headline)")
        lines.append("  Insights,  30 days: \(results.short.headline)")
        if let duckdb = results.duckdb { lines.append("  DuckDB:             \(duckdb.headline)") }
        return lines.joined(separator: "\n")
    }

    /// The PostgreSQL step's times and headline, printed after it.
    static func postgresDetails(_ results: BenchResults) -> String {
        guard let postgres = results.postgres else { return "" }
        return [
            "== PostgreSQL ==",
            String(format: "  export %.1f s, COPY + ANALYZE %.1f s, ", postgres.exportSeconds, postgres.loadSeconds)
                + "reports \(rounded(postgres.reportSeconds)), peak memory "
                + String(format: "%.0f MB", Double(postgres.highWaterBytes) / 1e6),
            "  PostgreSQL:         \(postgres.headline)",
            "  Insights, 180 days: \(results.long.headline)",
            "  metrics.json " + (results.postgresMetricsIdentical ? "identical to SQLite's" : "DIFFERS from SQLite's"),
        ].joined(separator: "\n")
    }

    static func rounded(_ values: [Double]) -> String {
        "[" + values.map { String(format: "%.3f", $0) }.joined(separator: ", ") + "]"
    }
}
