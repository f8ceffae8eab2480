/// The coverage of one village under the radio model (docs/specs/radio-model.md §6, "Coverage of a village").
public struct VillageCoverage: Sendable, Hashable {
    /// The strongest cell of a technology at the village: its index in the scenario's cells
    /// and its RSRP, dBm (unrounded).
    public struct BestServer: Sendable, Hashable {
        public var cellIndex: Int
        public var rsrpDBm: Double

        /// - Parameters:
        ///   - cellIndex: the cell's index in the scenario's cells.
        ///   - rsrpDBm: its RSRP at the village, dBm.
        public init(cellIndex: Int, rsrpDBm: Double) {
            self.cellIndex = cellIndex
            self.rsrpDBm = rsrpDBm
        }
    }

    /// The site of the nearest cell of any technology, and the distance to it, metres
    /// (unclamped great-circle distance, no range limit).
    public struct NearestSite: Sendable, Hashable {
        public var siteIndex: Int
        public var distanceM: Double

        /// - Parameters:
        ///   - siteIndex: the site's index in the run's site table.
        ///   - distanceM: the great-circle distance to it, metres.
        public init(siteIndex: Int, distanceM: Double) {
            self.siteIndex = siteIndex
            self.distanceM = distanceM
        }
    }

    /// Best 4G server among the 4G cells within range; nil when there is none.
    public var best4G: BestServer?
    /// Best 5G server among the 5G cells within range; nil when there is none.
    public var best5G: BestServer?
    /// True when the best 4G RSRP reaches the 4G threshold (−110 dBm by default).
    public var covered4G: Bool
    /// True when the best 5G RSRP reaches the 5G threshold (−110 dBm by default).
    public var covered5G: Bool
    public var nearestSite: NearestSite?
    /// Per operator (index into the engine's operator list): bit `2·o` is set when the
    /// operator's own 4G cells cover the village, bit `2·o + 1` for its 5G cells.
    public var operatorCoverage: UInt64
    /// True when a plan puts a satellite (LEO) terminal in the village (`report --plan`): the
    /// village counts as connected, in a category of its own (docs/outputs.md, "The plan's
    /// effect"). Always false for a report of the network alone.
    public var satelliteTerminal = false

    /// A village's coverage from its parts (the engine's search, or a merge of tiled runs
    /// reading them back from the partials, docs/tiles.md).
    public init(best4G: BestServer?, best5G: BestServer?, covered4G: Bool, covered5G: Bool, nearestSite: NearestSite?,
                operatorCoverage: UInt64, satelliteTerminal: Bool = false) {
        self.best4G = best4G
        self.best5G = best5G
        self.covered4G = covered4G
        self.covered5G = covered5G
        self.nearestSite = nearestSite
        self.operatorCoverage = operatorCoverage
        self.satelliteTerminal = satelliteTerminal
    }

    /// connected = covered_4g or covered_5g (or a satellite terminal, after a plan).
    public var connected: Bool { covered4G || covered5G || satelliteTerminal }
    /// Connected by a satellite terminal only: no 4G or 5G coverage.
    public var connectedBySatelliteOnly: Bool { satelliteTerminal && !covered4G && !covered5G }
    /// dead zone (lõm sóng) = not connected.
    public var deadZone: Bool { !connected }
    /// True when any cell (either technology) is within range, however weak.
    public var hasCellInRange: Bool { best4G != nil || best5G != nil }

    public func operatorCovers(_ operatorIndex: Int, _ technology: Technology) -> Bool {
        operatorCoverage & (1 << UInt64(2 * operatorIndex + (technology == .lte ? 0 : 1))) != 0
    }
}

