import InsightsDemo

/// A parsed CSV file: a tiny RFC 4180 reader (quotes, doubled quotes, `\n` line ends) that
/// also reports rows whose column count differs from the header's.
struct CSVTable {
    let header: [String]
    let rows: [[String]]

    /// Parses a file's text; throws on syntax errors. Walks the UTF-8 buffer by index (an
    /// unquoted field is one slice of it), which a debug build runs many times faster than
    /// popping bytes off an array slice: the default dataset is 30 MB.
    init(_ text: String) throws {
        var text = text
        let records = try text.withUTF8 { bytes throws(CSVTableError) -> [[String]] in
            var records: [[String]] = []
            var fields: [String] = []
            var position = 0
            let count = bytes.count
            while position < count {
                // One field, starting at `position`.
                if bytes[position] == 0x22 {
                    var field: [UInt8] = []
                    position += 1
                    while true {
                        guard position < count else {
                            throw CSVTableError(reason: "unterminated quote", record: records.count + 1)
                        }
                        let byte = bytes[position]
                        position += 1
                        if byte != 0x22 {
                            field.append(byte)
                        } else if position < count, bytes[position] == 0x22 {
                            field.append(0x22)
                            position += 1
                        } else {
                            break
                        }
                    }
                    guard position == count || bytes[position] == 0x2C || bytes[position] == 0x0A else {
                        throw CSVTableError(reason: "text after a closing quote", record: records.count + 1)
                    }
                    fields.append(String(decoding: field, as: UTF8.self))
                } else {
                    let start = position
                    while position < count {
                        let byte = bytes[position]
                        if byte == 0x2C || byte == 0x0A { break }
                        if byte == 0x22 {
                            throw CSVTableError(reason: "quote inside an unquoted field", record: records.count + 1)
                        }
                        if byte == 0x0D { throw CSVTableError(reason: "carriage return", record: records.count + 1) }
                        position += 1
                    }
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
                }
                guard position < count else {
                    throw CSVTableError(reason: "no line end after the last row", record: records.count + 1)
                }
                let separator = bytes[position]
                position += 1
                if separator == 0x0A {
                    records.append(fields)
                    fields = []
                } else if position == count {
                    throw CSVTableError(reason: "no line end after the last row", record: records.count + 1)
                }
            }
            return records
        }
        guard let header = records.first else { throw CSVTableError(reason: "no header", record: 0) }
        self.header = header
        self.rows = Array(records.dropFirst())
    }

    /// The index of a column.
    func column(_ name: String) -> Int {
        header.firstIndex(of: name)!
    }

    /// A column's values, row by row.
    func values(_ name: String) -> [String] {
        let index = column(name)
        return rows.map { $0[index] }
    }

    /// Rows whose values can be read by column name.
    var records: [Record] {
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() { index[name] = i }
        return rows.map { Record(values: $0, index: index) }
    }

    /// A row read by column name.
    struct Record {
        let values: [String]
        let index: [String: Int]

        subscript(name: String) -> String? {
            guard let i = index[name], i < values.count else { return nil }
            return values[i]
        }
    }
}

struct CSVTableError: Error, CustomStringConvertible {
    let reason: String
    let record: Int
    var description: String { "record \(record): \(reason)" }
}

/// Parses `YYYY-MM-DDTHH:MM:SSZ` into seconds since the epoch; nil when not exactly that.
func parseTimestamp(_ text: String) -> Int64? {
    let b = Array(text.utf8)
    guard b.count == 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x5A
    else { return nil }
    func number(_ range: Range<Int>) -> Int? {
        var value = 0
        for i in range {
            guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
            value = value * 10 + Int(b[i] - 0x30)
        }
        return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
        let minute = number(14..<16), let second = number(17..<19),
        DemoDate(year: year, month: month, day: day) != nil, year >= 1970, hour < 24, minute < 60, second < 60
    else { return nil }
    return Int64(daysSince1970(year: year, month: month, day: day)) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
}

/// Days from 1970-01-01, counted plainly (independent of the generator's arithmetic).
func daysSince1970(year: Int, month: Int, day: Int) -> Int {
    func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    var days = 0
    for y in 1970..<year { days += isLeap(y) ? 366 : 365 }
    let lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    for m in 0..<(month - 1) { days += lengths[m] }
    return days + day - 1
}

/// The files of a dataset, parsed.
struct ParsedDataset {
    let goals: CSVTable
    let behaviours: CSVTable
    let contacts: CSVTable
    let messages: CSVTable
    let conversationEvents: CSVTable
    let goalEvents: CSVTable
    let messageStatuses: CSVTable
    let journeyRuns: CSVTable
    let journeyResults: CSVTable

    init(_ dataset: DemoDataset) throws {
        func table(_ name: String) throws -> CSVTable {
            guard let file = dataset.file(named: name) else { throw CSVTableError(reason: "no \(name)", record: 0) }
            return try CSVTable(file.contents)
        }
        goals = try table("goals.csv")
        behaviours = try table("behaviours.csv")
        contacts = try table("contacts.csv")
        messages = try table("messages.csv")
        conversationEvents = try table("conversation_events.csv")
        goalEvents = try table("goal_events.csv")
        messageStatuses = try table("message_statuses.csv")
        journeyRuns = try table("journey_runs.csv")
        journeyResults = try table("journey_results.csv")
    }

    var all: [(String, CSVTable)] {
        [
            ("goals.csv", goals), ("behaviours.csv", behaviours), ("contacts.csv", contacts),
            ("messages.csv", messages), ("conversation_events.csv", conversationEvents),
            ("goal_events.csv", goalEvents), ("message_statuses.csv", messageStatuses),
            ("journey_runs.csv", journeyRuns), ("journey_results.csv", journeyResults),
        ]
    }
}
