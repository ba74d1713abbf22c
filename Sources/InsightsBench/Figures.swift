import Foundation

/// One line of the benchmark's summary table: what was measured, the value, and the target of
/// issue 15 it is held against (if any).
struct Figure: Equatable {
    /// How a value reads.
    enum Unit: Equatable {
        case rowsPerSecond
        case seconds
        /// A ratio of two times (`report / floor`).
        case ratio
        case megabytes
    }

    /// A bound the value must meet.
    enum Target: Equatable {
        case atLeast(Double)
        case atMost(Double)

        /// Whether `value` meets the bound (the bound itself meets it).
        func isMet(by value: Double) -> Bool {
            switch self {
            case .atLeast(let bound): value >= bound
            case .atMost(let bound): value <= bound
            }
        }

        /// How many times the value falls short of (or exceeds) the bound: 1 when met exactly,
        /// above 1 when missed. `atLeast(500)` with 100 is 5; `atMost(2)` with 3 is 1.5.
        func shortfall(of value: Double) -> Double {
            switch self {
            case .atLeast(let bound): value > 0 ? bound / value : .infinity
            case .atMost(let bound): bound > 0 ? value / bound : .infinity
            }
        }
    }

    /// What was measured.
    var name: String
    /// The measured value; nil when the step did not run.
    var value: Double?
    var unit: Unit
    var target: Target?
    /// Context printed beside the value (rows and seconds, why it did not run …).
    var note: String = ""

    /// `PASS`, `MISS (5.0× short)` / `MISS (1.5× over)`, `not run`, or empty without a target.
    var verdict: String {
        guard let target else { return value == nil ? "not run" : "" }
        guard let value, value.isFinite else { return "not run" }
        if target.isMet(by: value) { return "PASS" }
        let factor = target.shortfall(of: value)
        switch target {
        case .atLeast: return String(format: "MISS (%.1f× short)", factor)
        case .atMost: return String(format: "MISS (%.2f× over)", factor)
        }
    }

    /// The value as it reads in the table.
    var valueText: String {
        guard let value, value.isFinite else { return "–" }
        return Self.text(value, unit)
    }

    /// The target as it reads in the table.
    var targetText: String {
        switch target {
        case nil: ""
        case .atLeast(let bound): "≥ " + Self.text(bound, unit)
        case .atMost(let bound): "≤ " + Self.text(bound, unit)
        }
    }

    static func text(_ value: Double, _ unit: Unit) -> String {
        switch unit {
        case .rowsPerSecond: grouped(Int(value.rounded())) + " rows/s"
        case .seconds: String(format: "%.3f s", value)
        case .ratio: String(format: "%.2f×", value)
        case .megabytes: String(format: "%.0f MB", value / 1e6)
        }
    }

    /// 1234567 as "1,234,567".
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }
}

/// The summary table: one row per figure, columns padded to their widest cell.
enum SummaryTable {
    static let header = ["figure", "measured", "target", "result", "note"]

    /// The table as text lines (a header, a rule, the rows).
    static func render(_ figures: [Figure]) -> String {
        let rows = [header] + figures.map { [$0.name, $0.valueText, $0.targetText, $0.verdict, $0.note] }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(rows[0]), rule] + rows.dropFirst().map(line)).joined(separator: "\n")
    }

    /// How many figures with a target missed it.
    static func misses(_ figures: [Figure]) -> Int {
        figures.filter { $0.verdict.hasPrefix("MISS") }.count
    }
}
