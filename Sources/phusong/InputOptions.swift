import ArgumentParser
import PhusongCoverage

/// The input options every data command shares.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("villages.csv (data-format.md), or a GIS file: .gpkg, .shp, .xlsx, .ods, .tab, .fgb, .geojson (docs/formats.md).", valueName: "file"))
    var villages: String?

    @Option(name: .long, help: ArgumentHelp(
        "cells.csv (data-format.md) or a GIS file (docs/formats.md); repeat to add files, e.g. a plan's planned_cells.csv.", valueName: "file"))
    var cells: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Administrative boundaries, GeoJSON or a GIS polygon file such as .gpkg or .shp (provinces and/or communes; repeat for several files).",
        valueName: "file"))
    var admin: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "For a GIS file with several layers (a GeoPackage, a workbook's sheets), the layer to read; repeat for files with different names (docs/formats.md).",
        valueName: "name"))
    var layer: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Set bad rows aside into this CSV (their columns plus 'reason') and go on, instead of stopping.",
        valueName: "file"))
    var rejects: String?

    mutating func validate() throws {
        if (villages == nil) != cells.isEmpty {
            throw ValidationError("give both --villages and --cells, or neither to use the embedded default data")
        }
    }

    var policy: BadRowPolicy { rejects.map { .setAside(rejectsPath: $0) } ?? .stop }

    /// Every file the inputs name (the embedded default data's when none is given), for the
    /// output checks; nothing is printed.
    var files: [String] {
        if let villages, !cells.isEmpty { return [villages] + cells + admin }
        return (DefaultData.folder().map { [$0 + "/villages.csv", $0 + "/cells.csv"] } ?? []) + admin
    }

    /// The files --rejects may write.
    var outputFiles: [String] { policy.outputFiles }

    /// The input paths: the given ones, or the embedded default data set.
    func paths() throws -> InputPaths {
        if let villages, !cells.isEmpty {
            return InputPaths(villages: villages, cells: cells, admin: admin, layers: layer)
        }
        guard let folder = DefaultData.folder() else { throw CommandError.defaultDataMissing }
        Terminal.note("Using the embedded default data set: \(folder)")
        return InputPaths(villages: folder + "/villages.csv", cells: folder + "/cells.csv", admin: admin, layers: layer)
    }
}
