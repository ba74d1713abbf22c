import Foundation

/// One file of an output folder: its path inside the folder and its text.
public struct OutputFile: Equatable, Sendable {
    /// The path relative to the folder, `/`-separated (`data/audience-daily_….csv`).
    public let path: String
    /// The file's text (written as UTF-8).
    public let text: String

    /// Creates a file of an output folder.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Writing one file so that a reader sees either the old bytes or the new ones: a temporary
/// sibling, then a rename. The one way Insights writes a single file.
public enum AtomicFile {
    /// Writes `text` to `url`, creating its folder.
    public static func write(_ text: String, to url: URL) throws(JobError) {
        try write(Data(text.utf8), to: url)
    }

    /// Writes `data` to `url`, creating its folder.
    public static func write(_ data: Data, to url: URL) throws(JobError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw JobError.write(path: url.path, reason: error.localizedDescription)
        }
        TemporaryFiles.removeLeftovers(in: folder)
        let temporary = TemporaryFiles.sibling(of: url)
        defer { TemporaryFiles.done(temporary) }
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw JobError.write(path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? JobError { throw error }
            throw JobError.write(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Writes `text` to `url` unless the file already holds exactly these bytes; true when
    /// written.
    public static func writeIfChanged(_ text: String, to url: URL) throws(JobError) -> Bool {
        if let existing = try? Data(contentsOf: url), existing == Data(text.utf8) { return false }
        try write(text, to: url)
        return true
    }
}
