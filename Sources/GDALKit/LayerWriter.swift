import CGDAL

/// A layer of a ``VectorWriter`` to which features are added in order.
///
/// The layer handle belongs to the dataset; the layer keeps the writer alive but must not be
/// used after ``VectorWriter/create(at:driver:options:configuration:_:)`` returns (the
/// dataset is closed then). Not `Sendable`.
public final class LayerWriter {
    /// The OGR handle, borrowed from the dataset.
    let handle: OGRLayerH
    /// The dataset this layer writes to.
    let writer: VectorWriter
    /// The layer's name.
    public let name: String
    /// How many fields each feature's values must give.
    public let fieldCount: Int

    init(handle: OGRLayerH, writer: VectorWriter, name: String, fieldCount: Int) {
        self.handle = handle
        self.writer = writer
        self.name = name
        self.fieldCount = fieldCount
    }

    /// Adds a feature; the driver gives it the next feature id (a GeoPackage's is its row
    /// number from 1 in insertion order).
    /// - Parameters:
    ///   - values: One value per field, in the layer's field order: `.integer` for integer
    ///     and boolean fields (0 or 1), `.real`, `.text`, `.null` for no value.
    ///   - point: The point geometry (x = longitude or easting, y = latitude or northing, in
    ///     the layer's CRS), or nil for a feature without geometry.
    /// - Throws: ``GDALError`` when the number of values is wrong or the driver cannot
    ///   store the feature.
    public func add(values: [FieldValue], point: (x: Double, y: Double)?) throws(GDALError) {
        guard values.count == fieldCount else {
            throw GDALError(operation: "OGR_L_CreateFeature", message: "layer '\(name)' has \(fieldCount) fields, \(values.count) values given")
        }
        try writer.messages.capturing { () throws(GDALError) in
            guard let definition = OGR_L_GetLayerDefn(handle), let feature = OGR_F_Create(definition) else {
                throw GDALError(operation: "OGR_F_Create", message: "out of memory")
            }
            defer { OGR_F_Destroy(feature) }
            for (index, value) in values.enumerated() {
                let position = Int32(index)
                switch value {
                case .null: OGR_F_SetFieldNull(feature, position)
                case .text(let text): OGR_F_SetFieldString(feature, position, text)
                case .integer(let number): OGR_F_SetFieldInteger64(feature, position, number)
                case .real(let number): OGR_F_SetFieldDouble(feature, position, number)
                }
            }
            if let point {
                guard let geometry = OGR_G_CreateGeometry(wkbPoint) else {
                    throw GDALError(operation: "OGR_G_CreateGeometry", message: "out of memory")
                }
                OGR_G_SetPoint_2D(geometry, 0, point.x, point.y)
                // The feature takes ownership of the geometry.
                OGR_F_SetGeometryDirectly(feature, geometry)
            }
            guard OGR_L_CreateFeature(handle, feature) == OGRERR_NONE else {
                throw writer.messages.failure("OGR_L_CreateFeature", fallback: "\(writer.path) layer '\(name)': the feature cannot be stored")
            }
        }
    }
}
