import InsightsFormat

/// The files of the newer record kinds: message statuses, Journey runs and Journey results.
extension DemoDataset {
    /// Run ids by contact (high 32 bits) and the run's order within the contact (low 32 bits).
    struct RunNumbers {
        var text: String
        var numbers: [Int64: Int] = [:]  // lookups only; never iterated
        var width: Int

        static func key(_ contact: Int32, _ order: Int32) -> Int64 { Int64(contact) << 32 | Int64(order) }

        func id(_ number: Int) -> String { "run-" + Civil.pad(number + 1, width) }
    }

    static func statusesCSV(_ messages: [MessageDraft], seed: UInt64, end: Int64) -> String {
        var csv = CSVText.demo(header: ["message_id", "status", "timestamp", "error"])
        var simulation = StatusSimulation(seed: seed, end: end)
        simulation.write(messages, into: &csv, idWidth: messageIDWidth(messages.count))
        return csv.text
    }

    static func runsCSV(_ runs: inout [RunDraft], _ ids: [String]) -> RunNumbers {
        runs.sort { ($0.start, $0.contact, $0.order) < ($1.start, $1.contact, $1.order) }
        var csv = CSVText.demo(header: [
            "run_id", "contact_id", "journey_id", "journey_name", "started_at", "ended_at", "outcome", "last_step",
        ])
        var result = RunNumbers(text: "", width: max(6, String(runs.count).count))
        result.numbers.reserveCapacity(runs.count)
        for (number, run) in runs.enumerated() {
            result.numbers[RunNumbers.key(run.contact, run.order)] = number
            let journey = DemoCatalog.journeys[Int(run.journey)]
            let author = DemoCatalog.authors[journey.author]
            let renamed = journey.author == DemoCatalog.nutritionQuiz && run.start < DemoCatalog.renamedAt
            csv.field(result.id(number))
            csv.field(ids[Int(run.contact)])
            csv.field(author.id)
            csv.field(renamed ? DemoCatalog.oldNutritionQuizName : author.name)
            csv.time(run.start)
            if let end = run.end {
                csv.time(end.time)
                csv.field(end.outcome.rawValue)
            } else {
                csv.raw(",,")
            }
            csv.field(journey.steps[Int(run.lastStep)], last: true)
        }
        result.text = csv.text
        return result
    }

    static func resultsCSV(_ results: inout [ResultDraft], _ runs: RunNumbers, _ ids: [String]) -> String {
        results.sort { ($0.time, $0.contact, $0.order) < ($1.time, $1.contact, $1.order) }
        var csv = CSVText.demo(header: ["contact_id", "journey_id", "run_id", "question", "answer", "timestamp"])
        for result in results {
            csv.field(ids[Int(result.contact)])
            csv.field(DemoCatalog.authors[DemoCatalog.journeys[Int(result.journey)].author].id)
            let number = result.run < 0 ? nil : runs.numbers[RunNumbers.key(result.contact, result.run)]
            csv.field(number.map(runs.id) ?? "")
            csv.field(result.question)
            csv.field(result.answer)
            csv.time(result.time, last: true)
        }
        return csv.text
    }
}
