import Testing

@testable import InsightsPhone

/// `DigitPattern` and `PartialMatcher` on hand-made partly known numbers (-1: not known yet).
@Suite("DigitPattern")
struct DigitPatternTests {
    private func pattern(_ source: String) throws -> DigitPattern {
        try ParsedDigitPattern(source).pattern
    }

    private func digits(_ text: String) -> PartialDigits {
        text.map { $0 == "?" ? -1 : Int8($0.wholeNumberValue ?? -1) }
    }

    /// US's general pattern: ten digits starting 2–9, or seven starting 3.
    @Test func wholeMatches() throws {
        let us = try pattern("[2-9]\\d{9}|3\\d{6}")
        #expect(us.maximumLength == 10)
        // 613 then seven unknown digits: [2-9] takes 6, \d{9} any digit → yes whatever follows.
        #expect(PartialMatcher.matchesWhole(us, digits("613???????")) == .yes)
        // An unknown first digit may or may not be in [2-9].
        #expect(PartialMatcher.matchesWhole(us, digits("??????????")) == .unknown)
        // Seven digits starting 4: neither alternative (ten digits; 3 then six).
        #expect(PartialMatcher.matchesWhole(us, digits("4??????")) == .no)
        // Seven digits starting 3: the second alternative, whatever the rest.
        #expect(PartialMatcher.matchesWhole(us, digits("3??????")) == .yes)
    }

    /// IM's leading digits: 74576, or 1624, 7524, 7624.
    @Test func startMatches() throws {
        let im = try pattern("74576|(?:16|7[56])24")
        #expect(PartialMatcher.matchesStart(im, digits("75??")) == .unknown)
        #expect(PartialMatcher.matchesStart(im, digits("7524")) == .yes)
        #expect(PartialMatcher.matchesStart(im, digits("74576??")) == .yes)
        #expect(PartialMatcher.matchesStart(im, digits("17????")) == .no)
    }

    /// The first match decides, as a backtracking engine finds it: GB's `0|180020` tries `0`
    /// first; MG's `([24-9]\d{6})$|0` needs the whole number for its first alternative.
    @Test func firstMatches() throws {
        let gb = try ParsedDigitPattern("0|180020")
        #expect(PartialMatcher.firstMatch(gb, digits("180020????"))?.end == 6)
        #expect(PartialMatcher.firstMatch(gb, digits("0?????"))?.end == 1)
        #expect(PartialMatcher.firstMatch(gb, digits("2?????"))?.found == false)
        #expect(PartialMatcher.firstMatch(gb, digits("??????")) == nil)
        let mg = try ParsedDigitPattern("([24-9]\\d{6})$|0")
        #expect(mg.groupCount == 1)
        let seven = try #require(PartialMatcher.firstMatch(mg, digits("2123456")))
        #expect(seven.found && seven.end == 7 && seven.groups[1] == 0..<7)
        // Eight digits: `$` fails after seven, and `0` does not match 2.
        #expect(PartialMatcher.firstMatch(mg, digits("21234567"))?.found == false)
        let zero = try #require(PartialMatcher.firstMatch(mg, digits("0123456")))
        #expect(zero.found && zero.end == 1 && zero.groups[1] == nil)
        // AR-like: `0?` takes the 0, then group 1 takes 11 and `15` follows: the match ends at 5.
        let ar = try ParsedDigitPattern("0?(?:(11|2)15)?")
        let match = try #require(PartialMatcher.firstMatch(ar, digits("011151234")))
        #expect(match.end == 5 && match.groups[1] == 1..<3)
    }

    @Test(arguments: ["a", "\\s", "[^0]", "(?=1)", "1{2,", "(1"])
    func refusesOtherSyntax(source: String) {
        #expect(throws: PhoneMetadataError.self) { try ParsedDigitPattern(source) }
    }

    /// Longest prefix among the rows of the number's length; a `ZZ` row overrides a shorter one.
    @Test func tableLookup() throws {
        let table = PhonePrefixTable(rows: [
            .init(prefix: "1", minLength: 11, maxLength: 11, region: "US"),
            .init(prefix: "1204", minLength: 11, maxLength: 11, region: "CA"),
            .init(prefix: "12040", minLength: 11, maxLength: 11, region: "ZZ"),
            .init(prefix: "44", minLength: 5, maxLength: 17, region: "GB"),
        ])
        #expect(table.maxPrefixLength == 5)
        #expect(table.region(forInternationalDigits: "12045551234") == "CA")
        #expect(table.region(forInternationalDigits: "12040551234") == nil)
        #expect(table.region(forInternationalDigits: "12125551234") == "US")
        #expect(table.region(forInternationalDigits: "1212555123") == nil)  // 10 digits: no row
        #expect(table.region(forInternationalDigits: "442079460958") == "GB")
        #expect(try PhonePrefixTable(text: table.text).rows == table.rows)
    }

    /// The translation lists every decimal digit besides ASCII once, with the fullwidth plus.
    @Test func digitTranslation() {
        let (sources, targets) = PhoneRegions.digitTranslation
        let from = Array(sources.unicodeScalars)
        let to = Array(targets.unicodeScalars)
        #expect(from.count == to.count && Set(from).count == from.count)
        #expect(from.first == "\u{FF0B}" && to.first == "+")
        // Arabic-Indic seven, fullwidth seven, Devanagari seven → 7.
        for seven in ["\u{0667}", "\u{FF17}", "\u{096D}"] {
            let index = from.firstIndex(of: Unicode.Scalar(seven.unicodeScalars.first ?? "x"))
            #expect(index.map { to[$0] } == "7")
        }
        #expect(!from.contains("7"))
    }
}
