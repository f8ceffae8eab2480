import Foundation
import PhusongCoverage
import PhusongSupport

/// One tile's share of a coverage run (`phusong report --tile … --partial`, docs/tiles.md):
/// the manifest, each village's coverage by its index in the input, and the tile's additive
/// indicators. Written as one atomic set (`OutputFolder`), so a folder holds either a whole
/// partial or none.
public struct Partial: Sendable {
    /// The files of a partial folder.
    public static let fileNames = ["manifest.json", "coverage.csv", "indicators.json"]

    /// What the tile was computed from.
    public var manifest: PartialManifest
    /// The tile's villages' indices in the input (0-based), ascending.
    public var villageIndices: [Int]
    /// Their coverage (the terrain model's with terrain), in the same order.
    public var coverage: [VillageCoverage]
    /// With terrain, their status under the empirical model alone; nil without.
    public var empiricallyConnected: [Bool]?
    /// The tile's additive indicators.
    public var indicators: TileIndicators
    /// With terrain, what the terrain model did for the tile's villages; nil without.
    public var terrainStatistics: TerrainStatistics?

    /// - Parameters:
    ///   - manifest: what the tile was computed from.
    ///   - villageIndices: the tile's villages' indices, ascending.
    ///   - coverage: their coverage.
    ///   - empiricallyConnected: with terrain, their empirical status.
    ///   - indicators: the tile's additive indicators.
    ///   - terrainStatistics: with terrain, the terrain model's counts.
    public init(manifest: PartialManifest, villageIndices: [Int], coverage: [VillageCoverage], empiricallyConnected: [Bool]?,
                indicators: TileIndicators, terrainStatistics: TerrainStatistics?) {
        self.manifest = manifest
        self.villageIndices = villageIndices
        self.coverage = coverage
        self.empiricallyConnected = empiricallyConnected
        self.indicators = indicators
        self.terrainStatistics = terrainStatistics
    }

    /// The partial's files, in the order of `fileNames`.
    public func files() -> [OutputSetFile] {
        let manifest = manifest, indices = villageIndices, coverage = coverage, connected = empiricallyConnected
        let indicators = PartialIndicatorsJSON(indicators: indicators, terrain: terrainStatistics.map(PartialIndicatorsJSON.TerrainCounts.init))
        return [
            OutputSetFile(name: "manifest.json") { try JSONDocument.bytes(manifest, pretty: true) + [0x0A] },
            OutputSetFile(name: "coverage.csv") {
                PartialCoverageCSV.bytes(indices: indices, coverage: coverage, empiricallyConnected: connected)
            },
            OutputSetFile(name: "indicators.json") { try JSONDocument.bytes(indicators, pretty: true) + [0x0A] },
        ]
    }

    /// Reads the partial in `folder`.
    /// - Throws: `PartialError`: unreadable when the folder or a file is missing, invalid when
    ///   a file is not in the format or does not agree with the manifest.
    public static func read(folder: String) throws(PartialError) -> Partial {
        let manifestBytes = try readFile(folder, "manifest.json")
        let manifest: PartialManifest
        do {
            manifest = try JSONDecoder().decode(PartialManifest.self, from: Data(manifestBytes))
        } catch {
            throw PartialError(.invalid, "\(folder)/manifest.json: not a partial's manifest: \(error)")
        }
        guard manifest.format == PartialManifest.formatName, manifest.formatVersion == PartialManifest.currentVersion else {
            throw PartialError(.invalid, "\(folder)/manifest.json: format \(manifest.format) version \(manifest.formatVersion); "
                + "this phusong reads \(PartialManifest.formatName) version \(PartialManifest.currentVersion)")
        }
        guard let tile = manifest.tile.bounds else {
            throw PartialError(.invalid, "\(folder)/manifest.json: the tile \(manifest.tile) is not \(TileBounds.format)")
        }
        let rows = try PartialCoverageCSV.read(try readFile(folder, "coverage.csv"), path: folder + "/coverage.csv",
                                              terrain: manifest.terrain != nil)
        guard rows.indices.count == manifest.villages.inTile, rows.indices.last.map({ $0 < manifest.villages.total }) ?? true else {
            throw PartialError(.invalid, "\(folder)/coverage.csv: \(rows.indices.count) villages (indices up to \(rows.indices.last ?? 0)); "
                + "the manifest says \(manifest.villages.inTile) of \(manifest.villages.total) in tile \(tile)")
        }
        let document: PartialIndicatorsJSON
        do {
            document = try JSONDecoder().decode(PartialIndicatorsJSON.self, from: Data(try readFile(folder, "indicators.json")))
        } catch let error as PartialError {
            throw error
        } catch {
            throw PartialError(.invalid, "\(folder)/indicators.json: not a partial's indicators: \(error)")
        }
        var terrainStatistics: TerrainStatistics?
        if manifest.terrain != nil {
            guard let statistics = document.terrain?.statistics else {
                throw PartialError(.invalid, "\(folder)/indicators.json: the terrain counts are missing or not valid (negative, an unknown warning)")
            }
            terrainStatistics = statistics
        }
        return Partial(manifest: manifest, villageIndices: rows.indices, coverage: rows.coverage, empiricallyConnected: rows.empiricallyConnected,
                       indicators: document.indicators, terrainStatistics: terrainStatistics)
    }

    /// The most bytes a partial's file may hold (8 GiB: about 80 million villages' rows).
    static let maxFileBytes = 8 << 30

    private static func readFile(_ folder: String, _ name: String) throws(PartialError) -> [UInt8] {
        do {
            return try InputFile(path: folder + "/" + name).readAll(limit: maxFileBytes, kind: "a partial's \(name)")
        } catch {
            throw PartialError(error.isUnavailableInput ? .unreadable : .invalid,
                               "\(folder): not a complete partial (\(name)): \(error.problems.map(\.description).joined(separator: "; "))")
        }
    }
}
