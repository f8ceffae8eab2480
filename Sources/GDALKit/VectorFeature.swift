/// One attribute value of a feature.
public enum FieldValue: Sendable, Hashable {
    /// No value: the field is unset or NULL.
    case null
    /// A text value exactly as the source holds it (leading zeros and spaces kept).
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// A floating-point number.
    case real(Double)
}

/// The geometry of a feature, in the form ``GeometryReading`` asked for.
public enum FeatureGeometry: Sendable, Hashable {
    /// The feature has no geometry, or an empty one.
    case none
    /// A point (x = longitude or easting, y = latitude or northing; a Z value is dropped).
    case point(x: Double, y: Double)
    /// A geometry that is not a point, when only points were asked for: its type.
    case notPoint(GeometryType)
    /// The geometry as ISO well-known binary, little-endian.
    case wkb([UInt8])
}

/// What ``VectorLayer/nextFeature(geometry:transform:)`` reads of each feature's geometry.
public enum GeometryReading: Sendable, Hashable {
    /// Skip the geometry (attribute tables, or when it is not needed).
    case none
    /// Read points' coordinates; other geometries are reported by type only.
    case point
    /// Read every geometry as well-known binary.
    case wkb
}

/// One feature read from a layer: a value, safe to send between tasks.
public struct VectorFeature: Sendable, Hashable {
    /// The feature id (a GeoPackage's primary key, a Shapefile's record number from 0, a
    /// spreadsheet's data row number), or nil when the source has none.
    public let fid: Int64?
    /// The attribute values, one per ``VectorLayer/fields`` entry, in the same order.
    public let values: [FieldValue]
    /// The geometry, transformed to the target CRS when a transformation was given.
    public let geometry: FeatureGeometry

    /// Creates a feature.
    /// - Parameters:
    ///   - fid: The feature id, nil when the source has none.
    ///   - values: The attribute values, one per field.
    ///   - geometry: The geometry.
    public init(fid: Int64?, values: [FieldValue], geometry: FeatureGeometry) {
        self.fid = fid
        self.values = values
        self.geometry = geometry
    }
}
