/// The closest pair of positions between two geometries, in coordinate units.
///
/// `(x1, y1)` lies on the first geometry (the receiver of ``Geometry/nearestPoints(to:)``),
/// `(x2, y2)` on the second.
public struct NearestPoints: Sendable, Hashable {
    /// x of the position on the first geometry.
    public var x1: Double
    /// y of the position on the first geometry.
    public var y1: Double
    /// x of the position on the second geometry.
    public var x2: Double
    /// y of the position on the second geometry.
    public var y2: Double

    /// Creates a pair from its coordinates.
    public init(x1: Double, y1: Double, x2: Double, y2: Double) {
        self.x1 = x1
        self.y1 = y1
        self.x2 = x2
        self.y2 = y2
    }

    /// Planar (Euclidean) distance between the two positions, in coordinate units
    /// (degrees for lon/lat data — not metres).
    public var distance: Double { ((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)).squareRoot() }
}
