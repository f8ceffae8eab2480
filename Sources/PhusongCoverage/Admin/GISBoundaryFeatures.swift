import GDALKit
import GEOSKit
import PhusongSupport

/// Administrative boundaries from a GIS source read through GDAL (a GeoPackage, a Shapefile,
/// a MapInfo table, FlatGeobuf…), as the features `AdminBoundariesLoader` reads from GeoJSON:
/// the same properties (`code`, `name`, `province_code`; a DBF name cut to 10 bytes such as
/// `province_c` read in full) and the geometry as WKB in WGS 84 longitude/latitude, so that
/// every check of a boundary file applies unchanged (docs/formats.md).
///
/// - A layer in another CRS is transformed with PROJ; a layer without a CRS is read as it is
///   (its coordinates must then be degrees: the loader's own check, with a warning here).
/// - A code field that holds numbers (a DBF numeric field) is padded with zeros to the
///   code's width (2 for a province; 5 for a commune's `code`), with one warning.
enum GISBoundaryFeatures {
    /// The key of a feature's WKB geometry in the feature dictionaries.
    static let wkbKey = "phusong.wkb"

    /// The properties a boundary feature may have.
    private static let spec = GISTableSpec(
        kind: "boundaries", columns: [ColumnSpec("code"), ColumnSpec("name"), ColumnSpec("province_code")], position: nil, codeDigits: [:])

    /// Whether `path` is read through GDAL: a GIS extension other than GeoJSON's, which keeps
    /// phusong's own reader and its messages.
    static func applies(to path: String) -> Bool {
        let lowered = path.lowercased()
        return InputFormat.of(path) == .gis && !lowered.hasSuffix(".geojson") && !lowered.hasSuffix(".json")
    }

    /// The features of the layer of `path` that `layers` chooses, and the reading's warnings.
    /// - Throws: `LoadError` when GDAL cannot read the source or transform its CRS.
    static func read(path: String, layers: [String], warnings: inout [Problem]) throws(LoadError) -> [[String: Any]] {
        try GDALLibrary.withThreadConfiguration(InputFormat.gdalConfiguration) { () throws(LoadError) -> [[String: Any]] in
            try readLayer(path: path, layers: layers, warnings: &warnings)
        }
    }

    /// `read(path:layers:warnings:)` with GDAL configured for phusong's sources.
    private static func readLayer(path: String, layers: [String], warnings: inout [Problem]) throws(LoadError) -> [[String: Any]] {
        try InputFile(path: path).readToEnd()  // missing file or folder: exit 66; the checksum
        let dataset: VectorDataset
        do {
            dataset = try VectorDataset(readingAt: path)
        } catch {
            throw LoadError(Problem(file: path, reason: .source(.unreadable(detail: error.message))))
        }
        let layer = try GISLayerChoice.layer(of: dataset, named: layers, kind: "boundaries", path: path)
        let fail = { (detail: String) in LoadError(Problem(file: path, layer: layer.name, reason: .source(.unreadable(detail: detail)))) }
        var transform: CoordinateTransformation?
        if let crs = layer.spatialReference {
            do throws(GDALError) {
                if !crs.isWGS84LonLat { transform = try CoordinateTransformation.toWGS84(from: crs) }
            } catch {
                throw LoadError(Problem(file: path, layer: layer.name, reason: .source(.notTransformable(crs: crs.label, detail: error.message))))
            }
        } else {
            warnings.append(Problem(file: path, layer: layer.name, reason: .source(.noCRSReadAsWGS84)))
        }
        let names = layer.fields.map { spec.column(for: $0.name)?.name }
        var padded: Set<String> = []
        var features: [[String: Any]] = []
        do {
            while let feature = try layer.nextFeature(geometry: .wkb, transform: transform) {
                let isCommune = names.indices.contains { names[$0] == "province_code" && feature.values[$0] != .null }
                var properties: [String: Any] = [:]
                for (index, name) in names.enumerated() {
                    guard let name, properties[name] == nil else { continue }
                    let digits = name == "province_code" || (name == "code" && !isCommune) ? 2 : 5
                    switch feature.values[index] {
                    case .null: continue
                    case .text(let text): properties[name] = text
                    case let number:
                        properties[name] = GISLayerReader.numberText(number, digits: name == "name" ? nil : digits)
                        if name != "name", padded.insert(name).inserted {
                            warnings.append(Problem(file: path, layer: layer.name, column: name,
                                                    reason: .source(.numericCodesPadded(digits: digits))))
                        }
                    }
                }
                var object: [String: Any] = ["properties": properties]
                if case .wkb(let bytes) = feature.geometry { object[wkbKey] = bytes }
                features.append(object)
            }
        } catch {
            throw fail(error.message)
        }
        return features
    }

    /// The polygon or multipolygon of a feature's WKB, with every position checked to be in
    /// degrees (`BoundaryCoordinates`): all are when both corners of the envelope are, else
    /// the corner outside is named.
    static func polygonal(_ wkb: [UInt8], context: GEOSContext) throws -> Geometry {
        let geometry = try context.geometry(fromWKB: wkb)
        let type = try geometry.type
        guard type == .polygon || type == .multiPolygon else {
            throw Problem.BoundaryFault.Shape.notPolygonal(type: "\(type)")
        }
        if let envelope = try geometry.envelope {
            try BoundaryCoordinates.check(x: envelope.minX, y: envelope.minY)
            try BoundaryCoordinates.check(x: envelope.maxX, y: envelope.maxY)
        }
        return geometry
    }
}
