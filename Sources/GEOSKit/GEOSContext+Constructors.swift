import CGEOS

/// Geometry constructors. Flat coordinate arrays are `[x0, y0, x1, y1, …]` in the units of the
/// data (longitude/latitude degrees for phusong) and are copied into GEOS in one bulk copy.
extension GEOSContext {
    /// A point at `(x, y)`.
    public func point(x: Double, y: Double) throws(GEOSError) -> Geometry {
        try makeGeometry("GEOSGeom_createPointFromXY_r") { GEOSGeom_createPointFromXY_r($0, x, y) }
    }

    /// A line string through the positions of `xy` (flat pairs). Needs 0 (empty) or at
    /// least 2 positions.
    /// - Throws: ``GEOSError`` for an odd-length array or a single position.
    public func lineString(xy: [Double]) throws(GEOSError) -> Geometry {
        let sequence = try coordinateSequence(xy, operation: "lineString")
        // GEOS takes ownership of the sequence, also when it fails.
        return try makeGeometry("GEOSGeom_createLineString_r") { GEOSGeom_createLineString_r($0, sequence) }
    }

    /// A closed ring through the positions of `xy` (flat pairs). The ring must be closed
    /// (last position equal to the first) and have at least 4 positions, or be empty.
    /// - Throws: ``GEOSError``, e.g. `"IllegalArgumentException: Points of LinearRing do not
    ///   form a closed linestring"`.
    public func linearRing(xy: [Double]) throws(GEOSError) -> Geometry {
        let sequence = try coordinateSequence(xy, operation: "linearRing")
        return try makeGeometry("GEOSGeom_createLinearRing_r") { GEOSGeom_createLinearRing_r($0, sequence) }
    }

    /// A polygon from an exterior ring and holes, each a closed flat xy ring (see
    /// ``linearRing(xy:)``). Ring orientation is not checked or changed. The result is not
    /// validated; call ``Geometry/isValid`` if the input may be dirty.
    public func polygon(exterior: [Double], holes: [[Double]] = []) throws(GEOSError) -> Geometry {
        let shell = try linearRing(xy: exterior)
        var holeRings: [Geometry] = []
        holeRings.reserveCapacity(holes.count)
        for hole in holes { holeRings.append(try linearRing(xy: hole)) }
        guard let holeCount = UInt32(exactly: holeRings.count) else {
            throw GEOSError(operation: "polygon", message: "too many holes (\(holeRings.count))")
        }
        // GEOSGeom_createPolygon_r owns the rings from here on (it frees them even on failure);
        // it does not own the array of hole pointers.
        var holeHandles: [OpaquePointer?] = holeRings.map { $0.releaseOwnership() }
        let shellHandle = shell.releaseOwnership()
        return try makeGeometry("GEOSGeom_createPolygon_r") { ctx in
            holeHandles.withUnsafeMutableBufferPointer { buffer in
                GEOSGeom_createPolygon_r(ctx, shellHandle, buffer.baseAddress, holeCount)
            }
        }
    }

    /// The axis-aligned rectangle of `envelope` (GEOS `GEOSGeom_createRectangle_r`).
    ///
    /// GEOS 3.11 returns a Point when the envelope is a single position and a zero-area polygon
    /// when only its width or height is 0. Inverted bounds are swapped by GEOS, so
    /// this function rejects an empty envelope instead.
    public func rectangle(_ envelope: Envelope) throws(GEOSError) -> Geometry {
        guard !envelope.isEmpty else {
            throw GEOSError(operation: "rectangle", message: "empty envelope \(envelope)")
        }
        return try makeGeometry("GEOSGeom_createRectangle_r") {
            GEOSGeom_createRectangle_r($0, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY)
        }
    }

    /// An empty polygon (`POLYGON EMPTY`).
    public func emptyPolygon() throws(GEOSError) -> Geometry {
        try makeGeometry("GEOSGeom_createEmptyPolygon_r") { GEOSGeom_createEmptyPolygon_r($0) }
    }

    /// A MultiPoint with one point per flat xy pair.
    public func multiPoint(xy: [Double]) throws(GEOSError) -> Geometry {
        guard xy.count % 2 == 0 else {
            throw GEOSError(operation: "multiPoint", message: "flat xy array has odd length \(xy.count)")
        }
        var points: [Geometry] = []
        points.reserveCapacity(xy.count / 2)
        for index in stride(from: 0, to: xy.count, by: 2) {
            points.append(try point(x: xy[index], y: xy[index + 1]))
        }
        return try collection(type: GEOS_MULTIPOINT, consuming: points)
    }

    /// A MultiPolygon of copies of `polygons`; MultiPolygon inputs contribute their members.
    ///
    /// The inputs stay valid and unchanged: GEOS takes ownership of collection members, so
    /// GEOSKit hands it clones.
    /// - Throws: ``GEOSError`` if an input is neither a Polygon nor a MultiPolygon (GEOS 3.11
    ///   itself would silently build an invalid MultiPolygon).
    public func multiPolygon(_ polygons: [Geometry]) throws(GEOSError) -> Geometry {
        var members: [Geometry] = []
        members.reserveCapacity(polygons.count)
        for (position, polygon) in polygons.enumerated() {
            switch try polygon.type {
            case .polygon:
                members.append(try polygon.clone())
            case .multiPolygon:
                members.append(contentsOf: try polygon.geometries())
            case let other:
                throw GEOSError(operation: "multiPolygon",
                                message: "input \(position) is a \(other), not a Polygon or MultiPolygon")
            }
        }
        return try collection(type: GEOS_MULTIPOLYGON, consuming: members)
    }

    /// A GeometryCollection of copies of `geometries` (the inputs stay valid and unchanged).
    public func collection(_ geometries: [Geometry]) throws(GEOSError) -> Geometry {
        var members: [Geometry] = []
        members.reserveCapacity(geometries.count)
        for geometry in geometries { members.append(try geometry.clone()) }
        return try collection(type: GEOS_GEOMETRYCOLLECTION, consuming: members)
    }
}

// MARK: - Internal building blocks

extension GEOSContext {
    /// Bulk-copies a flat xy array into a new GEOS coordinate sequence (owned by the caller
    /// until passed to a constructor that takes it).
    func coordinateSequence(_ xy: [Double], operation: String) throws(GEOSError) -> OpaquePointer {
        guard xy.count % 2 == 0 else {
            throw GEOSError(operation: operation, message: "flat xy array has odd length \(xy.count)")
        }
        guard let size = UInt32(exactly: xy.count / 2) else {
            throw GEOSError(operation: operation, message: "too many positions (\(xy.count / 2))")
        }
        sink.lastError = nil
        let sequence: OpaquePointer?
        if size == 0 {
            sequence = GEOSCoordSeq_create_r(handle, 0, 2)
        } else {
            sequence = xy.withUnsafeBufferPointer {
                GEOSCoordSeq_copyFromBuffer_r(handle, $0.baseAddress, size, 0, 0)
            }
        }
        guard let sequence else { throw failure("GEOSCoordSeq_copyFromBuffer_r") }
        return sequence
    }

    /// Builds a collection that takes ownership of `members`, which must be geometries no
    /// one else refers to (fresh clones); they are consumed whether or not GEOS succeeds.
    func collection(type: GEOSGeomTypes, consuming members: [Geometry]) throws(GEOSError) -> Geometry {
        guard let count = UInt32(exactly: members.count) else {
            throw GEOSError(operation: "collection", message: "too many members (\(members.count))")
        }
        var handles: [OpaquePointer?] = members.map { $0.releaseOwnership() }
        return try makeGeometry("GEOSGeom_createCollection_r") { ctx in
            handles.withUnsafeMutableBufferPointer { buffer in
                GEOSGeom_createCollection_r(ctx, Int32(type.rawValue), buffer.baseAddress, count)
            }
        }
    }
}
