/// Small helpers every chart uses to write SVG text: escaping and fixed number forms.
enum SVG {
    /// Escapes text for an XML text node or a double-quoted attribute.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate with at most one decimal, no trailing zeros: `12`, `12.5`.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = tenths / 10
        let fraction = abs(tenths % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// `<title>` and `<desc>` with ids, and the opening `<svg>` tag that names them.
    static func open(id: String, width: Double, height: Double, title: String, description: String, cssClass: String)
        -> String
    {
        "<svg class=\"chart \(cssClass)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
            + "viewBox=\"0 0 \(number(width)) \(number(height))\" preserveAspectRatio=\"xMinYMin meet\">"
            + "<title id=\"\(id)-title\">\(escape(title))</title><desc id=\"\(id)-desc\">\(escape(description))</desc>"
    }
}

/// Round axis ticks: 0 and multiples of 1, 2 or 5 × 10ⁿ, about `target` of them.
struct Ticks: Equatable {
    /// The tick values, from 0 up to at least the maximum.
    let values: [Int]

    /// The top of the axis (the last tick).
    var top: Int { values.last ?? 1 }

    init(maximum: Int, target: Int = 4) {
        guard maximum > 0 else {
            values = [0, 1]
            return
        }
        let rough = Double(maximum) / Double(target)
        var magnitude = 1
        while Double(magnitude * 10) <= rough { magnitude *= 10 }
        let step = [1, 2, 5, 10].map { $0 * magnitude }.first { Double($0) >= rough } ?? magnitude * 10
        let count = (maximum + step - 1) / step
        values = (0...max(count, 1)).map { $0 * step }
    }
}
