import Foundation
import InsightsImport
import InsightsMetrics
import InsightsJobs
import InsightsStore

/// The month every report of the benchmark covers, and its zone.
enum BenchReport {
    static let period = ReportPeriod(year: 2026, month: 9)
    static let zone = "UTC"
    /// The package's `templates/` folder (this file is `Sources/InsightsBench/Steps.swift`).
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates")
}

/// What the data child wrote.
struct DataResult: Codable {
    var contacts: Int
    var messages: Int
    var statuses: Int
    var conversationEvents: Int
    var goalEvents: Int

    func json() throws -> String { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }
}

/// What the import child measured.
struct ImportResult: Codable {
    struct File: Codable {
        var name: String
        var kind: String
        var rows: Int
        var seconds: Double
    }
    var files: [File] = []
    var peakMemoryBytes: Int = 0
    var highWaterBytes: Int = 0

    /// Rows and seconds per kind (`messages`, `message_statuses` …), over the files of that kind.
    var byKind: [String: (rows: Int, seconds: Double)] {
        var kinds: [String: (rows: Int, seconds: Double)] = [:]
        for file in files {
            kinds[file.kind, default: (0, 0)].rows += file.rows
            kinds[file.kind, default: (0, 0)].seconds += file.seconds
        }
        return kinds
    }

    func json() throws -> String { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }
}

/// What the report child measured.
struct ReportResult: Codable {
    /// Seconds of each floor scan.
    var floorSeconds: [Double] = []
    /// Rows and text bytes the floor scan read.
    var floorRows = 0
    /// Seconds of each report run, per thread count.
    var reportSeconds: [String: [Double]] = [:]
    var peakMemoryBytes: Int = 0
    var highWaterBytes: Int = 0
    /// A few headline numbers, to show the report is the same on both databases.
    var headline: String = ""

    func json() throws -> String { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }
}

enum ImportStep {
    /// Imports the files as `insights import` does: each file opened and imported in the
    /// order of kinds (goals, behaviours, contacts, messages, conversation events, goal events).
    static func run(database: String, files: [String]) throws -> ImportResult {
        let order = RecordKind.importOrder
        let kinds = files.map { path -> (String, RecordKind) in
            (path, RecordKind(fileName: URL(fileURLWithPath: path).lastPathComponent) ?? .messages)
        }
        let sorted = kinds.enumerated().sorted {
            ((order.firstIndex(of: $0.element.1) ?? 0), $0.offset) < ((order.firstIndex(of: $1.element.1) ?? 0), $1.offset)
        }
        let store = try Store(path: database)
        var result = ImportResult()
        for (_, (path, _)) in sorted {
            let start = DispatchTime.now()
            let file = try ImportFile(path: path)
            let kind = file.kind
            // Its last copy: the import lets go of the bytes once the rows are read.
            let summary = try store.importFile(consume file, timestamps: TimestampParser())
            result.files.append(
                .init(
                    name: URL(fileURLWithPath: path).lastPathComponent, kind: kind.rawValue, rows: summary.read,
                    seconds: seconds(since: start)))
        }
        result.peakMemoryBytes = peakMemoryBytes()
        result.highWaterBytes = highWaterBytes()
        return result
    }
}

enum ReportStep {
    /// Runs the floor scan (when `floor` is given) and the report `runs` times each
    /// (alternating), per thread count.
    static func run(database: String, floor: String?, out: String, runs: Int, threads: [Int]) throws -> ReportResult {
        guard let period = BenchReport.period, let calendar = ReportCalendar(identifier: BenchReport.zone) else {
            throw BenchError("the benchmark's month or zone is invalid")
        }
        var result = ReportResult()
        for _ in 0..<runs {
            if let floor {
                let start = DispatchTime.now()
                result.floorRows = try FloorScan.run(floor: floor)
                result.floorSeconds.append(seconds(since: start))
            }
            for count in threads {
                let start = DispatchTime.now()
                let report = try writeReport(database: database, out: out, period: period, calendar: calendar, threads: count)
                result.reportSeconds[String(count), default: []].append(seconds(since: start))
                result.headline = headline(report)
            }
        }
        result.peakMemoryBytes = peakMemoryBytes()
        result.highWaterBytes = highWaterBytes()
        return result
    }

    /// What `insights report --month` does (the same job), on `threads` read connections.
    static func writeReport(
        database: String, out: String, period: ReportPeriod, calendar: ReportCalendar, threads: Int
    ) throws -> Report {
        let source = ThreadedStore(store: try Store(path: database, create: false), threads: threads)
        let job = ReportJob(
            source: source, period: period, calendar: calendar, out: URL(fileURLWithPath: out),
            templates: BenchReport.templates, generatorVersion: "bench")
        return try job.run().report
    }

    static func headline(_ report: Report) -> String {
        let c = report.conversations
        return "received \(report.engagement.messagesReceived), sent \(report.engagement.messagesSent), "
            + "active users \(report.audience.activeUsers), new \(report.audience.newUsers), "
            + "conversations active \(c.active) opened \(c.opened) reopened \(c.reopened) closed \(c.closed), "
            + "goals started \(report.impact.totalStarted)"
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

/// The peak resident set size of this process's memory since it started (Linux's `VmHWM`
/// in /proc/self/status, which starts again at exec, unlike `ru_maxrss`); 0 elsewhere.
func highWaterBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes * 1024
}

/// The peak resident set size of this process so far (`getrusage`, kilobytes on Linux).
func peakMemoryBytes() -> Int {
    var usage = rusage()
    #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    #if os(Linux)
        return usage.ru_maxrss * 1024
    #else
        return usage.ru_maxrss
    #endif
}

/// The store read on a chosen number of connections.
struct ThreadedStore: ReportSource {
    let store: Store
    let threads: Int

    func newestMessage() throws(StoreError) -> Instant? { try store.newestMessage() }
    func messageSpan() throws(StoreError) -> ClosedRange<Instant>? { try store.messageSpan() }
    func meta(_ key: MetaKey) throws(StoreError) -> String? { try store.meta(key) }
    func periodData(period: ReportPeriod, calendar: ReportCalendar) throws(StoreError) -> PeriodData {
        try store.periodData(period: period, calendar: calendar, parallelism: threads)
    }
}
