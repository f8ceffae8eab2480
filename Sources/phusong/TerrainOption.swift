import ArgumentParser
import PhusongCoverage

/// `--terrain PATH`: an SRTM `.hgt` tile, an EPSG:4326 elevation raster GDAL reads (GeoTIFF,
/// DTED, …) or a folder of them; villages are then covered under
/// the terrain model of docs/specs/terrain-model.md with the `[terrain]` settings of --config.
struct TerrainOption: ParsableArguments {
    @Option(name: .customLong("terrain"), help: ArgumentHelp(
        "SRTM .hgt tile, EPSG:4326 elevation raster (GeoTIFF, DTED, …) or folder of them: path loss over the terrain (ITM, [terrain] settings); see docs/terrain.md.",
        valueName: "path"))
    var path: String?

    /// The tile files, for the output checks (inputs are never written over).
    func files() throws -> [String] {
        guard let path else { return [] }
        return try TerrainSource(path: path).allFiles
    }

    /// The terrain model with the configuration's `[terrain]` settings; nil without --terrain.
    /// - Parameter configuration: the run's configuration.
    func model(_ configuration: PhusongConfiguration) throws -> TerrainModel? {
        guard let path else { return nil }
        return try TerrainModel(source: TerrainSource(path: path), settings: configuration.terrain)
    }
}
