import Testing

@testable import InsightsBench

@Suite struct FigureTests {
    @Test func aLowerBoundIsMetAtTheBoundAndMissedBelowIt() {
        let target = Figure.Target.atLeast(500_000)
        #expect(target.isMet(by: 500_000))
        #expect(!target.isMet(by: 499_999))
        // 500,000 / 33,000 = 15.15… times short.
        let figure = Figure(name: "import", value: 33_000, unit: .rowsPerSecond, target: target)
        #expect(figure.verdict == "MISS (15.2× short)")
        #expect(figure.valueText == "33,000 rows/s")
        #expect(figure.targetText == "≥ 500,000 rows/s")
    }

    @Test func anUpperBoundIsMetAtTheBoundAndMissedAbove() {
        let target = Figure.Target.atMost(2)
        #expect(target.isMet(by: 2))
        #expect(Figure(name: "r", value: 1.99, unit: .ratio, target: target).verdict == "PASS")
        // 4.3 / 2 = 2.15 times over.
        let figure = Figure(name: "report / floor", value: 4.3, unit: .ratio, target: target)
        #expect(figure.verdict == "MISS (2.15× over)")
        #expect(figure.valueText == "4.30×")
        #expect(figure.targetText == "≤ 2.00×")
    }

    @Test func aFigureThatDidNotRunSaysSo() {
        #expect(Figure(name: "x", value: nil, unit: .ratio, target: .atMost(0.5)).verdict == "not run")
        #expect(Figure(name: "x", value: .nan, unit: .ratio, target: .atMost(0.5)).verdict == "not run")
        #expect(Figure(name: "x", value: nil, unit: .seconds).verdict == "not run")
        #expect(Figure(name: "x", value: 1, unit: .seconds).verdict == "")
        #expect(Figure(name: "x", value: nil, unit: .seconds).valueText == "–")
    }

    @Test func numbersAreGroupedByThousands() {
        #expect(Figure.grouped(0) == "0")
        #expect(Figure.grouped(999) == "999")
        #expect(Figure.grouped(1_000) == "1,000")
        #expect(Figure.grouped(1_234_567) == "1,234,567")
        #expect(Figure.grouped(-45_000) == "-45,000")
        // 200e6 bytes are 200 MB (decimal megabytes, as `du -B MB`).
        #expect(Figure.text(200e6, .megabytes) == "200 MB")
        #expect(Figure.text(0.8215, .seconds) == "0.822 s")
    }

    @Test func theTablePadsEachColumnToItsWidestCell() {
        let table = SummaryTable.render([
            Figure(name: "report / floor", value: 4.3, unit: .ratio, target: .atMost(2)),
            Figure(name: "floor", value: 0.5, unit: .seconds, note: "10 rows"),
        ])
        // Widths: figure 14 ("report / floor"), measured 8, target 7, result 17, note 7.
        #expect(
            table == """
                figure          measured  target   result             note
                --------------  --------  -------  -----------------  -------
                report / floor  4.30×     ≤ 2.00×  MISS (2.15× over)
                floor           0.500 s                               10 rows
                """)
        #expect(SummaryTable.misses([Figure(name: "a", value: 4.3, unit: .ratio, target: .atMost(2))]) == 1)
    }
}
