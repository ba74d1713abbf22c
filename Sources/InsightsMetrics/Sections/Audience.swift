/// "Is our audience growing?": unique, new and returning users, per day and per country.
public struct AudienceMetrics: Equatable, Sendable {
    /// Distinct contacts with at least one inbound message in the period.
    public let activeUsers: Int
    /// Active contacts whose first inbound message ever (in all stored data) is in the period.
    public let newUsers: Int
    /// `activeUsers - newUsers`.
    public let returningUsers: Int
    /// The same two counts for the previous period.
    public let previous: PreviousAudience
    /// One entry per day of the period, zeros included.
    public let daily: [DailyAudience]
    /// The period's active users by country, most users first, then by code.
    public let countries: [CountryCount]

    /// Computes the block from a period's tally, the facts of its active contacts and the
    /// previous period's counts.
    ///
    /// A day's `newUsers` are that day's active contacts whose first inbound message falls
    /// on that local day. A contact with no facts counts as country `ZZ` and as returning.
    public init(tally: MessageTally, facts: [ContactKey: ContactFacts], previous: PreviousAudience) {
        let active = tally.activeContacts
        self.init(
            tally: tally, firstInbound: active.compactMap { facts[$0]?.firstInbound },
            countries: Self.countries(of: active) { facts[$0]?.country ?? "ZZ" }, previous: previous)
    }

    /// Computes the block from a period's tally, the first inbound instants that fall in the
    /// period (one per new contact: a contact whose first inbound message ever is in the
    /// period is active in it), the active contacts per country and the previous period's
    /// counts.
    public init(
        tally: MessageTally, firstInbound: [Instant], countries: [String: Int], previous: PreviousAudience
    ) {
        self.init(
            period: tally.period, messages: tally.counts,
            newUsersPerDay: Self.newUsersPerDay(firstInbound, period: tally.period, calendar: tally.calendar),
            countries: countries, previous: previous)
    }

    /// Computes the block from a period's message counts, its new users per day, its active
    /// contacts per country and the previous period's counts (what a warehouse returns).
    public init(
        period: ReportPeriod, messages: MessageCounts, newUsersPerDay: [Int], countries: [String: Int],
        previous: PreviousAudience
    ) {
        self.activeUsers = messages.activeUsers
        self.newUsers = newUsersPerDay.reduce(0, +)
        self.returningUsers = activeUsers - newUsers
        self.previous = previous
        self.daily = messages.dailyActiveUsers.enumerated().map { index, active in
            DailyAudience(date: period.from.adding(days: index), activeUsers: active, newUsers: newUsersPerDay[index])
        }
        self.countries = countries.map { CountryCount(country: $0.key, activeUsers: $0.value) }
            .sorted { ($1.activeUsers, $0.country) < ($0.activeUsers, $1.country) }
    }

    /// The first inbound instants counted per local day of the period (instants outside its
    /// days are ignored).
    public static func newUsersPerDay(_ firstInbound: [Instant], period: ReportPeriod, calendar: ReportCalendar) -> [Int] {
        var newPerDay = Array(repeating: 0, count: period.dayCount)
        for instant in firstInbound {
            let index = Int(calendar.localDate(at: instant).dayNumber - period.from.dayNumber)
            if newPerDay.indices.contains(index) { newPerDay[index] += 1 }
        }
        return newPerDay
    }

    /// Active contacts per country code.
    public static func countries(of active: ContactSet, region: (ContactKey) -> String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for contact in active { counts[region(contact), default: 0] += 1 }
        return counts
    }

    /// Creates the block from its values.
    public init(
        activeUsers: Int, newUsers: Int, previous: PreviousAudience, daily: [DailyAudience],
        countries: [CountryCount]
    ) {
        self.activeUsers = activeUsers
        self.newUsers = newUsers
        self.returningUsers = activeUsers - newUsers
        self.previous = previous
        self.daily = daily
        self.countries = countries
    }
}

/// The previous period's audience headline numbers.
public struct PreviousAudience: Equatable, Sendable {
    /// Distinct active contacts.
    public let activeUsers: Int
    /// New contacts.
    public let newUsers: Int

    /// Creates the counts.
    public init(activeUsers: Int, newUsers: Int) {
        self.activeUsers = activeUsers
        self.newUsers = newUsers
    }

    /// The counts of a tally (`activeUsers`, `newUsers` as in ``AudienceMetrics``).
    public init(tally: MessageTally, facts: [ContactKey: ContactFacts]) {
        let audience = AudienceMetrics(tally: tally, facts: facts, previous: .init(activeUsers: 0, newUsers: 0))
        self.init(activeUsers: audience.activeUsers, newUsers: audience.newUsers)
    }
}

/// One day of the audience block.
public struct DailyAudience: Equatable, Sendable {
    /// The local date.
    public let date: LocalDate
    /// Distinct contacts with an inbound message that day.
    public let activeUsers: Int
    /// Of those, the ones whose first inbound message ever was that day.
    public let newUsers: Int
    /// `activeUsers - newUsers`.
    public var returningUsers: Int { activeUsers - newUsers }

    /// Creates a day.
    public init(date: LocalDate, activeUsers: Int, newUsers: Int) {
        self.date = date
        self.activeUsers = activeUsers
        self.newUsers = newUsers
    }
}

/// Active users of one country.
public struct CountryCount: Equatable, Sendable {
    /// ISO 3166-1 alpha-2 code, `ZZ` for unknown.
    public let country: String
    /// Distinct active contacts.
    public let activeUsers: Int

    /// Creates a count.
    public init(country: String, activeUsers: Int) {
        self.country = country
        self.activeUsers = activeUsers
    }
}

extension ReportPeriod {
    /// Whether a local date is one of the period's days.
    public func contains(_ date: LocalDate) -> Bool {
        from <= date && date <= to
    }
}
