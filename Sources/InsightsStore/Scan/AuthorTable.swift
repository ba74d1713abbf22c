/// A hash table from the bytes of a key to an integer (the period scan's authors, by the
/// bytes of their type, id and name), so a message's author is found without making a
/// `String`: the value is made once per distinct key.
///
/// Open addressing with linear probing over a power-of-two slot array, kept at most half
/// full (it doubles and re-inserts when an entry would make it more); keys live back to back
/// in one byte arena.
struct AuthorTable {
    private(set) var slots: [Int32]
    private var entries: [(hash: UInt64, start: Int, count: Int, value: Int)] = []
    private var arena: [UInt8] = []
    private let hash: ([UInt8]) -> UInt64

    /// An empty table of `slotCount` slots (a power of two), hashing keys with `hash`
    /// (FNV-1a, 64 bits, unless a test needs collisions).
    init(slotCount: Int = 1024, hash: @escaping ([UInt8]) -> UInt64 = AuthorTable.fnv1a) {
        precondition(slotCount > 0 && slotCount & (slotCount - 1) == 0, "a power of two")
        slots = [Int32](repeating: -1, count: slotCount)
        self.hash = hash
    }

    /// The number of distinct keys stored.
    var count: Int { entries.count }

    /// The value stored for `key`; when the key is new, `make()` gives it and it is stored.
    mutating func value(forKey key: [UInt8], make: () -> Int) -> Int {
        let hash = self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = entries[Int(slots[slot])]
            if entry.hash == hash, entry.count == key.count, arena[entry.start..<(entry.start + entry.count)].elementsEqual(key) {
                return entry.value
            }
            slot = (slot + 1) & mask
        }
        let value = make()
        slots[slot] = Int32(entries.count)
        entries.append((hash, arena.count, key.count, value))
        arena += key
        if entries.count * 2 > slots.count { grow() }
        return value
    }

    /// FNV-1a, 64 bits.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
