import Foundation
import PhusongCoverage
import PhusongReports
import PhusongSupport

/// `phusong report --tile … --partial`: one tile's share of a report (docs/tiles.md).
extension ReportCommand {
    /// Loads the whole inputs, covers the villages in `tile` against every cell (the search
    /// only reaches cells within `max_range_m`, and over terrain only the elevation tiles those
    /// pairs cross are read), and publishes the partial into --out as one set.
    func runPartial(tile: TileBounds, progress: ProgressReporter?) async throws {
        let folder = try OutputGuard.openFolder(out, fileNames: Partial.fileNames, setName: "partial",
                                                reading: inputs.files + config.files + terrain.files())
        defer { folder.release() }
        let configuration = try config.load()
        let terrainModel = try terrain.model(configuration)
        let reportMonth = try month ?? ReportMonth.current()
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try await inputs.load(threads: threads.count, progress: progress)
        let villages = loaded.scenario.villages
        let engine = try await progress.stage("index") {
            try await CoverageEngine.prepare(
                cells: loaded.scenario.cells, sites: loaded.sites, parameters: configuration.radio, threads: threads.count)
        }
        let indices = villages.indices.filter { tile.contains(lon: villages[$0].lon, lat: villages[$0].lat) }
        let tileVillages = indices.map { villages[$0] }
        let results = try await CoverageRun.villageCoverage(
            of: tileVillages, engine: engine, terrain: terrainModel, threads: threads.count, progress: progress)
        let ownedSites = engine.sites.filter { tile.contains(lon: $0.lon, lat: $0.lat) }
        let manifest = PartialManifest(
            toolVersion: PhusongVersion.current, tile: tile,
            // The paths as loading recorded them (those summary.json lists).
            inputs: .init(villages: try Self.reference(loaded.villages.file), cells: try loaded.cellFiles.map(Self.reference),
                          admin: try (loaded.boundaries?.files ?? []).map(Self.reference), layers: inputs.layer,
                          config: try config.path.map(Self.reference)),
            model: configuration.radio,
            terrain: terrainModel.map { model in
                PartialManifest.Terrain(
                    source: model.profiler.tiles.source.path, settings: model.settings,
                    filesRead: model.profiler.tiles.source.allFiles.compactMap { file in
                        FileChecksum.sha256(path: file).map { PartialManifest.FileReference(path: file, sha256: $0) }
                    })
            },
            report: .init(month: reportMonth.description, language: lang.rawValue, basemap: basemap, area: !noArea && terrainModel == nil),
            villages: .init(total: villages.count, inTile: indices.count))
        let partial = Partial(
            manifest: manifest, villageIndices: indices, coverage: results.coverage, empiricallyConnected: results.empiricallyConnected,
            indicators: TileIndicators(villages: tileVillages, coverage: results.coverage, sites: ownedSites),
            terrainStatistics: terrainModel == nil ? nil : results.statistics.terrain)
        let written = try await progress.stage("write") { try await folder.publish(partial.files(), threads: threads.count) }
        Terminal.output("Tile \(tile): \(indices.count) of \(villages.count) villages, \(ownedSites.count) sites owned; "
            + "wrote " + written.joined(separator: ", "))
        Terminal.note("Time: \(seconds(clock.now - start)) (\(threads.count) threads)")
    }

    /// `path` with the SHA-256 of the bytes loading read.
    private static func reference(_ path: String) throws -> PartialManifest.FileReference {
        guard let sha256 = FileChecksum.sha256(path: path) else {
            throw PartialError(.unreadable, "\(path): no checksum was recorded while loading it")
        }
        return PartialManifest.FileReference(path: path, sha256: sha256)
    }
}
