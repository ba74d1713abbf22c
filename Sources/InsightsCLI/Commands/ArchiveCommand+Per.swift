import ArgumentParser
import InsightsJobs

/// `insights archive --per FIELD`.
extension ArchiveCommand {
    /// Writes one archive per value and the home page linking them, and says what was done.
    func runPerValue(_ job: ArchiveJob, field: String) throws {
        let result: PerValueArchiveJob.Result
        do {
            result = try PerValueArchiveJob(archive: job, field: field).run()
        } catch JobError.noMonthWithData {
            throw ValidationError("No month between \(since ?? "the first data") and \(until ?? "the last data") has data.")
        }
        print("Archives by \(field) in \(job.folder.path)/index.html")
        for part in result.parts {
            let state = part.result.upToDate ? "up to date" : "\(part.result.written.count) months written"
            print("  \(part.value) (\(part.contacts) contacts): \(part.folderName)/, \(state)")
        }
        if result.leftOut > 0 { print("  \(result.leftOut) values held by fewer contacts have no archive (see --segment).") }
    }
}
