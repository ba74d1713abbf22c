/// One horizontal bar split into parts that add up to a whole: a Journey's runs by how they
/// stood at the end of the period. Each part is as long as its share of the total, with a
/// tooltip; the legend with the numbers is written beside the chart in HTML.
struct StackedBarChart {
    /// One part of the bar, drawn with a CSS class (`fill` comes from the page's style).
    struct Part {
        let label: String
        let value: Int
        let cssClass: String
    }

    let id: String
    let title: String
    let description: String
    let parts: [Part]

    static let width = 600.0
    static let height = 28.0

    func render() -> String {
        let total = parts.reduce(0) { $0 + $1.value }
        var svg = SVG.open(
            id: id, width: Self.width, height: Self.height, title: title, description: description, cssClass: "hbars stacked")
        guard total > 0 else {
            return svg + "<rect class=\"s-none\" x=\"0\" y=\"2\" width=\"\(SVG.number(Self.width))\" height=\"24\">"
                + "<title>Nothing to show</title></rect></svg>"
        }
        var x = 0.0
        for part in parts where part.value > 0 {
            let length = Double(part.value) / Double(total) * Self.width
            let share = Format.percent(Double(part.value) / Double(total))
            svg +=
                "<rect class=\"\(part.cssClass)\" x=\"\(SVG.number(x))\" y=\"2\" width=\"\(SVG.number(length))\" "
                + "height=\"24\"><title>\(SVG.escape("\(part.label): \(Format.integer(part.value)) (\(share))"))</title></rect>"
            x += length
        }
        return svg + "</svg>"
    }
}
