import CGDAL

/// The type of a layer's or feature's geometry, 2D (a Z or M dimension is ignored).
public enum GeometryType: Sendable, Hashable {
    /// No geometry (an attribute table).
    case none
    /// A point.
    case point
    /// A line string.
    case lineString
    /// A polygon.
    case polygon
    /// Several points.
    case multiPoint
    /// Several line strings.
    case multiLineString
    /// Several polygons.
    case multiPolygon
    /// A collection of mixed geometries.
    case geometryCollection
    /// Any geometry type (a layer that mixes types) or one GDALKit does not name (curves,
    /// surfaces, TINs).
    case other

    /// Maps OGR's type code, flattened to 2D.
    init(_ type: OGRwkbGeometryType) {
        switch OGR_GT_Flatten(type) {
        case wkbNone: self = .none
        case wkbPoint: self = .point
        case wkbLineString: self = .lineString
        case wkbPolygon: self = .polygon
        case wkbMultiPoint: self = .multiPoint
        case wkbMultiLineString: self = .multiLineString
        case wkbMultiPolygon: self = .multiPolygon
        case wkbGeometryCollection: self = .geometryCollection
        default: self = .other
        }
    }
}
