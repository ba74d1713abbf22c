import Foundation

/// Reads the rows of an ``ImportFile`` on a thread of its own and hands them, in file order
/// and in batches, to one consumer.
///
/// An import is bounded by its SQLite writer, which must stay on one thread; splitting and
/// decoding the next rows on a second core at the same time takes that work off the writer.
/// Each row is turned into a `Row` by `transform` on the reading thread (typically: decode and
/// validate it). Between the two threads sit at most `capacity` batches of `batchSize` rows,
/// so memory stays bounded however long the file is.
///
/// Nothing about the rows changes: they arrive in order, each once, and reading stops at the
/// first syntax error, which arrives after the rows before it, exactly as ``ImportFile/nextRow()``
/// would throw it. The consumer calls ``close()`` when it stops, at the end or early.
public final class BackgroundReader<Row: Sendable>: @unchecked Sendable {
    /// What ``next()`` hands out.
    public enum Batch: Sendable {
        /// The next rows, in file order (never empty).
        case rows([Row])
        /// The file is read; the columns it has that its kind does not use.
        case end(unknownColumns: [String])
        /// Reading stopped at a syntax error (after the rows before it were handed out).
        case failed(ImportError)
    }

    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    /// At most `capacity` batches plus the last one: removing the first is cheap.
    private var queue: [Batch] = []
    private var stopped = false
    private var finished = false
    private let capacity: Int
    /// The file and what to make of its rows, until the reading thread takes them: the
    /// thread's closure captures only `self`, so the file's bytes are freed as soon as reading
    /// ends even if Foundation keeps the finished `Thread` (and its closure) around.
    private var work: (file: ImportFile, transform: @Sendable (RawRow) -> Row)?

    /// Starts reading `file` on a new thread.
    ///
    /// - Parameters:
    ///   - batchSize: rows per batch.
    ///   - capacity: batches that may wait for the consumer before the reader pauses.
    ///   - transform: what to make of each row, run on the reading thread.
    public init(
        file: ImportFile, batchSize: Int = 4096, capacity: Int = 4,
        transform: @escaping @Sendable (RawRow) -> Row
    ) {
        self.capacity = max(1, capacity)
        self.work = (file, transform)
        let size = max(1, batchSize)
        let thread = Thread { [self] in
            condition.lock()
            let work = self.work
            self.work = nil
            condition.unlock()
            if let work { read(work.file, batchSize: size, transform: work.transform) } else { finish() }
        }
        thread.name = "insights-import-reader"
        thread.start()
    }

    /// The next batch, waiting for the reading thread if need be. After `.end` or `.failed`
    /// there is nothing more to ask for.
    public func next() -> Batch {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        // Taken out of the queue, not just passed: a consumed batch must not stay referenced
        // while the reader keeps the queue from ever running empty (it held every row of the
        // file that way: 2.3 GB importing the benchmark's 1.7M-row files).
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Stops the reading thread (if it is still reading) and waits until it has returned.
    /// Call it once the consumer is done, whether or not it read every batch.
    public func close() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        queue.removeAll()
    }

    /// Waits until the reader has filled the queue (and so pauses) or has finished: the
    /// moment a test checks what the queue still holds.
    func waitUntilQueueIsFull() {
        condition.lock()
        defer { condition.unlock() }
        while queue.count < capacity, !finished { condition.wait() }
    }

    private func read(_ file: ImportFile, batchSize: Int, transform: (RawRow) -> Row) {
        var file = file
        var rows: [Row] = []
        rows.reserveCapacity(batchSize)
        var last: Batch
        while true {
            let row: RawRow?
            do {
                row = try file.nextRow()
            } catch {
                last = .failed(error)
                break
            }
            guard let row else {
                last = .end(unknownColumns: file.unknownColumns)
                break
            }
            rows.append(transform(row))
            if rows.count == batchSize {
                guard put(.rows(rows)) else { return finish() }
                rows.removeAll(keepingCapacity: true)
            }
        }
        if !rows.isEmpty {
            guard put(.rows(rows)) else { return finish() }
        }
        _ = put(last)
        finish()
    }

    /// Queues a batch once there is room; false when the consumer has stopped.
    private func put(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, queue.count >= capacity { condition.wait() }
        guard !stopped else { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    private func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
