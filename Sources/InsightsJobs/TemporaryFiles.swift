import Foundation
import Synchronization

/// The temporary files and folders this process is writing, removed when it is
/// interrupted (SIGINT, SIGTERM) before it exits, and recognised by name by later runs
/// (`.NAME.insights-tmp-PID…`) so that what a killed process left is removed.
public enum TemporaryFiles {
    /// The part of a temporary name that marks it as ours.
    static let marker = ".insights-tmp-"

    private static let live = Mutex<Set<String>>([])
    private static let handlers = Mutex<[DispatchSourceSignal]>([])

    /// A temporary sibling of `url`, in the same folder (so a rename replaces `url` at once):
    /// `.NAME.insights-tmp-PID-N`, registered for removal on interruption.
    static func sibling(of url: URL, tag: String = "") -> URL {
        installSignalCleanup()
        let name = ".\(url.lastPathComponent)\(marker)\(getpid())-\(tag)\(counter.add(1, ordering: .relaxed).oldValue)"
        let temporary = url.deletingLastPathComponent().appendingPathComponent(name)
        live.withLock { _ = $0.insert(temporary.path) }
        return temporary
    }

    private static let counter = Atomic<Int>(0)

    /// Forgets a temporary path that was renamed or removed.
    static func done(_ url: URL) {
        live.withLock { _ = $0.remove(url.path) }
    }

    /// Removes the temporary files and folders in `folder` left by processes that no longer
    /// run (a killed report, archive or export).
    public static func removeLeftovers(in folder: URL) {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") {
            guard let range = name.range(of: marker) else { continue }
            let pidText = name[range.upperBound...].prefix { $0.isNumber }
            guard let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? fileManager.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// On SIGINT or SIGTERM: remove every registered temporary path, then exit with 128 + the
    /// signal's number, as the shell reports a process killed by it.
    public static func installSignalCleanup() {
        handlers.withLock { handlers in
            guard handlers.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    for path in live.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
                    exit(128 + signalNumber)
                }
                source.resume()
                handlers.append(source)
            }
        }
    }
}
