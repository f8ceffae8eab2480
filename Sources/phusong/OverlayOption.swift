import ArgumentParser
import PhusongCoverage
import PhusongReports
import PhusongSupport

/// `report`'s coverage overlay on report.html's map: computed over the elevation data with
/// `--terrain` (its resolution `--overlay-resolution`, or none with `--no-overlay`), or read
/// from a `phusong raster` GeoTIFF with `--overlay FILE` (docs/terrain.md, docs/cli.md).
struct OverlayOption: ParsableArguments {
    @Option(name: .customLong("overlay"), help: ArgumentHelp(
        "A coverage raster written by `phusong raster` (GeoTIFF, EPSG:4326, 2 bands) to show over report.html's map "
            + "(instead of the terrain overlay of --terrain).",
        valueName: "file"))
    var file: String?

    @Option(name: .customLong("overlay-resolution"), help: ArgumentHelp(
        "Pixel side of the terrain overlay that --terrain adds to report.html's map, e.g. 500m or 2km "
            + "(default 1km, coarser when the area would exceed 40,000 pixels; at most 1,000,000 pixels).",
        valueName: "size"))
    var resolution: String?

    @Flag(name: .customLong("no-overlay"), help: "With --terrain: leave the terrain overlay out of report.html's map (it costs a terrain search per pixel).")
    var none = false

    func validate(terrain: String?) throws {
        if none, file != nil || resolution != nil { throw ValidationError("--no-overlay cannot be combined with --overlay or --overlay-resolution") }
        if file != nil, resolution != nil {
            throw ValidationError("--overlay-resolution sets the computed terrain overlay's pixels; a raster given with --overlay keeps its own")
        }
        if resolution != nil, terrain == nil { throw ValidationError("--overlay-resolution needs --terrain PATH (the overlay is computed over the elevation data)") }
        if let resolution {
            let metres = try RasterCommand.metres(resolution)
            if !CoverageGrid.resolutionRangeM.contains(metres) {
                throw ValidationError("--overlay-resolution: \(CoverageGridError.resolutionOutOfRange(metres))")
            }
        }
    }

    /// The files read, for the output checks.
    var files: [String] { file.map { [$0] } ?? [] }

    /// The raster of `--overlay`, read and checked before anything is computed; nil without it.
    func file(progress: ProgressReporter?) async throws -> CoverageOverlay? {
        guard let file else { return nil }
        return try await progress.stage("overlay") { try CoverageOverlay.read(file: file) }
    }

    /// The terrain overlay of `run` (nil without --terrain, with --no-overlay or --overlay,
    /// or when no village lies on the elevation data).
    func overTerrain(
        run: CoverageRun, terrain: TerrainModel?, threads: Int, progress: ProgressReporter?
    ) async throws -> CoverageOverlay? {
        guard let terrain, !none, file == nil else { return nil }
        let metres = try resolution.map { try RasterCommand.metres($0) }
        let grid: CoverageGrid?
        do { grid = try CoverageOverlay.terrainGrid(source: terrain.profiler.tiles.source, villages: run.inputs.scenario.villages, resolutionM: metres) } catch {
            throw ValidationError("--overlay-resolution: \(error)")
        }
        var overlay: CoverageOverlay?
        if let grid {
            overlay = try await progress.stage("overlay", total: 2 * grid.pixelCount) {
                try await CoverageOverlay.overTerrain(
                    grid: grid, engine: run.engine, model: terrain, villages: run.inputs.scenario.villages, threads: threads, progress: progress)
            }
        }
        if let overlay {
            let box = [overlay.box.minLon, overlay.box.minLat, overlay.box.maxLon, overlay.box.maxLat].map { NumberText.fixed($0, decimals: 6) }
            Terminal.note("Terrain overlay: \(overlay.columns) × \(overlay.rows) pixels of about \(Int(overlay.resolutionM.rounded())) m over "
                + box.joined(separator: ","))
        } else {
            Terminal.note("Terrain overlay: no village lies on the elevation data; report.html has no overlay")
        }
        return overlay
    }
}
