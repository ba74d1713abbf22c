import Foundation

/// Writes a report folder as a whole: every file is first written into a temporary sibling
/// folder, which then takes the folder's place, so that a killed run or a full disk never
/// leaves a new `metrics.json` beside an old `index.html`, and files the new report does not
/// contain (another period's `data/*.csv`, an old `report.pdf`) are gone.
///
/// A folder that also holds files that are not a report's (the demo's `import/` and
/// database, or a user's own files) keeps them: then each of the report's entries is
/// swapped in on its own (`data/` as one folder) and the report's entries the new report
/// lacks are removed.
public enum ReportFolder {
    /// The entries a report folder may hold at its top level.
    public static let reportEntries: Set<String> = [
        "index.html", "metrics.json", "email.html", "report.eml", "report.pdf", "data",
    ]

    /// Writes `files` as the whole content of the report folder `folder`.
    public static func write(_ files: [OutputFile], to folder: URL) throws(JobError) {
        let folder = folder.standardizedFileURL
        let fileManager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        try attempt(folder) { try fileManager.createDirectory(at: parent, withIntermediateDirectories: true) }
        TemporaryFiles.removeLeftovers(in: parent)
        let staging = TemporaryFiles.sibling(of: folder, tag: "new-")
        let old = TemporaryFiles.sibling(of: folder, tag: "old-")
        defer {
            for url in [staging, old] {
                try? fileManager.removeItem(at: url)
                TemporaryFiles.done(url)
            }
        }
        for file in files {
            let url = staging.appendingPathComponent(file.path)
            try attempt(url) {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
            }
        }
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
            try move(staging, to: folder)
            return
        }
        guard isFolder.boolValue else { throw JobError.write(path: folder.path, reason: "a file, not a folder, is in the way") }
        let existing = try attempt(folder) { try fileManager.contentsOfDirectory(atPath: folder.path) }
        if existing.allSatisfy(reportEntries.contains) {
            try move(folder, to: old)
            try move(staging, to: folder)
            return
        }
        // A folder with other files: swap the report's own entries one by one.
        try attempt(old) { try fileManager.createDirectory(at: old, withIntermediateDirectories: true) }
        let new = Set(try attempt(staging) { try fileManager.contentsOfDirectory(atPath: staging.path) })
        for name in reportEntries.sorted() where existing.contains(name) {
            try move(folder.appendingPathComponent(name), to: old.appendingPathComponent(name))
        }
        for name in new.sorted() {
            try move(staging.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }

    private static func move(_ source: URL, to destination: URL) throws(JobError) {
        guard rename(source.path, destination.path) == 0 else {
            throw JobError.write(path: destination.path, reason: String(cString: strerror(errno)))
        }
    }

    private static func attempt<T>(_ url: URL, _ body: () throws -> T) throws(JobError) -> T {
        do {
            return try body()
        } catch {
            throw JobError.write(path: url.path, reason: error.localizedDescription)
        }
    }
}
