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

/// Which columns name, group, style and describe features in formats made for people (KML).
public struct FeaturePresentation: Sendable, Hashable {
    /// Column whose value is the placemark name.
    public var nameColumn: String
    /// Column whose value puts a placemark in a folder (e.g. the province code), if any:
    /// one folder per distinct value, folders sorted by it.
    public var folderColumn: String?
    /// Column whose value names a folder, with the folder column's value in parentheses
    /// (`Điện Biên (11)`), if any; without it a folder is named by the folder column's value.
    public var folderNameColumn: String?
    /// Columns shown, with their labels, in the placemark description.
    public var descriptionColumns: [(column: String, label: String)]
    /// Column whose value picks a placemark's style among `styles`, if any.
    public var styleColumn: String?
    /// The styles, shared by the placemarks whose style column holds their `value`.
    public var styles: [FeatureStyle]

    /// - Parameters:
    ///   - nameColumn: the column that names placemarks.
    ///   - folderColumn: the column that groups placemarks into folders, or nil for one folder.
    ///   - folderNameColumn: the column that names the folders, or nil.
    ///   - descriptionColumns: the columns of the description table, with their labels.
    ///   - styleColumn: the column whose value picks the style, or nil.
    ///   - styles: the shared styles.
    public init(
        nameColumn: String, folderColumn: String?, folderNameColumn: String? = nil,
        descriptionColumns: [(column: String, label: String)], styleColumn: String? = nil, styles: [FeatureStyle] = []
    ) {
        self.nameColumn = nameColumn
        self.folderColumn = folderColumn
        self.folderNameColumn = folderNameColumn
        self.descriptionColumns = descriptionColumns
        self.styleColumn = styleColumn
        self.styles = styles
    }

    public static func == (a: FeaturePresentation, b: FeaturePresentation) -> Bool {
        a.nameColumn == b.nameColumn && a.folderColumn == b.folderColumn && a.folderNameColumn == b.folderNameColumn
            && a.descriptionColumns.map(\.column) == b.descriptionColumns.map(\.column)
            && a.descriptionColumns.map(\.label) == b.descriptionColumns.map(\.label)
            && a.styleColumn == b.styleColumn && a.styles == b.styles
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(nameColumn)
        hasher.combine(folderColumn)
        hasher.combine(folderNameColumn)
        for entry in descriptionColumns {
            hasher.combine(entry.column)
            hasher.combine(entry.label)
        }
        hasher.combine(styleColumn)
        hasher.combine(styles)
    }
}

/// A map style shared by the placemarks whose style column holds `value` (KML `<Style>`).
public struct FeatureStyle: Sendable, Hashable {
    /// The style's id in the document (`#id` in a placemark's `<styleUrl>`).
    public var id: String
    /// The style column's value it applies to.
    public var value: String
    /// The icon's colour as RGB hex digits, `ff0000` for red.
    public var colourRGB: String
    /// The icon image's URL.
    public var icon: String

    /// - Parameters:
    ///   - id: the style's id (letters, digits, `-`, `_`).
    ///   - value: the style column's value it applies to.
    ///   - colourRGB: the icon's colour, six hex digits `rrggbb`.
    ///   - icon: the icon image's URL.
    public init(id: String, value: String, colourRGB: String, icon: String) {
        self.id = id
        self.value = value
        self.colourRGB = colourRGB
        self.icon = icon
    }
}

/// The formats a feature table can be written in.
public enum FeatureFormat: String, Sendable, CaseIterable, Hashable {
    /// UTF-8 CSV without a byte-order mark, LF, comma-separated, for machines.
    case csv
    /// RFC 7946 GeoJSON FeatureCollection.
    case geojson
    /// KML 2.2 (Google Earth), one folder per group.
    case kml
    /// OGC GeoPackage 1.3 (QGIS, GDAL).
    case gpkg
    /// Office Open XML workbook (Excel, LibreOffice), one sheet.
    case xlsx
    /// Zipped KML (`doc.kml` in a zip), for Google Earth.
    case kmz

    /// The file extension, without the dot.
    public var fileExtension: String { rawValue }
}
