@testable import InsightsStore
import Testing

/// The period scan's byte-keyed hash table: lookups, collisions and growth.
@Suite struct AuthorTableTests {
    /// Hands out 0, 1, 2, … to new keys, counting how often it was asked.
    private final class Counter {
        var made = 0
        func next() -> Int {
            made += 1
            return made - 1
        }
    }

    @Test func aKeyIsMadeOnceAndFoundAfter() {
        var table = AuthorTable()
        let counter = Counter()
        #expect(table.value(forKey: Array("stack\0\u{1}s1\0".utf8), make: counter.next) == 0)
        #expect(table.value(forKey: Array("coach\0\u{1}s1\0".utf8), make: counter.next) == 1)
        #expect(table.value(forKey: Array("stack\0\u{1}s1\0".utf8), make: counter.next) == 0)
        // Two distinct keys, made once each.
        #expect(counter.made == 2)
        #expect(table.count == 2)
    }

    @Test func keysThatArePrefixesOfEachOtherStayApart() {
        var table = AuthorTable()
        let counter = Counter()
        let keys: [[UInt8]] = [[], [0], [0, 0], [1], [1, 0]]
        #expect(keys.map { table.value(forKey: $0, make: counter.next) } == [0, 1, 2, 3, 4])
        #expect(keys.map { table.value(forKey: $0, make: counter.next) } == [0, 1, 2, 3, 4])
        #expect(counter.made == 5)
    }

    @Test func everyKeyCollidingStillFindsItsOwn() {
        // One hash for every key: each new key probes past all earlier ones.
        var table = AuthorTable(slotCount: 64, hash: { _ in 7 })
        let counter = Counter()
        let keys = (0..<20).map { Array("author-\($0)".utf8) }
        #expect(keys.map { table.value(forKey: $0, make: counter.next) } == Array(0..<20))
        #expect(keys.reversed().map { table.value(forKey: $0, make: counter.next) } == Array((0..<20).reversed()))
        #expect(counter.made == 20)
    }

    @Test func equalHashesOfDifferentLengthAndBytesAreDifferentKeys() {
        // Same hash and same length, different bytes; same hash, different length.
        var table = AuthorTable(slotCount: 4, hash: { _ in 0 })
        let counter = Counter()
        #expect(table.value(forKey: [1, 2], make: counter.next) == 0)
        #expect(table.value(forKey: [2, 1], make: counter.next) == 1)
        #expect(table.value(forKey: [1, 2, 0], make: counter.next) == 2)
        #expect(table.value(forKey: [2, 1], make: counter.next) == 1)
        #expect(counter.made == 3)
    }

    @Test func itDoublesWhenMoreThanHalfFull() {
        var table = AuthorTable(slotCount: 4)
        let counter = Counter()
        // 2 entries in 4 slots is half full: no growth; the 3rd makes it 8, the 5th 16.
        _ = table.value(forKey: [1], make: counter.next)
        _ = table.value(forKey: [2], make: counter.next)
        #expect(table.slots.count == 4)
        _ = table.value(forKey: [3], make: counter.next)
        #expect(table.slots.count == 8)
        _ = table.value(forKey: [4], make: counter.next)
        #expect(table.slots.count == 8)
        _ = table.value(forKey: [5], make: counter.next)
        #expect(table.slots.count == 16)
        // 1000 keys: the smallest power of two of at least 2 × 1000 slots.
        for number in 6...1000 { _ = table.value(forKey: Array("\(number)".utf8), make: counter.next) }
        #expect(table.slots.count == 2048)
        #expect(table.count == 1000)
        // Every key is still found after the re-insertions, colliding ones included.
        #expect(table.value(forKey: [3], make: counter.next) == 2)
        #expect(table.value(forKey: Array("999".utf8), make: counter.next) == 998)
        #expect(counter.made == 1000)
    }

    @Test func growthKeepsCollidingKeys() {
        var table = AuthorTable(slotCount: 2, hash: { $0.count == 1 ? 5 : 9 })
        let counter = Counter()
        let keys: [[UInt8]] = [[1], [2], [1, 1], [3], [2, 2], [4]]
        #expect(keys.map { table.value(forKey: $0, make: counter.next) } == [0, 1, 2, 3, 4, 5])
        // 6 entries: 2 → 4 → 8 → 16 slots.
        #expect(table.slots.count == 16)
        #expect(keys.map { table.value(forKey: $0, make: counter.next) } == [0, 1, 2, 3, 4, 5])
        #expect(counter.made == 6)
    }
}
