/// A classic maximal covering instance (Church & ReVelle 1974): weighted demand points,
/// candidate sites, facilities that must be open, and how far each demand point is from
/// each site.
public struct MCLPInstance: Sendable, Hashable {
    /// A point by its coordinates: x/y, or longitude/latitude in degrees.
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// A given distance between a demand point and a site (e.g. along a road network).
    public struct DistanceEntry: Sendable, Hashable {
        public var demand: Int
        public var candidate: Int
        public var metres: Double

        public init(demand: Int, candidate: Int, metres: Double) {
            self.demand = demand
            self.candidate = candidate
            self.metres = metres
        }
    }

    public enum Distances: Sendable, Hashable {
        /// Distances computed from the points' coordinates.
        case coordinates(demand: [Point], candidates: [Point], metric: DistanceMetric)
        /// Distances given pair by pair; a pair not listed is out of reach.
        case matrix([DistanceEntry])
    }

    public var demandIDs: [String]
    public var weights: [Double]
    public var candidateIDs: [String]
    /// Indices of the candidates that must be open.
    public var fixed: [Int]
    public var distances: Distances

    public init(demandIDs: [String], weights: [Double], candidateIDs: [String], fixed: [Int] = [], distances: Distances) {
        self.demandIDs = demandIDs
        self.weights = weights
        self.candidateIDs = candidateIDs
        self.fixed = fixed
        self.distances = distances
    }
}
