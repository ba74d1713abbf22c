import InsightsImport
import InsightsMetrics

/// A row read from a file, with what de-duplication needs.
struct GlificRead<Row> {
    let file: String
    let line: Int
    /// Its place in reading order over all files.
    let order: Int
    /// Its `id` (the same id twice is two versions of one row).
    let id: String
    let updatedAt: Instant?
    let bqInsertedAt: Instant?
    let row: Row

    var origin: RecordOrigin { RecordOrigin(file: file, line: line) }
}

/// Every file read into typed rows, every problem collected instead of stopping at the first.
struct GlificReading {
    let options: GlificImportOptions
    var fileProblems: [GlificImportError.Problem] = []
    private(set) var rowIssues: [(file: String, issues: [RowIssue], total: Int)] = []
    /// Per table: files, rows read, older versions dropped.
    var counts: [GlificTable: (files: Int, rows: Int, duplicates: Int)] = [:]
    var messages: [GlificRead<GlificMessage>] = []
    /// Every version of every message, in reading order (their `bsp_status` is the status
    /// history); ``messages`` keeps the newest once de-duplicated.
    private(set) var messageVersions: [GlificRead<GlificMessage>] = []
    var contacts: [GlificRead<GlificContact>] = []
    var contexts: [GlificRead<GlificFlowContext>] = []
    var results: [GlificRead<GlificFlowResult>] = []
    var tickets: [GlificRead<GlificTicket>] = []
    private var order = 0

    init(options: GlificImportOptions) {
        self.options = options
    }

    mutating func report(_ issue: RowIssue, in file: String) {
        if let index = rowIssues.firstIndex(where: { $0.file == file }) {
            if rowIssues[index].issues.count < options.issueLimit { rowIssues[index].issues.append(issue) }
            rowIssues[index].total += 1
        } else {
            rowIssues.append((file, [issue], 1))
        }
    }

    var rowProblems: [GlificImportError.Problem] {
        rowIssues.map { .rows(file: $0.file, issues: $0.issues.sorted { $0.line < $1.line }, total: $0.total) }
    }

    /// Reads one NDJSON file into the rows of its table.
    mutating func read(_ file: GlificExport.File) {
        let bytes: [UInt8]
        do throws(ImportError) {
            bytes = try ImportFile.contents(of: file.path)
        } catch {
            fileProblems.append(.file(error))
            return
        }
        counts[file.table, default: (0, 0, 0)].files += 1
        var number = 0
        for slice in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var line = Array(slice)
            if line.last == 0x0D { line.removeLast() }
            if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            counts[file.table, default: (0, 0, 0)].rows += 1
            guard let text = String(validating: line, as: UTF8.self) else {
                report(RowIssue(line: number, reason: "the line is not UTF-8 text"), in: file.path)
                continue
            }
            guard case .object(let members)? = JSONParser.parse(text) else {
                report(
                    RowIssue(
                        line: number,
                        reason: "the line is not a JSON object (bq extract --destination_format "
                            + "NEWLINE_DELIMITED_JSON writes one per line)"), in: file.path)
                continue
            }
            let keyed = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            let fields = GlificFields(members: keyed, line: number, zone: options.zone)
            do throws(RowIssue) {
                order += 1
                let (updatedAt, bqInsertedAt) = try fields.version()
                let id = fields.text("id") ?? "\(file.path):\(number)"
                func read<Row>(_ row: Row) -> GlificRead<Row> {
                    GlificRead(
                        file: file.path, line: number, order: order, id: id, updatedAt: updatedAt,
                        bqInsertedAt: bqInsertedAt, row: row)
                }
                switch file.table {
                case .messages: messages.append(read(try GlificMessage(fields)))
                case .contacts: contacts.append(read(try GlificContact(fields)))
                case .flowContexts: contexts.append(read(try GlificFlowContext(fields)))
                case .flowResults: results.append(read(try GlificFlowResult(fields)))
                case .tickets: tickets.append(read(try GlificTicket(fields)))
                }
            } catch {
                report(error, in: file.path)
            }
        }
    }

    /// Keeps the newest version of every id of every table, in reading order.
    mutating func deduplicate() {
        messageVersions = messages
        messages = latest(.messages, messages)
        contacts = latest(.contacts, contacts)
        contexts = latest(.flowContexts, contexts)
        results = latest(.flowResults, results)
        tickets = latest(.tickets, tickets)
    }

    private mutating func latest<Row>(_ table: GlificTable, _ rows: [GlificRead<Row>]) -> [GlificRead<Row>] {
        var best: [String: Int] = [:]
        var keep = [Bool](repeating: true, count: rows.count)
        for (index, row) in rows.enumerated() {
            guard let previous = best[row.id] else {
                best[row.id] = index
                continue
            }
            let old = rows[previous]
            if GlificRules.isNewer(
                (row.updatedAt, row.bqInsertedAt, row.order), than: (old.updatedAt, old.bqInsertedAt, old.order))
            {
                keep[previous] = false
                best[row.id] = index
            } else {
                keep[index] = false
            }
        }
        let kept = rows.indices.filter { keep[$0] }.map { rows[$0] }
        counts[table]?.duplicates = rows.count - kept.count
        return kept
    }
}
