import CGEOS

/// Spatial predicates (DE-9IM based, planar) and validity checks. For many tests against the
/// same geometry use ``Geometry/prepared()`` instead.
extension Geometry {
    /// `true` when `other` lies in this geometry and at least one interior point of `other`
    /// lies in its interior. A point on the boundary is *not* contained (see ``covers(_:)``).
    public func contains(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.checkedPredicate("GEOSContains_r") { GEOSContains_r($0, handle, other.handle) }
    }

    /// `true` when no point of `other` lies outside this geometry; unlike ``contains(_:)``,
    /// points on the boundary are covered.
    public func covers(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.checkedPredicate("GEOSCovers_r") { GEOSCovers_r($0, handle, other.handle) }
    }

    /// `true` when the geometries share at least one point (boundaries included).
    public func intersects(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.checkedPredicate("GEOSIntersects_r") { GEOSIntersects_r($0, handle, other.handle) }
    }

    /// `true` when this geometry lies within `other` (the converse of ``contains(_:)``).
    public func within(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.checkedPredicate("GEOSWithin_r") { GEOSWithin_r($0, handle, other.handle) }
    }

    /// Topological equality: the same point set, whatever the vertex order or start point.
    public func equals(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.checkedPredicate("GEOSEquals_r") { GEOSEquals_r($0, handle, other.handle) }
    }

    /// Structural equality: same type, same vertices in the same order, each pair within
    /// `tolerance` (coordinate units).
    public func equalsExact(_ other: Geometry, tolerance: Double = 0) throws(GEOSError) -> Bool {
        try context.checkedPredicate("GEOSEqualsExact_r") {
            GEOSEqualsExact_r($0, handle, other.handle, tolerance)
        }
    }

    /// `true` when the geometry is valid in the OGC sense (no self-intersections, rings
    /// closed, holes inside shells, …). GEOS also posts the reason of an invalid geometry as a
    /// notice (see ``GEOSContext/notices``).
    public var isValid: Bool {
        get throws(GEOSError) {
            try context.checkedPredicate("GEOSisValid_r") { GEOSisValid_r($0, handle) }
        }
    }

    /// GEOS's explanation of the validity: `"Valid Geometry"`, or e.g.
    /// `"Self-intersection[1 1]"` (reason and location).
    public var validityReason: String {
        get throws(GEOSError) {
            try context.checkedString("GEOSisValidReason_r") { GEOSisValidReason_r($0, handle) }
        }
    }
}
