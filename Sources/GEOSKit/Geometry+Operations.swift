import CGEOS

/// Constructive operations. Each returns a new geometry owned by the caller, in the same
/// coordinate units as the input. Overlay operations (union, intersection, difference)
/// need valid input: an invalid polygon makes GEOS throw a `TopologyException`, surfaced
/// as ``GEOSError`` (repair first with ``makeValid()``).
extension Geometry {
    /// The area within `distance` (coordinate units: degrees for lon/lat data) of the
    /// geometry; a negative distance shrinks polygons.
    /// - Parameters:
    ///   - distance: the buffer's width, in coordinate units; negative to shrink.
    ///   - quadrantSegments: segments used to approximate a quarter circle
    ///     (8 gives a 32-gon for a point; more is rounder and slower).
    public func buffer(distance: Double, quadrantSegments: Int = 8) throws(GEOSError) -> Geometry {
        try context.makeGeometry("GEOSBuffer_r") {
            GEOSBuffer_r($0, handle, distance, Int32(clamping: quadrantSegments))
        }
    }

    /// Douglas–Peucker simplification with `tolerance` in coordinate units. Fast, but may
    /// produce invalid or collapsed polygons; see ``topologyPreservingSimplify(tolerance:)``.
    public func simplify(tolerance: Double) throws(GEOSError) -> Geometry {
        try context.makeGeometry("GEOSSimplify_r") { GEOSSimplify_r($0, handle, tolerance) }
    }

    /// Simplification with `tolerance` in coordinate units that keeps the topology (no
    /// self-intersections, rings and holes kept) — the variant to use for drawing outlines.
    public func topologyPreservingSimplify(tolerance: Double) throws(GEOSError) -> Geometry {
        try context.makeGeometry("GEOSTopologyPreserveSimplify_r") {
            GEOSTopologyPreserveSimplify_r($0, handle, tolerance)
        }
    }

    /// The point-set union of this geometry and `other`.
    public func union(_ other: Geometry) throws(GEOSError) -> Geometry {
        try context.makeGeometry("GEOSUnion_r") { GEOSUnion_r($0, handle, other.handle) }
    }

    /// The part of this geometry that is also in `other`.
    public func intersection(_ other: Geometry) throws(GEOSError) -> Geometry {
        try context.makeGeometry("GEOSIntersection_r") { GEOSIntersection_r($0, handle, other.handle) }
    }

    /// The part of this geometry not in `other`.
    public func difference(_ other: Geometry) throws(GEOSError) -> Geometry {
        try context.makeGeometry("GEOSDifference_r") { GEOSDifference_r($0, handle, other.handle) }
    }

    /// The union of all parts of this geometry (e.g. dissolves overlapping members of a
    /// collection or MultiPolygon into non-overlapping polygons).
    public func unaryUnion() throws(GEOSError) -> Geometry {
        try context.makeGeometry("GEOSUnaryUnion_r") { GEOSUnaryUnion_r($0, handle) }
    }

    /// A valid version of the geometry (GEOS 3.11 `GEOSMakeValid_r`, "linework" method):
    /// e.g. a bow-tie polygon becomes a MultiPolygon of its two triangles. Valid input is
    /// returned unchanged (as a copy); the result type may differ from the input type.
    public func makeValid() throws(GEOSError) -> Geometry {
        try context.makeGeometry("GEOSMakeValid_r") { GEOSMakeValid_r($0, handle) }
    }

    /// A copy in GEOS's normal form (rings and members in a canonical order and orientation),
    /// useful to compare geometries that differ only in vertex order or start point.
    public func normalized() throws(GEOSError) -> Geometry {
        let copy = try clone()
        context.sink.lastError = nil
        // Normalising in place is safe: `copy` is new and referenced by nobody else.
        guard GEOSNormalize_r(context.handle, copy.handle) == 0 else {
            throw context.failure("GEOSNormalize_r")
        }
        return copy
    }
}

extension GEOSContext {
    /// The union of many geometries in one cascaded operation (`GEOSUnaryUnion_r`), which is
    /// much faster than folding ``Geometry/union(_:)``.
    ///
    /// GEOS needs them in one collection that owns its members, so GEOSKit clones the inputs
    /// into a temporary GeometryCollection (the collection consumes the clones and is freed
    /// afterwards); the inputs themselves stay valid and unchanged. An empty array gives
    /// `GEOMETRYCOLLECTION EMPTY`.
    public func unaryUnion(of geometries: [Geometry]) throws(GEOSError) -> Geometry {
        let gathered = try collection(geometries)
        return try gathered.unaryUnion()
    }
}
