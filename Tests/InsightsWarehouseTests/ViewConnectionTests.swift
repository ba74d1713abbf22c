import Foundation
import InsightsImport
import InsightsMetrics
import InsightsPostgres
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// A platform's dataset read through views (`ViewConnection`): the report's queries name
/// the views as subqueries, see the views' columns, and are sent the parameters they name.
@Suite(.serialized, .temporaryFolders) struct ViewConnectionTests {
    /// A connection that records what it is sent and knows one table.
    final class Recorder: WarehouseConnection {
        let dialect = SQLDialect.bigquery(dataset: "p.d")
        var sent: [(String, [String: WarehouseParameter])] = []
        func rows(_ sql: String, parameters: [String: WarehouseParameter]) throws(WarehouseError) -> [[String?]] {
            sent.append((sql, parameters))
            return []
        }
        func columns(of table: String) throws(WarehouseError) -> [String: String]? {
            table == "raw" ? ["id": "string"] : nil
        }
    }

    @Test func viewsStandForTablesAndBringTheirParameters() throws {
        let base = Recorder()
        let view = WarehouseView(
            sql: "SELECT id AS contact_id FROM raw WHERE kind IN UNNEST(@view_kinds)", columns: ["contact_id": "string"])
        let connection = ViewConnection(
            base: base, views: ["contacts": view],
            parameters: ["view_kinds": .strings(["a"]), "view_kind": .string("unused")])
        #expect(connection.dialect.table("contacts") == "(SELECT id AS contact_id FROM raw WHERE kind IN UNNEST(@view_kinds))")
        #expect(connection.dialect.table("messages") == "`p.d.messages`")
        // Columns come from the views alone: the base's own tables are not record kinds.
        #expect(try connection.columns(of: "contacts") == ["contact_id": "string"])
        #expect(try connection.columns(of: "raw") == nil)
        #expect(try connection.columns(of: "messages") == nil)
        // `@view_kind` is a prefix of `@view_kinds`, not a name the query uses.
        _ = try connection.rows(
            "SELECT 1 FROM \(connection.dialect.table("contacts")) c WHERE c.x = @from", parameters: ["from": .integer(1)])
        #expect(base.sent.count == 1)
        #expect(base.sent.first?.1 == ["from": .integer(1), "view_kinds": .strings(["a"])])
    }

    @Test func parameterNamesEndAtANonWordCharacter() {
        #expect(ViewConnection<Recorder>.names("a = @zone)", "zone"))
        #expect(ViewConnection<Recorder>.names("a = @zone", "zone"))
        #expect(!ViewConnection<Recorder>.names("a = @zones", "zone"))
        #expect(ViewConnection<Recorder>.names("@zones, @zone", "zone"))
        #expect(!ViewConnection<Recorder>.names("a = @segment_value_0_10", "segment_value_0_1"))
    }

    /// Every query of a report, segment and breakdowns included, runs with views in place
    /// of the tables on PostgreSQL (which wants every subquery in FROM named) and gives the
    /// SQLite path's aggregates: the conformance data's tables renamed `raw_<kind>`, each
    /// kind a view over its raw table that names a parameter of its own.
    @Test(.enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) func aReportOverViewsOnPostgres() throws {
        let store = try PostgresParityTests.store(importing: PostgresParityTests.conformanceFiles("nairobi-journeys"))
        try TestPostgres.withSchema { connection, schema in
            try TestPostgres.load(store, into: connection)
            var views: [String: WarehouseView] = [:]
            for kind in RecordKind.allCases {
                guard let columns = try connection.columns(of: kind.rawValue) else { continue }
                try connection.execute("ALTER TABLE \(schema).\(kind.rawValue) RENAME TO raw_\(kind.rawValue)")
                views[kind.rawValue] = WarehouseView(
                    sql: "SELECT * FROM \(schema).raw_\(kind.rawValue) WHERE CAST(@view_keep AS text) = 'yes'", columns: columns)
            }
            #expect(views.count == RecordKind.allCases.count)
            let viewed = ViewConnection(base: connection, views: views, parameters: ["view_keep": .string("yes")])
            try expectParity(store, viewed, from: "2026-10-05", to: "2026-10-18", zone: "Africa/Nairobi")
            _ = try expectSegmentParity(
                store, viewed, segment: [SegmentCondition(field: "district", value: "kisumu")], breakdowns: ["district"],
                from: "2026-10-05", to: "2026-10-18",
                zone: "Africa/Nairobi")
        }
    }
}
