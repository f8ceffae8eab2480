import CGEOS

// MARK: - Reading (on the context)

extension GEOSContext {
    /// Parses Well-Known Text, e.g. `"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"`.
    /// Coordinates are taken as given (x = longitude, y = latitude for geographic data).
    /// - Throws: ``GEOSError`` with GEOS's parse message, e.g.
    ///   `"ParseException: Expected word but encountered end of stream"`.
    public func geometry(fromWKT text: String) throws(GEOSError) -> Geometry {
        let reader = try reusableWKTReader()
        return try makeGeometry("GEOSWKTReader_read_r") { ctx in
            text.withCString { GEOSWKTReader_read_r(ctx, reader, $0) }
        }
    }

    /// Parses Well-Known Binary (either byte order, ISO or extended WKB as GEOS 3.11 accepts).
    /// - Throws: ``GEOSError`` for empty or malformed input, e.g.
    ///   `"ParseException: Unexpected EOF parsing WKB"`.
    public func geometry(fromWKB bytes: [UInt8]) throws(GEOSError) -> Geometry {
        guard !bytes.isEmpty else {
            throw GEOSError(operation: "GEOSWKBReader_read_r", message: "empty WKB input")
        }
        let reader = try reusableWKBReader()
        return try makeGeometry("GEOSWKBReader_read_r") { ctx in
            bytes.withUnsafeBufferPointer { GEOSWKBReader_read_r(ctx, reader, $0.baseAddress, $0.count) }
        }
    }

    /// Parses GeoJSON text into one geometry (GEOS 3.11 `GEOSGeoJSONReader_readGeometry_r`).
    ///
    /// - A geometry object gives that geometry.
    /// - A `Feature` gives its geometry; its `properties` (and `id`) are not read. A Feature
    ///   whose `"geometry"` is `null` is rejected with an error.
    /// - A `FeatureCollection` gives a GeometryCollection of the features' geometries, in order.
    /// - GEOS 3.11 accepts only 2-D positions: `[x, y, z]` fails with
    ///   `"ParseException: Expected two coordinates found more than two"`.
    /// - Throws: ``GEOSError`` with GEOS's message for malformed JSON or geometry.
    public func geometry(fromGeoJSON text: String) throws(GEOSError) -> Geometry {
        let reader = try reusableGeoJSONReader()
        return try makeGeometry("GEOSGeoJSONReader_readGeometry_r") { ctx in
            text.withCString { GEOSGeoJSONReader_readGeometry_r(ctx, reader, $0) }
        }
    }
}

// MARK: - Writing

extension Geometry {
    /// Well-Known Text of the geometry (x y only).
    /// - Parameters:
    ///   - precision: digits after the decimal point; `nil` writes full precision
    ///     (shortest round-tripping representation when `trim` is on).
    ///   - trim: drop trailing zeros (`POINT (1 2)` rather than `POINT (1.0000000000000000 …)`).
    public func wkt(precision: Int? = nil, trim: Bool = true) throws(GEOSError) -> String {
        let writer = try context.reusableWKTWriter()
        GEOSWKTWriter_setTrim_r(context.handle, writer, trim ? 1 : 0)
        GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, Int32(clamping: precision ?? -1))
        return try context.checkedString("GEOSWKTWriter_write_r") { GEOSWKTWriter_write_r($0, writer, handle) }
    }

    /// Well-Known Binary of the geometry: 2-D, little-endian (NDR), extended WKB flavour.
    public func wkb() throws(GEOSError) -> [UInt8] {
        let writer = try context.reusableWKBWriter()
        context.sink.lastError = nil
        var size = 0
        guard let bytes = GEOSWKBWriter_write_r(context.handle, writer, handle, &size) else {
            throw context.failure("GEOSWKBWriter_write_r")
        }
        defer { GEOSFree_r(context.handle, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// GeoJSON geometry object text, e.g. `{"type":"Point","coordinates":[1.0,2.0]}`.
    ///
    /// GEOS writes geometries only (no Feature/FeatureCollection). Numbers are written in full
    /// precision. Note GEOS 3.11 writes an empty polygon as `{"type":"Polygon","coordinates":[[]]}`.
    /// - Parameter indent: spaces per nesting level for pretty output; `nil` for one line.
    public func geoJSON(indent: Int? = nil) throws(GEOSError) -> String {
        let writer = try context.reusableGeoJSONWriter()
        return try context.checkedString("GEOSGeoJSONWriter_writeGeometry_r") {
            GEOSGeoJSONWriter_writeGeometry_r($0, writer, handle, Int32(clamping: indent ?? -1))
        }
    }
}

// MARK: - Reusable reader/writer objects (internal)

extension GEOSContext {
    func reusableWKTReader() throws(GEOSError) -> OpaquePointer {
        if let wktReader { return wktReader }
        sink.lastError = nil
        guard let created = GEOSWKTReader_create_r(handle) else { throw failure("GEOSWKTReader_create_r") }
        wktReader = created
        return created
    }

    func reusableWKTWriter() throws(GEOSError) -> OpaquePointer {
        if let wktWriter { return wktWriter }
        sink.lastError = nil
        guard let created = GEOSWKTWriter_create_r(handle) else { throw failure("GEOSWKTWriter_create_r") }
        GEOSWKTWriter_setOutputDimension_r(handle, created, 2)
        wktWriter = created
        return created
    }

    func reusableWKBReader() throws(GEOSError) -> OpaquePointer {
        if let wkbReader { return wkbReader }
        sink.lastError = nil
        guard let created = GEOSWKBReader_create_r(handle) else { throw failure("GEOSWKBReader_create_r") }
        wkbReader = created
        return created
    }

    func reusableWKBWriter() throws(GEOSError) -> OpaquePointer {
        if let wkbWriter { return wkbWriter }
        sink.lastError = nil
        guard let created = GEOSWKBWriter_create_r(handle) else { throw failure("GEOSWKBWriter_create_r") }
        GEOSWKBWriter_setOutputDimension_r(handle, created, 2)
        GEOSWKBWriter_setByteOrder_r(handle, created, Int32(GEOS_WKB_NDR.rawValue))
        wkbWriter = created
        return created
    }

    func reusableGeoJSONReader() throws(GEOSError) -> OpaquePointer {
        if let geoJSONReader { return geoJSONReader }
        sink.lastError = nil
        guard let created = GEOSGeoJSONReader_create_r(handle) else {
            throw failure("GEOSGeoJSONReader_create_r")
        }
        geoJSONReader = created
        return created
    }

    func reusableGeoJSONWriter() throws(GEOSError) -> OpaquePointer {
        if let geoJSONWriter { return geoJSONWriter }
        sink.lastError = nil
        guard let created = GEOSGeoJSONWriter_create_r(handle) else {
            throw failure("GEOSGeoJSONWriter_create_r")
        }
        geoJSONWriter = created
        return created
    }

    /// Destroys the cached readers/writers; called from `deinit` before `GEOS_finish_r`.
    func destroyIOObjects() {
        if let wktReader { GEOSWKTReader_destroy_r(handle, wktReader) }
        if let wktWriter { GEOSWKTWriter_destroy_r(handle, wktWriter) }
        if let wkbReader { GEOSWKBReader_destroy_r(handle, wkbReader) }
        if let wkbWriter { GEOSWKBWriter_destroy_r(handle, wkbWriter) }
        if let geoJSONReader { GEOSGeoJSONReader_destroy_r(handle, geoJSONReader) }
        if let geoJSONWriter { GEOSGeoJSONWriter_destroy_r(handle, geoJSONWriter) }
        wktReader = nil
        wktWriter = nil
        wkbReader = nil
        wkbWriter = nil
        geoJSONReader = nil
        geoJSONWriter = nil
    }
}
