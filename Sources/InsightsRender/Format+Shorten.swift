extension Format {
    /// The most characters (grapheme clusters) a name from the data keeps on the page and in
    /// the email; a longer one ends in `…` (`metrics.json` and the CSV files keep it whole).
    static let nameLimit = 80

    /// The most characters the full name in a tooltip (`title`) keeps.
    static let tooltipLimit = 1_000

    /// The most Unicode scalars one character keeps: a base and 30 combining marks, the
    /// Stream-Safe Text Format's bound (UAX #15). Real names' characters have far fewer; a
    /// longer one is a pile of marks (or joiners) that only makes the page heavy.
    static let scalarsPerCharacter = 31

    /// `text` cut to at most `limit` characters, the last of them `…` when it was cut, and to
    /// at most four scalars a character on average, so that the length in bytes is bounded too.
    ///
    /// The cut falls between grapheme clusters, so an emoji with its skin tone or its joined
    /// parts, a letter with its combining marks, or a conjunct stays whole. Only a character of
    /// more than ``scalarsPerCharacter`` scalars is cut inside, after its base and first marks,
    /// without a dangling joiner, and the name ends there. A bidirectional control left without
    /// its closing partner is harmless on the page: ``visible(_:limit:)`` shows every such
    /// control as a marker.
    static func shortened(_ text: String, limit: Int) -> String {
        let limit = max(1, limit)
        let scalarBudget = 4 * limit
        if text.utf8.count <= limit { return text }
        var result = ""
        var cut = false
        var characters = 0
        var scalars = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let count = character.unicodeScalars.count
            let kept = min(count, scalarsPerCharacter)
            if characters == limit || scalars + kept > scalarBudget { break }
            if count > scalarsPerCharacter {
                cut = true
                var part = String.UnicodeScalarView(character.unicodeScalars.prefix(kept))
                while let last = part.last, last.value == 0x200C || last.value == 0x200D { part.removeLast() }
                result.unicodeScalars.append(contentsOf: part)
            } else {
                result.append(character)
            }
            characters += 1
            scalars += kept
            index = text.index(after: index)
            // The ellipsis goes where something was left out.
            if cut { break }
        }
        guard cut || index < text.endIndex else { return result }
        // Cut: make room for the ellipsis within the limits.
        if characters == limit || scalars + 1 > scalarBudget, let last = result.indices.last {
            result.removeSubrange(last...)
        }
        return result + "…"
    }

    /// The full name for a tooltip where the page shows `name` shortened, else nil: shown as
    /// ``visible(_:limit:)`` shows names, and itself bounded (``tooltipLimit``).
    static func tooltip(_ name: String) -> String? {
        shortened(name, limit: nameLimit) == name ? nil : visible(name, limit: tooltipLimit)
    }
}
