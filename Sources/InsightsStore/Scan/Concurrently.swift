import Foundation
import Synchronization

/// Runs `background` on a thread of its own while `foreground` runs on the calling thread, and
/// returns both results once both are done. The background read is always waited for, even
/// when `foreground` throws, so it never outlives the read transaction its connection is in;
/// the foreground's error wins when both throw.
///
/// A report's read uses it to read the summary trend on its second connection beside the
/// other reads, which stay on the GRDB connection's own thread.
func concurrently<Foreground, Background: Sendable>(
    _ background: @escaping @Sendable () throws -> Background, _ foreground: () throws -> Foreground
) throws -> (Foreground, Background) {
    let outcome = Mutex<Result<Background, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        let result = Result { try background() }
        outcome.withLock { $0 = result }
        done.signal()
    }
    let foregroundResult = Result { try foreground() }
    done.wait()
    let backgroundResult = outcome.withLock { $0 }
    let value = try foregroundResult.get()
    guard let backgroundResult else { preconditionFailure("the background read signalled without a result") }
    return (value, try backgroundResult.get())
}
