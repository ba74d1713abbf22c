import Testing

@testable import InsightsRender

@Suite struct ChartTests {
    @Test(arguments: [
        (0, [0, 1]), (1, [0, 1]), (3, [0, 1, 2, 3]), (7, [0, 2, 4, 6, 8]), (10, [0, 5, 10]),
        (43, [0, 20, 40, 60]), (100, [0, 50, 100]), (1234, [0, 500, 1000, 1500]),
    ])
    func roundTicks(maximum: Int, expected: [Int]) {
        #expect(Ticks(maximum: maximum).values == expected)
    }

    @Test func numbersAndEscaping() {
        #expect(SVG.number(12) == "12")
        #expect(SVG.number(12.25) == "12.3")
        #expect(SVG.number(-0.04) == "0")
        #expect(SVG.number(-0.25) == "-0.3")
        #expect(SVG.escape("<b>\"Tom\" & 'Jerry'</b>") == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;")
    }

    @Test func heatmapLevelsAndLegendAgree() {
        // With a maximum of 80: 1–20 is step 1, 21–40 step 2, 41–60 step 3, 61–80 step 4.
        #expect([0, 1, 20, 21, 40, 41, 60, 61, 80].map { HeatmapChart.level($0, maximum: 80) } == [0, 1, 1, 2, 2, 3, 3, 4, 4])
        #expect((0...4).map { HeatmapChart.legendText($0, maximum: 80) } == ["0", "1–20", "21–40", "41–60", "61–80"])
        #expect((0...4).map { HeatmapChart.legendText($0, maximum: 2) } == ["0", "–", "1", "–", "2"])
        #expect(HeatmapChart.level(1, maximum: 2) == 2)
    }

    @Test func stackedBarsGeometry() {
        let chart = BarChart(
            id: "t", title: "T <1>", description: "D", labels: ["a", "b"], fullLabels: ["Day A", "Day B"],
            series: [
                .init(name: "new", cssClass: "s-new", values: [1, 0]),
                .init(name: "old", cssClass: "s-returning", values: [1, 3]),
            ],
            layout: .stacked, unit: "users"
        ).render()
        #expect(chart.contains("<title id=\"t-title\">T &lt;1&gt;</title>"))
        // 664 px of plot width: two 332 px slots, bars 72 % of a slot (239 px) starting 14 % in.
        // Axis 0…3 over 204 px of plot height: 68 px per user. Day B's 3 returning users
        // stand 204 px tall from the top margin (10) to the baseline (214).
        #expect(
            chart.contains(
                "<rect class=\"s-returning\" x=\"426.5\" y=\"10\" width=\"239\" height=\"204\"><title>Day B: 3 old</title></rect>"
            ))
        #expect(chart.contains("<rect class=\"s-new\" x=\"94.5\" y=\"146\" width=\"239\" height=\"68\">"))
        #expect(chart.contains(">3</text>"))
    }
}
