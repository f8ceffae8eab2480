/// How much work the coverage search did: what a floor estimate multiplies by the cost of one
/// step measured in isolation (`RadioThroughput`).
public struct SearchStatistics: Sendable, Hashable {
    /// Cells taken from the search grids (before the chord prefilter).
    public var cellsVisited = 0
    /// Great-circle (haversine) distances computed.
    public var distances = 0
    /// RSRP evaluations: path loss, antenna gain and link budget of one (cell, village) pair.
    public var rsrpEvaluations = 0
    /// What the terrain model did (all zero without terrain).
    public var terrain = TerrainStatistics()

    public init() {}

    mutating func add(_ other: SearchStatistics) {
        cellsVisited += other.cellsVisited
        distances += other.distances
        rsrpEvaluations += other.rsrpEvaluations
        terrain.add(other.terrain)
    }
}
