/// "How are our users engaging?": received and sent messages, per day and per hour.
public struct EngagementMetrics: Equatable, Sendable {
    /// Inbound messages in the period.
    public let messagesReceived: Int
    /// Outbound messages in the period.
    public let messagesSent: Int
    /// `messagesReceived / Σ daily active users`; nil when no user was active.
    public let averageMessagesPerUserPerDay: Double?
    /// The previous period's counts.
    public let previous: PreviousEngagement
    /// One entry per day of the period, zeros included.
    public let daily: [DailyMessages]
    /// Received messages: 7 rows (Monday first) × 24 hours (0 first), local time.
    public let heatmap: [[Int]]

    /// Computes the block from a period's tally and the previous period's counts.
    public init(tally: MessageTally, previous: PreviousEngagement) {
        self.init(period: tally.period, messages: tally.counts, previous: previous)
    }

    /// Computes the block from a period's message counts and the previous period's counts.
    public init(period: ReportPeriod, messages: MessageCounts, previous: PreviousEngagement) {
        let received = messages.received
        let activeDays = messages.dailyActiveUsers.reduce(0, +)
        self.messagesReceived = received
        self.messagesSent = messages.sent
        self.averageMessagesPerUserPerDay = activeDays == 0 ? nil : Double(received) / Double(activeDays)
        self.previous = previous
        self.daily = period.days.enumerated().map { index, date in
            DailyMessages(date: date, received: messages.dailyReceived[index], sent: messages.dailySent[index])
        }
        self.heatmap = messages.heatmap
    }

    /// The busiest slot (most received; ties: earliest weekday, then hour).
    public var busiestSlot: HeatmapSlot? {
        slots.max { ($0.count, $1.weekday, $1.hour) < ($1.count, $0.weekday, $0.hour) }
    }

    /// The quietest slot (fewest received; ties: earliest weekday, then hour).
    public var quietestSlot: HeatmapSlot? {
        slots.min { ($0.count, $0.weekday, $0.hour) < ($1.count, $1.weekday, $1.hour) }
    }

    private var slots: [HeatmapSlot] {
        heatmap.enumerated().flatMap { weekday, hours in
            hours.enumerated().map { HeatmapSlot(weekday: weekday, hour: $0.offset, count: $0.element) }
        }
    }
}

/// One weekday × hour cell of the heatmap.
public struct HeatmapSlot: Equatable, Sendable {
    /// 0 = Monday … 6 = Sunday.
    public let weekday: Int
    /// 0–23, local.
    public let hour: Int
    /// Received messages.
    public let count: Int

    /// Creates a slot.
    public init(weekday: Int, hour: Int, count: Int) {
        self.weekday = weekday
        self.hour = hour
        self.count = count
    }
}

/// The previous period's engagement headline numbers.
public struct PreviousEngagement: Equatable, Sendable {
    /// Inbound messages.
    public let messagesReceived: Int
    /// Outbound messages.
    public let messagesSent: Int

    /// Creates the counts.
    public init(messagesReceived: Int, messagesSent: Int) {
        self.messagesReceived = messagesReceived
        self.messagesSent = messagesSent
    }
}

/// One day of received and sent messages.
public struct DailyMessages: Equatable, Sendable {
    /// The local date.
    public let date: LocalDate
    /// Inbound messages that day.
    public let received: Int
    /// Outbound messages that day.
    public let sent: Int

    /// Creates a day.
    public init(date: LocalDate, received: Int, sent: Int) {
        self.date = date
        self.received = received
        self.sent = sent
    }
}
