/// The demo's pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// It is deliberately not a `RandomNumberGenerator`: the standard library's
/// `random(in:using:)` algorithms are not promised to stay the same across versions, so every
/// draw goes through the integer methods below, which are fixed here. No floating point is
/// used, so the output is the same on every platform.
struct DemoRandom {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for one independent stream of a seed (e.g. one per contact).
    init(seed: UInt64, stream: UInt64 = 0) {
        var x = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        // Mix the stream in once more so that nearby streams start far apart.
        x = DemoRandom.splitMix(&x) ^ stream
        s0 = DemoRandom.splitMix(&x)
        s1 = DemoRandom.splitMix(&x)
        s2 = DemoRandom.splitMix(&x)
        s3 = DemoRandom.splitMix(&x)
    }

    private static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        let result = DemoRandom.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = DemoRandom.rotl(s3, 45)
        return result
    }

    /// A number in `0..<bound` (multiply-high; `bound` must be positive).
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in `0..<bound` (`bound` must be positive).
    mutating func below(_ bound: UInt64) -> UInt64 {
        next().multipliedFullWidth(by: bound).high
    }

    /// A number in the range.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A number of seconds in the range.
    mutating func seconds(_ range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(below(Int(range.upperBound - range.lowerBound + 1)))
    }

    /// True with probability `percent` / 100.
    mutating func percent(_ percent: Int) -> Bool { below(100) < percent }

    /// True with probability `permille` / 1000.
    mutating func permille(_ permille: Int) -> Bool { below(1000) < permille }

    /// An index drawn with the given non-negative integer weights (not all zero).
    mutating func weighted(_ weights: [Int]) -> Int {
        var total = 0
        for w in weights { total += w }
        var r = below(total)
        for (index, w) in weights.enumerated() {
            if r < w { return index }
            r -= w
        }
        return weights.count - 1
    }

    /// One of the elements (the array must not be empty).
    mutating func element<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `count` random decimal digits.
    mutating func digits(_ count: Int) -> String {
        var text = ""
        text.reserveCapacity(count)
        for _ in 0..<count { text.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + below(10)))) }
        return text
    }
}
