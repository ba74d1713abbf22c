import Foundation
import Testing

/// Paths shared by the test targets.
public enum TestPaths {
    /// The package's root folder.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the package, where the spec and conformance data live.
    public static let shared: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// A new empty temporary folder. Inside a test of a suite marked `.temporaryFolders` it
    /// is removed when that test ends; anywhere else, when the test process exits.
    public static func temporaryDirectory(_ label: String = "insights") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        (TemporaryFolders.current ?? TemporaryFolders.process).add(url)
        return url
    }

    /// A new empty temporary folder that outlives the test that makes it (for a resource the
    /// tests of a run share, such as the demo); removed when the test process exits.
    public static func sharedDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        TemporaryFolders.process.add(url)
        return url
    }
}

/// The temporary folders made during one test (or by the whole process), removed together.
public final class TemporaryFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var folders: [URL] = []

    /// The folders of the running test, when its suite is marked `.temporaryFolders`.
    @TaskLocal static var current: TemporaryFolders?

    /// The folders removed at exit.
    static let process: TemporaryFolders = {
        let folders = TemporaryFolders()
        atexit { TemporaryFolders.process.removeAll() }
        return folders
    }()

    func add(_ url: URL) {
        lock.lock()
        folders.append(url)
        lock.unlock()
    }

    func removeAll() {
        lock.lock()
        let urls = folders
        folders = []
        lock.unlock()
        for url in urls { try? FileManager.default.removeItem(at: url) }
    }
}

/// Removes the temporary folders a test made (``TestPaths/temporaryDirectory(_:)``) when the
/// test ends, whether it passed or not: `@Suite(.temporaryFolders)`.
public struct TemporaryFolderScope: SuiteTrait, TestTrait, TestScoping {
    /// Applies to every test of the suite.
    public var isRecursive: Bool { true }

    /// One scope per test case (not one around the whole suite).
    public func scopeProvider(for test: Test, testCase: Test.Case?) -> Self? {
        testCase == nil ? nil : self
    }

    /// Runs the test with its own list of folders, then removes them.
    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let folders = TemporaryFolders()
        defer { folders.removeAll() }
        try await TemporaryFolders.$current.withValue(folders) { try await function() }
    }
}

extension Trait where Self == TemporaryFolderScope {
    /// Removes each test's temporary folders when it ends.
    public static var temporaryFolders: Self { TemporaryFolderScope() }
}
