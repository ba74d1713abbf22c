import InsightsImport
import InsightsMetrics

/// Reads table files into typed rows, collecting every problem instead of stopping at the first.
struct TurnReading {
    let options: TurnImportOptions
    /// Files that could not be read at all, and other whole-file problems.
    var fileProblems: [TurnImportError.Problem] = []
    /// Row problems per file, in the order files were first seen.
    private(set) var rowIssues: [(file: String, issues: [RowIssue], total: Int)] = []
    /// Rows read per table.
    var counts: [TurnTable: TurnSummary.TableCount] = [:]
    private var sequence = 0

    init(options: TurnImportOptions) {
        self.options = options
    }

    /// Records a row problem of a file.
    mutating func report(_ issue: RowIssue, in file: String) {
        if let index = rowIssues.firstIndex(where: { $0.file == file }) {
            if rowIssues[index].issues.count < options.issueLimit { rowIssues[index].issues.append(issue) }
            rowIssues[index].total += 1
        } else {
            rowIssues.append((file, [issue], 1))
        }
    }

    /// The row problems as import-error problems, each file's issues ordered by line.
    var rowProblems: [TurnImportError.Problem] {
        rowIssues.map { .rows(file: $0.file, issues: $0.issues.sorted { $0.line < $1.line }, total: $0.total) }
    }

    /// Counts one file's rows in its table.
    mutating func count(_ file: TurnExport.File, rows: Int) {
        var table = counts[file.table] ?? .init(table: file.table, files: [], rows: 0, duplicates: 0)
        table.files.append(file.path)
        table.rows += rows
        counts[file.table] = table
    }

    /// Opens a file and checks a CSV header for the required columns; nil (and a problem) if
    /// the file cannot be used.
    mutating func open(_ file: TurnExport.File, required: [String]) -> TurnTableReader? {
        let reader: TurnTableReader
        do throws(ImportError) {
            reader = try TurnTableReader(path: file.path)
        } catch {
            fileProblems.append(.file(error))
            return nil
        }
        let missing = required.filter { !reader.header.contains($0) }
        if reader.format == .csv, !missing.isEmpty {
            fileProblems.append(
                .file(ImportError(file: file.path, line: 1, reason: .missingColumns(missing, found: reader.header))))
            return nil
        }
        return reader
    }

    /// Reads every row of an opened file: `parse` makes the typed row (or says why not),
    /// `id` and `version` what de-duplication needs.
    mutating func rows<Row>(
        of file: TurnExport.File, reader: TurnTableReader, columns: [String], id: (TurnFields) -> String?,
        version: (TurnFields) throws(RowIssue) -> Instant?, parse: (TurnFields) throws(RowIssue) -> Row
    ) -> [Versioned<Row>] {
        var reader = reader
        var result: [Versioned<Row>] = []
        var read = 0
        while true {
            let next: TurnRow?
            do throws(ImportError) {
                next = try reader.next(columns)
            } catch {
                fileProblems.append(.file(error))
                break
            }
            guard let row = next else { break }
            read += 1
            if let problem = row.problem {
                report(RowIssue(line: row.line, reason: problem), in: file.path)
                continue
            }
            let fields = TurnFields(
                columns: columns, values: row.values, line: row.line, timestamps: options.timestamps, trims: true,
                hints: .turn, objects: row.objects, lineText: row.text)
            do throws(RowIssue) {
                let typed = try parse(fields)
                sequence += 1
                result.append(
                    Versioned(
                        file: file.path, line: row.line, sequence: sequence, id: id(fields),
                        version: try version(fields), row: typed))
            } catch {
                report(error, in: file.path)
            }
        }
        count(file, rows: read)
        return result
    }

    /// Reads every file of a table with a fixed set of columns.
    ///
    /// Rows are identified by `id` and versioned by `updated_at` unless `id` and `version` say
    /// otherwise.
    mutating func table<Row>(
        _ table: TurnTable, _ files: [TurnExport.File], id: (TurnFields) -> String? = { $0["id"] },
        version: (TurnFields) throws(RowIssue) -> Instant? = { f throws(RowIssue) in
            try f.optionalTimestamp("updated_at")
        },
        parse: (TurnFields) throws(RowIssue) -> Row
    ) -> [Versioned<Row>] {
        var all: [Versioned<Row>] = []
        for file in files where file.table == table {
            guard let reader = open(file, required: table.requiredColumns) else { continue }
            all += rows(of: file, reader: reader, columns: table.columns, id: id, version: version, parse: parse)
        }
        return all
    }

    /// Reads every chat_events file with the columns detected in it (or named by the user).
    mutating func chatEvents(
        _ files: [TurnExport.File]
    ) -> (files: [TurnSummary.ChatEventsFile], rows: [Versioned<TurnChatEvent>]) {
        var used: [TurnSummary.ChatEventsFile] = []
        var all: [Versioned<TurnChatEvent>] = []
        for file in files where file.table == .chatEvents {
            guard let reader = open(file, required: []) else { continue }
            let found = reader.scanColumns()
            if found.isEmpty, reader.format == .ndjson {
                count(file, rows: 0)  // an empty NDJSON file: no events, and no columns to detect
                continue
            }
            switch TurnChatEventColumns.detect(in: found, overrides: options.chatEventColumns) {
            case .failure(let missing):
                fileProblems.append(.chatEventColumns(file: file.path, missing: missing, found: found))
            case .success(let columns):
                used.append(.init(file: file.path, columns: columns))
                all += rows(
                    of: file, reader: reader, columns: columns.list, id: { f in columns.id.flatMap { f[$0] } },
                    version: { f throws(RowIssue) in
                        guard let column = columns.version else { return nil }
                        return try f.optionalTimestamp(column)
                    }
                ) { f throws(RowIssue) in try TurnChatEvent(f, columns: columns) }
            }
        }
        return (used, all)
    }

    /// De-duplicates a table's rows and counts the dropped ones.
    mutating func latest<Row>(_ table: TurnTable, _ rows: [Versioned<Row>]) -> [Versioned<Row>] {
        let (kept, dropped) = latestVersions(rows)
        counts[table]?.duplicates = dropped
        return kept
    }
}
