import InsightsMetrics
import InsightsTurn
import InsightsWarehouse

/// `insights report|archive --bigquery PROJECT.DATASET --source turn`: Turn.io's own tables
/// read as Insights' record kinds (`TurnViewsBuilder`), checked as the import checks an
/// export (`TurnViews.check()`), with the import's summary printed; the report then runs on
/// the views with the engine's queries, unchanged.
public struct TurnWarehouseJob<Base: WarehouseConnection> {
    /// The dataset's connection.
    public let base: Base
    /// The Turn mapping options (`--author-map`, `--chat-event-map`, `--chat-event-columns`,
    /// `--goals-map`).
    public let options: TurnImportOptions

    /// Describes the job.
    public init(base: Base, options: TurnImportOptions) {
        self.base = base
        self.options = options
    }

    /// The views over the dataset's Turn tables, without the checks (a dry run's).
    public func views() throws(TurnWarehouseError) -> ViewConnection<Base> {
        try TurnViewsBuilder.make(base: base, options: options).connection
    }

    /// Builds the views, runs the checks, prints the summary (`print`, one line per call) and
    /// returns the source of the report, with the note on approximate closes.
    public func source(print: (String) -> Void) throws(TurnWarehouseError) -> WarehouseSource<AnyWarehouseConnection> {
        let views = try TurnViewsBuilder.make(base: base, options: options)
        let summary = try views.check()
        for (index, line) in summary.lines.enumerated() {
            print(index == 0 ? "Turn.io dataset \(base.dialect.container) (read in place):" : line)
        }
        var source = WarehouseSource(connection: AnyWarehouseConnection(views.connection))
        if !views.closesNote.isEmpty {
            source.notes[.closesNote] = views.closesNote
            print("note: \(views.closesNote)")
        }
        return source
    }
}

extension TurnWarehouseError {
    /// The exit status: the warehouse's own, 64 for what the route does not do, 65 for the data.
    public var exitStatus: ExitStatus {
        switch self {
        case .warehouse(let error): error.exitStatus
        case .unsupported: .usage
        default: .data
        }
    }
}
