/// An axis-aligned bounding box in the units of the coordinates (degrees for lon/lat data).
///
/// `minX`/`maxX` bound the x axis (longitude), `minY`/`maxY` the y axis (latitude). Bounds are
/// inclusive: a box whose edge touches another box intersects it. An envelope with
/// `minX > maxX` or `minY > maxY` (or a NaN bound) is empty: it intersects and contains nothing.
public struct Envelope: Sendable, Hashable, CustomStringConvertible {
    /// Smallest x (e.g. western longitude in degrees).
    public var minX: Double
    /// Smallest y (e.g. southern latitude in degrees).
    public var minY: Double
    /// Largest x (e.g. eastern longitude in degrees).
    public var maxX: Double
    /// Largest y (e.g. northern latitude in degrees).
    public var maxY: Double

    /// Creates an envelope from its bounds, in coordinate units. The bounds are stored as
    /// given; see ``isEmpty`` for inverted bounds.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The degenerate envelope of a single position `(x, y)`.
    public init(x: Double, y: Double) {
        self.init(minX: x, minY: y, maxX: x, maxY: y)
    }

    /// `true` when the envelope holds no position (inverted or NaN bounds).
    public var isEmpty: Bool { !(minX <= maxX && minY <= maxY) }

    /// Extent along x, in coordinate units (0 for an empty envelope).
    public var width: Double { isEmpty ? 0 : maxX - minX }

    /// Extent along y, in coordinate units (0 for an empty envelope).
    public var height: Double { isEmpty ? 0 : maxY - minY }

    /// `true` when the two boxes share at least one position (touching edges count).
    public func intersects(_ other: Envelope) -> Bool {
        guard !isEmpty, !other.isEmpty else { return false }
        return other.minX <= maxX && other.maxX >= minX && other.minY <= maxY && other.maxY >= minY
    }

    /// `true` when `other` lies entirely inside this box (boundaries included).
    public func contains(_ other: Envelope) -> Bool {
        guard !isEmpty, !other.isEmpty else { return false }
        return other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// `true` when the position `(x, y)` lies inside this box or on its boundary.
    public func contains(x: Double, y: Double) -> Bool {
        x >= minX && x <= maxX && y >= minY && y <= maxY
    }

    /// This box grown by `distance` (coordinate units) on every side; a negative distance
    /// shrinks it (possibly to an empty envelope). An empty envelope stays empty.
    public func expanded(by distance: Double) -> Envelope {
        guard !isEmpty else { return self }
        return Envelope(minX: minX - distance, minY: minY - distance,
                        maxX: maxX + distance, maxY: maxY + distance)
    }

    /// The smallest box containing both boxes (an empty operand is ignored).
    public func union(_ other: Envelope) -> Envelope {
        if isEmpty { return other }
        if other.isEmpty { return self }
        return Envelope(minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
                        maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    /// `"Envelope(minX, minY, maxX, maxY)"`.
    public var description: String { "Envelope(\(minX), \(minY), \(maxX), \(maxY))" }
}
