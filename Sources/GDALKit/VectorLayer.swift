import CGDAL

/// One layer of a ``VectorDataset``: a table of features with the same fields, read front to
/// back with ``nextFeature(geometry:transform:)``.
///
/// The layer handle belongs to the dataset (GDAL frees it on close); the layer keeps its
/// dataset alive. Not `Sendable`, like the dataset.
public final class VectorLayer {
    /// The OGR handle, borrowed from `dataset`.
    let handle: OGRLayerH
    /// The dataset that owns the handle; kept alive by this reference.
    public let dataset: VectorDataset
    /// The layer's name (a GeoPackage table, a Shapefile's base name, a sheet's name).
    public let name: String
    /// The attribute columns in order (the FID column of a GeoPackage is not among them).
    public let fields: [FieldDefinition]

    /// Wraps a layer handle of `dataset`.
    init(handle: OGRLayerH, dataset: VectorDataset) throws(GDALError) {
        self.handle = handle
        self.dataset = dataset
        (name, fields) = dataset.messages.capturing {
            let name = OGR_L_GetName(handle).map { String(cString: $0) } ?? ""
            guard let definition = OGR_L_GetLayerDefn(handle) else { return (name, []) }
            let fields = (0..<OGR_FD_GetFieldCount(definition)).compactMap { index in
                OGR_FD_GetFieldDefn(definition, index).map(FieldDefinition.init(borrowing:))
            }
            return (name, fields)
        }
        resetReading()
    }

    /// The messages sink shared with the dataset (one thread uses both).
    var messages: GDALMessages { dataset.messages }

    /// The declared geometry type (`.none` for an attribute table such as a spreadsheet
    /// sheet or a DBF without `.shp`).
    public var geometryType: GeometryType { GeometryType(messages.capturing { OGR_L_GetGeomType(handle) }) }

    /// The layer's coordinate reference system as a copy the caller owns, or nil when the
    /// source declares none (a Shapefile without `.prj`, a spreadsheet).
    public var spatialReference: SpatialReference? {
        messages.capturing { OGR_L_GetSpatialRef(handle).flatMap { SpatialReference(copying: $0) } }
    }

    /// The number of features, counted by the driver if it does not store it (nil when the
    /// driver cannot tell).
    public var featureCount: Int? {
        let count = messages.capturing { OGR_L_GetFeatureCount(handle, 1) }
        return count >= 0 ? Int(count) : nil
    }

    /// A metadata item of the layer, e.g. `metadataItem("ENCODING_FROM_CPG", domain:
    /// "SHAPEFILE")` (the encoding a Shapefile's `.cpg` declares).
    /// - Parameters:
    ///   - name: The item's name.
    ///   - domain: The metadata domain; nil for the default one.
    /// - Returns: The item's value, nil when the layer has none.
    public func metadataItem(_ name: String, domain: String? = nil) -> String? {
        messages.capturing { GDALGetMetadataItem(handle, name, domain).map { String(cString: $0) } }
    }

    /// Recodes the layer's text values to UTF-8 (``recodeText(from:)``); nil when GDAL hands
    /// out UTF-8 itself.
    private(set) var recoder: TextRecoder?

    /// Recodes the text values read from now on from `encoding` (an iconv name such as
    /// `"CP1258"`) to UTF-8, for a dataset opened with GDAL's own recoding turned off (a
    /// Shapefile read with `SHAPE_ENCODING` empty: ``GDALLibrary/withThreadConfiguration(_:_:)``),
    /// whose text is then the file's bytes. Nil (or UTF-8) takes the bytes as UTF-8.
    /// - Parameter encoding: The source encoding.
    /// - Throws: ``GDALError`` when the C library's iconv does not know the encoding.
    public func recodeText(from encoding: String?) throws(GDALError) {
        guard let encoding, !["", "UTF-8", "UTF8"].contains(encoding.uppercased()) else {
            recoder = nil
            return
        }
        guard let made = TextRecoder(from: encoding) else {
            throw GDALError(operation: "iconv_open", message: "text encoding \(encoding) is not supported")
        }
        recoder = made
    }

    /// Starts reading again from the first feature.
    public func resetReading() { messages.capturing { OGR_L_ResetReading(handle) } }

    /// Reads the next feature as a value.
    /// - Parameters:
    ///   - geometry: What to read of the geometry.
    ///   - transform: Applied to the geometry before it is read (e.g. to WGS 84 lon/lat);
    ///     nil keeps the layer's coordinates.
    /// - Returns: The feature, or nil after the last one.
    /// - Throws: ``GDALError`` when the driver fails to read, a text value is not valid
    ///   UTF-8, or the geometry cannot be transformed.
    public func nextFeature(
        geometry: GeometryReading = .point, transform: CoordinateTransformation? = nil
    ) throws(GDALError) -> VectorFeature? {
        var result: VectorFeature?
        var failedField: Int?
        _ = try readFeatures(limit: 1, geometry: geometry, transform: transform) { record in
            var values: [FieldValue] = []
            values.reserveCapacity(fields.count)
            for index in fields.indices {
                guard let value = record.value(index) else {
                    failedField = index
                    return
                }
                values.append(value)
            }
            result = VectorFeature(fid: record.fid, values: values, geometry: record.geometry)
        }
        if let failedField {
            throw GDALError(operation: "OGR_F_GetFieldAsString", message: "field '\(fields[failedField].name)' is not valid "
                + (recoder.map { "\($0.encoding) text" } ?? "UTF-8 text"))
        }
        return result
    }

    /// Reads every remaining feature, handing each to `body` as a ``FeatureRecord`` (valid
    /// only during the call): the fast way through a large layer, with GDAL's error handler
    /// installed once and text lent without copying.
    /// - Parameters:
    ///   - geometry: What to read of the geometry.
    ///   - transform: Applied to each geometry before it is read; nil keeps the layer's
    ///     coordinates.
    ///   - body: Receives each feature in the layer's order.
    /// - Returns: The number of features read.
    /// - Throws: ``GDALError`` when the driver fails to read or a geometry cannot be
    ///   transformed.
    @discardableResult
    public func forEachFeature(
        geometry: GeometryReading = .point, transform: CoordinateTransformation? = nil, _ body: (FeatureRecord) -> Void
    ) throws(GDALError) -> Int {
        try readFeatures(limit: Int.max, geometry: geometry, transform: transform, body)
    }

    /// Restricts the features read to those matching `filter`, an OGR SQL `WHERE` clause such as
    /// `"fid >= 1 AND fid < 50000"` (drivers backed by SQL, GeoPackage among them, run it as
    /// their own query); nil removes the filter. Reading starts again from the first feature.
    /// - Parameter filter: The clause, or nil.
    /// - Throws: ``GDALError`` when GDAL cannot parse the clause.
    public func setAttributeFilter(_ filter: String?) throws(GDALError) {
        let status = messages.capturing { OGR_L_SetAttributeFilter(handle, filter) }
        guard status == OGRERR_NONE else { throw messages.failure("OGR_L_SetAttributeFilter") }
    }

    /// The name of the column that holds the feature ids of a database layer (a GeoPackage's
    /// `fid`); empty when the ids are record numbers (a Shapefile, a sheet).
    public var fidColumn: String { messages.capturing { OGR_L_GetFIDColumn(handle).map { String(cString: $0) } } ?? "" }

    /// Reads up to `limit` features, each handed to `body`, under one error handler.
    private func readFeatures(
        limit: Int, geometry: GeometryReading, transform: CoordinateTransformation?, _ body: (FeatureRecord) -> Void
    ) throws(GDALError) -> Int {
        try messages.capturing { () throws(GDALError) -> Int in
            var count = 0
            while count < limit {
                guard let feature = OGR_L_GetNextFeature(handle) else {
                    if messages.lastFailure != nil { throw messages.failure("OGR_L_GetNextFeature") }
                    break
                }
                defer { OGR_F_Destroy(feature) }
                let rawFID = OGR_F_GetFID(feature)
                let fid: Int64? = rawFID == Int64(OGRNullFID) ? nil : rawFID
                let shape = try readGeometry(of: feature, fid: fid, reading: geometry, transform: transform)
                body(FeatureRecord(handle: feature, layer: self, fid: fid, geometry: shape))
                count += 1
            }
            return count
        }
    }

    /// The geometry of `feature` as asked, transformed first when `transform` is given.
    private func readGeometry(
        of feature: OGRFeatureH, fid: Int64?, reading: GeometryReading, transform: CoordinateTransformation?
    ) throws(GDALError) -> FeatureGeometry {
        guard reading != .none, let geometry = OGR_F_GetGeometryRef(feature), OGR_G_IsEmpty(geometry) == 0 else {
            return .none
        }
        let type = GeometryType(OGR_G_GetGeometryType(geometry))
        if let transform, reading == .wkb || type == .point {
            guard OGR_G_Transform(geometry, transform.handle) == OGRERR_NONE else {
                throw messages.failure(
                    "OGR_G_Transform",
                    fallback: "\(name) feature \(fid.map(String.init) ?? "?"): geometry cannot be transformed from \(transform.source.label) to \(transform.target.label)")
            }
        }
        switch reading {
        case .none:
            return .none
        case .point:
            guard type == .point else { return .notPoint(type) }
            return .point(x: OGR_G_GetX(geometry, 0), y: OGR_G_GetY(geometry, 0))
        case .wkb:
            var bytes = [UInt8](repeating: 0, count: OGR_G_WkbSizeEx(geometry))
            guard OGR_G_ExportToIsoWkb(geometry, wkbNDR, &bytes) == OGRERR_NONE else {
                throw messages.failure("OGR_G_ExportToIsoWkb")
            }
            return .wkb(bytes)
        }
    }
}
