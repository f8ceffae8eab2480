import PhusongSupport

/// A table of point features — one row per village, site or planned action — in a form every
/// output format can write: CSV for Excel, GeoJSON, KML and GeoPackage.
public struct PointFeatureTable: Sendable, Hashable {
    /// Layer name (GeoPackage table, KML document name, GeoJSON `name`).
    public var layerName: String
    public var columns: [FeatureColumn]
    public var rows: [PointFeature]
    /// How KML groups and labels the placemarks.
    public var presentation: FeaturePresentation

    public init(layerName: String, columns: [FeatureColumn], rows: [PointFeature], presentation: FeaturePresentation) {
        self.layerName = layerName
        self.columns = columns
        self.rows = rows
        self.presentation = presentation
    }
}

/// A column of a feature table.
public struct FeatureColumn: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case text, integer, real, boolean
    }

    public var name: String
    public var kind: Kind

    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// One value of a feature; `.null` where there is none.
public enum FeatureValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case real(Double)
    case boolean(Bool)
    case null

    /// The value as plain text: empty for null, `true`/`false`, shortest round-trip reals.
    public var plainText: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .real(let value): NumberText.real(value)
        case .boolean(let value): String(value)
        case .null: ""
        }
    }

    /// The value as a CSV field: text guarded against formula injection, numbers as they are.
    public var csvField: CSVField {
        switch self {
        case .text(let text): .text(text)
        default: .number(plainText)
        }
    }
}

/// A point (WGS84 lon/lat degrees) with one value per column.
public struct PointFeature: Sendable, Hashable {
    public var lon: Double
    public var lat: Double
    public var values: [FeatureValue]

    public init(lon: Double, lat: Double, values: [FeatureValue]) {
        self.lon = lon
        self.lat = lat
        self.values = values
    }
}

/// Which columns name, group and describe features in formats made for people (KML).
public struct FeaturePresentation: Sendable, Hashable {
    /// Column whose value is the placemark name.
    public var nameColumn: String
    /// Column whose value is the folder a placemark goes in (e.g. the province name), if any.
    public var folderColumn: String?
    /// Columns shown, with their labels, in the placemark description.
    public var descriptionColumns: [(column: String, label: String)]

    public init(nameColumn: String, folderColumn: String?, descriptionColumns: [(column: String, label: String)]) {
        self.nameColumn = nameColumn
        self.folderColumn = folderColumn
        self.descriptionColumns = descriptionColumns
    }

    public static func == (a: FeaturePresentation, b: FeaturePresentation) -> Bool {
        a.nameColumn == b.nameColumn && a.folderColumn == b.folderColumn
            && a.descriptionColumns.map(\.column) == b.descriptionColumns.map(\.column)
            && a.descriptionColumns.map(\.label) == b.descriptionColumns.map(\.label)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(nameColumn)
        hasher.combine(folderColumn)
        for entry in descriptionColumns {
            hasher.combine(entry.column)
            hasher.combine(entry.label)
        }
    }
}

/// The formats a feature table can be written in.
public enum FeatureFormat: String, Sendable, CaseIterable, Hashable {
    /// UTF-8 CSV with a byte-order mark, comma-separated, for Excel.
    case csv
    /// RFC 7946 GeoJSON FeatureCollection.
    case geojson
    /// KML 2.2 (Google Earth), one folder per group.
    case kml
    /// OGC GeoPackage 1.3 (QGIS, GDAL).
    case gpkg

    /// The file extension, without the dot.
    public var fileExtension: String { rawValue }
}
