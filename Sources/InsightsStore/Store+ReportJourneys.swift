import GRDB
import InsightsMetrics

extension Store {
    /// Fills the Journeys inputs of a period's data inside the report's one read: the runs
    /// started in `range`, the results given in it, the names of the Journeys of those runs
    /// (resolved over all data), and whether any run is stored at all.
    static func readJourneys(_ db: Database, range: Range<Instant>, into data: inout PeriodData) throws {
        let runs = try journeyRuns(db, startedIn: range)
        data.journeyRuns = runs
        data.journeyResults = try journeyResults(db, in: range)
        data.journeyNames = try journeyNames(db, for: runs.map(\.journeyID))
        data.journeysImported = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM journey_runs)") ?? false
    }
}
