/// Works out `PhonePrefixTable`'s rows from the metadata: per calling code and national
/// length, a walk over the national digits that stops where `PhoneMetadataTable.region`'s
/// answer no longer depends on the digits still unknown.
///
/// The questions `region` asks (the national prefix's match, whether the number and the
/// stripped candidate match the general pattern, leading digits, type patterns) are asked
/// of the partly known number with `PartialMatcher`; where one cannot be answered yet both
/// answers are followed, so the set of regions reached is a superset of the possible ones:
/// a single region means the prefix decides. With every digit known every answer is known,
/// so the walk ends, and the rows agree with `region` by construction.
struct PrefixTableBuilder {
    /// A region's questions as `DigitPattern`s.
    private struct Region {
        let metadata: RegionMetadata
        let leadingDigits: DigitPattern?
        let prefixForParsing: ParsedDigitPattern?
        let general: (lengths: LengthSet, pattern: DigitPattern)?
        let types: [(lengths: LengthSet, pattern: DigitPattern)]

        init(_ metadata: RegionMetadata) throws {
            self.metadata = metadata
            leadingDigits = try metadata.leadingDigits.map { try ParsedDigitPattern($0.source).pattern }
            prefixForParsing = try metadata.nationalPrefixForParsing.map { try ParsedDigitPattern($0.source) }
            general = try metadata.general.map { ($0.lengths, try ParsedDigitPattern($0.pattern.source).pattern) }
            types = try metadata.types.map { ($0.lengths, try ParsedDigitPattern($0.pattern.source).pattern) }
        }
    }

    private let table: PhoneMetadataTable

    init(_ table: PhoneMetadataTable) {
        self.table = table
    }

    /// Every row, by prefix then length (rows of consecutive lengths with the same prefix and
    /// region merged).
    func rows() -> [PhonePrefixTable.Row] {
        var perLength: [String: [(length: Int, region: String)]] = [:]
        for (code, regions) in table.regionsByCallingCode.enumerated() {
            guard let regions, !regions.isEmpty else { continue }
            let compiled: [Region]
            do {
                compiled = try regions.map(Region.init)
            } catch {
                fatalError("InsightsPhone: the embedded phone metadata has a pattern PhonePrefixTable cannot read: \(error)")
            }
            let codeDigits = String(code)
            let longest =
                PhoneMetadataTable.maxNationalLength + (compiled[0].prefixForParsing?.pattern.maximumLength ?? 0)
            for length in PhoneMetadataTable.minNationalLength...longest {
                let tree = PrefixCover(Walk(regions: compiled, length: length).visit([]))
                tree.rows(prefix: codeDigits, inherited: nil) { prefix, region in
                    perLength[prefix, default: []].append((codeDigits.count + length, region ?? "ZZ"))
                }
            }
        }
        var rows: [PhonePrefixTable.Row] = []
        for prefix in perLength.keys.sorted() {
            var runs: [PhonePrefixTable.Row] = []
            for leaf in (perLength[prefix] ?? []).sorted(by: { $0.length < $1.length }) {
                if let last = runs.last, last.region == leaf.region, last.maxLength + 1 == leaf.length {
                    runs[runs.count - 1] = PhonePrefixTable.Row(
                        prefix: prefix, minLength: last.minLength, maxLength: leaf.length, region: leaf.region)
                } else {
                    runs.append(
                        PhonePrefixTable.Row(prefix: prefix, minLength: leaf.length, maxLength: leaf.length, region: leaf.region))
                }
            }
            rows += runs
        }
        return rows
    }

    /// The walk of one calling code's national numbers of one length.
    private struct Walk {
        let regions: [Region]
        let length: Int

        /// The tree below the known national digits `known`: a leaf where every completion
        /// gets the same region, else one subtree per next digit.
        func visit(_ known: [Int8]) -> PrefixNode {
            let partial = known + Array(repeating: -1, count: length - known.count)
            if let answers = regionsReached(partial), answers.count == 1, let answer = answers.first {
                return .leaf(answer)
            }
            // With every digit known every answer is known: not reached.
            guard known.count < length else { return .leaf(nil) }
            let children = (Int8(0)...9).map { visit(known + [$0]) }
            if case .leaf(let first) = children[0],
                children.allSatisfy({ if case .leaf(let value) = $0 { value == first } else { false } })
            {
                return .leaf(first)
            }
            return .inner(children)
        }

        /// The regions (nil: none) `PhoneMetadataTable.region` can give a national number
        /// matching `national`; nil when the national prefix's match is not known yet.
        private func regionsReached(_ national: PartialDigits) -> Set<String?>? {
            guard let candidates = nationalNumbers(national) else { return nil }
            var reached = Set<String?>()
            for number in candidates {
                guard number.count >= PhoneMetadataTable.minNationalLength,
                    number.count <= PhoneMetadataTable.maxNationalLength
                else {
                    reached.insert(nil)
                    continue
                }
                if regions.count == 1 {
                    reached.insert(regions[0].metadata.id)
                    continue
                }
                reached.formUnion(regionsFromList(number))
            }
            return reached
        }

        /// `strippingNationalPrefix` of the main region: the national significant numbers it
        /// can give, nil when the national prefix's match is not known yet.
        private func nationalNumbers(_ number: PartialDigits) -> [PartialDigits]? {
            let main = regions[0]
            guard !number.isEmpty, let prefix = main.prefixForParsing, let general = main.general else { return [number] }
            guard let match = PartialMatcher.firstMatch(prefix, number) else { return nil }
            guard match.found else { return [number] }
            let originalViable = PartialMatcher.matchesWhole(general.pattern, number)
            var candidate: PartialDigits
            if let transform = main.metadata.nationalPrefixTransform, prefix.groupCount > 0,
                match.groups[prefix.groupCount] != nil
            {
                candidate = []
                for part in transform {
                    switch part {
                    case .literal(let literal): candidate += literal.utf8.map { Int8($0) - 0x30 }
                    case .group(let index):
                        if index <= prefix.groupCount, let range = match.groups[index] { candidate += number[range] }
                    }
                }
                candidate += number[match.end...]
            } else {
                candidate = Array(number[match.end...])
            }
            let candidateViable = originalViable == .no ? Decided.no : PartialMatcher.matchesWhole(general.pattern, candidate)
            var numbers: [PartialDigits] = []
            // `if isViableOriginal && !general.pattern.matches(candidate) { return number }`
            let keepsOriginal = originalViable != .no && candidateViable != .yes
            let goesOn = !(originalViable == .yes && candidateViable == .no)
            if keepsOriginal { numbers.append(number) }
            if goesOn { numbers.append(main.metadata.hasPossibleLength(candidate.count) ? candidate : number) }
            return numbers
        }

        /// `_region_code_for_number_from_list`: the regions it can give (nil: none).
        private func regionsFromList(_ number: PartialDigits) -> Set<String?> {
            var reached = Set<String?>()
            for region in regions {
                let answer: Decided
                if let leadingDigits = region.leadingDigits {
                    answer = PartialMatcher.matchesStart(leadingDigits, number)
                } else {
                    answer = hasKnownType(region, number)
                }
                switch answer {
                case .yes:
                    reached.insert(region.metadata.id)
                    return reached
                case .unknown: reached.insert(region.metadata.id)
                case .no: break
                }
            }
            reached.insert(nil)
            return reached
        }

        /// `RegionMetadata.hasKnownType`, three-valued.
        private func hasKnownType(_ region: Region, _ number: PartialDigits) -> Decided {
            guard let general = region.general else { return .no }
            let generalAnswer = matches(general, number)
            if generalAnswer == .no { return .no }
            var typeAnswer = Decided.no
            for type in region.types {
                switch matches(type, number) {
                case .yes:
                    typeAnswer = .yes
                case .unknown: typeAnswer = .unknown
                case .no: continue
                }
                if typeAnswer == .yes { break }
            }
            if typeAnswer == .no { return .no }
            return generalAnswer == .yes && typeAnswer == .yes ? .yes : .unknown
        }

        /// `NumberDesc.matches`, three-valued.
        private func matches(_ desc: (lengths: LengthSet, pattern: DigitPattern), _ number: PartialDigits) -> Decided {
            if !desc.lengths.isEmpty && !desc.lengths.contains(number.count) { return .no }
            return PartialMatcher.matchesWhole(desc.pattern, number)
        }
    }
}
