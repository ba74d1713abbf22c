import Foundation
import Testing

@testable import InsightsPhone

/// SplitMix64: a small seeded generator, so the random sample is the same on every run.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func fixtureInputs() throws -> [String] {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/numbers.tsv")
    return try String(contentsOf: url, encoding: .utf8)
        .split(separator: "\n", omittingEmptySubsequences: true)
        .compactMap { $0.split(separator: "\t", maxSplits: 1).first.map(String.init) }
}

@Suite("PhonePrefixTable")
struct PhonePrefixTableTests {
    let table = PhoneRegions.prefixTable
    let regions = PhoneRegions.shared

    /// The table's answer for a raw number, read as `PhoneRegions` reads it.
    private func tableRegion(_ raw: String) -> String? {
        PhoneRegions.internationalDigitString(raw).flatMap { table.region(forInternationalDigits: $0) }
    }

    @Test("every fixture number gets the same region from the table as from PhoneRegions")
    func fixture() throws {
        let inputs = try fixtureInputs()
        #expect(inputs.count >= 2500)
        var mismatches = 0
        for input in inputs where tableRegion(input) != regions.region(for: input) {
            mismatches += 1
            if mismatches <= 20 {
                Issue.record(
                    "\(input.debugDescription): table \(tableRegion(input) ?? "nil"), PhoneRegions \(regions.region(for: input) ?? "nil")"
                )
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(inputs.count) fixture numbers differ")
    }

    /// 200,000 seeded random numbers: per calling code (and for unassigned codes) digits of
    /// every length from 3 to 27, plus fixture numbers with their last digits redrawn (valid
    /// numbers' neighbours, where the number patterns decide).
    @Test("a seeded random sample gets the same region from the table as from PhoneRegions")
    func randomSample() throws {
        var generator = SeededGenerator(state: 20_261_201)
        let fixture = try fixtureInputs().compactMap(PhoneRegions.internationalDigitString)
        let codes = (1...999).map(String.init)
        var mismatches = 0
        var placed = 0
        let count = 200_000
        for index in 0..<count {
            var digits: [UInt8]
            if index % 2 == 0 {
                digits = Array(codes[Int.random(in: 0..<codes.count, using: &generator)].utf8)
                let length = Int.random(in: 3...27, using: &generator)
                while digits.count < length { digits.append(UInt8.random(in: 0x30...0x39, using: &generator)) }
            } else {
                let base = Array(fixture[Int.random(in: 0..<fixture.count, using: &generator)].utf8)
                let keep = Int.random(in: 1...base.count, using: &generator)
                digits = Array(base.prefix(keep))
                let length = base.count + Int.random(in: -1...1, using: &generator)
                while digits.count < length { digits.append(UInt8.random(in: 0x30...0x39, using: &generator)) }
            }
            let number = String(decoding: digits, as: UTF8.self)
            let expected = regions.region(for: "+" + number)
            if expected != nil { placed += 1 }
            if table.region(forInternationalDigits: number) != expected {
                mismatches += 1
                if mismatches <= 20 {
                    Issue.record(
                        "+\(number): table \(table.region(forInternationalDigits: number) ?? "nil"), PhoneRegions \(expected ?? "nil")"
                    )
                }
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(count) random numbers differ")
        // Not a sample of unplaceable numbers only: most have a region.
        #expect(placed > count / 2)
    }

    /// The embedded table is what `PrefixTableBuilder` works out from the embedded metadata
    /// (`INSIGHTS_RECORD_GOLDEN=1 swift test --filter PhonePrefixTable` rewrites the file).
    @Test("the embedded table is the one the metadata gives")
    func embeddedTableIsCurrent() throws {
        let built = PhonePrefixTable(rows: PrefixTableBuilder(PhoneRegions.shared.table).rows())
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/InsightsPhone/PhonePrefixTable+Data.swift")
        if ProcessInfo.processInfo.environment["INSIGHTS_RECORD_GOLDEN"] == "1" {
            try Self.source(built).write(to: url, atomically: true, encoding: .utf8)
        }
        let file = try String(contentsOf: url, encoding: .utf8)
        let current = file == Self.source(built) && built.rows == table.rows
        #expect(current, "PhonePrefixTable+Data.swift is not what the metadata gives: record it again")
        // Every calling code with a region has rows; the prefixes are at most 15 digits.
        #expect(table.rows.count > 215)
        #expect(table.maxPrefixLength <= 15)
    }

    /// `PhonePrefixTable+Data.swift` for a table.
    static func source(_ table: PhonePrefixTable) -> String {
        """
        // GENERATED FILE - DO NOT EDIT.
        // Written by PhonePrefixTableTests (INSIGHTS_RECORD_GOLDEN=1 swift test --filter PhonePrefixTable)
        // from PrefixTableBuilder's rows for the embedded metadata (phonenumbers \(PhoneRegions.metadataVersion)).
        // \(table.rows.count) rows: prefix, fewest and most international digits, region (ZZ: none).

        /// `PhoneRegions.prefixTable`'s rows, a line each (`PhonePrefixTable.text`).
        let phonePrefixTableText: String = \"""

        """ + table.rows.map { "    \($0.prefix) \($0.minLength) \($0.maxLength) \($0.region)\n" }.joined()
            + "    \"\"\"\n"
    }
}
