extension Format {
    /// A name from the data as shown on the page and in the email: invisible characters that
    /// could make one name look like another become visible markers such as `<U+202E>`.
    ///
    /// Marked: the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
    /// U+2066–U+2069), the left-to-right and right-to-left marks (U+200E, U+200F), and the
    /// zero-width characters (U+200B–U+200D, U+2060, U+FEFF). A zero-width non-joiner or joiner
    /// (U+200C, U+200D) is kept where a script needs it and where it shows: between two letters
    /// of a script that joins or forms conjuncts (Hebrew to Mongolian, U+0590–U+18AF, and
    /// Arabic presentation forms), and a joiner inside an emoji sequence (👩‍⚕️). `metrics.json`
    /// and the CSV files keep the raw value.
    ///
    /// A name longer than `limit` characters is shortened first (``shortened(_:limit:)``).
    static func visible(_ text: String, limit: Int = nameLimit) -> String {
        let text = shortened(text, limit: limit)
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { invisible.contains($0.value) }) else { return text }
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let previous = index > 0 ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if invisible.contains(scalar.value), !isNeededJoiner(scalar, after: previous, before: next) {
                result.append(contentsOf: "<U+\(hex(scalar.value))>".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static let invisible: Set<UInt32> = Set(
        Array(0x202A...0x202E) + Array(0x2066...0x2069) + [0x200E, 0x200F] + Array(0x200B...0x200D) + [0x2060, 0xFEFF])

    private static func isNeededJoiner(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?)
        -> Bool
    {
        guard scalar.value == 0x200C || scalar.value == 0x200D, let previous, let next else { return false }
        if joins(previous) && joins(next) { return true }
        let emoji = { (s: Unicode.Scalar) in s.properties.isEmojiPresentation || s.value == 0xFE0F || s.properties.isEmojiModifier
        }
        return scalar.value == 0x200D && emoji(previous) && next.properties.isEmoji && next.value > 0xFF
    }

    /// A letter or combining mark of a script in which joiners change the rendering.
    private static func joins(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard (0x0590...0x18AF).contains(value) || (0xFB1D...0xFDFF).contains(value) || (0xFE70...0xFEFC).contains(value)
        else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
            .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
