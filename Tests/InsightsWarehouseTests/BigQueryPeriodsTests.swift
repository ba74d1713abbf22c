import Foundation
import InsightsMetrics
import InsightsRender
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// The grouped queries (`periodAggregates(periods:…)`) on the BigQuery emulator: GoogleSQL it
/// accepts (the periods as `ARRAY<INT64>` parameters read by `UNNEST … WITH OFFSET` and
/// `TIMESTAMP_MICROS`) giving each period the SQLite path's aggregates. One small case: each
/// query takes the emulator a second or more; the other cases run on PostgreSQL
/// (`PostgresPeriodsParityTests`).
@Suite(
    .temporaryFolders,
    .enabled(if: BigQueryEmulator.shouldRun, "no emulator: eval \"$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)\""))
struct BigQueryPeriodsTests {
    /// The Nairobi case's two weeks (its Journeys, countries, consent and statuses), grouped.
    @Test func nairobiWeeks() throws {
        let store = try PostgresParityTests.store(importing: PostgresParityTests.conformanceFiles("nairobi-journeys"))
        let connection = try TestBigQuery.load(store, label: "periods")
        let calendar = try #require(ReportCalendar(identifier: "Africa/Nairobi"))
        let periods = try [("2026-10-05", "2026-10-11"), ("2026-10-12", "2026-10-18")].map { from, to in
            try PostgresPeriodsParityTests.period(from, to)
        }
        let grouped = try WarehouseSource(connection: connection).periodAggregates(periods: periods, calendar: calendar)
        try #require(grouped.count == 2)
        // Both weeks have Journeys and countries of their own (from the imported store:
        // distinct `journey_runs.journey_id` by `started_at`, distinct `contacts.region` of the
        // contacts with an inbound message, Nairobi weeks): the grouped queries are exercised.
        #expect(grouped.map { $0.journeys.journeys.count } == [4, 5])
        #expect(grouped.map { $0.countries.count } == [109, 122])
        for (period, engine) in zip(periods, grouped) {
            let data = try store.periodData(period: period, calendar: calendar)
            var expected = data.aggregates(businessHours: nil)
            if let input = data.trend {
                expected.summary.trend?.firstResponseMedians = TrendAggregate.firstResponseMedians(
                    of: period, input: input, calendar: calendar, businessHours: nil)
            }
            #expect(engine == expected, "aggregates of \(period.from)…\(period.to)")
            let sqlite = MetricsJSON.render(Report(data: data, serviceName: "Parity", generatorVersion: "test"))
            let warehouse = MetricsJSON.render(
                Report(data: data, aggregates: engine, serviceName: "Parity", generatorVersion: "test"))
            #expect(sqlite == warehouse, "metrics.json of \(period.from)…\(period.to)")
        }
    }
}
