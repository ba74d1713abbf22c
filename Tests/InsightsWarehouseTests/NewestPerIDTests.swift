import InsightsTestSupport
import InsightsWarehouse
import Testing

/// `SQLDialect.newestPerID`: the newest version of each id of a platform's table, as the Turn
/// and Glific views read theirs (their goldens pin it in place; the emulator parity suites run
/// it); here its text, and what it keeps on PostgreSQL.
@Suite struct NewestPerIDTests {
    /// The text, with the versions' `DESC NULLS LAST`, the ties as written and the rows
    /// without an id kept.
    @Test func theSQL() {
        let dialect = SQLDialect.bigquery(dataset: "p.d")
        #expect(
            dialect.newestPerID(
                columns: "t.a AS a, t.id AS k", from: "`p.d.x` t", id: "t.id", newestFirst: ["t.v", "t.w"],
                ties: ["t.a DESC"], rank: "n", alias: "v", keepingRowsWithoutID: "k")
                == "SELECT * FROM (SELECT t.a AS a, t.id AS k, ROW_NUMBER() OVER (PARTITION BY t.id ORDER BY "
                + "t.v DESC NULLS LAST, t.w DESC NULLS LAST, t.a DESC) AS n FROM `p.d.x` t) v WHERE v.n = 1 OR v.k IS NULL")
        #expect(
            dialect.newestPerID(
                columns: "g.*", from: "(SELECT 1 AS id) g", id: "g.id", newestFirst: ["g.u"], rank: "r", alias: "v")
                == "SELECT * FROM (SELECT g.*, ROW_NUMBER() OVER (PARTITION BY g.id ORDER BY g.u DESC NULLS LAST) AS r "
                + "FROM (SELECT 1 AS id) g) v WHERE v.r = 1")
    }

    /// Rows (id, v, w, name): a's newest is v 2 (the row without a v is older than any);
    /// b's two v 5 are told apart by w (2 wins); c has only a row without versions, kept;
    /// the two rows without an id are both kept, or only the newest (x2) when they are taken
    /// as versions of one another.
    @Test(.enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) func whatItKeepsOnPostgres() throws {
        let rows = """
            (VALUES ('a', 2, 1, 'a2'), ('a', 1, 9, 'a1'), ('a', NULL, 10, 'a-none'), ('b', 5, 1, 'b1'), ('b', 5, 2, 'b2'),
            ('c', NULL, NULL, 'c'), (NULL, 1, 1, 'x1'), (NULL, 2, 2, 'x2')) t(id, v, w, name)
            """
        try TestPostgres.withSchema { (connection, _) throws -> Void in
            func kept(keeping: String?) throws -> [String] {
                let newest = connection.dialect.newestPerID(
                    columns: "t.name, t.id AS row_id", from: rows, id: "t.id", newestFirst: ["t.v", "t.w"], rank: "n",
                    alias: "v", keepingRowsWithoutID: keeping)
                return try connection.rows("SELECT k.name FROM (\(newest)) k ORDER BY k.name", parameters: [:])
                    .map { $0.first.flatMap { $0 } ?? "-" }
            }
            #expect(try kept(keeping: "row_id") == ["a2", "b2", "c", "x1", "x2"])
            #expect(try kept(keeping: nil) == ["a2", "b2", "c", "x2"])
        }
    }
}
