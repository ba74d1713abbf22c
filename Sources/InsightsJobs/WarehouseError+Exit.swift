import InsightsWarehouse

extension WarehouseError {
    /// The exit status of the failure: 69 when the engine cannot be reached, 65 for the data
    /// (a missing column, a wrong type, a query the engine refuses, a value it should not
    /// return, a block not computed yet), 64 for an option the engine cannot compute (a
    /// segment by country).
    public var exitStatus: ExitStatus {
        switch self {
        case .connection: .unavailable
        case .missingColumn, .wrongType, .query, .badValue, .notComputed: .data
        case .unsupported: .usage
        }
    }
}
