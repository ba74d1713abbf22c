/// A weekday × hour grid of counts with a five-step colour scale and its legend.
struct HeatmapChart {
    let id: String
    let title: String
    let description: String
    /// Rows (weekdays, Monday first), each with 24 counts.
    let values: [[Int]]
    /// Row labels, e.g. "Mon".
    let rowLabels: [String]
    /// Full row names for tooltips, e.g. "Monday".
    let rowNames: [String]

    static let left = 44.0
    static let top = 18.0
    static let cell = 30.0
    static let gap = 2.0

    /// The colour step (0–4) of a count: 0 only for zero, then quarters of the maximum.
    static func level(_ count: Int, maximum: Int) -> Int {
        guard count > 0, maximum > 0 else { return 0 }
        return min(4, max(1, Int((Double(count) / Double(maximum) * 4).rounded(.up))))
    }

    func render() -> String {
        let maximum = values.flatMap { $0 }.max() ?? 0
        let width = Self.left + 24 * Self.cell + 8
        let gridHeight = Double(values.count) * Self.cell
        let height = Self.top + gridHeight + 44
        var svg = SVG.open(id: id, width: width, height: height, title: title, description: description, cssClass: "heat")
        for hour in stride(from: 0, to: 24, by: 3) {
            let x = Self.left + (Double(hour) + 0.5) * Self.cell
            svg += "<text class=\"tick\" x=\"\(SVG.number(x))\" y=\"12\" text-anchor=\"middle\">\(Format.twoDigits(hour))</text>"
        }
        for (row, counts) in values.enumerated() {
            let y = Self.top + Double(row) * Self.cell
            svg +=
                "<text class=\"label\" x=\"\(SVG.number(Self.left - 6))\" y=\"\(SVG.number(y + 16))\" "
                + "text-anchor=\"end\">\(SVG.escape(rowLabels[row]))</text>"
            for (hour, count) in counts.enumerated() {
                let x = Self.left + Double(hour) * Self.cell
                let tip = "\(rowNames[row]) \(Format.hourSlot(hour)): \(Format.integer(count)) message\(count == 1 ? "" : "s")"
                svg +=
                    "<rect class=\"h\(Self.level(count, maximum: maximum))\" x=\"\(SVG.number(x))\" "
                    + "y=\"\(SVG.number(y))\" width=\"\(SVG.number(Self.cell - Self.gap))\" "
                    + "height=\"\(SVG.number(Self.cell - Self.gap))\"><title>\(SVG.escape(tip))</title></rect>"
            }
        }
        // Legend: the five steps with the counts they stand for.
        let legendY = Self.top + gridHeight + 14
        svg += "<text class=\"label\" x=\"\(SVG.number(Self.left))\" y=\"\(SVG.number(legendY + 12))\">Messages per hour:</text>"
        for step in 0...4 {
            let x = Self.left + 130 + Double(step) * 100
            svg += "<rect class=\"h\(step)\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(legendY))\" width=\"16\" height=\"16\"/>"
            svg +=
                "<text class=\"tick\" x=\"\(SVG.number(x + 22))\" y=\"\(SVG.number(legendY + 12))\">"
                + "\(SVG.escape(Self.legendText(step, maximum: maximum)))</text>"
        }
        return svg + "</svg>"
    }

    /// The range of counts a colour step stands for.
    static func legendText(_ step: Int, maximum: Int) -> String {
        if step == 0 { return "0" }
        guard maximum > 0 else { return "–" }
        let low = Int((Double(maximum) * Double(step - 1) / 4).rounded(.down)) + 1
        let high = Int((Double(maximum) * Double(step) / 4).rounded(.down))
        if low > high { return "–" }
        return low == high ? Format.plainInteger(high) : "\(Format.plainInteger(low))–\(Format.plainInteger(high))"
    }
}
