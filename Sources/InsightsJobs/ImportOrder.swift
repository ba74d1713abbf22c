import InsightsImport

extension RecordKind {
    /// The order files are imported in, so that references resolve: goals, behaviours,
    /// contacts, messages, conversation events, goal events (also the order of an export).
    public static let importOrder: [RecordKind] = [.goals, .behaviours, .contacts, .messages, .conversationEvents, .goalEvents]
}
