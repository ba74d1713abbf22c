/// A vertical bar chart over days (or any ordered categories): one series, several series
/// stacked, or several series side by side.
struct BarChart {
    /// One series of values, drawn with a CSS class (`fill` comes from the page's style).
    struct Series {
        let name: String
        let cssClass: String
        let values: [Int]
    }

    enum Layout {
        case stacked
        case grouped
    }

    let id: String
    let title: String
    let description: String
    /// Short labels under the axis (thinned when there are many).
    let labels: [String]
    /// Full labels for each bar's tooltip.
    let fullLabels: [String]
    let series: [Series]
    let layout: Layout
    /// The unit after a value in tooltips, e.g. "users".
    let unit: String

    static let width = 720.0
    static let height = 240.0
    static let left = 48.0
    static let right = 8.0
    static let top = 10.0
    static let bottom = 26.0

    func render() -> String {
        let count = labels.count
        let totals = (0..<count).map { index in
            layout == .stacked
                ? series.reduce(0) { $0 + $1.values[index] } : series.map { $0.values[index] }.max() ?? 0
        }
        let ticks = Ticks(maximum: totals.max() ?? 0)
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let slot = plotWidth / Double(max(count, 1))
        let scale = plotHeight / Double(ticks.top)
        var svg = SVG.open(
            id: id, width: Self.width, height: Self.height, title: title, description: description, cssClass: "bars")
        // Grid lines and tick labels.
        for tick in ticks.values {
            let y = Self.top + plotHeight - Double(tick) * scale
            svg +=
                "<line class=\"grid\" x1=\"\(SVG.number(Self.left))\" y1=\"\(SVG.number(y))\" "
                + "x2=\"\(SVG.number(Self.width - Self.right))\" y2=\"\(SVG.number(y))\"/>"
            svg +=
                "<text class=\"tick\" x=\"\(SVG.number(Self.left - 6))\" y=\"\(SVG.number(y + 4))\" "
                + "text-anchor=\"end\">\(Format.plainInteger(tick))</text>"
        }
        // Bars.
        let barWidth = slot * (layout == .stacked ? 0.72 : 0.84) / Double(layout == .stacked ? 1 : series.count)
        for index in 0..<count {
            let x0 = Self.left + Double(index) * slot + slot * (layout == .stacked ? 0.14 : 0.08)
            var base = 0
            for (position, item) in series.enumerated() {
                let value = item.values[index]
                let x = layout == .stacked ? x0 : x0 + Double(position) * barWidth
                let bottomValue = layout == .stacked ? base : 0
                let yTop = Self.top + plotHeight - Double(bottomValue + value) * scale
                let height = Double(value) * scale
                base += value
                let tip = "\(fullLabels[index]): \(Format.integer(value)) \(item.name)"
                svg +=
                    "<rect class=\"\(item.cssClass)\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(yTop))\" "
                    + "width=\"\(SVG.number(barWidth))\" height=\"\(SVG.number(height))\">"
                    + "<title>\(SVG.escape(tip))</title></rect>"
            }
        }
        // Axis and thinned labels: about ten across the width.
        let baseline = Self.top + plotHeight
        svg +=
            "<line class=\"axis\" x1=\"\(SVG.number(Self.left))\" y1=\"\(SVG.number(baseline))\" "
            + "x2=\"\(SVG.number(Self.width - Self.right))\" y2=\"\(SVG.number(baseline))\"/>"
        let every = max(1, Int((Double(count) / 10).rounded(.up)))
        for index in stride(from: 0, to: count, by: every) {
            let x = Self.left + (Double(index) + 0.5) * slot
            svg +=
                "<text class=\"label\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(baseline + 17))\" "
                + "text-anchor=\"middle\">\(SVG.escape(labels[index]))</text>"
        }
        return svg + "</svg>"
    }
}
