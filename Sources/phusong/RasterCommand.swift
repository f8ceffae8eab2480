import ArgumentParser
import Foundation
import PhusongCoverage
import PhusongReports
import PhusongSupport

/// `phusong raster`: the best RSRP per pixel over an area, as a Cloud-Optimised GeoTIFF.
struct RasterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raster",
        abstract: "Write the best 4G and 5G RSRP per pixel over an area as a Cloud-Optimised GeoTIFF (EPSG:4326).",
        discussion: """
        Band 1 is the best 4G RSRP, band 2 the best 5G RSRP (dBm, float32) at each pixel's centre, \
        computed by the coverage engine as for a village there (the area type of the nearest \
        village); -9999 (nodata) where no cell is within the maximum range. The area is --bbox, \
        or the bounding box of --province in the --admin boundaries. The resolution in metres \
        becomes degrees at the area's middle latitude; the pixel count is rounded up so that the \
        raster's extent is the area exactly. With --terrain, each pixel's RSRP is the terrain \
        model's (docs/terrain.md). See docs/raster.md.
        """
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var config: ConfigOption
    @OptionGroup var threads: ThreadsOption
    @OptionGroup var terrain: TerrainOption
    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .long, help: ArgumentHelp(
        "The area: west,south,east,north in WGS 84 degrees, e.g. 102.9,21.2,103.3,21.6.", valueName: "minlon,minlat,maxlon,maxlat"))
    var bbox: String?

    @Option(name: .long, help: ArgumentHelp(
        "The area: this province's bounding box (code, or name with or without diacritics); needs --admin.", valueName: "code-or-name"))
    var province: String?

    @Option(name: .long, help: ArgumentHelp(
        "Largest pixel side, metres: 10m to 100000m (also 1km), e.g. 100m.", valueName: "size"))
    var resolution: String

    @Option(name: .long, help: ArgumentHelp("The GeoTIFF to write (.tif or .tiff).", valueName: "file"))
    var out: String

    mutating func validate() throws {
        if (bbox == nil) == (province == nil) { throw ValidationError("give either --bbox or --province (with --admin)") }
        if province != nil, inputs.admin.isEmpty { throw ValidationError("--province needs --admin FILE (the boundaries to find it in)") }
        let lowered = out.lowercased()
        if !lowered.hasSuffix(".tif") && !lowered.hasSuffix(".tiff") {
            throw ValidationError("--out \(out): the coverage raster is a GeoTIFF; give a .tif or .tiff file")
        }
        let metres = try Self.metres(resolution)
        if let bbox {
            let box = try Self.box(bbox)
            do { _ = try CoverageGrid(box: box, resolutionM: metres) } catch { throw ValidationError("--bbox/--resolution: \(error)") }
        } else if !CoverageGrid.resolutionRangeM.contains(metres) {
            throw ValidationError("--resolution: \(CoverageGridError.resolutionOutOfRange(metres))")
        }
    }

    func run() async throws {
        let progress = progressOptions.start(Self.configuration.commandName ?? "raster")
        try OutputGuard.check(reading: inputs.files + config.files + terrain.files(), writing: [out] + inputs.outputFiles)
        let configuration = try config.load()
        let loaded = try await inputs.load(threads: threads.count, progress: progress)
        let area: LonLatBox
        if let bbox {
            area = try Self.box(bbox)
        } else {
            let found = try ProvinceExtent.box(of: province ?? "", in: loaded.boundaries)
            Terminal.note("Province \(found.code): \(found.box)")
            area = found.box
        }
        let grid: CoverageGrid
        do { grid = try CoverageGrid(box: area, resolutionM: try Self.metres(resolution)) } catch {
            throw ValidationError("--resolution: \(error)")
        }
        let terrainModel = try terrain.model(configuration)
        let engine = try await progress.stage("index") {
            try await CoverageEngine.prepare(
                cells: loaded.scenario.cells, sites: loaded.sites, parameters: configuration.radio, threads: threads.count)
        }
        let values = try await progress.stage("raster", total: grid.pixelCount) {
            try await CoverageRasterValues.compute(
                grid: grid, engine: engine.withTerrain(terrainModel), villages: loaded.scenario.villages, threads: threads.count,
                progress: progress)
        }
        if let terrainModel {
            // The report's outside-terrain policy: stop naming the missing tiles, unless
            // `outside_terrain = "default-model"`.
            try terrainModel.check(values.terrain)
            let source = terrainModel.profiler.tiles.source
            Terminal.note(TerrainSummaryText.heading(source: source.path, files: source.allFiles.count, settings: terrainModel.settings))
            for line in TerrainSummaryText.statisticsLines(values.terrain) { Terminal.note(line) }
        }
        try await progress.stage("write") { try CoverageRasterFile.write(values, grid: grid, to: out) }
        let size = [grid.pixelWidthDeg, grid.pixelHeightDeg].map { String(format: "%.8g", $0) + "°" }.joined(separator: " × ")
        Terminal.note("Wrote \(out) (\(grid.columns) × \(grid.rows) pixels of \(size), bands: 4G, 5G RSRP dBm)")
    }

    /// `--resolution`: a number of metres followed by `m`, or of kilometres followed by `km`.
    static func metres(_ text: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let (number, scale): (Substring, Double) = trimmed.hasSuffix("km")
            ? (trimmed.dropLast(2), 1000) : trimmed.hasSuffix("m") ? (trimmed.dropLast(1), 1) : ("", 0)
        guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value.isFinite, scale > 0 else {
            throw ValidationError("--resolution \"\(text)\": give metres or kilometres with the unit, e.g. 100m or 1km")
        }
        return value * scale
    }

    /// `--bbox`: four comma-separated numbers, checked by `LonLatBox.problem`.
    static func box(_ text: String) throws -> LonLatBox {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let minLon = parts[0], let minLat = parts[1], let maxLon = parts[2], let maxLat = parts[3] else {
            throw ValidationError("--bbox \"\(text)\": give four numbers MINLON,MINLAT,MAXLON,MAXLAT (WGS 84 degrees)")
        }
        let box = LonLatBox(minLon: minLon, minLat: minLat, maxLon: maxLon, maxLat: maxLat)
        if let problem = box.problem { throw ValidationError("--bbox \(text): \(problem)") }
        return box
    }
}
