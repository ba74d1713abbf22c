import ArgumentParser
import InsightsWarehouse

/// `insights schema`: the DDL of the warehouse tables.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the CREATE TABLE statements of the warehouse tables (PostgreSQL or BigQuery).",
        discussion: """
            One table per record kind, named as the kind, with the columns of \
            `insights export` in its order: timestamps as timestamptz (PostgreSQL) or \
            TIMESTAMP (BigQuery), `position` and `seq` as integers, contacts' `fields` \
            as jsonb/JSON, every other column as a string. Create the tables, then load \
            an export into them (`psql \\copy`, `bq load`; see the README's "Reports \
            from a warehouse").
            """)

    @Flag(help: "PostgreSQL's DDL (tables in --schema).")
    var postgres = false

    @Flag(help: "BigQuery's DDL (tables in --dataset).")
    var bigquery = false

    @Option(help: ArgumentHelp("The PostgreSQL schema of the tables.", valueName: "name"))
    var schema = "public"

    @Option(help: ArgumentHelp("The BigQuery dataset of the tables, as project.dataset.", valueName: "project.dataset"))
    var dataset = "project.dataset"

    func validate() throws {
        guard postgres != bigquery else { throw ValidationError("Give exactly one of --postgres and --bigquery.") }
    }

    func run() throws {
        print(WarehouseSchema.ddl(postgres ? .postgres(schema: schema) : .bigquery(dataset: dataset)), terminator: "")
    }
}
