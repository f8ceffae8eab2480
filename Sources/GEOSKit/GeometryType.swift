import CGEOS

/// The kind of a ``Geometry`` (the OGC simple-features types GEOS 3.11 supports).
public enum GeometryType: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A single position (or an empty point).
    case point
    /// A sequence of two or more positions joined by straight segments.
    case lineString
    /// A closed line string (first position equals last) with at least four positions.
    case linearRing
    /// An area bounded by one exterior ring and zero or more interior rings (holes).
    case polygon
    /// A collection of points.
    case multiPoint
    /// A collection of line strings.
    case multiLineString
    /// A collection of polygons.
    case multiPolygon
    /// A collection of geometries of any type.
    case geometryCollection

    /// Maps GEOS's type id (`GEOSGeomTypeId_r`) to a case; `nil` for an unknown id.
    init?(geosTypeId: Int32) {
        switch geosTypeId {
        case Int32(GEOS_POINT.rawValue): self = .point
        case Int32(GEOS_LINESTRING.rawValue): self = .lineString
        case Int32(GEOS_LINEARRING.rawValue): self = .linearRing
        case Int32(GEOS_POLYGON.rawValue): self = .polygon
        case Int32(GEOS_MULTIPOINT.rawValue): self = .multiPoint
        case Int32(GEOS_MULTILINESTRING.rawValue): self = .multiLineString
        case Int32(GEOS_MULTIPOLYGON.rawValue): self = .multiPolygon
        case Int32(GEOS_GEOMETRYCOLLECTION.rawValue): self = .geometryCollection
        default: return nil
        }
    }

    /// The WKT name of the type, e.g. `"MultiPolygon"`.
    public var description: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .linearRing: "LinearRing"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// `true` for the multi-types and geometry collections.
    public var isCollection: Bool {
        switch self {
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection: true
        default: false
        }
    }
}
