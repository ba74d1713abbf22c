/// A set of contact keys as a bitset: one bit per key from 0 to the largest inserted, so a
/// million contacts take 125 KB however many are in the set, inserting is a shift and an
/// or, and union is a word-wise or. Keys are the store's row ids (small, dense, positive).
public struct ContactSet: Equatable, Sendable, Sequence {
    private var words: [UInt64] = []
    /// How many keys are in the set.
    public private(set) var count = 0

    /// Creates an empty set.
    public init() {}

    /// Creates a set of the given keys.
    public init<S: Sequence>(_ keys: S) where S.Element == ContactKey {
        for key in keys { insert(key) }
    }

    /// Whether the set is empty.
    public var isEmpty: Bool { count == 0 }

    /// Adds a key (≥ 0).
    public mutating func insert(_ key: ContactKey) {
        precondition(key >= 0, "contact keys are row ids, never negative")
        let word = Int(key >> 6)
        if word >= words.count {
            words.append(contentsOf: repeatElement(0, count: Swift.max(word + 1, words.count * 2) - words.count))
        }
        let bit = UInt64(1) << UInt64(key & 63)
        if words[word] & bit == 0 {
            words[word] |= bit
            count += 1
        }
    }

    /// Whether a key is in the set.
    public func contains(_ key: ContactKey) -> Bool {
        guard key >= 0 else { return false }
        let word = Int(key >> 6)
        return word < words.count && words[word] & (UInt64(1) << UInt64(key & 63)) != 0
    }

    /// Adds every key of another set.
    public mutating func formUnion(_ other: ContactSet) {
        if other.words.count > words.count {
            words.append(contentsOf: repeatElement(0, count: other.words.count - words.count))
        }
        var total = 0
        for index in words.indices {
            if index < other.words.count { words[index] |= other.words[index] }
            total += words[index].nonzeroBitCount
        }
        count = total
    }

    /// Two sets are equal when they hold the same contacts.
    public static func == (lhs: ContactSet, rhs: ContactSet) -> Bool {
        guard lhs.count == rhs.count else { return false }
        let shared = Swift.min(lhs.words.count, rhs.words.count)
        return lhs.words[..<shared] == rhs.words[..<shared]
            && lhs.words[shared...].allSatisfy { $0 == 0 } && rhs.words[shared...].allSatisfy { $0 == 0 }
    }

    /// The keys in ascending order.
    public func makeIterator() -> Iterator {
        Iterator(words: words)
    }

    /// Walks the set bits word by word.
    public struct Iterator: IteratorProtocol {
        let words: [UInt64]
        var index = 0
        var current: UInt64

        init(words: [UInt64]) {
            self.words = words
            self.current = words.first ?? 0
        }

        /// The next contact, in ascending order; nil after the last.
        public mutating func next() -> ContactKey? {
            while current == 0 {
                index += 1
                guard index < words.count else { return nil }
                current = words[index]
            }
            let bit = current.trailingZeroBitCount
            current &= current - 1
            return ContactKey(index << 6 | bit)
        }
    }
}
