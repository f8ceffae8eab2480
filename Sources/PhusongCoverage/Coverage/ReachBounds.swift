/// Upper bounds on the RSRP any cell of a group can deliver at or beyond a distance, per area
/// type of the receiving village: what lets the coverage search stop early and still be exact.
///
/// For a cell, RSRP = EIRP + A_H − PL(d) − extra loss with A_H ≤ 0, and every path-loss model of
/// coverage-model.md (Hata, COST-231 Hata, 38.901 UMa/RMa with their breakpoints, the 10 m
/// clamp and the free-space floor) is non-decreasing in distance. So for d ≥ D,
/// RSRP ≤ EIRP − PL(D) − extra loss. The table holds, for distances D_k = k × step, the
/// largest of these over the group's cells; cells sharing band and height are evaluated
/// once, with their largest EIRP.
struct ReachBounds: Sendable {
    /// Distance step of the table, metres.
    static let stepM = 250.0
    /// Added to every bound against rounding differences between the table and the search
    /// (dB); the bound stays valid, it only lets the search look a little further.
    static let marginDB = 1e-6

    /// `values[areaType.ordinal × binCount + k]`: the bound at distance `k × step`, dBm;
    /// `-infinity` for an empty group. One flat array: a lookup copies no inner array, so the
    /// parallel searches touch no shared reference count (which costs scaling across cores).
    private let values: [Double]
    private let binCount: Int

    /// The bound for a receiver of `areaType` at distance ≥ `distanceM` from every cell, dBm.
    @inline(__always)
    func upperBoundDBm(areaType: AreaType, atLeastM distanceM: Double) -> Double {
        let bin = min(Int(distanceM / Self.stepM), binCount - 1)
        return values[areaType.ordinal * binCount + bin]
    }

    /// Bounds for the cells of one group.
    /// - Parameters:
    ///   - cells: prepared cells of the whole scenario.
    ///   - members: indices (into `cells`) of the group's cells.
    ///   - maxRangeM: the search never looks beyond it.
    init(cells: [PreparedCell], members: [Int], maxRangeM: Double) {
        let binCount = Int(maxRangeM / Self.stepM) + 2
        // One representative per (band, height): the member with the largest EIRP.
        var representatives: [BandHeight: Int] = [:]
        for index in members {
            let key = BandHeight(bandMHz: cells[index].frequencyMHz, heightDifferenceSquaredM2: cells[index].heightDifferenceSquaredM2)
            if let existing = representatives[key], cells[existing].rsEIRPdBm >= cells[index].rsEIRPdBm { continue }
            representatives[key] = index
        }
        let chosen = representatives.values.sorted()
        self.binCount = binCount
        values = AreaType.allCases.flatMap { areaType in
            (0..<binCount).map { bin in
                let distanceM = Double(bin) * Self.stepM
                var best = -Double.infinity
                for index in chosen {
                    best = max(best, cells[index].unobstructedRSRPdBm(distance2DM: distanceM, areaType: areaType))
                }
                return best + Self.marginDB
            }
        }
    }

    private struct BandHeight: Hashable {
        var bandMHz: Double
        var heightDifferenceSquaredM2: Double
    }
}

extension AreaType {
    /// 0 ... 3 in declaration order, for table lookups.
    @inline(__always)
    var ordinal: Int {
        switch self {
        case .urban: 0
        case .suburban: 1
        case .rural: 2
        case .open: 3
        }
    }
}
