import InsightsMetrics

/// Number and date texts for the page: fixed English forms, never the machine's locale.
public enum Format {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// `--min-cell N` while a segmented report renders (`ReportRenderer`): `integer(_:)` then
    /// writes counts from 1 to N − 1 as `< N`.
    @TaskLocal static var minCell: Int?

    /// `12,345`, a count: `< N` when `--min-cell` hides it (`minCell`).
    static func integer(_ value: Int) -> String {
        SmallCounts.text(value, minCell: minCell, format: plainInteger)
    }

    /// `12,345`, never hidden (axis ticks, day counts).
    static func plainInteger(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "−" : "") + result
    }

    /// A number with `places` decimals: `3.13`.
    static func decimal(_ value: Double, places: Int) -> String {
        let scale = pow10(places)
        let rounded = (value * scale).rounded() / scale
        let whole = Int(rounded.rounded(.towardZero))
        guard places > 0 else { return integer(Int(rounded)) }
        let fraction = Int(((abs(rounded) - Double(abs(whole))) * scale).rounded())
        let fractionText = String(fraction)
        let sign = rounded < 0 && whole == 0 ? "−" : ""
        return sign + integer(whole) + "." + String(repeating: "0", count: places - fractionText.count) + fractionText
    }

    /// `52.2 %` from a fraction.
    static func percent(_ fraction: Double?, places: Int = 1) -> String {
        guard let fraction else { return "–" }
        return decimal(fraction * 100, places: places) + " %"
    }

    /// `19 October 2026`.
    static func date(_ date: LocalDate) -> String {
        let (year, month, day) = date.components
        return "\(day) \(monthNames[month - 1]) \(year)"
    }

    /// `Mon 19 Oct`.
    static func shortDate(_ date: LocalDate) -> String {
        let (_, month, day) = date.components
        return "\(weekdayNames[date.weekdayFromMonday].prefix(3)) \(day) \(monthNames[month - 1].prefix(3))"
    }

    /// `19 Oct`.
    static func dayAndMonth(_ date: LocalDate) -> String {
        let (_, month, day) = date.components
        return "\(day) \(monthNames[month - 1].prefix(3))"
    }

    /// `October 2026` for a whole month, else the period's own text.
    public static func monthLabel(_ period: ReportPeriod) -> String {
        let (year, month, day) = period.from.components
        let whole = day == 1 && period.dayCount == LocalDate.daysIn(month: month, year: year)
        return whole ? monthName(period.from) : self.period(period)
    }

    /// `October 2026`.
    static func monthName(_ date: LocalDate) -> String {
        let (year, month, _) = date.components
        return "\(monthNames[month - 1]) \(year)"
    }

    /// `Oct 26`.
    static func shortMonth(_ date: LocalDate) -> String {
        let (year, month, _) = date.components
        return "\(monthNames[month - 1].prefix(3)) \(twoDigits(year % 100))"
    }

    /// `10.8 hours`, `2.5 days`, `45 minutes`.
    static func duration(hours: Double) -> String {
        if hours < 1 { return "\(Int((hours * 60).rounded())) minutes" }
        if hours < 48 { return "\(decimal(hours, places: 1)) hours" }
        return "\(decimal(hours / 24, places: 1)) days"
    }

    /// `19 October – 1 November 2026`.
    static func period(_ period: ReportPeriod) -> String {
        let (fromYear, fromMonth, fromDay) = period.from.components
        let (toYear, toMonth, toDay) = period.to.components
        if period.from == period.to { return date(period.from) }
        if fromYear == toYear, fromMonth == toMonth {
            return "\(fromDay)–\(toDay) \(monthNames[toMonth - 1]) \(toYear)"
        }
        if fromYear == toYear {
            return "\(fromDay) \(monthNames[fromMonth - 1]) – \(toDay) \(monthNames[toMonth - 1]) \(toYear)"
        }
        return "\(date(period.from)) – \(date(period.to))"
    }

    /// `14:00–15:00`.
    static func hourSlot(_ hour: Int) -> String {
        "\(twoDigits(hour)):00–\(twoDigits(hour + 1)):00"
    }

    /// `07`.
    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static func pow10(_ places: Int) -> Double {
        (0..<places).reduce(1.0) { value, _ in value * 10 }
    }
}

/// A change against the previous period, in words and symbols (never colour alone).
struct ChangeText {
    let text: String
    let direction: String
    /// `▲ +12.5 %`, `▼ −3.0 %`, `new`, `=`.
    let short: String

    init(current: Int, previous: Int) {
        switch Change(current: Double(current), previous: Double(previous)) {
        case .unchanged:
            text = "no change on the previous period"
            direction = "flat"
            short = "="
        case .new:
            text = "new: none in the previous period"
            direction = "up"
            short = "new"
        case .up(let fraction):
            text = "▲ +\(Format.percent(fraction)) on the previous period (\(Format.integer(previous)))"
            direction = "up"
            short = "▲ +\(Format.percent(fraction))"
        case .down(let fraction):
            text = "▼ −\(Format.percent(fraction)) on the previous period (\(Format.integer(previous)))"
            direction = "down"
            short = "▼ −\(Format.percent(fraction))"
        }
    }
}
