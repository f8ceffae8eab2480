import Foundation
import PhusongCoverage
import PhusongSupport
import PhusongTestSupport
import Testing

private let gdalTranslate = GDALTool("gdal_translate")

/// Elevation rasters read through GDAL (docs/specs/terrain-model.md, "Elevation data": any
/// single-band raster in EPSG:4326, heights at the pixel centres). The real tile N21E105 is
/// converted with `gdal_translate` to GeoTIFF and DTED, which must give the same heights, bit
/// for bit, as the `.hgt` read on its own path.
@Suite(
    "Elevation rasters through GDAL",
    .enabled(if: SharedData.has("vn-dem-srtm3/N21E105.hgt"), SharedData.skipReason),
    .enabled(if: gdalTranslate != nil, "skipped: gdal_translate (Debian gdal-bin) is not installed")
)
struct ElevationRasterTests {
    static var hgt: String { SharedData.path("vn-dem-srtm3/N21E105.hgt") }

    /// Runs gdal_translate with `arguments`, failing the test with its message when it fails.
    static func translate(_ arguments: [String]) throws {
        let tool = try #require(gdalTranslate)
        let result = try tool.run(["-q"] + arguments)
        try #require(result.status == 0, "gdal_translate \(arguments): \(result.errors)")
    }

    /// The tile as `name` (a GeoTIFF or DTED by its extension) in a new scratch folder.
    static func converted(_ name: String, options: [String] = []) throws -> (String, TemporaryFiles) {
        let scratch = try TemporaryFiles()
        let path = scratch.path(name)
        let format = name.hasSuffix(".dt1") ? ["-of", "DTED"] : ["-of", "GTiff"]
        try translate(format + options + [hgt, path])
        return (path, scratch)
    }

    @Test("GeoTIFF and DTED copies of N21E105: Δ, bounds and every height the same as the .hgt's, voids included",
          arguments: ["N21E105.tif", "N21E105.dt1"])
    func sameHeights(name: String) throws {
        let (path, scratch) = try Self.converted(name)
        defer { scratch.remove() }
        let source = try TerrainSource(path: path)
        #expect(source.files.isEmpty && source.rasters.map(\.path) == [path] && source.allFiles == [path])
        let layout = try #require(source.rasters.first?.layout)
        #expect(layout.columns == 1201 && layout.rows == 1201)
        #expect(layout.west == 105 && layout.east == 106 && layout.south == 21 && layout.north == 22)
        #expect(layout.columnSpacingDeg == 1.0 / 1200 && layout.rowSpacingDeg == 1.0 / 1200)
        let raster = ElevationTiles(source: source)
        let tiles = ElevationTiles(source: try TerrainSource(path: Self.hgt))
        guard case .raster(let read) = try raster.surface(latitude: 21.5, longitude: 105.5) else {
            Issue.record("no raster at 21.5, 105.5")
            return
        }
        #expect(read.voidPosts == 1539)
        // Posts, points between posts, the void areas (all-void samples included) and the edges.
        var points: [(Double, Double)] = [(21, 105), (22, 106), (21, 106), (22, 105), (21.5, 106), (21, 105.5)]
        var generator = SplitMix64(seed: 17)
        for _ in 0..<20_000 { points.append((generator.uniform(21...22), generator.uniform(105...106))) }
        for row in stride(from: 0, through: 1200, by: 7) {
            for column in stride(from: 0, through: 1200, by: 11) {
                points.append((22 - Double(row) / 1200, 105 + Double(column) / 1200))
            }
        }
        var allVoid = 0
        for (latitude, longitude) in points {
            let expected = try #require(try tiles.surface(latitude: latitude, longitude: longitude)).height(latitude: latitude, longitude: longitude)
            let found = try #require(try raster.surface(latitude: latitude, longitude: longitude)).height(latitude: latitude, longitude: longitude)
            #expect(found.heightM.bitPattern == expected.heightM.bitPattern && found.allVoid == expected.allVoid, "\(latitude), \(longitude)")
            if expected.allVoid { allVoid += 1 }
        }
        #expect(allVoid > 0, "the sample includes all-void points")
        #expect(try raster.surface(latitude: 22.000001, longitude: 105.5) == nil)
        #expect(try raster.surface(latitude: 21.5, longitude: 104.999999) == nil)
    }

    @Test("profiles across Tam Đảo over the GeoTIFF equal those over the .hgt, bit for bit")
    func sameProfiles() throws {
        let (path, scratch) = try Self.converted("N21E105.tif")
        defer { scratch.remove() }
        let overRaster = TerrainProfiler(tiles: ElevationTiles(source: try TerrainSource(path: path)))
        let overTile = TerrainProfiler(tiles: ElevationTiles(source: try TerrainSource(path: Self.hgt)))
        for (a, b, c, d) in [(21.45, 105.45, 21.70, 105.64), (21.05, 105.05, 21.90, 105.90), (21.0, 105.2, 22.0, 105.9)] {
            var expected: [Double] = [], found: [Double] = []
            let tileProfile = try overTile.profile(txLatitude: a, txLongitude: b, rxLatitude: c, rxLongitude: d, into: &expected)
            let rasterProfile = try overRaster.profile(txLatitude: a, txLongitude: b, rxLatitude: c, rxLongitude: d, into: &found)
            #expect(tileProfile == rasterProfile)
            #expect(found.map(\.bitPattern) == expected.map(\.bitPattern))
        }
    }

    @Test("a folder may mix .hgt and GeoTIFF tiles that share an edge; an overlap names both files")
    func mixedFolder() throws {
        let (tif, scratch) = try Self.converted("N21E105.tif")
        defer { scratch.remove() }
        let south = try SyntheticTile.write("N20E105.hgt", into: scratch.folder)
        _ = try scratch.write("README.txt", "ignored")
        let source = try TerrainSource(path: scratch.folder.path)
        #expect(source.allFiles == [south, tif])
        let tiles = ElevationTiles(source: source)
        // The shared edge (21° N) is read from the .hgt below it; the raster holds the rest.
        guard case .tile = try tiles.surface(latitude: 21, longitude: 105.5), case .raster = try tiles.surface(latitude: 21.2, longitude: 105.5) else {
            Issue.record("the edge is the .hgt's, the interior the raster's")
            return
        }
        var heights: [Double] = []
        let profile = try TerrainProfiler(tiles: tiles).profile(
            txLatitude: 20.8, txLongitude: 105.5, rxLatitude: 21.3, rxLongitude: 105.6, into: &heights)
        #expect(profile.intervals == heights.count - 1)
        try FileManager.default.copyItem(atPath: Self.hgt, toPath: scratch.path("N21E105.hgt"))
        #expect(throws: TerrainError.overlappingTiles(first: scratch.path("N21E105.hgt"), second: tif)) {
            try TerrainSource(path: scratch.folder.path)
        }
    }

    @Test("a raster not in EPSG:4326, or without a CRS, is refused naming the file and the CRS")
    func notLonLat() throws {
        let (utm, scratch) = try Self.converted("utm.tif", options: ["-a_srs", "EPSG:3405"])
        defer { scratch.remove() }
        #expect(throws: TerrainError.notLonLat(file: utm, crs: "EPSG:3405 (VN-2000 / UTM zone 48N)")) { try TerrainSource(path: utm) }
        let error = TerrainError.notLonLat(file: utm, crs: "EPSG:3405 (VN-2000 / UTM zone 48N)").description
        #expect(error.contains(utm) && error.contains("EPSG:3405") && error.contains("does not reproject"))
        // An Esri ASCII grid without its .prj has no CRS.
        let grid = scratch.path("grid.asc")
        try Self.translate(["-of", "AAIGrid", "-srcwin", "0", "0", "50", "50", Self.hgt, grid])
        try FileManager.default.removeItem(atPath: scratch.path("grid.prj"))
        #expect(throws: TerrainError.notLonLat(file: grid, crs: "none (no coordinate reference system)")) { try TerrainSource(path: grid) }
        // Several bands.
        let bands = scratch.path("bands.tif")
        try Self.translate(["-b", "1", "-b", "1", Self.hgt, bands])
        #expect(throws: TerrainError.notElevation(file: bands, reason: "2 bands; an elevation raster has 1")) { try TerrainSource(path: bands) }
    }
}
