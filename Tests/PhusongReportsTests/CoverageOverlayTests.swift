import Foundation
import GDALKit
import Testing
@testable import PhusongCoverage
@testable import PhusongSupport
@testable import PhusongReports

/// The coverage overlay of report.html's map: colour classes, the terrain shadow, the PNG
/// layers decoded back, the rows placed in Web Mercator, the area and resolution of the
/// terrain overlay, and `--overlay` files read and refused.
@Suite("Coverage overlay: colours, PNG layers, area, files")
struct CoverageOverlayTests {
    typealias Palette = CoverageOverlayPalette
    static let noData = CoverageRasterValues.noData
    var noData: Float { Self.noData }

    @Test("RSRP classes from the threshold (−110 dBm): 10 dB steps, closed below; below the threshold; nodata has none")
    func rsrpClasses() {
        let cases: [(Float, Int?)] = [
            (-60, 0), (-80, 0), (-80.01, 1), (-90, 1), (-95, 2), (-100, 2), (-100.5, 3), (-110, 3), (-110.01, 4), (-140, 4), (noData, nil),
        ]
        for (value, expected) in cases {
            #expect(Palette.rsrpClass(value, thresholdDBm: -110) == expected, "\(value) dBm")
        }
        #expect(Palette.rsrpClass(-100, thresholdDBm: -100) == 3, "classes follow the threshold")
    }

    @Test("terrain shadow: all coverage lost is full, one technology lost is partial, nothing lost is none")
    func shadowClasses() {
        let thresholds = (lte: -110.0, nr: -105.0)
        func shadow(_ flat: (Float, Float), _ terrain: (Float, Float)) -> Palette.Colour? {
            Palette.shadow(flat: flat, terrain: terrain, thresholds: thresholds)
        }
        #expect(shadow((-90, -100), (-120, -130)) == Palette.shadowFull)
        #expect(shadow((-90, noData), (-111, noData)) == Palette.shadowFull)
        #expect(shadow((-90, -100), (-100, -106)) == Palette.shadowPartial, "5G lost, 4G kept")
        #expect(shadow((-90, -100), (-115, -104)) == Palette.shadowPartial, "4G lost, 5G kept")
        #expect(shadow((-90, -100), (-109, -105)) == nil, "both still at or above their thresholds")
        #expect(shadow((-115, -120), (-130, -140)) == nil, "not covered on the flat model either")
        #expect(shadow((noData, noData), (noData, noData)) == nil)
    }

    @Test("image rows in Web Mercator: monotonic, every edge row kept, each row's centre inside the overlay row it shows")
    func mercatorRows() {
        let box = LonLatBox(minLon: 102, minLat: 8.4, maxLon: 109.5, maxLat: 23.4)
        let rows = 150
        let mapping = CoverageOverlayImage.sourceRows(box: box, rows: rows)
        #expect(mapping.count == rows && mapping.first == 0 && mapping.last == rows - 1)
        #expect(zip(mapping, mapping.dropFirst()).allSatisfy { $0 <= $1 })
        func mercator(_ latitude: Double) -> Double { log(tan(Double.pi / 4 + latitude * Double.pi / 360)) }
        let north = mercator(box.maxLat), south = mercator(box.minLat), step = (box.maxLat - box.minLat) / Double(rows)
        for (row, source) in mapping.enumerated() {
            let y = north - (Double(row) + 0.5) * (north - south) / Double(rows)
            let latitude = (2 * atan(exp(y)) - Double.pi / 2) * 180 / Double.pi
            #expect(latitude <= box.maxLat - Double(source) * step + 1e-9 && latitude >= box.maxLat - Double(source + 1) * step - 1e-9)
        }
        // Over 15° the rows drift: the image's middle row is not the overlay's middle row.
        #expect(mapping[rows / 2] != rows / 2)
        // Over a small box the mapping is the identity.
        #expect(CoverageOverlayImage.sourceRows(box: LonLatBox(minLon: 105.5, minLat: 21.4, maxLon: 105.7, maxLat: 21.6), rows: 9) == Array(0..<9))
    }

    /// A 4 × 3 overlay over the Tam Đảo range with known values: flat 4G covers every pixel
    /// with a value, terrain takes some below the threshold.
    static func knownOverlay(box: LonLatBox = LonLatBox(minLon: 105.5, minLat: 21.45, maxLon: 105.54, maxLat: 21.48)) -> CoverageOverlay {
        let terrainLTE: [Float] = [-70, -85, -95, -105, -115, noData, -80, -79.5, -100, -109, -111, -60]
        let terrainNR: [Float] = [-90, noData, noData, -120, -130, noData, noData, -100, noData, -112, -120, -70]
        let flatLTE: [Float] = [-70, -85, -95, -100, -90, noData, -80, -79.5, -100, -100, -111, -60]
        let flatNR: [Float] = [-90, noData, noData, -105, -100, noData, noData, -100, noData, -100, -120, -70]
        return CoverageOverlay(
            source: .terrain(path: "dem"), box: box, columns: 4, rows: 3,
            resolutionM: 1000, values: .init(lte: terrainLTE, nr: terrainNR), flat: .init(lte: flatLTE, nr: flatNR))
    }

    @Test("each layer decodes (GDAL) to the palette's colour of each pixel's known RSRP; nodata is transparent")
    func layersDecodeToKnownColours() throws {
        let overlay = Self.knownOverlay()
        let layers = try CoverageOverlayImage.layers(overlay, thresholds: (lte: -110, nr: -110))
        #expect(layers.map(\.key) == ["lte", "nr", "shadow"])
        let lte = try RGBAImage(decoding: layers[0].layer.png)
        #expect(lte.width == 4 && lte.height == 3)
        // Row 0: −70 (class 0), −85 (1), −95 (2), −105 (3); row 1: −115 (4), nodata, −80 (0), −79.5 (0).
        let expected: [Int?] = [0, 1, 2, 3, 4, nil, 0, 0, 2, 3, 4, 0]
        for (index, colourClass) in expected.enumerated() {
            let pixel = lte[index % 4, index / 4]
            if let colourClass {
                let colour = Palette.rsrpColours[colourClass]
                #expect(pixel == (colour.red, colour.green, colour.blue, Palette.alpha), "pixel \(index)")
            } else {
                #expect(pixel.alpha == 0, "pixel \(index) is nodata")
            }
        }
        #expect(layers[0].layer.pixels == 11)
        #expect(layers[1].layer.pixels == 7)
        let shadow = try RGBAImage(decoding: layers[2].layer.png)
        // Pixel 3: 4G −100 → −105 (kept), 5G −105 → −120 (lost): partial. Pixel 4: 4G −90 → −115, 5G −100 → −130: full.
        // Pixel 9: 4G −100 → −109 (kept), 5G −100 → −112: partial. Every other pixel: none.
        for index in 0..<12 {
            let pixel = shadow[index % 4, index / 4]
            switch index {
            case 3, 9: #expect(pixel == (0xE8, 0xA3, 0x3D, 220), "pixel \(index)")
            case 4: #expect(pixel == (0x9F, 0x1C, 0x14, 220), "pixel \(index)")
            default: #expect(pixel.alpha == 0, "pixel \(index)")
            }
        }
        #expect(layers[2].layer.pixels == 3)
    }

    @Test("the terrain overlay's area: the villages' box widened by 0.02°, cut to the elevation files; nil off the data")
    func terrainArea() throws {
        let tile = LonLatBox(minLon: 105, minLat: 21, maxLon: 106, maxLat: 22)
        let villages = [
            Village(id: "a", lon: 105.5, lat: 21.5, population: 1, areaType: .rural),
            Village(id: "b", lon: 105.99, lat: 21.7, population: 1, areaType: .rural),
            Village(id: "c", lon: 107.5, lat: 21.5, population: 1, areaType: .rural),
        ]
        let area = try #require(CoverageOverlay.area(villages: villages, elevation: [tile]))
        #expect(abs(area.minLon - 105.48) < 1e-12 && abs(area.minLat - 21.48) < 1e-12)
        #expect(area.maxLon == 106 && abs(area.maxLat - 21.72) < 1e-12, "cut at the tile's east edge; village c is off the data")
        #expect(CoverageOverlay.area(villages: [villages[2]], elevation: [tile]) == nil)
        #expect(CoverageOverlay.area(villages: villages, elevation: []) == nil)
    }

    @Test("the resolution: 1 km by default, coarsened in 100 m steps to 40,000 pixels; an asked one over 1 million pixels is refused")
    func resolution() throws {
        let tile = LonLatBox(minLon: 105, minLat: 21, maxLon: 106, maxLat: 22)
        let small = try CoverageOverlay.grid(tile, resolutionM: nil)
        #expect(small.columns == 104 && small.rows == 112, "1 km over the tile: \(small.columns) × \(small.rows)")
        let vietnam = LonLatBox(minLon: 102.1, minLat: 8.4, maxLon: 109.5, maxLat: 23.4)
        let large = try CoverageOverlay.grid(vietnam, resolutionM: nil)
        #expect(large.pixelCount <= CoverageOverlay.defaultMaxPixels && large.pixelCount > CoverageOverlay.defaultMaxPixels / 2)
        let fine = try CoverageOverlay.grid(tile, resolutionM: 250)
        #expect(fine.columns == 414 && fine.rows == 445, "250 m as asked: \(fine.columns) × \(fine.rows)")
        #expect(throws: CoverageGridError.self) { try CoverageOverlay.grid(vietnam, resolutionM: 500) }
        #expect(CoverageOverlay.sampling(columns: 1000, rows: 1000) == 1)
        #expect(CoverageOverlay.sampling(columns: 1001, rows: 1000) == 2)
        #expect(CoverageOverlay.sampling(columns: 5000, rows: 5000) == 5)
    }

    @Test("--overlay reads a raster written by `phusong raster` back value for value; refuses other rasters naming the reason")
    func readsCoverageRasters() throws {
        let folder = try HTMLReportFixture.temporaryFolder("overlay-file")
        defer { try? FileManager.default.removeItem(at: folder) }
        let grid = try CoverageGrid(box: LonLatBox(minLon: 103.0, minLat: 21.3, maxLon: 103.1, maxLat: 21.35), resolutionM: 1000)
        let count = grid.pixelCount
        let values = CoverageRasterValues(lte: (0..<count).map { $0 % 7 == 0 ? -9999 : -60 - Float($0 % 60) },
                                          nr: (0..<count).map { $0 % 3 == 0 ? -9999 : -70.25 - Float($0 % 50) })
        let path = folder.appendingPathComponent("coverage.tif").path
        try CoverageRasterFile.write(values, grid: grid, to: path)
        let overlay = try CoverageOverlay.read(file: path)
        #expect(overlay.columns == grid.columns && overlay.rows == grid.rows && overlay.sampling == 1)
        #expect(overlay.values.lte == values.lte && overlay.values.nr == values.nr && overlay.flat == nil)
        #expect(abs(overlay.box.minLon - 103.0) < 1e-9 && abs(overlay.box.maxLat - 21.35) < 1e-9)
        #expect(abs(overlay.resolutionM - 1000) < 60)

        // One band; a wrong nodata; a value that is no RSRP; a missing file.
        func refusal(_ body: () throws -> Void) -> CoverageOverlayError? {
            do { try body() } catch let error as CoverageOverlayError { return error } catch { return nil }
            return nil
        }
        func writeRaster(bands: Int, noData: Double, value: Float, name: String) throws -> String {
            let raster = try RasterDataset(float32Width: 3, height: 2, bandCount: bands)
            try raster.setGeoTransform(GeoTransform(originX: 105, originY: 21.5, pixelWidth: 0.01, pixelHeight: 0.01))
            try raster.setSpatialReference(SpatialReference.wgs84())
            for band in 0..<bands {
                try raster.describeBand(band, noData: noData)
                try raster.write([-80, -90, value, -100, -110, -9999], band: band, firstRow: 0)
            }
            let file = folder.appendingPathComponent(name).path
            try raster.copy(to: file, driver: "GTiff")
            return file
        }
        let oneBand = try writeRaster(bands: 1, noData: -9999, value: -95, name: "one.tif")
        #expect(refusal { _ = try CoverageOverlay.read(file: oneBand) }
            == .notCoverageRaster(path: oneBand, reason: "1 bands; `phusong raster` writes 2 (best 4G, best 5G RSRP, dBm)"))
        let otherNoData = try writeRaster(bands: 2, noData: 0, value: -95, name: "nodata.tif")
        #expect(refusal { _ = try CoverageOverlay.read(file: otherNoData) }
            == .notCoverageRaster(path: otherNoData, reason: "band 1's nodata value is 0.0; `phusong raster` writes -9999"))
        let hot = try writeRaster(bands: 2, noData: -9999, value: 500, name: "hot.tif")
        let hotError = refusal { _ = try CoverageOverlay.read(file: hot) }
        #expect(hotError?.description.contains("band 1, column 3, row 1: 500.0 dBm is outside -250…100 dBm") == true, "\(String(describing: hotError))")
        let missing = folder.appendingPathComponent("missing.tif").path
        if case .unreadable = refusal({ _ = try CoverageOverlay.read(file: missing) }) {} else { Issue.record("a missing file is unreadable") }
    }

    @Test("report.html with an overlay: the images in the map's JSON, the switches, legend and note, in both languages; none without", arguments: ReportLanguage.allCases)
    func pageCarriesTheOverlay(language: ReportLanguage) async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        var edition = try HTMLReportFixture.edition(language)
        let plain = String(decoding: try HTMLReport.bytes(run: run, deadZones: VillageLists.deadZones(run), toolVersion: "t", edition: edition),
                           as: UTF8.self)
        #expect(!plain.contains("\"overlay\":") && !plain.contains("overlay-legend"), "no overlay, nothing added")
        edition.overlay = Self.knownOverlay()
        let page = String(decoding: try HTMLReport.bytes(run: run, deadZones: VillageLists.deadZones(run), toolVersion: "t", edition: edition),
                          as: UTF8.self)
        #expect(page.contains("\"overlay\":{\"bounds\":[[21.45,105.5],[21.48,105.54]],\"layers\":[{\"image\":\"data:image/png;base64,iVBORw0KGgo")
            || page.contains("\"overlay\":{\"bounds\":[[21.45,105.5],[21.48,105.54]]"), "bounds as Leaflet takes them")
        #expect(page.contains("data-layer=\"overlay-shadow\" checked"))
        #expect(page.contains("data-layer=\"overlay-lte\">"))
        let text = language.text
        #expect(page.contains(HTMLText.escaped(text(.overlayLayerShadow, text.integer(3)))))
        #expect(page.contains(HTMLText.escaped(text(.overlayShadowFull))))
        #expect(page.contains(HTMLText.escaped(text(.overlayRange, "-100", "-90"))))
        #expect(page.contains("style=\"background:#9f1c14\""))
        #expect(page.count - plain.count < 20_000, "a small overlay adds little: \(page.count - plain.count) bytes")
    }
}
