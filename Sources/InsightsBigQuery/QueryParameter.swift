import Foundation
import InsightsMetrics

/// A named query parameter (`@name` in GoogleSQL) with its BigQuery type.
public enum QueryParameter: Sendable, Equatable {
    /// `STRING` (nil is NULL).
    case string(String?)
    /// `INT64` (nil is NULL).
    case int64(Int64?)
    /// `BOOL`.
    case bool(Bool)
    /// `TIMESTAMP`, as microseconds since 1970-01-01T00:00:00Z (exact, as BigQuery stores it).
    case timestamp(microseconds: Int64)
    /// `ARRAY<elementType>` of scalar values (`elementType` is "STRING", "INT64", "BOOL" or "TIMESTAMP").
    case array(elementType: String, [QueryParameter])

    /// A `TIMESTAMP` from a date, to the microsecond (truncated toward the past).
    public static func timestamp(_ date: Date) -> QueryParameter {
        .timestamp(microseconds: Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down)))
    }

    /// The BigQuery type name.
    public var typeName: String {
        switch self {
        case .string: return "STRING"
        case .int64: return "INT64"
        case .bool: return "BOOL"
        case .timestamp: return "TIMESTAMP"
        case .array: return "ARRAY"
        }
    }

    /// `parameterType` of the REST API.
    var parameterType: JSONValue {
        if case .array(let element, _) = self {
            return .object(["type": .string("ARRAY"), "arrayType": .object(["type": .string(element)])])
        }
        return .object(["type": .string(typeName)])
    }

    /// `parameterValue` of the REST API: `{"value": …}`, `{}` for NULL, `{"arrayValues": […]}`.
    var parameterValue: JSONValue {
        switch self {
        case .string(let value): return value.map { .object(["value": .string($0)]) } ?? .object([:])
        case .int64(let value): return value.map { .object(["value": .string(String($0))]) } ?? .object([:])
        case .bool(let value): return .object(["value": .string(value ? "true" : "false")])
        case .timestamp(let microseconds): return .object(["value": .string(Self.timestampText(microseconds))])
        case .array(_, let values): return .object(["arrayValues": .array(values.map(\.parameterValue))])
        }
    }

    /// `2026-10-03 12:05:00.000000+00:00`: the canonical TIMESTAMP text, exact to the microsecond.
    static func timestampText(_ microseconds: Int64) -> String {
        let seconds = floorDiv(microseconds, 1_000_000)
        let fraction = microseconds - seconds * 1_000_000
        let days = floorDiv(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = LocalDate(dayNumber: days).components
        func two<Value: BinaryInteger>(_ value: Value) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let micro = String(fraction)
        let padded = String(repeating: "0", count: 6 - micro.count) + micro
        let yearText = String(year)
        let time = "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
        return
            "\(String(repeating: "0", count: max(0, 4 - yearText.count)))\(yearText)-\(two(month))-\(two(day)) \(time).\(padded)+00:00"
    }
}

/// A column of a query's result or of a table: its name, BigQuery type and mode.
public struct BigQueryField: Sendable, Equatable {
    /// The column name.
    public var name: String
    /// `STRING`, `INTEGER` (INT64), `TIMESTAMP`, `FLOAT`, `BOOLEAN`, `JSON`, `RECORD`…
    public var type: String
    /// `NULLABLE`, `REQUIRED` or `REPEATED`.
    public var mode: String

    /// Creates a field.
    public init(name: String, type: String, mode: String = "NULLABLE") {
        self.name = name
        self.type = type
        self.mode = mode
    }

    /// `{"name", "type", "mode"}` as a table's schema lists it.
    var json: JSONValue { .object(["name": .string(name), "type": .string(type), "mode": .string(mode)]) }
}

/// What a query returned.
public struct QueryResult: Sendable, Equatable {
    /// The result's columns.
    public var schema: [BigQueryField]
    /// The rows, each cell as BigQuery's text (`TIMESTAMP` as integer microseconds since the
    /// epoch, INT64 as decimal digits, BOOL as `true`/`false`), nil for NULL.
    public var rows: [[String?]]
    /// The job that ran it (`jobReference.jobId`).
    public var jobID: String?
    /// Bytes the query processed, as BigQuery reports it.
    public var bytesProcessed: Int64?
    /// Bytes billed (at least BigQuery's minimum per query).
    public var bytesBilled: Int64?
    /// Whether BigQuery answered from its cache (nothing billed).
    public var cacheHit: Bool?
    /// How many HTTP requests the rows took (`jobs.query` plus each `getQueryResults`).
    public var requests: Int

    /// Creates a result.
    public init(
        schema: [BigQueryField], rows: [[String?]], jobID: String? = nil, bytesProcessed: Int64? = nil,
        bytesBilled: Int64? = nil, cacheHit: Bool? = nil, requests: Int = 1
    ) {
        self.schema = schema
        self.rows = rows
        self.jobID = jobID
        self.bytesProcessed = bytesProcessed
        self.bytesBilled = bytesBilled
        self.cacheHit = cacheHit
        self.requests = requests
    }
}

/// What a dry run says about a query: nothing runs and nothing is billed.
public struct DryRunResult: Sendable, Equatable {
    /// The bytes the query would process (BigQuery bills these, 10 MB at least per query).
    public var bytesProcessed: Int64
    /// The columns it would return.
    public var schema: [BigQueryField]
}
