/// How distances between points given by coordinates are measured.
public enum DistanceMetric: String, Sendable, Hashable, CaseIterable {
    /// Planar distance on projected x/y (same unit as the radius, e.g. metres).
    case euclidean
    /// Great-circle (haversine) metres with x = longitude and y = latitude in degrees
    /// (`Geodesy.distanceM`).
    case haversine
}
