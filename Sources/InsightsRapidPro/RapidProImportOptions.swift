import InsightsImport
import InsightsMetrics

/// How a RapidPro export is read and mapped: the user's additions to the built-in rules.
///
/// Every map's keys are lower-case; a user's entry overrides the built-in one.
public struct RapidProImportOptions: Sendable {
    /// How timestamps without an offset are read (`--assume-timezone`).
    public var timestamps: TimestampParser
    /// `--author-map`: what makes an outbound message (`flow`, `broadcast`, `ticket`, `none`) →
    /// its author type.
    public var authorMap: [String: AuthorType]
    /// `--status-map`: message status words → what they say about delivery.
    public var statusMap: [String: RapidProStatus]
    /// `--exit-map`: run exit types (or statuses) → how the run ended; `none` is an ended run
    /// with no exit type.
    public var exitMap: [String: RapidProRunEnd]
    /// `--urn-map`: URN schemes → whether their path is a phone number.
    public var urnMap: [String: RapidProURNScheme]
    /// How many row problems are listed per file (all are counted).
    public var issueLimit: Int

    /// Outbound messages: with a flow → stack, from a broadcast → reminder, in a ticket →
    /// coach, with none of them → api (in that order of precedence).
    public static let builtInAuthorMap: [String: AuthorType] = [
        "flow": .stack, "broadcast": .reminder, "ticket": .coach, "none": .api,
    ]

    /// RapidPro's message statuses (archives and the v2 API).
    public static let builtInStatusMap: [String: RapidProStatus] = [
        "sent": .sent, "delivered": .delivered, "read": .read, "errored": .failed, "failed": .failed,
        "wired": .none, "handled": .none, "queued": .none, "initializing": .none, "pending": .none,
    ]

    /// RapidPro's run exit types, and the statuses of runs still going.
    public static let builtInExitMap: [String: RapidProRunEnd] = [
        "completed": .completed, "interrupted": .interrupted, "expired": .expired, "failed": .interrupted,
        "active": .active, "waiting": .active,
    ]

    /// RapidPro's URN schemes: `tel` and `whatsapp` hold phone numbers, the others do not.
    public static let builtInURNMap: [String: RapidProURNScheme] = {
        var map: [String: RapidProURNScheme] = ["tel": .phone, "whatsapp": .phone]
        for scheme in [
            "bsuid", "deleted", "discord", "ext", "facebook", "fcm", "freshchat", "instagram", "jiochat", "line",
            "mailto", "rocketchat", "slack", "telegram", "twitter", "twitterid", "viber", "vk", "webchat", "wechat",
        ] {
            map[scheme] = RapidProURNScheme.none
        }
        return map
    }()

    /// Creates options.
    public init(
        timestamps: TimestampParser = TimestampParser(), authorMap: [String: AuthorType] = [:],
        statusMap: [String: RapidProStatus] = [:], exitMap: [String: RapidProRunEnd] = [:],
        urnMap: [String: RapidProURNScheme] = [:], issueLimit: Int = 20
    ) {
        self.timestamps = timestamps
        self.authorMap = authorMap
        self.statusMap = statusMap
        self.exitMap = exitMap
        self.urnMap = urnMap
        self.issueLimit = issueLimit
    }

    /// A user's entry, else the built-in one; whether the user said so; nil when neither knows the key.
    static func look<Value>(_ key: String, user: [String: Value], builtIn: [String: Value]) -> (Value, Bool)? {
        if let value = user[key] { return (value, true) }
        if let value = builtIn[key] { return (value, false) }
        return nil
    }

    /// Parses `a=b,c=d`, the value of a map option, keys lower-cased.
    ///
    /// - Throws: `RapidProOptionError` with a sentence naming the bad pair.
    public static func parsePairs<Value>(
        _ text: String, option: String, expected: String, value: (String) -> Value?
    ) throws(RapidProOptionError) -> [String: Value] {
        var result: [String: Value] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw RapidProOptionError(message: "\(option): \"\(pair)\" is not NAME=VALUE")
            }
            guard let mapped = value(parts[1].lowercased()) else {
                throw RapidProOptionError(
                    message: "\(option): \"\(parts[1])\" in \"\(pair)\" is not one of \(expected)")
            }
            result[parts[0].lowercased()] = mapped
        }
        return result
    }
}

/// A bad value of a RapidPro import option.
public struct RapidProOptionError: Error, Equatable, Sendable {
    /// One sentence for the user.
    public let message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }
}

/// What a message status word says about delivery.
public enum RapidProStatus: String, CaseIterable, Sendable {
    /// The network took it.
    case sent
    /// It reached the phone.
    case delivered
    /// The person read it.
    case read
    /// It did not go out.
    case failed
    /// Nothing yet (queued, wired, an inbound message's handled): no status is stored.
    case none

    /// The status stored, if any.
    var delivery: DeliveryStatus? {
        switch self {
        case .sent: .sent
        case .delivered: .delivered
        case .read: .read
        case .failed: .failed
        case .none: nil
        }
    }
}

/// How a run ended, or that it has not.
public enum RapidProRunEnd: String, CaseIterable, Sendable {
    /// It reached the end of the flow.
    case completed
    /// The person stopped answering and it timed out.
    case expired
    /// Another flow took over, or it was stopped (or failed).
    case interrupted
    /// Still going: no end is stored.
    case active

    /// The outcome stored, if the run ended.
    var outcome: JourneyOutcome? {
        switch self {
        case .completed: .completed
        case .expired: .expired
        case .interrupted: .interrupted
        case .active: nil
        }
    }
}

/// Whether a URN scheme's path is a phone number.
public enum RapidProURNScheme: String, CaseIterable, Sendable {
    /// `tel:+27…`, `whatsapp:27…`.
    case phone
    /// A Telegram id, an e-mail address …: the contact gets no phone from it.
    case none
}
