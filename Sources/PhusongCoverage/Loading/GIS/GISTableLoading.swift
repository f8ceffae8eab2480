/// Sends a table to its reader by the file's extension (`InputFormat`): CSV files to the
/// CSV loader as they are, GIS sources through GDAL, their features to the same loader's row
/// checks (`TableLoader.Source.features`), with the problems found located back in the layer.
enum GISTableLoading {
    /// - Parameters:
    ///   - path: the file, as the user named it.
    ///   - layers: the `--layer` names (`GISLayerChoice`).
    ///   - spec: the loader's columns, position and code widths.
    ///   - load: the loader's reading, of the CSV file (`.file`) or of a layer's features.
    ///   - threads: tasks that read parts of a large GeoPackage layer at the same time.
    static func load<Row: Sendable>(
        path: String, layers: [String], spec: GISTableSpec, threads: Int,
        _ load: (TableLoader.Source) async throws(LoadError) -> LoadedTable<Row>
    ) async throws(LoadError) -> LoadedTable<Row> {
        guard InputFormat.of(path) == .gis else { return try await load(.file) }
        let table = try await GISTable.read(path: path, layers: layers, spec: spec, threads: threads)
        do {
            return table.relocated(try await load(.features(table.features)))
        } catch {
            throw table.relocated(error)
        }
    }
}
