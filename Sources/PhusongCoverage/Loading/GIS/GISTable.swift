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
        // The positions are brought to WGS 84 together (one transformation); the records'
        // bytes go from each part straight into the CSV text, never copied into one part first.
        var positions = GISPositions()
        for part in parts { positions.append(part.positions) }
        var warnings = plan.warnings
        if plan.readsPositions {
            try positions.resolve(crsWKT: plan.crsWKT, layer: plan.layer, path: path, warnings: &warnings)
        }
        return table(plan: plan, parts: parts, positions: positions, warnings: warnings, path: path)
    }

    /// The CSV text of the header and of every feature of `parts` in order, with the line each
    /// record starts on; `positions` holds every feature's point, in the same order.
    private static func table(
        plan: GISReadPlan, parts: [GISLayerPart], positions: GISPositions, warnings: [Problem], path: String
    ) -> GISTable {
        let features = parts.reduce(0) { $0 + $1.fids.count }
        var csv = plan.headerRecord
        csv.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count } + features * 24 + csv.count + 1)
        csv.append(0x0A)
        var line = 2
        var recordLines: [Int] = []
        recordLines.reserveCapacity(features)
        var featureIDs: [Int] = []
        featureIDs.reserveCapacity(features)
        var feature = 0
        for part in parts {
            var start = 0
            for index in part.fids.indices {
                recordLines.append(line)
                csv += part.bytes[start..<part.recordEnds[index]]
                start = part.recordEnds[index]
                if plan.readsPositions { positions.appendTexts(at: feature, to: &csv) }
                csv.append(0x0A)
                line += 1 + Int(part.lineBreaks[index])
                feature += 1
            }
            featureIDs += part.fids
        }
        return GISTable(path: path, layer: plan.layer, csv: csv, recordLines: recordLines, featureIDs: featureIDs,
                        warnings: warnings)
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
