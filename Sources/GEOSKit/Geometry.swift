import CGEOS

/// A GEOS geometry owned by Swift: freed exactly once, when the last reference goes away.
///
/// A `Geometry` belongs to the ``GEOSContext`` that made it (it keeps that context alive) and,
/// like the context, is not `Sendable`: use it only in the task that created it. Geometries
/// are immutable through this API; every operation returns a new geometry.
///
/// Coordinates are planar x/y in the units of the data (longitude/latitude degrees for the
/// phusong inputs). Z and M values, if read from WKT/WKB, are ignored by the accessors.
public final class Geometry {
    /// The context that created this geometry (also used for operations on it).
    public let context: GEOSContext

    /// The owned GEOS handle; `nil` once ownership moved into another GEOS object
    /// (see ``releaseOwnership()``), after which `deinit` frees nothing.
    private var storage: OpaquePointer?

    /// Takes ownership of a freshly created GEOS geometry.
    init(owning handle: OpaquePointer, context: GEOSContext) {
        self.storage = handle
        self.context = context
    }

    deinit {
        if let storage { GEOSGeom_destroy_r(context.handle, storage) }
    }

    /// The GEOS handle. Only geometries that GEOSKit created internally are ever consumed,
    /// and they are dropped right after, so reaching the trap is a GEOSKit bug.
    var handle: OpaquePointer {
        guard let storage else {
            preconditionFailure("GEOSKit: geometry used after its ownership moved to GEOS")
        }
        return storage
    }

    /// Gives up ownership: returns the handle and forgets it, so `deinit` will not free it.
    /// Call right before passing the handle to a GEOS function that takes ownership
    /// (`GEOSGeom_createPolygon_r`, `GEOSGeom_createCollection_r`); those free their inputs
    /// even when they fail.
    func releaseOwnership() -> OpaquePointer {
        let owned = handle
        storage = nil
        return owned
    }

    /// A deep copy of this geometry, owned by the caller.
    public func clone() throws(GEOSError) -> Geometry {
        try context.makeGeometry("GEOSGeom_clone_r") { GEOSGeom_clone_r($0, handle) }
    }
}

// MARK: - Structure

extension Geometry {
    /// The geometry's type.
    public var type: GeometryType {
        get throws(GEOSError) {
            let id = try context.checkedCount("GEOSGeomTypeId_r") { GEOSGeomTypeId_r($0, handle) }
            guard let type = GeometryType(geosTypeId: Int32(id)) else {
                throw GEOSError(operation: "GEOSGeomTypeId_r", message: "unknown geometry type id \(id)")
            }
            return type
        }
    }

    /// `true` when the geometry has no positions (e.g. `POLYGON EMPTY`).
    public var isEmpty: Bool {
        get throws(GEOSError) {
            try context.checkedPredicate("GEOSisEmpty_r") { GEOSisEmpty_r($0, handle) }
        }
    }

    /// Number of member geometries: the member count of a multi-geometry or collection,
    /// 1 for a single (non-collection) geometry.
    public var numGeometries: Int {
        get throws(GEOSError) {
            try context.checkedCount("GEOSGetNumGeometries_r") { GEOSGetNumGeometries_r($0, handle) }
        }
    }

    /// Total number of positions (vertices) in the geometry, over all parts and rings.
    public var numCoordinates: Int {
        get throws(GEOSError) {
            try context.checkedCount("GEOSGetNumCoordinates_r") { GEOSGetNumCoordinates_r($0, handle) }
        }
    }

    /// An owned copy of member `index` (0-based) of a collection; for a single geometry,
    /// index 0 gives a copy of the geometry itself.
    ///
    /// The copy is independent of `self` (GEOS hands out members only as borrowed pointers,
    /// so GEOSKit clones them).
    /// - Throws: ``GEOSError`` if `index` is outside `0..<numGeometries`.
    public func geometry(at index: Int) throws(GEOSError) -> Geometry {
        let count = try numGeometries
        guard index >= 0, index < count else {
            throw GEOSError(operation: "geometry(at:)", message: "index \(index) outside 0..<\(count)")
        }
        return try context.makeGeometry("GEOSGetGeometryN_r") { ctx in
            guard let member = GEOSGetGeometryN_r(ctx, handle, Int32(index)) else { return nil }
            return GEOSGeom_clone_r(ctx, member)
        }
    }

    /// Owned copies of all members (see ``geometry(at:)``).
    public func geometries() throws(GEOSError) -> [Geometry] {
        let count = try numGeometries
        var members: [Geometry] = []
        members.reserveCapacity(count)
        for index in 0..<count { members.append(try geometry(at: index)) }
        return members
    }
}

// MARK: - Coordinates

extension Geometry {
    /// The positions of a Point, LineString or LinearRing as a flat array
    /// `[x0, y0, x1, y1, …]` (copied in bulk; Z/M dropped). An empty point gives `[]`.
    /// - Throws: ``GEOSError`` for other geometry types (use ``polygonRings()`` for polygons).
    public func coordinates() throws(GEOSError) -> [Double] {
        try context.flatCoordinates(of: handle, operation: "coordinates")
    }

    /// The polygons of this geometry as nested flat rings: polygons → rings → `[x0, y0, …]`.
    ///
    /// Each polygon's first ring is its exterior, the rest are its holes; rings are closed
    /// (last position repeats the first). A Polygon gives one entry, a MultiPolygon one per
    /// member, a GeometryCollection the polygons among its members (recursively). Empty
    /// polygons and non-polygonal parts (points, lines) are skipped, so a LineString gives `[]`.
    public func polygonRings() throws(GEOSError) -> [[[Double]]] {
        var polygons: [[[Double]]] = []
        try context.appendPolygonRings(of: handle, to: &polygons)
        return polygons
    }
}

extension GEOSContext {
    /// Flat xy copy of the coordinate sequence of a Point/LineString/LinearRing handle
    /// (borrowed, kept alive by the caller).
    func flatCoordinates(of geometry: OpaquePointer, operation: String) throws(GEOSError) -> [Double] {
        sink.lastError = nil
        guard let sequence = GEOSGeom_getCoordSeq_r(handle, geometry) else { throw failure(operation) }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(handle, sequence, &size) != 0 else { throw failure(operation) }
        guard size > 0 else { return [] }
        var copied: Int32 = 0
        let xy = [Double](unsafeUninitializedCapacity: Int(size) * 2) { buffer, count in
            copied = GEOSCoordSeq_copyToBuffer_r(handle, sequence, buffer.baseAddress, 0, 0)
            // The buffer holds plain Doubles; zero it on failure so every element is initialised.
            if copied == 0 { buffer.initialize(repeating: 0) }
            count = buffer.count
        }
        guard copied != 0 else { throw failure(operation) }
        return xy
    }

    /// Appends the rings of every polygon inside `geometry` (borrowed) to `polygons`.
    func appendPolygonRings(of geometry: OpaquePointer, to polygons: inout [[[Double]]]) throws(GEOSError) {
        let operation = "polygonRings"
        sink.lastError = nil
        let typeId = GEOSGeomTypeId_r(handle, geometry)
        guard let type = GeometryType(geosTypeId: typeId) else { throw failure(operation) }
        switch type {
        case .polygon:
            let empty = try checkedPredicate(operation) { GEOSisEmpty_r($0, geometry) }
            guard !empty else { return }
            guard let exterior = GEOSGetExteriorRing_r(handle, geometry) else { throw failure(operation) }
            let holeCount = try checkedCount(operation) { GEOSGetNumInteriorRings_r($0, geometry) }
            var rings: [[Double]] = []
            rings.reserveCapacity(holeCount + 1)
            rings.append(try flatCoordinates(of: exterior, operation: operation))
            for index in 0..<holeCount {
                guard let hole = GEOSGetInteriorRingN_r(handle, geometry, Int32(index)) else {
                    throw failure(operation)
                }
                rings.append(try flatCoordinates(of: hole, operation: operation))
            }
            polygons.append(rings)
        case .multiPolygon, .geometryCollection:
            let count = try checkedCount(operation) { GEOSGetNumGeometries_r($0, geometry) }
            for index in 0..<count {
                guard let member = GEOSGetGeometryN_r(handle, geometry, Int32(index)) else {
                    throw failure(operation)
                }
                try appendPolygonRings(of: member, to: &polygons)
            }
        default:
            return
        }
    }
}

// MARK: - Debug text

extension Geometry: CustomStringConvertible {
    /// WKT with up to 6 decimals (for logs and test failures; use ``wkt(precision:trim:)``
    /// for output).
    public var description: String {
        (try? wkt(precision: 6)) ?? "<Geometry: WKT failed>"
    }
}
