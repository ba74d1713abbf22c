import InsightsImport
import InsightsMetrics

/// A record read from a file, with what de-duplication needs.
struct Read<Row> {
    /// The file it came from.
    let file: String
    /// The line it starts on.
    let line: Int
    /// Its place in reading order over all files.
    let sequence: Int
    /// Its id (`uuid`); the same id in two files is one record.
    let id: String
    /// Its `modified_on`: of two versions, the later wins (then the one read last).
    let version: Instant?
    /// The typed record.
    let row: Row

    /// Where the record is, for the records made of it.
    var origin: RecordOrigin { RecordOrigin(file: file, line: line) }
}

/// Every file read into typed records, every problem collected instead of stopping at the first.
struct RapidProReading {
    let options: RapidProImportOptions
    /// Whole-file problems.
    var fileProblems: [RapidProImportError.Problem] = []
    /// Row problems per file, in the order files were first seen.
    private(set) var rowIssues: [(file: String, issues: [RowIssue], total: Int)] = []
    /// Per kind: files and records read, duplicates dropped.
    var counts: [RapidProKind: RapidProSummary.FileCount] = [:]
    var messages: [Read<RapidProMessage>] = []
    var runs: [Read<RapidProRun>] = []
    var contacts: [Read<RapidProContact>] = []
    var tickets: [Read<RapidProTicket>] = []
    private var sequence = 0

    init(options: RapidProImportOptions) {
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

    /// The row problems, each file's ordered by line.
    var rowProblems: [RapidProImportError.Problem] {
        rowIssues.map { .rows(file: $0.file, issues: $0.issues.sorted { $0.line < $1.line }, total: $0.total) }
    }

    /// Reads one file into the records of its kind.
    mutating func read(_ file: RapidProExport.File) {
        let document: RapidProDocument
        do throws(ImportError) {
            let bytes = try ImportFile.contents(of: file.path)
            do throws(RapidProFileProblem) {
                document = try RapidProDocument(bytes: bytes)
            } catch {
                fileProblems.append(.document(file: file.path, line: error.line, reason: error.reason))
                return
            }
        } catch {
            fileProblems.append(.file(error))
            return
        }
        let firstKeys = document.entries.first { $0.problem == nil }?.members.keys
        guard let kind = file.kind ?? firstKeys.flatMap(RapidProKind.init(keys:)) else {
            if document.entries.isEmpty || document.entries.contains(where: { $0.problem == nil }) {
                fileProblems.append(.unknownKind(file: file.path))
            } else {
                // Nothing readable: the lines' own problems say why (or the file is empty).
                for entry in document.entries { report(RowIssue(line: entry.line, reason: entry.problem ?? ""), in: file.path) }
            }
            return
        }
        var count = counts[kind] ?? RapidProSummary.FileCount(kind: kind)
        count.files.append(file.path)
        count.records += document.entries.count
        if case .page(let next?) = document.layout { count.nextPages.append(.init(file: file.path, url: next)) }
        if case .page = document.layout { count.pages += 1 } else { count.archives += 1 }
        counts[kind] = count
        for entry in document.entries {
            if let problem = entry.problem {
                report(RowIssue(line: entry.line, reason: problem), in: file.path)
                continue
            }
            let fields = RapidProFields(members: entry.members, line: entry.line, timestamps: options.timestamps)
            do throws(RowIssue) {
                sequence += 1
                switch kind {
                case .messages:
                    let row = try RapidProMessage(fields)
                    messages.append(read(file, entry, row.id, row.modifiedOn, row))
                case .runs:
                    let row = try RapidProRun(fields)
                    runs.append(read(file, entry, row.id, row.modifiedOn, row))
                case .contacts:
                    let row = try RapidProContact(fields)
                    contacts.append(read(file, entry, row.uuid, row.modifiedOn, row))
                case .tickets:
                    let row = try RapidProTicket(fields)
                    tickets.append(read(file, entry, row.uuid, row.modifiedOn, row))
                }
            } catch {
                report(error, in: file.path)
            }
        }
    }

    private func read<Row>(
        _ file: RapidProExport.File, _ entry: RapidProDocument.Entry, _ id: String, _ version: Instant?, _ row: Row
    ) -> Read<Row> {
        Read(file: file.path, line: entry.line, sequence: sequence, id: id, version: version, row: row)
    }

    /// Keeps the latest version of every id of every kind, in reading order.
    mutating func deduplicate() {
        messages = latest(.messages, messages)
        runs = latest(.runs, runs)
        contacts = latest(.contacts, contacts)
        tickets = latest(.tickets, tickets)
    }

    private mutating func latest<Row>(_ kind: RapidProKind, _ rows: [Read<Row>]) -> [Read<Row>] {
        var best: [String: Int] = [:]
        var keep = [Bool](repeating: true, count: rows.count)
        for (index, row) in rows.enumerated() {
            guard let previous = best[row.id] else {
                best[row.id] = index
                continue
            }
            let old = rows[previous]
            if (row.version ?? .min, row.sequence) > (old.version ?? .min, old.sequence) {
                keep[previous] = false
                best[row.id] = index
            } else {
                keep[index] = false
            }
        }
        let kept = rows.indices.filter { keep[$0] }.map { rows[$0] }
        counts[kind]?.duplicates = rows.count - kept.count
        return kept
    }
}
