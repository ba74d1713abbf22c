import Foundation

/// The "data imported on …" line each month's files of an archive were written with
/// (`DIR/.insights-archive-as-of`: one `YYYY-MM<TAB>line` per month, sorted).
///
/// Every page says when its data was imported. Without this record a month whose numbers no
/// later import changed would still differ from its files in that one line, so every import
/// would rewrite every month. With it, the month is rendered again with the line it was
/// written with; when that matches its files byte for byte, the month is up to date and
/// keeps its line (which is still true: its data was all there on that day).
struct ArchiveDataAsOf {
    static let fileName = ".insights-archive-as-of"

    private(set) var lines: [String: String]

    /// The record in `folder`, or none when it is missing or unreadable (every month is then
    /// compared with the current line only).
    init(folder: URL) {
        let text = (try? String(contentsOf: folder.appendingPathComponent(Self.fileName), encoding: .utf8)) ?? ""
        var lines: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            lines[String(line[..<tab])] = String(line[line.index(after: tab)...])
        }
        self.lines = lines
    }

    /// The line `month` was written with, when it differs from `current`.
    func earlier(_ month: String, than current: String?) -> String? {
        guard let line = lines[month], line != current else { return nil }
        return line
    }

    /// Records the line `month` now holds (nothing when it has none).
    mutating func record(_ month: String, _ line: String?) {
        lines[month] = line
    }

    /// Writes the record into `folder` (atomically; only when it changed).
    func write(to folder: URL) throws {
        let text = lines.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)\n" }.joined()
        _ = try AtomicFile.writeIfChanged(text, to: folder.appendingPathComponent(Self.fileName))
    }
}
