/// A walk's tree: one region (nil: none) for every completion of a prefix, or a subtree
/// per next digit.
indirect enum PrefixNode {
    case leaf(String?)
    case inner([PrefixNode])
}

/// The fewest rows that give every leaf of a `PrefixNode` tree its region when a number
/// takes the row of its longest matching prefix (no row: none).
///
/// Per node and region `d` inherited from the rows above, `cost(d)` is the fewest rows its
/// subtree needs: a leaf needs none if its region is `d`, else one; an inner node either
/// adds no row (its children's costs for `d`) or one row for the region `r` best for its
/// children (1 + their costs for `r`). Regions outside a subtree all cost the same there
/// (`otherCost`).
final class PrefixCover {
    private let children: [PrefixCover]
    private let value: String?
    private let costs: [String?: Int]
    private let otherCost: Int
    private let best: (cost: Int, region: String?)

    init(_ node: PrefixNode) {
        switch node {
        case .leaf(let region):
            children = []
            value = region
            costs = [region: 0]
            otherCost = 1
            best = (0, region)
        case .inner(let nodes):
            let children = nodes.map(PrefixCover.init)
            self.children = children
            value = nil
            var regions = Set<String?>()
            for child in children { regions.formUnion(child.costs.keys) }
            // Ties go to the region first in order (none first, then by code), so the rows
            // are the same on every run.
            let ordered = regions.sorted { ($0 ?? "") < ($1 ?? "") }
            var sums: [String?: Int] = [:]
            var best: (cost: Int, region: String?) = (Int.max, nil)
            for region in ordered {
                let sum = children.reduce(0) { $0 + $1.cost(region) }
                sums[region] = sum
                if sum < best.cost { best = (sum, region) }
            }
            self.best = best
            costs = sums.mapValues { min($0, best.cost + 1) }
            otherCost = min(children.reduce(0) { $0 + $1.otherCost }, best.cost + 1)
        }
    }

    private func cost(_ region: String?) -> Int { costs[region] ?? otherCost }

    /// Calls `emit` with each row of the subtree at `prefix`, below rows that give `inherited`.
    func rows(prefix: String, inherited: String?, _ emit: (String, String?) -> Void) {
        guard !children.isEmpty else {
            if value != inherited { emit(prefix, value) }
            return
        }
        var region = inherited
        if children.reduce(0, { $0 + $1.cost(inherited) }) > best.cost + 1 {
            region = best.region
            emit(prefix, region)
        }
        for (digit, child) in children.enumerated() {
            child.rows(prefix: prefix + String(digit), inherited: region, emit)
        }
    }
}
