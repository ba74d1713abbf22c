import InsightsMetrics

/// The store is what `insights archive` reads by default (`activitySpan`, `hasActivity(in:)`
/// and `dataStamp` are in `Store+Archive.swift`).
extension Store: ArchiveSource {}
