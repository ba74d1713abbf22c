import ArgumentParser
import InsightsMetrics

/// `--business-hours "Mon-Fri 08:00-17:00, Sat 09:00-13:00"` (of `report` and `archive`): only
/// time inside these hours, local to the report's zone, counts towards response times.
struct BusinessHoursOptions: ParsableArguments {
    @Option(
        name: .customLong("business-hours"),
        help: ArgumentHelp(
            "Opening hours for response times, e.g. \"Mon-Fri 08:00-17:00, Sat 09:00-13:00\" (local to --timezone).",
            valueName: "hours"))
    var text: String?

    func validate() throws {
        do { _ = try text.map { text throws(BusinessHoursError) in try BusinessHours(text) } } catch {
            throw ValidationError(error.description)
        }
    }

    /// The parsed hours; nil without the option (validate() has checked the text).
    var hours: BusinessHours? {
        text.flatMap { try? BusinessHours($0) }
    }
}
