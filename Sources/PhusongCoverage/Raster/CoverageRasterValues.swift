import PhusongSupport

/// The values of a coverage raster: the best RSRP of each technology at every pixel centre
/// of a ``CoverageGrid``, computed by the ``CoverageEngine``.
///
/// Each pixel centre is evaluated as a receiver by the engine's own search (its public
/// `coverage(of:threads:)`), so a pixel's value is exactly the best-server RSRP a village at
/// that point would get. The receiver's area type (which selects the path-loss variant) is
/// that of the village nearest to the pixel centre (great-circle; ties: the village first in
/// the file), as area coverage does for a site's footprint; rural when there are no villages.
/// With an engine over terrain (``CoverageEngine/withTerrain(_:)``), a pixel's value is the
/// terrain model's best-server RSRP, found by the same bounded search as a village's, and
/// ``terrain`` counts what the terrain model did.
public struct CoverageRasterValues: Sendable, Hashable {
    /// The value of a pixel where no cell of the technology is within `max_range_m`.
    public static let noData: Float = -9999

    /// The best 4G RSRP per pixel, dBm rounded to float32, row after row from the north-west
    /// corner; ``noData`` where no 4G cell is in range.
    public var lte: [Float]
    /// The best 5G RSRP per pixel, as ``lte``.
    public var nr: [Float]
    /// What the terrain model did over the pixels (all zero without terrain): profiles, void
    /// samples, ITM warnings and errors, pixel–cell pairs outside the terrain. Sums over the
    /// pixels, so the same for every thread count.
    public var terrain = TerrainStatistics()

    /// Computes the values of `grid`'s pixels in parallel chunks of rows (`TaskPool`), merged
    /// in row order: the result does not depend on `threads`.
    /// - Parameters:
    ///   - grid: The pixels.
    ///   - engine: The prepared coverage engine (the cells and the radio model).
    ///   - villages: The villages whose area types the pixels take.
    ///   - threads: Worker tasks.
    ///   - progress: Counts the pixels done, chunk by chunk, in its open stage (nil: none).
    /// - Returns: Both bands.
    public static func compute(
        grid: CoverageGrid, engine: CoverageEngine, villages: [Village], threads: Int, progress: ProgressReporter? = nil
    ) async throws -> CoverageRasterValues {
        // At least `minimumChunks` chunks, so that a small raster (the report's terrain overlay:
        // 40,000 pixels) is shared between the threads too; the chunking does not depend on
        // `threads`, nor do the values.
        let pixels = min(chunkPixels, max(1, grid.rows * grid.columns / minimumChunks))
        return try await compute(grid: grid, engine: engine, villages: villages, threads: threads, chunkPixels: pixels, progress: progress)
    }

    /// ``compute(grid:engine:villages:threads:)`` with chunks of about `chunkPixels` pixels
    /// (tests use small chunks to check that the join keeps row order).
    static func compute(
        grid: CoverageGrid, engine: CoverageEngine, villages: [Village], threads: Int, chunkPixels: Int,
        progress: ProgressReporter? = nil
    ) async throws -> CoverageRasterValues {
        let index = VillageIndex(villages: villages)
        let areaTypes = villages.map(\.areaType)
        // Chunks of whole rows, about `chunkPixels` each whatever the thread count: many per
        // thread for load balance (rows over a city cost more than rows over the sea), and a
        // chunk's receivers are made and dropped with it, so memory stays bounded by the
        // chunks in flight, not the raster.
        let rowsPerChunk = max(1, max(1, chunkPixels) / grid.columns)
        let chunkCount = (grid.rows + rowsPerChunk - 1) / rowsPerChunk
        let chunks = try await TaskPool.run(count: chunkCount, threads: max(1, threads)) { chunk in
            let rows = (chunk * rowsPerChunk)..<min(grid.rows, (chunk + 1) * rowsPerChunk)
            var receivers: [Village] = []
            receivers.reserveCapacity(rows.count * grid.columns)
            for row in rows {
                for column in 0..<grid.columns {
                    let (lon, lat) = grid.centre(column: column, row: row)
                    let areaType = index.nearest(lon: lon, lat: lat).map { areaTypes[$0] } ?? .rural
                    receivers.append(Village(id: "", lon: lon, lat: lat, population: 0, areaType: areaType))
                }
            }
            let (coverage, statistics) = try await engine.coverageAndStatistics(of: receivers, threads: 1)
            progress?.advance(by: receivers.count)
            return (coverage.map { value($0.best4G) }, coverage.map { value($0.best5G) }, statistics.terrain)
        }
        var values = CoverageRasterValues(lte: [], nr: [])
        values.lte.reserveCapacity(grid.pixelCount)
        values.nr.reserveCapacity(grid.pixelCount)
        for chunk in chunks {
            values.lte.append(contentsOf: chunk.0)
            values.nr.append(contentsOf: chunk.1)
            values.terrain.add(chunk.2)
        }
        return values
    }

    /// The pixels a parallel chunk computes at most (unless one row is longer): 65,536.
    static let chunkPixels = 65_536
    /// The chunks a raster is cut into at least (each at least one row): 64.
    static let minimumChunks = 64

    /// A best server's RSRP as float32, or ``noData``.
    private static func value(_ best: VillageCoverage.BestServer?) -> Float {
        best.map { Float($0.rsrpDBm) } ?? noData
    }
}
