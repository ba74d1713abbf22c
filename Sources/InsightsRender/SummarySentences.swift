import InsightsMetrics

/// What `templates/summary/sentence.mustache` sees for one `SummaryFact`: which rule (one of
/// `change` … `busiestHour` is true), which headline (one of `activeUsers` …
/// `conversationsClosed` is true, for the headline rules), and the numbers, formatted.
///
/// A sentence is plain text: the template writes values with `{{{…}}}`, and the page and the
/// email escape the finished sentence (metrics.json keeps it as it is). Names from the data go
/// through `Format.visible`.
struct SentenceView {
    // The rule.
    let change: Bool
    let fromZero: Bool
    let unchanged: Bool
    let noPrevious: Bool
    let noData: Bool
    let journeys: Bool
    let journeysAlike: Bool
    let onlyJourney: Bool
    let busiestHour: Bool
    // The headline.
    let activeUsers: Bool
    let newUsers: Bool
    let reachedUsers: Bool
    let messagesReceived: Bool
    let messagesSent: Bool
    let goalCompletions: Bool
    let journeyCompletions: Bool
    let medianFirstResponse: Bool
    let conversationsClosed: Bool
    /// The value is 1 (for singular words).
    let one: Bool
    // The numbers.
    let rose: Bool
    let fell: Bool
    let value: String
    let previous: String
    /// The size of the change in percent, one decimal: `7.5`.
    let percent: String
    let best: String
    let bestRate: String
    let bestRuns: String
    let worst: String
    let worstRate: String
    let worstRuns: String
    let rate: String
    let count: String
    let weekday: String
    let hours: String
    let messages: String

    init(_ fact: SummaryFact) {
        var metric: HeadlineMetric?
        var rule = ""
        var value: Double?
        var previous: Double?
        var fraction = 0.0
        var best: JourneyRate?
        var worst: JourneyRate?
        var rate: Double?
        var count = 0
        var slot: HeatmapSlot?
        switch fact {
        case .change(let m, let v, let p, let f): (rule, metric, value, previous, fraction) = ("change", m, v, p, f)
        case .fromZero(let m, let v): (rule, metric, value, previous) = ("fromZero", m, v, 0)
        case .unchanged(let m, let v): (rule, metric, value) = ("unchanged", m, v)
        case .noPrevious(let m, let v): (rule, metric, value) = ("noPrevious", m, v)
        case .noData(let m): (rule, metric) = ("noData", m)
        case .journeys(let b, let w): (rule, best, worst) = ("journeys", b, w)
        case .journeysAlike(let r, let n): (rule, rate, count) = ("journeysAlike", r, n)
        case .onlyJourney(let b): (rule, best) = ("onlyJourney", b)
        case .busiestHour(let s): (rule, slot) = ("busiestHour", s)
        }
        change = rule == "change"
        fromZero = rule == "fromZero"
        unchanged = rule == "unchanged"
        noPrevious = rule == "noPrevious"
        noData = rule == "noData"
        journeys = rule == "journeys"
        journeysAlike = rule == "journeysAlike"
        onlyJourney = rule == "onlyJourney"
        busiestHour = rule == "busiestHour"
        activeUsers = metric == .activeUsers
        newUsers = metric == .newUsers
        reachedUsers = metric == .reachedUsers
        messagesReceived = metric == .messagesReceived
        messagesSent = metric == .messagesSent
        goalCompletions = metric == .goalCompletions
        journeyCompletions = metric == .journeyCompletions
        medianFirstResponse = metric == .medianFirstResponseMinutes
        conversationsClosed = metric == .conversationsClosed
        func number(_ value: Double?) -> String {
            guard let value, let metric else { return "" }
            return metric.isCount ? Format.integer(Int(value)) : Format.decimal(value, places: 1)
        }
        self.value = number(value)
        self.previous = number(previous)
        one = value == 1 || slot?.count == 1
        rose = fraction > 0
        fell = fraction < 0
        percent = Format.decimal(abs(fraction) * 100, places: 1)
        self.best = best.map { Format.visible($0.name) } ?? ""
        bestRate = best.map { Format.decimal($0.rate * 100, places: 1) } ?? ""
        bestRuns = best.map { Format.integer($0.runsStarted) } ?? ""
        self.worst = worst.map { Format.visible($0.name) } ?? ""
        worstRate = worst.map { Format.decimal($0.rate * 100, places: 1) } ?? ""
        worstRuns = worst.map { Format.integer($0.runsStarted) } ?? ""
        self.rate = rate.map { Format.decimal($0 * 100, places: 1) } ?? ""
        self.count = Format.integer(count)
        weekday = slot.map { Format.weekdayNames[$0.weekday] } ?? ""
        hours = slot.map { Format.hourSlot($0.hour) } ?? ""
        messages = slot.map { Format.integer($0.count) } ?? ""
    }
}

extension ReportRenderer {
    /// The name of the sentence template.
    static let sentenceTemplate = "summary/sentence"

    /// The summary's sentences (`SummaryMetrics.facts`) in the words of the template
    /// `summary/sentence.mustache`, rendered once per fact; runs of white space (the
    /// template's line breaks) become one space.
    public func summarySentences(_ report: Report) throws(TemplateError) -> [String] {
        guard hasTemplate(Self.sentenceTemplate) else {
            throw TemplateError.missing(name: "\(Self.sentenceTemplate).mustache", searched: directory.path)
        }
        // A segment's page hides its small counts (--min-cell) in the sentences too.
        return Format.$minCell.withValue(report.pageMinCell) {
            report.summary.facts.map { fact in
                renderTemplate(SentenceView(fact), named: Self.sentenceTemplate)
                    .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            }
        }
    }
}
