/// Sends a table to its reader by the file's extension (`InputFormat`): CSV files to the
/// CSV loader as they are, GIS sources through GDAL into CSV text for the same loader, with
/// the problems found located back in the layer.
enum GISTableLoading {
    /// - Parameters:
    ///   - path: the file, as the user named it.
    ///   - layers: the `--layer` names (`GISLayerChoice`).
    ///   - spec: the loader's columns, position and code widths.
    ///   - loadCSV: the loader's CSV reading, of the file (nil) or of the given text.
    ///   - threads: tasks that read parts of a large GeoPackage layer at the same time.
    static func load<Row: Sendable>(
        path: String, layers: [String], spec: GISTableSpec, threads: Int,
        _ loadCSV: ([UInt8]?) async throws(LoadError) -> LoadedTable<Row>
    ) async throws(LoadError) -> LoadedTable<Row> {
        guard InputFormat.of(path) == .gis else { return try await loadCSV(nil) }
        let table = try await GISTable.read(path: path, layers: layers, spec: spec, threads: threads)
        do {
            return table.relocated(try await loadCSV(table.csv))
        } catch {
            throw table.relocated(error)
        }
    }
}
