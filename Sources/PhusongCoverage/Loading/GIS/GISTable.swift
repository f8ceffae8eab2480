import GDALKit
import PhusongSupport

/// One layer of a GIS source (read through GDAL) as the features the CSV loader's row checks
/// read (`GISFeatures`), so that it goes through the very same loader and validation as a CSV
/// file (`TableLoader`): every check, message and reject is shared, none duplicated.
///
/// - Fields keep their names (a DBF name cut to 10 bytes becomes the full column name when
///   the cut is unambiguous, `GISTableSpec.column(for:)`); text values are kept as read, and
///   numbers as numbers, which the checks see as their shortest exact text
///   (`NumberText.shortest`), so a CSV value converted to any format and read back is the same.
/// - A point geometry gives the `lon` and `lat` columns (replacing any such fields),
///   transformed to WGS 84 longitude/latitude when the layer's CRS differs (`GISPositions`).
/// - Numbers in a code column are padded with zeros to the code's width, with one warning.
/// - Feature `i` is the loader's line `i + 2`: ``relocated(_:)-9b0u4`` turns the loader's
///   problems back into the file, the layer and the feature id.
struct GISTable: Sendable {
    /// The source, as the user named it.
    let path: String
    /// The layer read.
    let layer: String
    /// The features, for the loader.
    let features: GISFeatures
    /// Each feature's id, in the layer's order.
    let featureIDs: [Int]
    /// What reading found that deserves a look (no CRS, padded codes), located in the layer.
    let warnings: [Problem]

    /// Reads the layer of `path` that `layers` chooses.
    /// - Parameters:
    ///   - path: the source.
    ///   - layers: the names given with `--layer` (`GISLayerChoice`).
    ///   - spec: the loader's columns.
    ///   - threads: tasks that read parts of a large GeoPackage layer at the same time.
    /// - Throws: `LoadError` when the file is missing or unreadable, GDAL cannot open it, no
    ///   layer can be chosen, the geometry is not points, or its coordinates cannot be read
    ///   as WGS 84 longitude/latitude.
    static func read(path: String, layers: [String], spec: GISTableSpec, threads: Int) async throws(LoadError) -> GISTable {
        // Opened by phusong first: a missing file or a folder is the same problem (exit 66)
        // as for a CSV, and the SHA-256 in summaries is that of the source's bytes.
        try InputFile(path: path).readToEnd()
        let plan = try GDALLibrary.withThreadConfiguration(InputFormat.gdalConfiguration) { () throws(LoadError) -> GISReadPlan in
            try GISReadPlan(path: path, layers: layers, spec: spec, threads: threads)
        }
        var parts = plan.parts
        if parts.isEmpty {
            do {
                parts = try await TaskPool.run(count: plan.filters.count, threads: threads) { index in
                    try GDALLibrary.withThreadConfiguration(InputFormat.gdalConfiguration) { () throws(LoadError) -> GISLayerPart in
                        try plan.readPart(plan.filters[index], path: path, spec: spec)
                    }
                }
            } catch let error as LoadError {
                throw error
            } catch {
                throw LoadError(Problem(file: path, layer: plan.layer, reason: .source(.unreadable(detail: "\(error)"))))
            }
        }
        // The positions are brought to WGS 84 together (one transformation).
        var positions = GISPositions()
        for index in parts.indices {
            positions.append(parts[index].positions)
            parts[index].positions = GISPositions()
        }
        var warnings = plan.warnings
        if plan.readsPositions {
            try positions.resolve(crsWKT: plan.crsWKT, layer: plan.layer, path: path, warnings: &warnings)
        }
        let features = GISFeatures(header: plan.header, columns: plan.columns, parts: parts, positions: positions)
        return GISTable(path: path, layer: plan.layer, features: features, featureIDs: parts.flatMap(\.fids), warnings: warnings)
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

    /// The id of the feature on line `line` (`GISFeatures`); nil for the header.
    private func feature(atLine line: Int) -> Int? {
        featureIDs.indices.contains(line - 2) ? featureIDs[line - 2] : nil
    }
}
