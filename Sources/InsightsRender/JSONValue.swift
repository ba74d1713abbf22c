import InsightsFormat
/// A JSON document with ordered keys, written deterministically.
///
/// `metrics.json` is archived and diffed, so key order, number forms and escaping must not
/// depend on dictionary order or platform: objects keep their insertion order, integers are
/// written as integers, and doubles in their shortest round-trip form.
public indirect enum JSONValue: Equatable, Sendable {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A finite double (non-finite values are written as `null`).
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object whose keys keep this order.
    case object([(String, JSONValue)])

    /// A double or `null`.
    public static func number(_ value: Double?) -> JSONValue {
        value.map { .double($0) } ?? .null
    }

    /// A string or `null`.
    public static func text(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// The document, pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var output = ""
        write(to: &output, indent: 0)
        output.append("\n")
        return output
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .null: output.append("null")
        case .bool(let value): output.append(value ? "true" : "false")
        case .int(let value): output.append(String(value))
        case .double(let value):
            if !value.isFinite {
                output.append("null")
            } else if value == value.rounded(), abs(value) < 1e15 {
                output.append(String(Int(value)) + ".0")
            } else {
                output.append("\(value)")
            }
        case .string(let value): output.append(Self.quoted(value))
        case .array(let values):
            if values.isEmpty { return output.append("[]") }
            if values.allSatisfy(\.isScalar) {
                output.append("[")
                for (index, value) in values.enumerated() {
                    if index > 0 { output.append(", ") }
                    value.write(to: &output, indent: indent)
                }
                return output.append("]")
            }
            output.append("[\n")
            for (index, value) in values.enumerated() {
                output.append(String(repeating: " ", count: indent + 2))
                value.write(to: &output, indent: indent + 2)
                output.append(index == values.count - 1 ? "\n" : ",\n")
            }
            output.append(String(repeating: " ", count: indent) + "]")
        case .object(let members):
            if members.isEmpty { return output.append("{}") }
            output.append("{\n")
            for (index, (key, value)) in members.enumerated() {
                output.append(String(repeating: " ", count: indent + 2))
                output.append(Self.quoted(key) + ": ")
                value.write(to: &output, indent: indent + 2)
                output.append(index == members.count - 1 ? "\n" : ",\n")
            }
            output.append(String(repeating: " ", count: indent) + "}")
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// A JSON string literal: the one escaper of every JSON Insights writes (`JSONText`).
    static func quoted(_ text: String) -> String {
        JSONText.quoted(text)
    }

    /// Two values are equal when they render to the same text.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }
}
