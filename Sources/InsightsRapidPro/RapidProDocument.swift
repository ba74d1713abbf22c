import InsightsImport

/// One RapidPro file read into its records: a workspace archive (`.jsonl.gz` or `.jsonl`,
/// one JSON object per line) or a page of the v2 API (`{"results": [...], "next": ...}`,
/// usually pretty-printed over many lines).
struct RapidProDocument {
    /// One record of the file, or why its line cannot be read.
    struct Entry {
        /// The 1-based line the record starts on.
        let line: Int
        /// The record's members; empty when `problem` is set.
        let members: [String: JSONValue]
        /// Why the line is not a record, if so.
        let problem: String?
    }

    /// How the file holds its records.
    enum Layout: Equatable {
        /// One JSON object per line (an archive).
        case lines
        /// An API page; `next` is the URL of the page after it, if any.
        case page(next: String?)
    }

    /// The file's records in order.
    let entries: [Entry]
    /// Lines or page.
    let layout: Layout

    /// Reads a file's bytes (already gunzipped).
    /// - Throws: a sentence for a file that is neither an archive nor an API page.
    init(bytes: [UInt8]) throws(RapidProFileProblem) {
        let first = bytes.firstIndex { !Self.isSpace($0) }
        guard let first else {
            entries = []
            layout = .lines
            return
        }
        // The parser reads checked UTF-8 only; a JSON-lines file's bad lines are named one by one below.
        let isText = String(validating: bytes, as: UTF8.self) != nil
        let whole = isText ? bytes.withUnsafeBufferPointer { try? JSONParser.parse($0) } : nil
        if case .object(let members)? = whole, let results = members.first(where: { $0.key == "results" }) {
            guard case .array(let records) = results.value else {
                throw RapidProFileProblem(line: nil, reason: "\"results\" is not an array of records")
            }
            var next: String?
            if case .string(let url)? = members.first(where: { $0.key == "next" })?.value { next = url }
            let lines = Self.elementLines(bytes)
            entries = records.enumerated().map { index, value in
                let line = index < lines.count ? lines[index] : 1
                guard case .object(let fields) = value else {
                    return Entry(line: line, members: [:], problem: "a result that is not a JSON object")
                }
                return Entry(line: line, members: Self.keyed(fields), problem: nil)
            }
            layout = .page(next: next)
            return
        }
        let text = bytes[first...].prefix { $0 != 0x0A }
        let firstLine = String(decoding: text, as: UTF8.self).trimmingSpaces
        if !isText, firstLine == "{" {
            throw RapidProFileProblem(line: nil, reason: "an API page that is not UTF-8 text")
        }
        if whole == nil, firstLine == "{" {
            throw RapidProFileProblem(
                line: nil,
                reason: "an API page ({\"results\": [...]}) that is not valid JSON (a download cut short?); "
                    + "fetch the page again")
        }
        if whole != nil, firstLine == "{" {
            throw RapidProFileProblem(
                line: 1,
                reason: "a JSON object without \"results\": not a page of the v2 API (messages.json, runs.json, "
                    + "contacts.json, tickets.json) nor an archive (one record per line)")
        }
        entries = Self.lines(bytes)
        layout = .lines
    }

    /// The records of a JSON-lines file; blank lines are skipped.
    private static func lines(_ bytes: [UInt8]) -> [Entry] {
        var entries: [Entry] = []
        var number = 0
        for slice in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var line = Array(slice)
            if line.last == 0x0D { line.removeLast() }
            if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
            guard line.contains(where: { !isSpace($0) }) else { continue }
            guard let text = String(validating: line, as: UTF8.self) else {
                entries.append(Entry(line: number, members: [:], problem: "the line is not UTF-8 text"))
                continue
            }
            switch JSONParser.parse(text) {
            case .object(let members)?:
                entries.append(Entry(line: number, members: keyed(members), problem: nil))
            case nil:
                entries.append(
                    Entry(
                        line: number, members: [:],
                        problem: "the line is not valid JSON (an archive has one JSON record per line)"))
            default:
                entries.append(Entry(line: number, members: [:], problem: "the line is not a JSON object"))
            }
        }
        return entries
    }

    /// Members by key; of a key given twice, the last.
    private static func keyed(_ members: [JSONMember]) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for member in members { result[member.key] = member.value }
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The line on which each element of the top-level object's `"results"` array starts, in
    /// order (the parser gives values, not places): a scan that follows strings, escapes and
    /// nesting.
    static func elementLines(_ bytes: [UInt8]) -> [Int] {
        var result: [Int] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        var expectKey = false
        var collecting = false
        var key: [UInt8] = []
        var lastKey: [UInt8] = []
        var inResults = false
        var atElement = false
        let results = Array("results".utf8)
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                    if collecting {
                        lastKey = key
                        collecting = false
                    }
                    continue
                }
                if collecting { key.append(byte) }
                continue
            }
            if isSpace(byte) { continue }
            if depth == 2, inResults, atElement, byte != 0x2C, byte != 0x5D {
                result.append(line)
                atElement = false
            }
            switch byte {
            case 0x22:
                inString = true
                if depth == 1, expectKey {
                    collecting = true
                    expectKey = false
                    key = []
                }
            case 0x7B, 0x5B:
                depth += 1
                if depth == 1 { expectKey = byte == 0x7B }
                if depth == 2, byte == 0x5B, lastKey == results {
                    inResults = true
                    atElement = true
                }
            case 0x7D, 0x5D:
                depth -= 1
                if depth <= 1 { inResults = false }
            case 0x2C:
                if depth == 1 { expectKey = true }
                if depth == 2, inResults { atElement = true }
            default:
                break
            }
        }
        return result
    }
}

/// Why a whole file cannot be read as RapidPro records.
struct RapidProFileProblem: Error {
    /// The line, when the problem is at one.
    let line: Int?
    /// One sentence.
    let reason: String
}

extension String {
    /// The text without surrounding spaces, tabs and line breaks.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
