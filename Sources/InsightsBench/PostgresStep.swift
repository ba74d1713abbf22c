import Foundation
import InsightsImport
import InsightsJobs
import InsightsMetrics
import InsightsPostgres
import InsightsStore
import InsightsWarehouse

/// What the PostgreSQL child measured.
struct PostgresResult: Codable {
    /// `insights export` of the SQLite database to CSV.
    var exportSeconds: Double = 0
    /// The tables of `insights schema --postgres` filled with `COPY`, then `ANALYZE`.
    var loadSeconds: Double = 0
    /// Rows copied.
    var rows: Int = 0
    /// Seconds of each report run (`insights report --postgres URL --schema S`).
    var reportSeconds: [Double] = []
    var highWaterBytes: Int = 0
    var headline: String = ""

    func json() throws -> String { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }
}

/// Issue 16's figure: the same data in PostgreSQL, the same month's report computed there.
///
/// The SQLite database is exported (`insights export`, CSV) and loaded as `TestPostgres.load`
/// does: the tables of `insights schema --postgres` in a schema of their own (dropped first),
/// filled with `COPY … FROM STDIN`, then `ANALYZE`. No index is added: the tables are as the
/// README's loading instructions leave them. The report is the job `insights report --postgres`
/// runs, on the warehouse source.
enum PostgresStep {
    static func run(database: String, url: String, schema: String, scratch: URL, out: String, runs: Int) throws
        -> PostgresResult
    {
        var result = PostgresResult()
        let export = scratch.appendingPathComponent("postgres-export")
        var start = DispatchTime.now()
        _ = try ExportJob(store: try Store(path: database, create: false), folder: export, format: .csv).run()
        result.exportSeconds = seconds(since: start)

        start = DispatchTime.now()
        let admin = try PostgresConnection(url: url)
        try admin.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
        try admin.execute("CREATE SCHEMA \(schema)")
        let connection = try PostgresConnection(url: url, schema: schema)
        let dialect = connection.dialect
        for statement in WarehouseSchema.ddl(dialect).components(separatedBy: ";\n") {
            let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { try connection.execute(trimmed) }
        }
        for kind in RecordKind.importOrder {
            let file = export.appendingPathComponent("\(kind.rawValue).csv")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            result.rows += try copy(file, into: dialect.table(kind.rawValue), dialect: dialect, connection: connection)
        }
        try connection.execute("ANALYZE")
        result.loadSeconds = seconds(since: start)
        try? FileManager.default.removeItem(at: export)

        guard let period = BenchReport.period, let calendar = ReportCalendar(identifier: BenchReport.zone) else {
            throw BenchError("the benchmark's month or zone is invalid")
        }
        let source = WarehouseSource(connection: AnyWarehouseConnection(connection))
        for _ in 0..<runs {
            start = DispatchTime.now()
            let job = ReportJob(
                source: source, period: period, calendar: calendar, out: URL(fileURLWithPath: out),
                templates: BenchReport.templates, generatorVersion: "bench")
            let report = try job.run().report
            result.reportSeconds.append(seconds(since: start))
            result.headline = ReportStep.headline(report)
        }
        result.highWaterBytes = highWaterBytes()
        return result
    }

    /// Copies one export file in pieces of about 64 MB (cut at line ends outside quotes), so the
    /// whole file is never in memory; returns the rows copied.
    static func copy(_ file: URL, into table: String, dialect: SQLDialect, connection: PostgresConnection) throws -> Int {
        let data = try Data(contentsOf: file, options: .alwaysMapped)
        guard let headerEnd = data.firstIndex(of: 0x0A) else { return 0 }
        let columns = String(decoding: data[data.startIndex..<headerEnd], as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").map { dialect.identifier(String($0)) }
        let sql = "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN WITH (FORMAT csv)"
        var rows = 0
        for piece in CSVPieces.cut(data, from: headerEnd + 1, size: 64 << 20) where !piece.isEmpty {
            let bytes = [UInt8](data[piece])
            rows += CSVPieces.records(bytes)
            try connection.copyIn(sql, data: bytes)
        }
        return rows
    }
}

/// Cutting CSV text into pieces that each hold whole records.
enum CSVPieces {
    /// Ranges of `data` from `start` of about `size` bytes each, every one ending just after a
    /// line end that is outside a quoted field (the last one at the end of the data).
    static func cut(_ data: Data, from start: Int, size: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var pieceStart = start
        var quoted = false
        var index = start
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let base = data.startIndex
            while index < data.endIndex {
                let byte = buffer[index - base]
                if byte == 0x22 {
                    quoted.toggle()
                } else if byte == 0x0A, !quoted, index + 1 - pieceStart >= size {
                    pieces.append(pieceStart..<(index + 1))
                    pieceStart = index + 1
                }
                index += 1
            }
        }
        if pieceStart < data.endIndex { pieces.append(pieceStart..<data.endIndex) }
        return pieces
    }

    /// Records in whole-record CSV text: line ends outside quotes (a last line without one counts).
    static func records(_ bytes: [UInt8]) -> Int {
        var count = 0
        var quoted = false
        for byte in bytes {
            if byte == 0x22 { quoted.toggle() } else if byte == 0x0A, !quoted { count += 1 }
        }
        if let last = bytes.last, last != 0x0A { count += 1 }
        return count
    }
}
