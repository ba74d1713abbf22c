import Foundation

extension TurnConversion {
    /// Writes the records as DATA.md import files (`goals.csv` … `journey_results.csv`, through
    /// `RecordEncoder`, every column of each kind) into
    /// `folder`, skipping kinds with no records, and returns their paths in import order, so
    /// that they go through the same checks and transactions as any other import.
    public func writeImportFiles(to folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        func write(_ kind: RecordKind, _ records: [ImportRecord]) throws {
            guard !records.isEmpty else { return }
            let encoder = RecordEncoder(kind: kind, format: .csv)
            let url = folder.appendingPathComponent(encoder.fileName)
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            var buffer = encoder.header
            for record in records {
                buffer += encoder.encode(record) ?? ""
                if buffer.utf8.count > 1 << 20 {
                    try handle.write(contentsOf: Data(buffer.utf8))
                    buffer = ""
                }
            }
            try handle.write(contentsOf: Data(buffer.utf8))
            paths.append(url.path)
        }
        try write(.goals, goals.map(ImportRecord.goal))
        try write(.behaviours, behaviours.map(ImportRecord.behaviour))
        try write(.contacts, contacts.map(ImportRecord.contact))
        try write(.messages, messages.map(ImportRecord.message))
        try write(.messageStatuses, messageStatuses.map(ImportRecord.messageStatus))
        try write(.conversationEvents, conversationEvents.map(ImportRecord.conversationEvent))
        try write(.goalEvents, goalEvents.map(ImportRecord.goalEvent))
        try write(.journeyRuns, journeyRuns.map(ImportRecord.journeyRun))
        try write(.journeyResults, journeyResults.map(ImportRecord.journeyResult))
        return paths
    }
}
