import InsightsImport

extension RecordKind {
    /// The order files are imported in, so that references resolve (also the order of an
    /// export): goals, behaviours, contacts, messages, message statuses, conversation events,
    /// goal events, journey runs, journey results. Statuses come after messages and results
    /// after runs, though neither needs the other stored first.
    public static let importOrder: [RecordKind] = [
        .goals, .behaviours, .contacts, .messages, .messageStatuses, .conversationEvents, .goalEvents, .journeyRuns,
        .journeyResults,
    ]
}
