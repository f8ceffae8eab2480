import PhusongSupport

extension Problem {
    /// A GIS source read through GDAL (GeoPackage, Shapefile, spreadsheet, MapInfo table,
    /// FlatGeobuf…) that cannot be used as a table of rows, or that was read with an
    /// assumption worth a look (docs/formats.md).
    public enum SourceFault: Sendable, Hashable, CustomStringConvertible {
        /// GDAL could not open or read the source, in GDAL's words.
        case unreadable(detail: String)
        /// The source has several layers and `--layer` names none of them.
        case severalLayers(names: [String])
        /// `--layer` names a layer the source does not have.
        case noSuchLayer(name: String, names: [String])
        /// Several `--layer` names are layers of the source and none is called as the table
        /// (`kind`: villages, cells, boundaries).
        case ambiguousLayers(names: [String], kind: String)
        /// The source has no layer at all.
        case noLayers
        /// The layer's geometry is not points, so it gives no village or cell position.
        case notPoints(geometry: String)
        /// The layer declares no CRS and its coordinates are not longitude/latitude degrees:
        /// `x`, `y` of the first feature outside them.
        case noCRSNotDegrees(x: Double, y: Double)
        /// The layer declares no CRS (a Shapefile without `.prj`) but every coordinate lies in
        /// longitude/latitude range: read as WGS 84 (a warning).
        case noCRSReadAsWGS84
        /// PROJ cannot transform the layer's coordinates to WGS 84.
        case notTransformable(crs: String, detail: String)
        /// A code column held numbers (a spreadsheet's number cells, a DBF numeric field):
        /// its values were padded with zeros to the official width (a warning).
        case numericCodesPadded(digits: Int)

        public var description: String {
            switch self {
            case .unreadable(let detail): "GDAL cannot read it as a GIS source: \(detail)"
            case .severalLayers(let names):
                "it has several layers (\(Self.list(names))): choose one with --layer NAME"
            case .noSuchLayer(let name, let names): "no layer '\(name)' (its layers: \(Self.list(names)))"
            case .ambiguousLayers(let names, let kind):
                "several --layer names are layers of it (\(Self.list(names))) and none is called '\(kind)': name the \(kind) layer '\(kind)'"
            case .noLayers: "it has no layer"
            case .notPoints(let geometry): "the layer's geometry is \(geometry), not points: positions must be points"
            case .noCRSNotDegrees(let x, let y):
                "the layer has no coordinate reference system and its coordinates are not longitude/latitude "
                    + "degrees (x=\(NumberText.shortest(x)) y=\(NumberText.shortest(y))): add the .prj or reproject to EPSG:4326"
            case .noCRSReadAsWGS84:
                "the layer has no coordinate reference system; its coordinates are all within longitude/latitude "
                    + "range and were read as WGS 84 (EPSG:4326)"
            case .notTransformable(let crs, let detail): "cannot transform from \(crs) to WGS 84: \(detail)"
            case .numericCodesPadded(let digits):
                "the column holds numbers, not text: codes padded with leading zeros to \(digits) digits (store codes as text)"
            }
        }

        /// True for a finding that leaves the layer usable.
        public var isWarning: Bool {
            switch self {
            case .noCRSReadAsWGS84, .numericCodesPadded: true
            default: false
            }
        }

        private static func list(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: ", ") }
    }
}
