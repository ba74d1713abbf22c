/// JSON string literals: the one escaper of every JSON Insights writes (`insights export`
/// NDJSON, `metrics.json`, the column text of nested JSON values read from an export).
public enum JSONText {
    /// `text` as a JSON string literal (RFC 8259): `"` and `\` escaped, `\n`, `\r`, `\t` as
    /// those escapes, every other control character (U+0000–U+001F), DEL (U+007F) and the
    /// line and paragraph separators U+2028 and U+2029 (which end a line in JavaScript and in
    /// some editors) as `\u00XX` with lower-case hex digits; everything else as UTF-8.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        append(text, to: &out)
        out += "\""
        return out
    }

    /// Whether `text` may hold a character to escape (a control, `"`, `\\`, DEL, or a byte
    /// 0xE2, which begins U+2028 and U+2029 among others).
    private static func needsEscapes(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2 {
                return true
            }
            return false
        }
    }

    /// Appends the escaped characters of `text` (without the surrounding quotes).
    public static func append(_ text: String, to out: inout String) {
        // The common case: nothing to escape, the text as it is.
        if !needsEscapes(text) {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0x7F || value == 0x2028 || value == 0x2029 {
                    let hex = String(value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }
}
