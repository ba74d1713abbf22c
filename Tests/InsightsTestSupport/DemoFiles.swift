import Foundation
import InsightsDemo

extension DemoDataset {
    /// Writes `files` into `folder` (made if missing) and returns their paths, in import order:
    /// the arguments of `insights import` or of a store's import.
    public func write(into folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try files.map { file in
            let url = folder.appendingPathComponent(file.name)
            try Data(file.contents.utf8).write(to: url)
            return url.path
        }
    }
}
