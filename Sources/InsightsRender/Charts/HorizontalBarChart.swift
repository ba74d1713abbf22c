/// Horizontal bars with a label and a value at each end: countries, author types, goals.
///
/// Each label and value is written twice, a full and a short form (classes `full` and
/// `short`); the page's style shows the short forms on narrow screens, where the chart is
/// scaled down, so the text stays legible.
struct HorizontalBarChart {
    struct Item {
        let label: String
        let value: Int
        let valueText: String
        let shortValueText: String
        let cssClass: String

        init(label: String, value: Int, valueText: String, shortValueText: String? = nil, cssClass: String) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.shortValueText = shortValueText ?? Format.integer(value)
            self.cssClass = cssClass
        }
    }

    let id: String
    let title: String
    let description: String
    let items: [Item]

    static let width = 600.0
    static let rowHeight = 26.0
    static let labelWidth = 200.0
    static let valueWidth = 150.0
    static let shortLabelLength = 18

    func render() -> String {
        let height = Double(items.count) * Self.rowHeight + 4
        let maximum = max(items.map(\.value).max() ?? 0, 1)
        let barSpace = Self.width - Self.labelWidth - Self.valueWidth
        var svg = SVG.open(
            id: id, width: Self.width, height: height, title: title, description: description, cssClass: "hbars")
        for (index, item) in items.enumerated() {
            let y = Double(index) * Self.rowHeight + 2
            let length = max(Double(item.value) / Double(maximum) * barSpace, item.value > 0 ? 1 : 0)
            let labelX = SVG.number(Self.labelWidth - 8)
            let textY = SVG.number(y + 17)
            svg +=
                "<text class=\"label full\" x=\"\(labelX)\" y=\"\(textY)\" text-anchor=\"end\">"
                + "\(SVG.escape(truncated(item.label, 30)))</text>"
            svg +=
                "<text class=\"label short\" x=\"\(labelX)\" y=\"\(textY)\" text-anchor=\"end\">"
                + "\(SVG.escape(truncated(item.label, Self.shortLabelLength)))</text>"
            svg +=
                "<rect class=\"\(item.cssClass)\" x=\"\(SVG.number(Self.labelWidth))\" y=\"\(SVG.number(y + 4))\" "
                + "width=\"\(SVG.number(length))\" height=\"\(SVG.number(Self.rowHeight - 8))\">"
                + "<title>\(SVG.escape("\(item.label): \(item.valueText)"))</title></rect>"
            let valueX = SVG.number(Self.labelWidth + length + 6)
            svg += "<text class=\"value full\" x=\"\(valueX)\" y=\"\(textY)\">\(SVG.escape(item.valueText))</text>"
            svg += "<text class=\"value short\" x=\"\(valueX)\" y=\"\(textY)\">\(SVG.escape(item.shortValueText))</text>"
        }
        return svg + "</svg>"
    }

    private func truncated(_ label: String, _ length: Int) -> String {
        label.count > length ? String(label.prefix(length - 1)) + "…" : label
    }
}
