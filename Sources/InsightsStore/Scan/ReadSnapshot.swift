import GRDB

extension Store {
    /// How many times a read tries to start its connections on one snapshot before it reads
    /// on one connection alone (see ``readSnapshot(parallelism:betweenStarts:_:)``).
    static let snapshotAttempts = 32

    /// Runs `body` once, inside a read of the GRDB connection, with `parallelism` read
    /// connections (the GRDB connection's own handle first) whose read transactions all see
    /// one snapshot of the database, so that reads spread over them add up to one state.
    ///
    /// SQLite 3.40 has no `sqlite3_snapshot_open`, so the snapshots are made equal by starting
    /// them together: the GRDB connection takes its snapshot by reading the `data_version`
    /// that every import commit bumps, each other connection begins its transaction and reads
    /// it too. If one differs, an import committed in the microseconds between: only those
    /// starts are undone and tried again; nothing has been read yet. After
    /// ``snapshotAttempts`` such tries (imports committing back to back), `body` gets the GRDB
    /// connection alone, which always sees one snapshot: the read is slower, never refused.
    ///
    /// A read-only or immutable database has no writer, so the first try succeeds. Every
    /// connection waits up to ``busyTimeout`` for a lock (a WAL being recovered).
    ///
    /// - Parameter betweenStarts: called (for tests) after the GRDB connection took its
    ///   snapshot and before the others take theirs, on every try that has others.
    func readSnapshot<T>(
        parallelism: Int, betweenStarts: () -> Void = {}, _ body: (Database, [ReadConnection]) throws -> T
    ) throws(StoreError) -> T {
        var others: [ReadConnection] = []
        // Opened before the first try, so the starts follow each other closely.
        for _ in 1..<max(1, parallelism) { others.append(try ReadConnection(path: path)) }
        var attempt = 0
        while true {
            let together = attempt < Self.snapshotAttempts ? others : []
            attempt += 1
            let result: T? = try wrap {
                try queue.read { db -> T? in
                    guard let handle = db.sqliteConnection else {
                        throw StoreError.sqlite(path: path, message: "the database connection is closed")
                    }
                    let first = ReadConnection(borrowing: handle, path: path)
                    let version = try first.dataVersion()
                    if !together.isEmpty { betweenStarts() }
                    var begun: [ReadConnection] = []
                    // Read transactions hold no changes: ending one cannot lose anything, and a
                    // failure to end one is followed by the connection's close.
                    defer { for connection in begun { try? connection.end() } }
                    for connection in together {
                        let other = try connection.begin()
                        begun.append(connection)
                        guard other == version else { return nil }
                    }
                    return try body(db, [first] + together)
                }
            }
            if let result { return result }
        }
    }
}
