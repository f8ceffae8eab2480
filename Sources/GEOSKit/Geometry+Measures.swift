import CGEOS

/// Planar measures. GEOS works in the units of the coordinates: for lon/lat data, areas are
/// in square degrees and lengths/distances in degrees (project first for metres).
extension Geometry {
    /// Area in squared coordinate units (0 for points and lines; holes are subtracted).
    public var area: Double {
        get throws(GEOSError) {
            try context.checkedDouble("GEOSArea_r") { GEOSArea_r($0, handle, $1) }
        }
    }

    /// Length in coordinate units: line length, or perimeter (all rings) for polygons.
    public var length: Double {
        get throws(GEOSError) {
            try context.checkedDouble("GEOSLength_r") { GEOSLength_r($0, handle, $1) }
        }
    }

    /// Minimum planar distance to `other`, in coordinate units (0 when they intersect).
    /// GEOS 3.11 returns 0 when either geometry is empty.
    public func distance(to other: Geometry) throws(GEOSError) -> Double {
        try context.checkedDouble("GEOSDistance_r") { GEOSDistance_r($0, handle, other.handle, $1) }
    }

    /// The closest pair of positions between this geometry and `other`; `nil` if either is
    /// empty. Coordinates are in coordinate units.
    public func nearestPoints(to other: Geometry) throws(GEOSError) -> NearestPoints? {
        let selfEmpty = try isEmpty
        let otherEmpty = try other.isEmpty
        if selfEmpty || otherEmpty { return nil }
        context.sink.lastError = nil
        guard let sequence = GEOSNearestPoints_r(context.handle, handle, other.handle) else {
            throw context.failure("GEOSNearestPoints_r")
        }
        defer { GEOSCoordSeq_destroy_r(context.handle, sequence) }
        var xy = [Double](repeating: 0, count: 4)
        let copied = xy.withUnsafeMutableBufferPointer {
            GEOSCoordSeq_copyToBuffer_r(context.handle, sequence, $0.baseAddress, 0, 0)
        }
        guard copied != 0 else { throw context.failure("GEOSCoordSeq_copyToBuffer_r") }
        return NearestPoints(x1: xy[0], y1: xy[1], x2: xy[2], y2: xy[3])
    }

    /// The bounding box in coordinate units; `nil` for an empty geometry.
    public var envelope: Envelope? {
        get throws(GEOSError) {
            if try isEmpty { return nil }
            let minX = try context.checkedDouble("GEOSGeom_getXMin_r") { GEOSGeom_getXMin_r($0, handle, $1) }
            let minY = try context.checkedDouble("GEOSGeom_getYMin_r") { GEOSGeom_getYMin_r($0, handle, $1) }
            let maxX = try context.checkedDouble("GEOSGeom_getXMax_r") { GEOSGeom_getXMax_r($0, handle, $1) }
            let maxY = try context.checkedDouble("GEOSGeom_getYMax_r") { GEOSGeom_getYMax_r($0, handle, $1) }
            return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
        }
    }

    /// The centre of mass (planar) as a Point; may lie outside a concave polygon.
    /// An empty geometry gives an empty point.
    public func centroid() throws(GEOSError) -> Geometry {
        try context.makeGeometry("GEOSGetCentroid_r") { GEOSGetCentroid_r($0, handle) }
    }

    /// A Point guaranteed to lie in the interior of the geometry (on it, for lines and points).
    public func pointOnSurface() throws(GEOSError) -> Geometry {
        try context.makeGeometry("GEOSPointOnSurface_r") { GEOSPointOnSurface_r($0, handle) }
    }
}
