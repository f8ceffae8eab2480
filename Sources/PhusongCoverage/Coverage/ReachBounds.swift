import PhusongSupport

/// The distance table behind the coverage search's bounds.
///
/// For a cell, RSRP = EIRP + A_H − PL(d) − extra loss with A_H ≤ 0, and every path-loss model of
/// docs/specs/radio-model.md §5 (Hata, COST-231 Hata, 38.901 UMa/RMa with their breakpoints, the 10 m
/// clamp and the free-space floor) is non-decreasing in distance. So for d ≥ D,
/// RSRP ≤ EIRP − PL(D) − extra loss. ``LossTable`` holds PL(D_k) for distances D_k = k × step,
/// for every radio (band and height) and area type, computed once; ``CellReach`` (one cell)
/// and ``NodeBounds`` (a box of cells) bound RSRP with it.
enum ReachBounds {
    /// Distance step of the table, metres.
    static let stepM = 250.0
    /// Added to every bound against rounding differences between the table and the search
    /// (dB); the bound stays valid, it only lets the search look a little further.
    static let marginDB = 1e-6

    /// The path loss PL(D_k) of every radio toward every area type, dB:
    /// `values[(radio × 4 + areaType.ordinal) × binCount + k]`.
    struct LossTable: Sendable {
        let binCount: Int
        let values: [Double]
        /// `extra_loss_db`, dB.
        let extraLossDB: Double

        /// The losses of `radios`, computed with `threads` tasks over chunks of radios.
        init(radios: [PreparedRadio], parameters: RadioModelParameters, threads: Int) async throws {
            let binCount = Self.binCount(maxRangeM: parameters.maxRangeM)
            let values = try await TaskPool.map(count: radios.count, threads: threads, minimumChunk: 64) { range in
                range.map { Self.losses(of: radios[$0], binCount: binCount) }
            }
            self.init(binCount: binCount, values: values.flatMap { $0 }, extraLossDB: parameters.extraLossDB)
        }

        /// The losses of `radios`, computed on the calling task.
        init(radios: [PreparedRadio], parameters: RadioModelParameters) {
            let binCount = Self.binCount(maxRangeM: parameters.maxRangeM)
            self.init(binCount: binCount, values: radios.flatMap { Self.losses(of: $0, binCount: binCount) },
                      extraLossDB: parameters.extraLossDB)
        }

        /// The path loss of radio `radio` toward `areaType` at the table distance at or below
        /// `distanceM` (a distance or a lower bound on one, finite, ≥ 0): at most the radio's
        /// loss at `distanceM`, dB.
        @inline(__always)
        func lossDB(radio: Int, areaType: AreaType, atLeastM distanceM: Double) -> Double {
            let bin = min(Int(distanceM / ReachBounds.stepM), binCount - 1)
            return values[(radio * AreaType.allCases.count + areaType.ordinal) * binCount + bin]
        }

        private init(binCount: Int, values: [Double], extraLossDB: Double) {
            self.binCount = binCount
            self.values = values
            self.extraLossDB = extraLossDB
        }

        /// Bins 0 ... ⌊max range / step⌋ + 1: the last one bounds every distance beyond.
        /// Safe: the engine checks `max_range_m` ≤ 200 km first (at most 802 bins).
        private static func binCount(maxRangeM: Double) -> Int {
            Int(maxRangeM / ReachBounds.stepM) + 2
        }

        private static func losses(of radio: PreparedRadio, binCount: Int) -> [Double] {
            AreaType.allCases.flatMap { areaType in
                (0..<binCount).map { bin in
                    radio.pathLoss(distance2DM: Double(bin) * ReachBounds.stepM, areaType: areaType).pathLossDB
                }
            }
        }
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
