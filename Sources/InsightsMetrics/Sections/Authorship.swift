/// "How are we guiding our users?" (part two): who authored the sent messages.
public struct AuthorshipMetrics: Equatable, Sendable {
    /// Sent messages per author type, in the order of `AuthorType.allCases`, zeros included.
    public let byType: [AuthorTypeShare]
    /// Per author type (all six, in order): the 10 authors with most sent messages.
    public let topAuthors: [AuthorType: [TopAuthor]]

    /// How many authors each type lists at most.
    public static let topAuthorLimit = 10

    /// Computes the block from a period's tally.
    ///
    /// - Parameter latestNames: for each `author_id` of the period, the `author_name` of the
    ///   newest stored message (by timestamp, then `message_id`) with that id and a name.
    ///   An id with no name there is shown by its id.
    public init(tally: MessageTally, latestNames: [String: String]) {
        self.init(authors: tally.authors, latestNames: latestNames)
    }

    /// Computes the block from sent messages per author (`latestNames` as in
    /// `init(tally:latestNames:)`).
    public init(authors counts: [AuthorKey: Int], latestNames: [String: String]) {
        var perType: [AuthorType: Int] = [:]
        var authors: [AuthorType: [TopAuthor]] = [:]
        for (key, messages) in counts {
            guard let type = key.type else { continue }
            perType[type, default: 0] += messages
            let name: String
            if let id = key.id {
                name = latestNames[id] ?? id
            } else {
                name = key.groupName ?? "(unnamed)"
            }
            authors[type, default: []].append(TopAuthor(authorID: key.id, name: name, messages: messages))
        }
        let total = perType.values.reduce(0, +)
        self.byType = AuthorType.allCases.map { type in
            let messages = perType[type] ?? 0
            return AuthorTypeShare(
                authorType: type, messages: messages,
                share: total == 0 ? nil : Double(messages) / Double(total))
        }
        var top: [AuthorType: [TopAuthor]] = [:]
        for type in AuthorType.allCases {
            top[type] = Array((authors[type] ?? []).sorted(by: TopAuthor.ranking).prefix(Self.topAuthorLimit))
        }
        self.topAuthors = top
    }

    /// Sent messages by `automation` and `thread`, the legacy types.
    public var legacyMessages: Int {
        byType.filter { $0.authorType == .automation || $0.authorType == .thread }.reduce(0) { $0 + $1.messages }
    }
}

/// Sent messages of one author type.
public struct AuthorTypeShare: Equatable, Sendable {
    /// The type.
    public let authorType: AuthorType
    /// Sent messages in the period.
    public let messages: Int
    /// `messages` / all sent messages; nil when nothing was sent.
    public let share: Double?
}

/// One author in a top-10 list.
public struct TopAuthor: Equatable, Sendable {
    /// The author's id; nil for messages grouped by name (they had no id).
    public let authorID: String?
    /// The name shown.
    public let name: String
    /// Sent messages in the period.
    public let messages: Int

    /// Creates an entry.
    public init(authorID: String?, name: String, messages: Int) {
        self.authorID = authorID
        self.name = name
        self.messages = messages
    }

    /// Most messages first; ties by name, then id (code-point order, ids before no id).
    static func ranking(_ a: TopAuthor, _ b: TopAuthor) -> Bool {
        if a.messages != b.messages { return a.messages > b.messages }
        if a.name != b.name { return a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars) }
        switch (a.authorID, b.authorID) {
        case let (x?, y?): return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        case (.some, nil): return true
        default: return false
        }
    }
}
