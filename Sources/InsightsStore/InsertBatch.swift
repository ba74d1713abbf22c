import GRDB

/// Rows on their way into one table, written `size` rows per `INSERT … ON CONFLICT DO NOTHING`.
///
/// A one-row `INSERT` costs SQLite far more than its row: every run opens and closes cursors
/// on the table and each of its indexes and builds a statement's record. One statement of 64
/// rows pays that once (measured on a month of the benchmark's statuses: the rows took less
/// than half the time; messages, with five indexes, see `RowWriter`). A row that conflicts with
/// a stored one, or with an earlier one of the same statement, is not inserted; `write` says
/// how many were, and which row ids they were given, so that the caller can find the others.
struct InsertBatch<Element> {
    /// What one `write` did.
    struct Written {
        /// The rows written, in the order they were added.
        let rows: [Element]
        /// The row ids of the rows inserted (the rest conflicted): SQLite gives the rows of one
        /// `INSERT` consecutive row ids, each one more than the largest stored.
        let insertedRowIDs: ClosedRange<Int64>?

        /// How many rows were inserted.
        var inserted: Int { insertedRowIDs?.count ?? 0 }
    }

    /// Rows per statement (with at most 8 parameters each, well under SQLite's 32,766).
    let size: Int
    private let prefix: String
    private let placeholders: String
    private let columns: Int32
    private let bind: (BoundStatement, _ base: Int32, Element) -> Void
    private var pending: [Element] = []
    private var full: BoundStatement?

    /// A batch for `INSERT INTO table(columns…)`; `bind` binds one row's values to the
    /// parameters `base + 1 … base + columns.count`, in the order of `columns`.
    init(
        into table: String, columns: [String], size: Int = 64,
        bind: @escaping (BoundStatement, _ base: Int32, Element) -> Void
    ) {
        self.size = size
        prefix = "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES "
        placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        self.columns = Int32(columns.count)
        self.bind = bind
    }

    /// Whether no row waits.
    var isEmpty: Bool { pending.isEmpty }

    /// Holds a row; true when the batch is full and should be written.
    mutating func add(_ row: Element) -> Bool {
        if pending.isEmpty { pending.reserveCapacity(size) }
        pending.append(row)
        return pending.count == size
    }

    /// Writes the rows held (nil when none was), before anything reads the table.
    mutating func write(db: Database) throws -> Written? {
        guard !pending.isEmpty else { return nil }
        let statement: BoundStatement
        if pending.count == size, let full {
            statement = full
        } else {
            let sql =
                prefix + Array(repeating: placeholders, count: pending.count).joined(separator: ", ")
                + " ON CONFLICT DO NOTHING"
            statement = BoundStatement(try db.cachedStatement(sql: sql))
            if pending.count == size { full = statement }
        }
        for (index, row) in pending.enumerated() { bind(statement, Int32(index) * columns, row) }
        try statement.run(db)
        let inserted = Int64(db.changesCount)
        let last = db.lastInsertedRowID
        let written = Written(rows: pending, insertedRowIDs: inserted > 0 ? (last - inserted + 1)...last : nil)
        pending = []
        return written
    }

    /// Writes the rows held; when some conflicted, runs `update` for every row of the batch in
    /// order (a row the batch inserted sets its own values again), which leaves what writing
    /// them one by one would: the last values given for the same identity. Returns how many
    /// rows conflicted.
    mutating func write(db: Database, replacingWith update: String, arguments: (Element) -> StatementArguments) throws
        -> Int
    {
        guard let written = try write(db: db), written.inserted < written.rows.count else { return 0 }
        let statement = try db.cachedStatement(sql: update)
        for row in written.rows { try statement.execute(arguments: arguments(row)) }
        return written.rows.count - written.inserted
    }
}
