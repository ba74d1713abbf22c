import Foundation
import InsightsMetrics

extension TurnConversion {
    /// Writes the records as DATA.md import files (`goals.csv` … `goal_events.csv`) into
    /// `folder`, skipping kinds with no records, and returns their paths in import order, so
    /// that they go through the same checks and transactions as any other import.
    public func writeImportFiles(to folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        func write(_ kind: RecordKind, _ rows: [[String?]]) throws {
            guard !rows.isEmpty else { return }
            let url = folder.appendingPathComponent("\(kind.rawValue).csv")
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            var buffer = kind.columns.map(\.name).joined(separator: ",") + "\n"
            for row in rows {
                buffer += row.map { csvField($0 ?? "") }.joined(separator: ",") + "\n"
                if buffer.utf8.count > 1 << 20 {
                    try handle.write(contentsOf: Data(buffer.utf8))
                    buffer = ""
                }
            }
            try handle.write(contentsOf: Data(buffer.utf8))
            paths.append(url.path)
        }
        try write(.goals, goals.map { [$0.goalID, $0.name, $0.description] })
        try write(.behaviours, behaviours.map { [$0.behaviourID, $0.goalID, $0.name] })
        try write(.contacts, contacts.map { [$0.contactID, $0.phone, $0.country, $0.createdAt.map(rfc3339)] })
        try write(
            .messages,
            messages.map {
                [
                    $0.messageID, $0.contactID, $0.inbound ? "inbound" : "outbound", rfc3339($0.timestamp),
                    $0.authorType?.rawValue, $0.authorID, $0.authorName,
                ]
            })
        try write(
            .conversationEvents,
            conversationEvents.map {
                [$0.contactID, $0.event.rawValue, rfc3339($0.timestamp), $0.actorID, $0.actorName]
            })
        try write(
            .goalEvents,
            goalEvents.map { [$0.contactID, $0.goalID, $0.behaviourID, $0.event.rawValue, rfc3339($0.timestamp)] })
        return paths
    }
}

/// An RFC 4180 field: quoted when it holds a comma, quote or line end.
private func csvField(_ value: String) -> String {
    guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// `2026-10-03T12:05:00.123456Z` for an instant (microseconds since the epoch, UTC).
private func rfc3339(_ instant: Instant) -> String {
    let perDay: Int64 = 86_400 * 1_000_000
    var day = instant / perDay
    var rest = instant % perDay
    if rest < 0 {
        day -= 1
        rest += perDay
    }
    let micros = rest % 1_000_000
    let seconds = rest / 1_000_000
    func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let fraction = String(micros + 1_000_000).dropFirst()
    return
        "\(LocalDate(dayNumber: day))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)).\(fraction)Z"
}
