import GDALKit

/// How a GIS layer is read (`GISTable`), decided with the source open on the calling thread:
/// the layer, its header, its CRS, and either the features already read or, for a large
/// GeoPackage layer, the id ranges that tasks read at the same time, each through its own
/// dataset (GDAL datasets are never shared between threads).
struct GISReadPlan: Sendable {
    /// The layer's name.
    let layer: String
    /// The header (the kept fields' names, then `lon` and `lat` when the point gives them).
    let header: [String]
    /// What each column of the header holds.
    let columns: [GISFeatures.Column]
    /// Whether the point geometry gives the positions.
    let readsPositions: Bool
    /// The layer's CRS as WKT, nil when it declares none.
    let crsWKT: String?
    /// Warnings about the columns.
    let warnings: [Problem]
    /// The features, when read on the calling thread; empty when `filters` are to be read.
    let parts: [GISLayerPart]
    /// The attribute filters (id ranges) of the parts to read in parallel.
    let filters: [String]

    /// A layer smaller than this is read by one task: opening a dataset per task costs more
    /// than it saves.
    static let parallelFeatures = 20_000

    /// Opens the source and chooses the layer; reads it unless it is a large GeoPackage layer
    /// (whose ids are SQLite row ids: a range of them is one indexed query).
    init(path: String, layers: [String], spec: GISTableSpec, threads: Int) throws(LoadError) {
        let dataset = try Self.open(path)
        let layer = try GISLayerChoice.layer(of: dataset, named: layers, kind: spec.kind, path: path)
        let reader = GISLayerReader(layer: layer, spec: spec, path: path)
        self.layer = layer.name
        header = reader.header
        columns = reader.columns
        readsPositions = reader.readsPositions
        warnings = reader.warnings
        var wkt: String?
        if readsPositions, let crs = layer.spatialReference {
            do throws(GDALError) {
                wkt = try crs.wkt()
            } catch {
                throw LoadError(Problem(file: path, layer: layer.name, reason: .source(.notTransformable(crs: crs.label, detail: error.message))))
            }
        }
        crsWKT = wkt
        let count = layer.featureCount ?? 0
        let fidColumn = layer.fidColumn
        guard threads > 1, dataset.driverName == "GPKG", !fidColumn.isEmpty, count >= Self.parallelFeatures else {
            parts = [try reader.read()]
            filters = []
            return
        }
        // Ids 1…count split evenly; the ranges cover every id, so ids that are not 1…count
        // (deleted rows) are still read once, only less evenly.
        let column = "\"" + fidColumn.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let pieces = min(threads * 2, count / (Self.parallelFeatures / 4))
        let bounds = (1..<pieces).map { 1 + count * $0 / pieces }
        filters = (0..<pieces).map { index in
            if index == 0 { return "\(column) < \(bounds[0])" }
            if index == pieces - 1 { return "\(column) >= \(bounds[index - 1])" }
            return "\(column) >= \(bounds[index - 1]) AND \(column) < \(bounds[index])"
        }
        parts = []
    }

    /// Reads the features of one id range, through a dataset of its own.
    func readPart(_ filter: String, path: String, spec: GISTableSpec) throws(LoadError) -> GISLayerPart {
        let dataset = try Self.open(path)
        let chosen: VectorLayer
        do {
            chosen = try dataset.layer(named: layer)
        } catch {
            throw LoadError(Problem(file: path, layer: layer, reason: .source(.unreadable(detail: error.message))))
        }
        return try GISLayerReader(layer: chosen, spec: spec, path: path).read(filter: filter)
    }

    private static func open(_ path: String) throws(LoadError) -> VectorDataset {
        do {
            return try VectorDataset(readingAt: path)
        } catch {
            throw LoadError(Problem(file: path, reason: .source(.unreadable(detail: error.message))))
        }
    }
}
