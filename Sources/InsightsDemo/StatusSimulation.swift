import InsightsFormat

/// The network's statuses of outbound messages (WhatsApp's sent, delivered, read and failed
/// callbacks), from `DemoConfiguration.statusExportStart` on: most messages are sent, then
/// delivered within seconds (sometimes hours, when the phone is off), then read; people read
/// what coaches and Journeys write more often and sooner than reminders. A few fail with
/// WhatsApp's error codes, some are read at once (only a `read` row, now and then stamped a
/// second or two before the message: the two clocks differ), a few have no status at all, and
/// none arrives after the end of the data.
///
/// It draws from one stream of its own (`salt`), never from the contacts' streams.
struct StatusSimulation {
    /// Mixed into the seed: "STATUSES".
    static let salt: UInt64 = 0x5354_4154_5553_4553

    private var rng: DemoRandom
    private let end: Int64

    init(seed: UInt64, end: Int64) {
        self.rng = DemoRandom(seed: seed ^ StatusSimulation.salt, stream: 0)
        self.end = end
    }

    /// The kind of author, by index into `DemoCatalog.authors`.
    private enum Kind: Int { case stack, coach, reminder, api, legacy }
    private static let kinds: [Kind] = DemoCatalog.authors.map { author in
        switch author.type {
        case "stack": .stack
        case "coach": .coach
        case "reminder": .reminder
        case "api": .api
        default: .legacy
        }
    }
    /// The weights of `failureErrors` by kind: re-engagement failures hit messages sent long
    /// after the person last wrote.
    private static let errorWeights = [[75, 5, 15, 5], [40, 45, 5, 10], [45, 50, 0, 5], [70, 20, 5, 5], [70, 20, 5, 5]]
    /// Delivery within seconds, minutes or hours.
    private static let deliveryDelays = [80, 15, 5]
    /// Reading within seconds, minutes or hours, of Journeys and coaches, and of the rest.
    private static let quickReads = [75, 20, 5]
    private static let slowReads = [20, 45, 35]
    /// The `status` and `error` columns as written, by the codes of `Rows`.
    private static let statusFields = ["sent,", "delivered,", "read,", "failed,"]
    private static let errorFields = DemoCatalog.failureErrors.map { $0 + "\n" } + ["\n"]

    /// Writes the statuses of `messages` (in file order: the message numbered `n + 1` is
    /// `messages[n]`), message by message, each message's rows in time order.
    mutating func write(_ messages: [MessageDraft], into csv: inout CSVText, idWidth: Int) {
        var rows = Rows()
        for (number, message) in messages.enumerated()
        where message.author >= 0 && message.time >= DemoConfiguration.statusExportStart {
            rows.list.removeAll(keepingCapacity: true)
            statuses(of: message.time, kind: StatusSimulation.kinds[Int(message.author)], into: &rows)
            // Nothing is reported after the end of the data.
            for row in rows.list {
                guard row.time < end else { break }
                csv.number(prefix: "msg-", number + 1, width: idWidth)
                csv.raw(StatusSimulation.statusFields[row.status])
                csv.time(row.time)
                csv.raw(StatusSimulation.errorFields[row.error])
            }
        }
    }

    /// The statuses of one message, in time order.
    private struct Rows {
        static let sent = 0
        static let delivered = 1
        static let read = 2
        static let failed = 3
        /// `status`: one of the codes above; `error`: index into `failureErrors`, past its end for none.
        var list: [(status: Int, time: Int64, error: Int)] = []

        mutating func add(_ status: Int, _ time: Int64, error: Int = DemoCatalog.failureErrors.count) {
            list.append((status, time, error))
        }
    }

    private mutating func statuses(of time: Int64, kind: Kind, into rows: inout Rows) {
        guard !rng.permille(6) else { return }  // no status at all
        let interactive = kind == .stack || kind == .coach
        let failures =
            switch kind {
            case .reminder: 50
            case .api: 30
            case .stack: 18
            case .coach: 12
            case .legacy: 20
            }
        if rng.permille(failures) {
            let error = rng.weighted(StatusSimulation.errorWeights[kind.rawValue])
            var t = time
            if rng.percent(70) {
                t += rng.seconds(0...3)
                rows.add(Rows.sent, t)
            }
            rows.add(Rows.failed, t + rng.seconds(1...60), error: error)
            return
        }
        if interactive, rng.percent(6) {
            // Read at once; now and then the network's clock is a second or two behind.
            rows.add(Rows.read, time + (rng.percent(10) ? -rng.seconds(1...2) : rng.seconds(0...4)))
            return
        }
        var t = time + rng.seconds(0...3)
        rows.add(Rows.sent, t)
        guard rng.permille(kind == .reminder ? 930 : 965) else { return }
        switch rng.weighted(StatusSimulation.deliveryDelays) {
        case 0: t += rng.seconds(1...30)
        case 1: t += rng.seconds(60...3600)
        default: t += rng.seconds(3600...43_200)
        }
        rows.add(Rows.delivered, t)
        let reads =
            switch kind {
            case .coach: 90
            case .stack: 85
            case .api: 70
            case .reminder: 52
            case .legacy: 80
            }
        guard rng.percent(reads) else { return }
        switch rng.weighted(interactive ? StatusSimulation.quickReads : StatusSimulation.slowReads) {
        case 0: t += interactive ? rng.seconds(1...90) : rng.seconds(10...300)
        case 1: t += interactive ? rng.seconds(90...1800) : rng.seconds(300...10_800)
        default: t += interactive ? rng.seconds(1800...28_800) : rng.seconds(10_800...129_600)
        }
        rows.add(Rows.read, t)
    }
}
