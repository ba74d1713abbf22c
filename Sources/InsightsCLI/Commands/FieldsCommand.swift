import ArgumentParser
import InsightsStore

/// `insights fields`.
struct FieldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fields",
        abstract: "List the contact fields: how many contacts have each, and their most common values.",
        discussion: """
            The fields come from the contacts' `fields` column (Turn: `details`). Values that differ \
            only in capitals or surrounding spaces are counted as one, shown as most contacts spell \
            it. Use them with `report --segment FIELD=VALUE`, `report --breakdown FIELD` and \
            `archive --per FIELD`; `country` (the country the report places a contact in) works too.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("How many values to show per field.", valueName: "n"))
    var top: Int = 5

    func validate() throws {
        if top < 1 { throw ValidationError("--top \(top): give 1 or more.") }
    }

    func run() throws {
        let store = try Store(path: database.db, create: false)
        let fields = try store.fieldSummaries()
        if fields.isEmpty {
            print("No contact has fields; import contacts with a `fields` column (see DATA.md). `country` always works.")
            return
        }
        for summary in fields {
            let values = summary.values.prefix(top).map { "\($0.value) (\($0.contacts))" }.joined(separator: ", ")
            let more = summary.distinctValues > top ? ", … \(summary.distinctValues - top) more" : ""
            let noun = summary.distinctValues == 1 ? "value" : "values"
            print("\(summary.field): \(summary.contacts) contacts, \(summary.distinctValues) \(noun): \(values)\(more)")
        }
    }
}
