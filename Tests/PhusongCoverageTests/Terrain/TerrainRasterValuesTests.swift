import Foundation
import PhusongSupport
import PhusongTestSupport
import Testing
@testable import PhusongCoverage

/// The coverage raster over terrain (`raster --terrain`): each pixel is the terrain model's
/// best server at the pixel centre, found by the bounded search the report uses.
@Suite("Coverage raster over terrain")
struct TerrainRasterValuesTests {
    @Test("over the synthetic ridge: pixels equal the villages' terrain RSRP, never above the flat pixels with combine = max, some below; 1 and 2 threads and any chunking the same")
    func ridgeRaster() async throws {
        let scratch = try TemporaryFiles()
        defer { scratch.remove() }
        let (villages, cells) = TerrainCoverageTests.scenario()
        let model = try TerrainCoverageTests.model(scratch.folder, combine: .max)
        let engine = try CoverageEngine(cells: cells, parameters: TerrainCoverageTests.parameters)
        let grid = try CoverageGrid(box: LonLatBox(minLon: 105.40, minLat: 21.40, maxLon: 105.65, maxLat: 21.60), resolutionM: 1500)
        let flat = try await CoverageRasterValues.compute(grid: grid, engine: engine, villages: villages, threads: 1, chunkPixels: 10_000)
        let overTerrain = try await CoverageRasterValues.compute(
            grid: grid, engine: engine.withTerrain(model), villages: villages, threads: 1, chunkPixels: 10_000)
        let chunked = try await CoverageRasterValues.compute(
            grid: grid, engine: engine.withTerrain(model), villages: villages, threads: 2, chunkPixels: 2 * grid.columns)
        #expect(chunked == overTerrain, "1 thread in one chunk, 2 threads in chunks of two rows")
        #expect(flat.terrain == TerrainStatistics() && overTerrain.terrain.profiles > 0)
        var lower = 0
        for (before, after) in zip(flat.lte + flat.nr, overTerrain.lte + overTerrain.nr) {
            #expect((before == CoverageRasterValues.noData) == (after == CoverageRasterValues.noData))
            #expect(after <= before)
            if after < before { lower += 1 }
        }
        #expect(lower > 0)
        // A pixel is what a village at its centre gets from the report's search.
        let index = VillageIndex(villages: villages)
        for (column, row) in [(0, 0), (grid.columns / 2, grid.rows / 2), (grid.columns - 1, grid.rows - 1)] {
            let (lon, lat) = grid.centre(column: column, row: row)
            let areaType = index.nearest(lon: lon, lat: lat).map { villages[$0].areaType } ?? .rural
            let village = Village(id: "", lon: lon, lat: lat, population: 0, areaType: areaType)
            let coverage = engine.withTerrain(model).coverage(of: village)
            let pixel = row * grid.columns + column
            #expect(overTerrain.lte[pixel] == coverage.best4G.map { Float($0.rsrpDBm) } ?? CoverageRasterValues.noData)
            #expect(overTerrain.nr[pixel] == coverage.best5G.map { Float($0.rsrpDBm) } ?? CoverageRasterValues.noData)
        }
    }
}
