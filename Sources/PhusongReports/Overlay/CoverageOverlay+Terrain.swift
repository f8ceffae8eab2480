import Foundation
import PhusongCoverage
import PhusongSupport

extension CoverageOverlay {
    /// The pixels of `report --terrain`'s overlay: a `CoverageGrid` over the elevation
    /// data's extent ∩ the villages' area.
    ///
    /// The area is the bounding box of the villages that lie on an elevation file, widened by
    /// 0.02° (about 2 km) on each side and cut to the bounding box of the elevation files (SRTM
    /// tiles are 1° squares; a raster's extent runs between its outermost posts). The
    /// resolution: `resolutionM` when given (its pixels must not exceed ``maxPixels``); else
    /// ``defaultResolutionM``, coarsened in steps of 100 m until the grid has at most
    /// ``defaultMaxPixels`` pixels.
    /// - Parameters:
    ///   - source: the elevation files.
    ///   - villages: the run's villages.
    ///   - resolutionM: the pixel side asked for, metres, or nil for the default.
    /// - Returns: the grid, or nil when no village lies on the elevation data.
    /// - Throws: `CoverageGridError` when the asked resolution is out of range or gives
    ///   more than ``maxPixels`` pixels.
    public static func terrainGrid(source: TerrainSource, villages: [Village], resolutionM: Double?) throws(CoverageGridError) -> CoverageGrid? {
        guard let area = area(villages: villages, elevation: elevationBoxes(source)) else { return nil }
        return try grid(area, resolutionM: resolutionM)
    }

    /// The terrain overlay of `report --terrain` over `grid` (``terrainGrid(source:villages:resolutionM:)``):
    /// best 4G and 5G RSRP over the terrain and on the flat model, each computed by
    /// `CoverageRasterValues.compute(grid:engine:villages:threads:progress:)` exactly as
    /// `phusong raster` (flat, then with `--terrain`) computes it for the same box and
    /// resolution.
    ///
    /// Pixels whose centre lies on no elevation file (a folder of tiles with gaps) are nodata in
    /// every layer. A pixel–cell path that leaves the elevation data gets the flat model's RSRP
    /// for that pair (as `outside_terrain = "default-model"`); the page says how many pairs
    /// did, and the overlay never stops the report for it.
    /// - Parameters:
    ///   - grid: the pixels.
    ///   - engine: the prepared coverage engine (its terrain model is replaced by `model` and by none).
    ///   - model: the terrain model of the report.
    ///   - villages: the run's villages (each pixel takes the area type of the nearest one).
    ///   - threads: worker tasks.
    ///   - progress: counts the pixels done in its open stage, both passes (2 × the pixels).
    /// - Returns: the overlay.
    /// - Throws: `TerrainError` when a tile cannot be read.
    public static func overTerrain(
        grid: CoverageGrid, engine: CoverageEngine, model: TerrainModel, villages: [Village], threads: Int,
        progress: ProgressReporter? = nil
    ) async throws -> CoverageOverlay {
        let source = model.profiler.tiles.source
        let pieces = elevationBoxes(source)
        let flat = try await CoverageRasterValues.compute(
            grid: grid, engine: engine.withTerrain(nil), villages: villages, threads: threads, progress: progress)
        let overTerrain = try await CoverageRasterValues.compute(
            grid: grid, engine: engine.withTerrain(model), villages: villages, threads: threads, progress: progress)
        if let error = overTerrain.terrain.readError { throw error }
        var shown = Bands(lte: overTerrain.lte, nr: overTerrain.nr), flatBands = Bands(lte: flat.lte, nr: flat.nr)
        var offTerrain = 0
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let (lon, lat) = grid.centre(column: column, row: row)
                guard !pieces.contains(where: { $0.contains(lon: lon, lat: lat) }) else { continue }
                let index = row * grid.columns + column
                for bands in [\Bands.lte, \Bands.nr] {
                    shown[keyPath: bands][index] = CoverageRasterValues.noData
                    flatBands[keyPath: bands][index] = CoverageRasterValues.noData
                }
                offTerrain += 1
            }
        }
        let metresPerDegree = Double.pi * Geodesy.earthRadiusM / 180
        let middle = (grid.box.minLat + grid.box.maxLat) / 2 * Double.pi / 180
        let sideM = max(grid.pixelWidthDeg * metresPerDegree * cos(middle), grid.pixelHeightDeg * metresPerDegree)
        return CoverageOverlay(
            source: .terrain(path: source.path), box: grid.box, columns: grid.columns, rows: grid.rows, resolutionM: sideM,
            values: shown, flat: flatBands, terrain: overTerrain.terrain, pixelsOffTerrain: offTerrain)
    }

    /// The pixels `overTerrain` computes for `area`: at `resolutionM` when given (at most
    /// ``maxPixels``), else the default resolution coarsened to ``defaultMaxPixels``.
    static func grid(_ area: LonLatBox, resolutionM: Double?) throws(CoverageGridError) -> CoverageGrid {
        if let resolutionM {
            let grid = try CoverageGrid(box: area, resolutionM: resolutionM)
            guard grid.pixelCount <= maxPixels else {
                throw .tooManyPixels(columns: Double(grid.columns), rows: Double(grid.rows), resolutionM: resolutionM)
            }
            return grid
        }
        var metres = defaultResolutionM
        while true {
            let grid = try CoverageGrid(box: area, resolutionM: metres)
            if grid.pixelCount <= defaultMaxPixels { return grid }
            // √(pixels / budget) × the side, rounded up to 100 m: one or two steps at most.
            let scale = (Double(grid.pixelCount) / Double(defaultMaxPixels)).squareRoot()
            metres = max(metres + 100, (metres * scale / 100).rounded(.up) * 100)
        }
    }

    /// The boxes of the elevation files: each SRTM tile's 1° square, each raster's extent
    /// between its outermost posts.
    static func elevationBoxes(_ source: TerrainSource) -> [LonLatBox] {
        source.tileNames.map { LonLatBox(minLon: Double($0.west), minLat: Double($0.south), maxLon: Double($0.west + 1), maxLat: Double($0.south + 1)) }
            + source.rasters.map { LonLatBox(minLon: $0.layout.west, minLat: $0.layout.south, maxLon: $0.layout.east, maxLat: $0.layout.north) }
    }

    /// The villages' bounding box widened by 0.02°, cut to the elevation files' bounding box;
    /// nil when that is empty or no village lies on an elevation file.
    static func area(villages: [Village], elevation: [LonLatBox]) -> LonLatBox? {
        let onTerrain = villages.filter { village in elevation.contains { $0.contains(lon: village.lon, lat: village.lat) } }
        guard let first = onTerrain.first, let firstPiece = elevation.first else { return nil }
        let margin = 0.02
        var study = LonLatBox(minLon: first.lon, minLat: first.lat, maxLon: first.lon, maxLat: first.lat)
        for village in onTerrain {
            study.minLon = min(study.minLon, village.lon)
            study.minLat = min(study.minLat, village.lat)
            study.maxLon = max(study.maxLon, village.lon)
            study.maxLat = max(study.maxLat, village.lat)
        }
        var data = firstPiece
        for piece in elevation {
            data.minLon = min(data.minLon, piece.minLon)
            data.minLat = min(data.minLat, piece.minLat)
            data.maxLon = max(data.maxLon, piece.maxLon)
            data.maxLat = max(data.maxLat, piece.maxLat)
        }
        let box = LonLatBox(minLon: max(study.minLon - margin, data.minLon), minLat: max(study.minLat - margin, data.minLat),
                            maxLon: min(study.maxLon + margin, data.maxLon), maxLat: min(study.maxLat + margin, data.maxLat))
        return box.problem == nil ? box : nil
    }
}
