extension SQLDialect {
    /// The newest version of each id of a platform's table (Turn, Glific append a row per
    /// change): a `SELECT *` of the rows ranked 1 by `ROW_NUMBER() OVER (PARTITION BY id …)`.
    ///
    /// `DESC NULLS LAST` is the same on PostgreSQL and BigQuery (and on the emulator's DuckDB):
    /// a row without a version is older than any row with one.
    /// - Parameters:
    ///   - columns: the select list over `rows` (`g.*`, or expressions with their names);
    ///     the result has these columns and `rank`.
    ///   - rows: the `FROM` item with its alias (a table, or a parenthesised `SELECT`).
    ///   - id: the expression over `rows` the versions share.
    ///   - newestFirst: the version expressions, compared in order, the greatest first.
    ///   - ties: `ORDER BY` terms as written, after the versions.
    ///   - rank: the name of the rank column.
    ///   - alias: the name of the ranked rows, which the `WHERE` qualifies.
    ///   - keepingRowsWithoutID: a column of `columns` holding the id: the rows where it is
    ///     NULL are all kept (they are no versions of one another), not only one.
    public func newestPerID(
        columns: String, from rows: String, id: String, newestFirst: [String], ties: [String] = [], rank: String,
        alias: String, keepingRowsWithoutID: String? = nil
    ) -> String {
        let order = (newestFirst.map { "\($0) DESC NULLS LAST" } + ties).joined(separator: ", ")
        let keep = keepingRowsWithoutID.map { " OR \(alias).\($0) IS NULL" } ?? ""
        return "SELECT * FROM (SELECT \(columns), ROW_NUMBER() OVER (PARTITION BY \(id) ORDER BY \(order)) AS \(rank) "
            + "FROM \(rows)) \(alias) WHERE \(alias).\(rank) = 1\(keep)"
    }
}
