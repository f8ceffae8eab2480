import GDALKit
import PhusongSupport

/// One layer of a GIS source (read through GDAL) turned into the CSV text a CSV file with
/// the same rows would hold, so that it goes through the very same loader and validation as
/// a CSV file (`TableLoader`): every check, message and reject is shared, none duplicated.
///
/// - Fields keep their names (a DBF name cut to 10 bytes becomes the full column name when
///   the cut is unambiguous, `GISTableSpec.column(for:)`); text values are written as read,
///   numbers in their shortest exact form (`NumberText.shortest`), so a CSV value converted
///   to any format and read back is the same text.
/// - A point geometry gives the `lon` and `lat` columns (replacing any such fields),
///   transformed to WGS 84 longitude/latitude when the layer's CRS differs (`GISPositions`).
/// - Numbers in a code column are padded with zeros to the code's width, with one warning.
/// - The record of each feature starts on a known line of the text: ``relocated(_:)-9b0u4``
///   turns the loader's problems back into the file, the layer and the feature id.
struct GISTable: Sendable {
    /// The source, as the user named it.
    let path: String
    /// The layer read.
    let layer: String
    /// The CSV text: a header, then one record per feature.
    let csv: [UInt8]
    /// The line of the text each feature's record starts on, ascending.
    let recordLines: [Int]
    /// Each feature's id, parallel to `recordLines`.
    let featureIDs: [Int]
    /// What reading found that deserves a look (no CRS, padded codes), located in the layer.
    let warnings: [Problem]

    /// Reads the layer of `path` that `layers` chooses.
    /// - Parameters:
    ///   - path: the source.
    ///   - layers: the names given with `--layer` (`GISLayerChoice`).
    ///   - spec: the loader's columns.
    /// - Throws: `LoadError` when the file is missing or unreadable, GDAL cannot open it, no
    ///   layer can be chosen, the geometry is not points, or its coordinates cannot be read
    ///   as WGS 84 longitude/latitude.
    static func read(path: String, layers: [String], spec: GISTableSpec) throws(LoadError) -> GISTable {
        try GDALLibrary.withThreadConfiguration(InputFormat.gdalConfiguration) { () throws(LoadError) -> GISTable in
            try readLayer(path: path, layers: layers, spec: spec)
        }
    }

    /// `read(path:layers:spec:)` with GDAL configured for phusong's tables.
    private static func readLayer(path: String, layers: [String], spec: GISTableSpec) throws(LoadError) -> GISTable {
        // Opened by phusong first: a missing file or a folder is the same problem (exit 66)
        // as for a CSV, and the SHA-256 in summaries is that of the source's bytes.
        try InputFile(path: path).readToEnd()
        let dataset: VectorDataset
        do {
            dataset = try VectorDataset(readingAt: path)
        } catch {
            throw LoadError(Problem(file: path, reason: .source(.unreadable(detail: error.message))))
        }
        let layer = try GISLayerChoice.layer(of: dataset, named: layers, path: path)
        var reader = GISLayerReader(layer: layer, spec: spec, path: path)
        try reader.readFeatures()
        try reader.positions.resolve(layer: layer, path: path, warnings: &reader.warnings)
        return reader.table()
    }

    /// `problem` located in the layer (its line turned into the feature id) when it is about
    /// this source; unchanged otherwise.
    func relocated(_ problem: Problem) -> Problem {
        guard problem.file == path, problem.layer == nil else { return problem }
        var located = problem
        located.layer = layer
        located.line = problem.line.flatMap(feature(atLine:))
        located.reason = problem.reason.mappingLines { feature(atLine: $0) ?? $0 }
        return located
    }

    /// Every problem of `error` located in the layer.
    func relocated(_ error: LoadError) -> LoadError {
        LoadError(problems: error.problems.map(relocated), output: error.output)
    }

    /// The loaded table with its problems, rejected rows and row lines located in the layer
    /// (lines become feature ids), and the reading's warnings first.
    func relocated<Row>(_ table: LoadedTable<Row>) -> LoadedTable<Row> {
        var located = table
        located.relocate(problem: relocated, line: { feature(atLine: $0) ?? $0 }, warningsFirst: warnings)
        return located
    }

    /// The id of the feature whose record holds `line`; nil for the header.
    private func feature(atLine line: Int) -> Int? {
        var low = 0, high = recordLines.count
        while low < high {
            let middle = (low + high) / 2
            if recordLines[middle] <= line { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : featureIDs[low - 1]
    }
}
