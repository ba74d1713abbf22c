/// Drafts of records before contact ids and message ids are assigned. Times are seconds
/// since the epoch (UTC); `contact` is the contact's generation index; `order` breaks ties
/// between drafts of one contact at the same second.
struct MessageDraft {
    var time: Int64
    var contact: Int32
    var order: Int32
    /// Index into `DemoCatalog.authors`; -1 for an inbound message.
    var author: Int32
}

/// A `closed` or `reopened` event by a coach.
struct ConversationDraft {
    var time: Int64
    var contact: Int32
    var order: Int32
    var closed: Bool
    /// Index into `DemoCatalog.authors`.
    var coach: Int32
}

/// A goal event.
struct GoalDraft {
    enum Kind {
        case started, actioned, completed

        /// The `event` column's value.
        var name: String {
            switch self {
            case .started: "started"
            case .actioned: "actioned"
            case .completed: "completed"
            }
        }
    }
    var time: Int64
    var contact: Int32
    var order: Int32
    var goal: Int32
    /// Index into `DemoCatalog.behaviours`; -1 when none.
    var behaviour: Int32
    var kind: Kind
}

/// Everything generated, in generation order.
struct Drafts {
    var messages: [MessageDraft] = []
    var conversation: [ConversationDraft] = []
    var goals: [GoalDraft] = []
}

/// A contact's row, before its id is known.
struct ContactDraft {
    var index: Int
    var phone: String
    var country: String?
    var createdAt: Int64
    /// The contact's programme: an index into `DemoCatalog.goals`, or 3 for none.
    var program: Int
    /// The contact's sessions in time order, for its Journey runs.
    var sessions: [SessionSummary]
    /// Consent and contact fields, filled in by `JourneySimulation`.
    var optedInAt: Int64? = nil
    var optedOutAt: Int64? = nil
    /// The `fields` column: JSON text, or empty.
    var fields = ""
}

/// What a Journey run needs to know about one session of a contact.
struct SessionSummary {
    /// The first inbound message, which starts the session's Journey.
    var start: Int64
    /// The Journey's last automated reply in the session.
    var automatedEnd: Int64
    /// The first message of the coach the session was handed to, if any.
    var handover: Int64?
    /// The Stack that answered (index into `DemoCatalog.authors`).
    var journey: Int
}

/// The calendar of a configuration: local days (UTC+2) numbered from 0, and the weights
/// with which new contacts arrive on each day.
struct DemoTimeline {
    let days: Int
    let firstEpochDay: Int64
    let interval: Range<Int64>
    /// Cumulative arrival weights, one per day.
    let arrivalCumulative: [UInt64]

    init(_ configuration: DemoConfiguration) {
        days = max(configuration.days, 1)
        firstEpochDay = configuration.startDate.epochDay
        interval = configuration.interval
        // Arrivals grow toward the present: a small constant trickle plus a quartic ramp,
        // with quieter weekends.
        var cumulative: [UInt64] = []
        cumulative.reserveCapacity(days)
        var total: UInt64 = 0
        for day in 0..<days {
            let x = UInt64((day + 1) * 1000 / days)  // 1…1000
            var weight: UInt64 = 40_000_000_000 + x * x * x * x
            let weekday = Civil.weekday(epochDay: firstEpochDay + Int64(day))
            weight = weight / 10 * (weekday == 0 || weekday == 6 ? 7 : 10)
            total += weight
            cumulative.append(total)
        }
        arrivalCumulative = cumulative
    }

    /// The UTC instant of a local day's midnight.
    func start(ofDay day: Int) -> Int64 {
        (firstEpochDay + Int64(day)) * 86_400 - DemoConfiguration.utcOffsetSeconds
    }

    /// The local day of an instant (may be out of `0..<days`).
    func day(of time: Int64) -> Int {
        let local = time + DemoConfiguration.utcOffsetSeconds
        let epochDay = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return Int(epochDay - firstEpochDay)
    }

    /// The local hour (0–23) of an instant.
    func hour(of time: Int64) -> Int {
        Int((time - start(ofDay: day(of: time))) / 3600)
    }

    /// 0 = Sunday … 6 = Saturday.
    func weekday(ofDay day: Int) -> Int { Civil.weekday(epochDay: firstEpochDay + Int64(day)) }

    /// A day drawn with the arrival weights.
    func arrivalDay(_ rng: inout DemoRandom) -> Int {
        let r = rng.below(arrivalCumulative[arrivalCumulative.count - 1])
        var low = 0
        var high = arrivalCumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if arrivalCumulative[mid] > r { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// Moves an instant into coaches' working hours (07:00–21:00 local), later if needed.
    func workingHours(_ time: Int64, _ rng: inout DemoRandom) -> Int64 {
        let day = day(of: time)
        let hour = hour(of: time)
        if hour < 7 { return start(ofDay: day) + 7 * 3600 + rng.seconds(0...5400) }
        if hour >= 21 { return start(ofDay: day + 1) + 7 * 3600 + rng.seconds(0...5400) }
        return time
    }
}
