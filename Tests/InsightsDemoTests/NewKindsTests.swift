import InsightsDemo
import Testing

/// A small dataset with statuses (they begin on 1 May 2025) and Journeys.
let recentConfiguration = DemoConfiguration(seed: 11, endDate: DemoDate("2025-06-30")!, days: 90, contacts: 200)
let newKindNames = ["message_statuses.csv", "journey_runs.csv", "journey_results.csv"]

@Suite struct NewKindsTests {
    @Test func sameSeedSameBytes() {
        let a = DemoDataset.generate(recentConfiguration)
        let b = DemoDataset.generate(recentConfiguration)
        #expect(a.newKindFiles.map(\.name) == newKindNames)
        #expect(a.newKindFiles == b.newKindFiles)
        #expect(a.files == b.files)
    }

    @Test func differentSeedDifferentBytes() {
        var other = recentConfiguration
        other.seed = 12
        let a = DemoDataset.generate(recentConfiguration)
        let b = DemoDataset.generate(other)
        for name in newKindNames { #expect(a.file(named: name) != b.file(named: name), "\(name)") }
    }

    /// Off by default: the importer does not read the newer kinds yet.
    @Test func flagAddsTheNewFilesInImportOrder() throws {
        #expect(DemoConfiguration().includesNewKinds == false)
        var configuration = recentConfiguration
        configuration.includesNewKinds = true
        let with = DemoDataset.generate(configuration)
        let without = DemoDataset.generate(recentConfiguration)
        #expect(
            with.files.map(\.name) == [
                "goals.csv", "behaviours.csv", "contacts.csv", "messages.csv", "message_statuses.csv",
                "conversation_events.csv", "goal_events.csv", "journey_runs.csv", "journey_results.csv",
            ])
        #expect(without.files.map(\.name).count == 6)
        // The flag changes what is listed, not what is generated.
        for file in with.files { #expect(without.file(named: file.name) == file, "\(file.name)") }
        #expect(with.newKindFiles == without.newKindFiles)
    }

    @Test(arguments: [recentConfiguration, DemoConfiguration(seed: 5, days: 60, contacts: 120)])
    func rulesHold(configuration: DemoConfiguration) throws {
        let dataset = DemoDataset.generate(configuration)
        let parsed = try ParsedDataset(dataset)
        try checkFormat(dataset, parsed)
        try checkRules(parsed, configuration)
        #expect(parsed.messageStatuses.rows.count > 1000)
        #expect(parsed.journeyRuns.rows.count > 200)
        #expect(parsed.journeyResults.rows.count > 200)
    }

    /// Before 1 May 2025 no message has a status; Journeys and consent are there all along.
    @Test func noStatusesBeforeTheExportBegan() throws {
        let parsed = try ParsedDataset(DemoDataset.generate(smallConfiguration))
        #expect(parsed.messageStatuses.rows.isEmpty)
        #expect(!parsed.journeyRuns.rows.isEmpty && !parsed.journeyResults.rows.isEmpty)
        #expect(parsed.contacts.values("opted_in_at").contains { !$0.isEmpty })
    }

    /// The answer with a leading space is quoted, so that no CSV reader trims it away.
    @Test func quotesAnswersWithSurroundingSpaces() throws {
        let text = try #require(defaultDataset.file(named: "journey_results.csv")).contents
        #expect(text.contains(",consent,\" yes\","))
        #expect(!text.contains(",consent, yes,"))
    }
}
