import InsightsMetrics

/// A report block and the warehouse tables whose data it shows.
public struct WarehouseBlock: Equatable, Sendable {
    /// The block as the page names it.
    public let name: String
    /// The record kinds' tables its numbers come from.
    public let tables: [String]

    /// Creates a block.
    public init(name: String, tables: [String]) {
        self.name = name
        self.tables = tables
    }

    /// The blocks the engine does not compute yet (`WarehouseSource.periodAggregates` leaves
    /// them empty), with the tables whose data they show. A report from a warehouse holding
    /// any of those tables is refused (`WarehouseError.notComputed`) rather than printed with
    /// a wrong number; a block leaves this list in the change that adds its queries.
    public static let notComputed: [WarehouseBlock] = []
}

extension WarehouseSource {
    /// Throws `WarehouseError.notComputed` for the first of `blocks` one of whose tables the
    /// warehouse has (a missing table is no data, so its blocks are right when empty).
    public func refuse(_ blocks: [WarehouseBlock]) throws(WarehouseError) {
        var present: [String: Bool] = [:]
        for block in blocks {
            for table in block.tables {
                if present[table] == nil { present[table] = try connection.columns(of: table) != nil }
                if present[table] == true { throw .notComputed(block: block.name, table: table) }
            }
        }
    }
}
