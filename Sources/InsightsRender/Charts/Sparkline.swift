/// A small line of a headline's trend: one point per period, oldest first, the last (the
/// report's period) marked. A period without a value is a gap in the line, not a zero: it
/// gets a faint tick at the bottom whose tooltip says so. Every point has a `<title>`
/// tooltip with its period and value.
///
/// The vertical scale runs from the smallest to the largest value shown (a sparkline shows
/// the shape of a year; the exact values are in the tooltips, the table and `metrics.json`);
/// when all values are equal the line is drawn at mid height (at the bottom when all are 0).
struct Sparkline {
    /// One period: its label (`October 2026`), its value (nil: no data) and the value's text.
    struct Point {
        let label: String
        let value: Double?
        let text: String
    }

    let id: String
    let title: String
    let description: String
    let points: [Point]

    static let width = 168.0
    static let height = 44.0
    static let pad = 5.0

    func render() -> String {
        let known = points.compactMap(\.value)
        let low = known.min() ?? 0
        let high = known.max() ?? 0
        let step = points.count > 1 ? (Self.width - 2 * Self.pad) / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { points.count > 1 ? Self.pad + Double(index) * step : Self.width / 2 }
        func y(_ value: Double) -> Double {
            // All values equal: a line at the bottom when they are all 0, else at mid height.
            guard high > low else { return high == 0 ? Self.height - Self.pad : Self.height / 2 }
            return Self.height - Self.pad - (value - low) / (high - low) * (Self.height - 2 * Self.pad)
        }
        var svg = SVG.open(
            id: id, width: Self.width, height: Self.height, title: title, description: description, cssClass: "spark")
        // The line, broken at every gap.
        var run: [String] = []
        func flush() {
            if run.count > 1 { svg += "<polyline class=\"line\" points=\"\(run.joined(separator: " "))\"/>" }
            run = []
        }
        for (index, point) in points.enumerated() {
            guard let value = point.value else {
                flush()
                continue
            }
            run.append("\(SVG.number(x(index))),\(SVG.number(y(value)))")
        }
        flush()
        let last = points.count - 1
        let slot = points.count > 1 ? step : Self.width
        for (index, point) in points.enumerated() {
            if let value = point.value {
                let current = index == last
                svg +=
                    "<circle class=\"\(current ? "dot current" : "dot")\" cx=\"\(SVG.number(x(index)))\" "
                    + "cy=\"\(SVG.number(y(value)))\" r=\"\(current ? "3.5" : "1.8")\"/>"
            } else {
                svg +=
                    "<line class=\"gap\" x1=\"\(SVG.number(x(index)))\" y1=\"\(SVG.number(Self.height - 4))\" "
                    + "x2=\"\(SVG.number(x(index)))\" y2=\"\(SVG.number(Self.height))\"/>"
            }
            // A transparent slot over the point carries its tooltip (easier to hover than a dot).
            svg +=
                "<rect class=\"hit\" x=\"\(SVG.number(x(index) - slot / 2))\" y=\"0\" width=\"\(SVG.number(slot))\" "
                + "height=\"\(SVG.number(Self.height))\"><title>\(SVG.escape("\(point.label): \(point.text)"))</title></rect>"
        }
        return svg + "</svg>"
    }
}
