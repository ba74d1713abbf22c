import Foundation
import GRDB
import InsightsMetrics

extension Store {
    /// The `meta` key counting imports that changed stored data.
    public static let dataVersionKey = MetaKey.dataVersion.rawValue
    /// The `meta` key holding a random id of this database, made on first use.
    public static let databaseIDKey = MetaKey.databaseID.rawValue

    /// The instants of the oldest and newest stored message, event, Journey run start or
    /// Journey result, if any.
    public func activitySpan() throws(StoreError) -> ClosedRange<Instant>? {
        try wrap {
            try queue.read { db -> ClosedRange<Instant>? in
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT MIN(first), MAX(last) FROM (
                            SELECT MIN(ts) AS first, MAX(ts) AS last FROM messages
                            UNION ALL SELECT MIN(ts), MAX(ts) FROM conversation_events
                            UNION ALL SELECT MIN(ts), MAX(ts) FROM goal_events
                            UNION ALL SELECT MIN(started_at), MAX(started_at) FROM journey_runs
                            UNION ALL SELECT MIN(ts), MAX(ts) FROM journey_results)
                        """)
                guard let row, let first = row[0] as Int64?, let last = row[1] as Int64? else { return nil }
                return first...last
            }
        }
    }

    /// Whether any message, conversation event, goal event, Journey run start or Journey
    /// result lies in `range`.
    public func hasActivity(in range: Range<Instant>) throws(StoreError) -> Bool {
        try wrap {
            try queue.read { db in
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM messages WHERE ts >= ?1 AND ts < ?2)
                            OR EXISTS (SELECT 1 FROM conversation_events WHERE ts >= ?1 AND ts < ?2)
                            OR EXISTS (SELECT 1 FROM goal_events WHERE ts >= ?1 AND ts < ?2)
                            OR EXISTS (SELECT 1 FROM journey_runs WHERE started_at >= ?1 AND started_at < ?2)
                            OR EXISTS (SELECT 1 FROM journey_results WHERE ts >= ?1 AND ts < ?2)
                        """,
                    arguments: [range.lowerBound, range.upperBound]) ?? false
            }
        }
    }

    /// An identity of the stored data: this database's id, the number of imports that
    /// changed it and the random token the last of them made. Equal stamps mean equal data,
    /// so derived outputs need no recomputing; a restored copy into which other data was
    /// imported has another token, so its stamp differs.
    public func dataStamp() throws(StoreError) -> String {
        var id = try meta(Self.databaseIDKey)
        // A read-only store never writes (the id is made when a writer opens the database).
        if id == nil, !isReadOnly {
            let made = UUID().uuidString
            try setMeta(Self.databaseIDKey, made)
            id = made
        }
        return "\(id ?? "")/\(try meta(.dataVersion) ?? "0")/\(try meta(.dataToken) ?? "")"
    }
}
