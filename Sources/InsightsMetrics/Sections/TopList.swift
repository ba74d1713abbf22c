import Foundation

/// A label (a drop-off step, an answer, an error) and how many times it was counted.
public struct LabelCount: Equatable, Sendable {
    /// The label, trimmed (`(unknown)` or `(none)` for an empty one, as the list says).
    public let label: String
    /// How many runs, users or messages carry it.
    public let count: Int

    /// Creates an entry.
    public init(label: String, count: Int) {
        self.label = label
        self.count = count
    }
}

/// The largest counts of a list (METRICS.md, section 6, "Top lists"): most counted first, ties
/// by label in Unicode code point order, then the sum of the rest as `other` — nil when nothing
/// is left over, so a list that fits has no `other` entry at all.
public struct TopList: Equatable, Sendable {
    /// The `limit` largest counts, in order.
    public let top: [LabelCount]
    /// The sum of every count after the first `limit`; nil when there are none.
    public let other: Int?

    /// Ranks counts by label and keeps the `limit` largest.
    public init(counts: [String: Int], limit: Int) {
        let ranked = counts.map { LabelCount(label: $0.key, count: $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : codePointPrecedes($0.label, $1.label)
        }
        self.top = Array(ranked.prefix(limit))
        let rest = ranked.dropFirst(limit)
        self.other = rest.isEmpty ? nil : rest.reduce(0) { $0 + $1.count }
    }

    /// Creates a list from its values.
    public init(top: [LabelCount], other: Int?) {
        self.top = top
        self.other = other
    }

    /// Every count, `other` included.
    public var total: Int { top.reduce(other ?? 0) { $0 + $1.count } }
}

/// Whether `a` sorts before `b` comparing Unicode scalar values one by one (code point order;
/// Swift's `<` on strings compares canonical equivalents as equal, which is not that).
public func codePointPrecedes(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
}

/// A label without surrounding white space (spaces, tabs, line breaks); `empty` when nothing
/// is left or there is no label.
func trimmedLabel(_ text: String?, empty: String) -> String {
    let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    return trimmed.isEmpty ? empty : trimmed
}
