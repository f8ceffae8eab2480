import CGDAL

/// A new OGR vector dataset being written (a GeoPackage, or any format whose driver can
/// create layers), open only inside ``create(at:driver:options:configuration:_:)``.
///
/// One owner per handle: the dataset is created, filled and closed by one call on one
/// thread, so it is never shared between threads and never left open. Not `Sendable`.
public final class VectorWriter {
    /// The GDAL handle, owned by this object until ``create(at:driver:options:configuration:_:)``
    /// closes it.
    let handle: GDALDatasetH
    /// Messages of the GDAL calls made on this dataset and its layers.
    let messages: GDALMessages
    /// The path the dataset is written to.
    public let path: String

    private init(handle: GDALDatasetH, messages: GDALMessages, path: String) {
        self.handle = handle
        self.messages = messages
        self.path = path
    }

    /// Creates the dataset at `path`, lets `body` add layers and features, and closes it
    /// (which flushes it: for a GeoPackage, the extents, the spatial indexes and the
    /// `gpkg_contents` rows are written then).
    ///
    /// - Parameters:
    ///   - path: The file to create (an existing file is replaced by the driver).
    ///   - driver: GDAL's short driver name, e.g. `"GPKG"`.
    ///   - options: Dataset creation options as `KEY=VALUE`, e.g. `"VERSION=1.3"`.
    ///   - configuration: GDAL configuration options set on the calling thread while the
    ///     dataset is created, written and closed, e.g. `("OGR_CURRENT_DATE", "2025-06-30T08:15:00.000Z")`
    ///     to fix the timestamp a GeoPackage records; earlier values are restored afterwards.
    ///   - body: Writes the layers and features; runs on the calling thread.
    /// - Returns: What `body` returns.
    /// - Throws: ``GDALError`` when the driver is unknown, the dataset cannot be created or
    ///   closing it fails (e.g. a full disk), or what `body` throws. The file may then exist
    ///   half written: the caller removes it.
    public static func create<T>(
        at path: String, driver: String, options: [String] = [],
        configuration: [(name: String, value: String)] = [], _ body: (VectorWriter) throws(GDALError) -> T
    ) throws(GDALError) -> T {
        GDALLibrary.ensureRegistered()
        let messages = GDALMessages()
        return try ThreadConfiguration.with(configuration) { () throws(GDALError) -> T in
            let created = messages.capturing { () -> GDALDatasetH? in
                guard let handle = GDALGetDriverByName(driver) else { return nil }
                return CStringList.withMutableList(options) { GDALCreate(handle, path, 0, 0, 0, GDT_Unknown, $0) }
            }
            guard let created else {
                throw messages.failure("GDALCreate", fallback: "no GDAL driver '\(driver)' can create \(path)")
            }
            let writer = VectorWriter(handle: created, messages: messages, path: path)
            let result: T
            do throws(GDALError) {
                result = try body(writer)
            } catch {
                messages.capturing { GDALClose(created) }
                throw error
            }
            // GDAL 3.6's GDALClose returns nothing: a failure is known by the handler's message.
            messages.capturing { GDALClose(created) }
            if let failure = messages.lastFailure { throw GDALError(operation: "GDALClose", message: failure) }
            return result
        }
    }

    /// Creates a layer.
    /// - Parameters:
    ///   - name: The layer's name (a GeoPackage table), used as given.
    ///   - geometry: The geometry type of its features (`.point`, or `.none` for a table).
    ///   - spatialReference: The CRS of its geometries; nil for none.
    ///   - fields: The attribute columns, in order.
    ///   - options: Layer creation options as `KEY=VALUE`, e.g. `"FID=fid"`,
    ///     `"GEOMETRY_NAME=geom"`, `"SPATIAL_INDEX=YES"`.
    /// - Returns: The layer, which writes through this dataset.
    /// - Throws: ``GDALError`` when the driver refuses the layer or a field.
    public func createLayer(
        named name: String, geometry: GeometryType, spatialReference: SpatialReference?,
        fields: [NewField], options: [String] = []
    ) throws(GDALError) -> LayerWriter {
        let layer = messages.capturing {
            CStringList.withMutableList(options) {
                GDALDatasetCreateLayer(handle, name, spatialReference?.handle, geometry.ogrType, $0)
            }
        }
        guard let layer else {
            throw messages.failure("GDALDatasetCreateLayer", fallback: "\(path): the driver cannot create layer '\(name)'")
        }
        for field in fields {
            try messages.capturing { () throws(GDALError) in
                guard let definition = OGR_Fld_Create(field.name, field.ogrType.type) else {
                    throw GDALError(operation: "OGR_Fld_Create", message: "out of memory")
                }
                defer { OGR_Fld_Destroy(definition) }
                OGR_Fld_SetSubType(definition, field.ogrType.subtype)
                guard OGR_L_CreateField(layer, definition, 1) == OGRERR_NONE else {
                    throw messages.failure("OGR_L_CreateField", fallback: "\(path) layer '\(name)': cannot create field '\(field.name)'")
                }
            }
        }
        return LayerWriter(handle: layer, writer: self, name: name, fieldCount: fields.count)
    }

    /// Runs `body` inside one dataset transaction (`GDALDatasetStartTransaction`): for a
    /// GeoPackage, one SQLite transaction for all the inserts instead of one each, which is
    /// what makes writing many features fast. Committed when `body` returns, rolled back when
    /// it throws.
    /// - Parameter body: The writes to group.
    /// - Returns: What `body` returns.
    /// - Throws: ``GDALError`` when the driver cannot start or commit the transaction, or
    ///   what `body` throws.
    public func transaction<T>(_ body: () throws(GDALError) -> T) throws(GDALError) -> T {
        guard messages.capturing({ GDALDatasetStartTransaction(handle, 0) }) == OGRERR_NONE else {
            throw messages.failure("GDALDatasetStartTransaction", fallback: "\(path): the driver has no transactions")
        }
        let result: T
        do throws(GDALError) {
            result = try body()
        } catch {
            _ = messages.capturing { GDALDatasetRollbackTransaction(handle) }
            throw error
        }
        guard messages.capturing({ GDALDatasetCommitTransaction(handle) }) == OGRERR_NONE else {
            throw messages.failure("GDALDatasetCommitTransaction", fallback: "\(path): the transaction cannot be committed")
        }
        return result
    }
}

extension GeometryType {
    /// OGR's 2D type code (`.other` is `wkbUnknown`: any geometry).
    var ogrType: OGRwkbGeometryType {
        switch self {
        case .none: wkbNone
        case .point: wkbPoint
        case .lineString: wkbLineString
        case .polygon: wkbPolygon
        case .multiPoint: wkbMultiPoint
        case .multiLineString: wkbMultiLineString
        case .multiPolygon: wkbMultiPolygon
        case .geometryCollection: wkbGeometryCollection
        case .other: wkbUnknown
        }
    }
}
