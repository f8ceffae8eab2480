import Foundation
import PhusongTestSupport
import Testing
@testable import PhusongCoverage

/// Villages, cells and boundaries from GIS sources read through GDAL: the same rows and the
/// same checks as the CSV, positions from the geometry in any CRS, problems located by layer
/// and feature id. The sources are made from small CSVs with ogr2ogr.
@Suite(.enabled(if: GDALTools.available, GDALTools.skipReason))
struct GISInputTests {
    /// Three villages with codes that keep their leading zeros, in WGS 84.
    static let villages = """
        village_id,name,province_code,commune_code,lon,lat,population,households,grid_power,area_type
        03127-001,Bản Mường Lói,11,03127,103.012345,21.283451,412,105,true,rural
        00004-001,Phúc Xá,01,00004,105.847,21.0466,1200,300,true,urban
        03127-002,Tổ dân phố 2,11,03127,103.028099,21.439951,692,180,false,rural
        """

    private static func villagesCSV(_ files: TemporaryFiles, _ text: String = villages) throws -> String {
        try files.write("villages.csv", text + "\n")
    }

    private static func load(_ path: String, layers: [String] = []) async throws -> LoadedTable<Village> {
        try await VillagesLoader.load(path: path, threads: 2, layers: layers)
    }

    @Test("a GeoPackage in VN-2000 / UTM 48N (EPSG:3405) gives the CSV's villages, within 1e-6°")
    func geoPackageInVN2000() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let csv = try Self.villagesCSV(files)
        let gpkg = files.path("villages.gpkg")
        try GDALTools.convertPoints(csv: csv, to: gpkg, format: "GPKG", layer: "villages", crs: 3405)
        let fromCSV = try await Self.load(csv)
        let fromGPKG = try await Self.load(gpkg)
        #expect(fromGPKG.rows.count == 3)
        #expect(fromGPKG.errors.isEmpty && fromGPKG.warnings.isEmpty)
        for (expected, read) in zip(fromCSV.rows, fromGPKG.rows) {
            #expect(read.id == expected.id && read.name == expected.name)
            #expect(read.provinceCode == expected.provinceCode && read.communeCode == expected.communeCode)
            #expect(abs(read.lon - expected.lon) < 1e-6 && abs(read.lat - expected.lat) < 1e-6)
            #expect(read.population == expected.population && read.gridPower == expected.gridPower)
        }
        #expect(fromGPKG.rows[1].provinceCode == "01" && fromGPKG.rows[1].communeCode == "00004")
    }

    @Test("a Shapefile in WGS 84 gives exactly the CSV's values; cut DBF names are read in full")
    func shapefileExact() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let csv = try Self.villagesCSV(files)
        let shp = files.path("villages.shp")
        try GDALTools.convertPoints(csv: csv, to: shp, format: "ESRI Shapefile", layer: "villages", options: ["-lco", "ENCODING=UTF-8"])
        let fromSHP = try await Self.load(shp)
        let fromCSV = try await Self.load(csv)
        #expect(fromSHP.rows == fromCSV.rows)
        #expect(fromSHP.header.contains("province_code") && fromSHP.header.contains("commune_code"))
    }

    @Test("a Windows-1258 Shapefile (.cpg) gives the same Vietnamese names")
    func windows1258Shapefile() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let csv = try Self.villagesCSV(files)
        let shp = files.path("villages.shp")
        try GDALTools.convertPoints(csv: csv, to: shp, format: "ESRI Shapefile", layer: "villages", options: ["-lco", "ENCODING=CP1258"])
        let cpg = try String(contentsOfFile: files.path("villages.cpg"), encoding: .utf8)
        #expect(cpg.contains("1258"))
        let names = try await Self.load(shp).rows.map(\.name)
        #expect(names == ["Bản Mường Lói", "Phúc Xá", "Tổ dân phố 2"])
    }

    @Test("a Shapefile without .prj in degrees is read as WGS 84 with a warning")
    func shapefileWithoutPrjInDegrees() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let csv = try Self.villagesCSV(files)
        let shp = files.path("villages.shp")
        try GDALTools.convertPoints(csv: csv, to: shp, format: "ESRI Shapefile", layer: "villages", options: ["-lco", "ENCODING=UTF-8"])
        try FileManager.default.removeItem(atPath: files.path("villages.prj"))
        let table = try await Self.load(shp)
        #expect(table.rows == (try await Self.load(csv)).rows)
        #expect(table.warnings.map(\.reason) == [.source(.noCRSReadAsWGS84)])
        #expect(table.warnings.first?.description.hasPrefix(shp + ":villages: warning: the layer has no coordinate reference system") == true)
    }

    @Test("a Shapefile without .prj in metres is an error that says so")
    func shapefileWithoutPrjProjected() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let csv = try Self.villagesCSV(files)
        let shp = files.path("villages.shp")
        try GDALTools.convertPoints(csv: csv, to: shp, format: "ESRI Shapefile", layer: "villages", crs: 3405)
        try FileManager.default.removeItem(atPath: files.path("villages.prj"))
        await #expect {
            _ = try await Self.load(shp)
        } throws: { error in
            guard let problem = (error as? LoadError)?.problems.first, case .source(.noCRSNotDegrees(let x, _)) = problem.reason else {
                return false
            }
            return x > 100_000 && problem.description.contains("not longitude/latitude degrees")
        }
    }

    @Test("several layers: an error listing them without --layer; --layer picks one")
    func severalLayers() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let csv = try Self.villagesCSV(files)
        let gpkg = files.path("inputs.gpkg")
        try GDALTools.convertPoints(csv: csv, to: gpkg, format: "GPKG", layer: "villages")
        try GDALTools.convertPoints(csv: csv, to: gpkg, format: "GPKG", layer: "old_villages", options: ["-update"])
        await #expect {
            _ = try await Self.load(gpkg)
        } throws: { error in
            (error as? LoadError)?.problems.map(\.reason) == [.source(.severalLayers(names: ["villages", "old_villages"]))]
        }
        #expect(try await Self.load(gpkg, layers: ["villages"]).rows.count == 3)
        await #expect {
            _ = try await Self.load(gpkg, layers: ["cells"])
        } throws: { error in
            (error as? LoadError)?.description.contains("no layer 'cells' (its layers: 'villages', 'old_villages')") == true
        }
    }

    @Test("one GeoPackage with villages and cells: each table takes the --layer called as it")
    func bothTablesInOneFile() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let villages = try Self.villagesCSV(files)
        let cells = try files.write("cells.csv", """
            cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m,azimuth_deg,beamwidth_deg,rs_eirp_dbm,power_source
            VT-1-1,VT-1,Viettel,4G,1800,103.01,21.28,30,0,65,30,grid

            """)
        let gpkg = files.path("inputs.gpkg")
        try GDALTools.convertPoints(csv: villages, to: gpkg, format: "GPKG", layer: "villages")
        try GDALTools.convertPoints(csv: cells, to: gpkg, format: "GPKG", layer: "cells", options: ["-update"])
        let layers = ["villages", "cells"]
        #expect(try await VillagesLoader.load(path: gpkg, threads: 2, layers: layers).rows.count == 3)
        let loadedCells = try await CellsLoader.load(paths: [gpkg], threads: 2, layers: layers)
        #expect(loadedCells.rows.map(\.id) == ["VT-1-1"] && loadedCells.rows.first?.azimuthDeg == 0)
        let twoYears = files.path("years.gpkg")
        try GDALTools.convertPoints(csv: villages, to: twoYears, format: "GPKG", layer: "v2024")
        try GDALTools.convertPoints(csv: villages, to: twoYears, format: "GPKG", layer: "v2025", options: ["-update"])
        await #expect {
            _ = try await VillagesLoader.load(path: twoYears, threads: 2, layers: ["v2024", "v2025"])
        } throws: { error in
            (error as? LoadError)?.problems.map(\.reason) == [.source(.ambiguousLayers(names: ["v2024", "v2025"], kind: "villages"))]
        }
    }

    @Test("a bad value is reported with the layer and the feature id in place of the line")
    func problemsNameLayerAndFeature() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let csv = try Self.villagesCSV(files, Self.villages.replacingOccurrences(of: ",1200,300,", with: ",-5,300,"))
        let gpkg = files.path("villages.gpkg")
        try GDALTools.convertPoints(csv: csv, to: gpkg, format: "GPKG", layer: "villages")
        let table = try await Self.load(gpkg)
        let problem = try #require(table.errors.first)
        #expect(problem.layer == "villages" && problem.line == 2 && problem.column == "population" && problem.value == "-5")
        #expect(problem.description.hasPrefix(gpkg + ":villages:feature 2: population: -5: "))
        #expect(table.rejected.map(\.line) == [2])
    }

    /// Villages with a problem of each kind the row checks find, in the shortest text of
    /// their numbers (a number field's text is its shortest form).
    static let badVillages = """
        village_id,name,province_code,commune_code,lon,lat,population,households,grid_power,area_type
        A-1,  Bản Mường Lói ,11,03127,103.012345,21.283451,412,105,true,rural
        A-2,Phúc Xá,01,00004,105.847,21.0466,-5,300,true,urban
        A-1,duplicate,11,03127,103.02,21.28,10,2,true,rural
        A-4,"Bản ""Nậm"", Pồ",11,03127,103.02,21.28,12.5,2,maybe,forest
        A-5,swapped,11,03127,21.28,103.02,10,2,yes,rural
        A-6,outside,11,03127,110.5,5.25,10,,no,
        A-7,"two
        lines",11,03127,103.1,21.3,,2,,rural
        """

    /// `problems` of the CSV as a GIS source reports them: in `file` and `layer`, at the
    /// feature (the line minus `offset`) in place of the line, in the lines they name as well.
    private static func asFeatures(_ problems: [Problem], file: String, layer: String, offset: Int) -> [Problem] {
        problems.map { problem in
            var located = problem
            located.file = file
            located.layer = layer
            located.line = problem.line.map { $0 - offset }
            located.reason = problem.reason.mappingLines { $0 - offset }
            return located
        }
    }

    /// A GeoPackage's features are numbered from 1 (line 2 is feature 1), a sheet's by row.
    @Test("every problem, reject and warning of a GeoPackage or a typed sheet is the CSV's, at the feature",
          arguments: [("GPKG", "villages.gpkg", 1), ("XLSX", "villages.xlsx", 0)])
    func sameProblemsAsCSV(format: String, name: String, offset: Int) async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let csv = try Self.villagesCSV(files, Self.badVillages)
        let path = files.path(name)
        if format == "GPKG" {
            try GDALTools.convertPoints(csv: csv, to: path, format: format, layer: "villages")
        } else {
            // A sheet with typed columns (GDAL's .csvt beside the CSV): reals and whole
            // numbers reach the checks as numbers, codes and words as text.
            _ = try files.write("villages.csvt", "String,String,String,String,Real,Real,Real,Integer,String,String\n")
            try GDALTools.convert(["-f", format, path, csv, "-nln", "villages"])
        }
        let fromCSV = try await Self.load(csv)
        for threads in [1, 2] {
            let read = try await VillagesLoader.load(path: path, threads: threads)
            #expect(read.rows == fromCSV.rows)
            #expect(read.lines == fromCSV.lines.map { $0 - offset })
            #expect(read.errors == Self.asFeatures(fromCSV.errors, file: path, layer: "villages", offset: offset))
            #expect(read.warnings == Self.asFeatures(fromCSV.warnings, file: path, layer: "villages", offset: offset))
            #expect(read.rejected.map(\.line) == fromCSV.rejected.map { $0.line - offset })
            // The fields by name: a point layer's header ends with lon and lat.
            #expect(read.rejected.map { Dictionary(uniqueKeysWithValues: zip(read.header, $0.fields)) }
                == fromCSV.rejected.map { Dictionary(uniqueKeysWithValues: zip(fromCSV.header, $0.fields)) })
        }
        #expect(fromCSV.rejected.count == 5 && fromCSV.rows.count == 2)
    }

    @Test("a feature longer than a CSV record may be stops the reading as that record does, at the feature")
    func featureTooLong() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let long = String(repeating: "x", count: InputLimits.maxRecordBytes)
        let csv = try Self.villagesCSV(files, Self.villages + "\nA-9,\"\(long), quoted\",11,03127,103.1,21.3,10,2,true,rural")
        let gpkg = files.path("villages.gpkg")
        try GDALTools.convertPoints(csv: csv, to: gpkg, format: "GPKG", layer: "villages")
        for path in [csv, gpkg] {
            await #expect {
                _ = try await Self.load(path)
            } throws: { error in
                guard let problem = (error as? LoadError)?.problems.first else { return false }
                let (line, layer): (Int, String?) = path == csv ? (5, nil) : (4, "villages")
                return problem.reason == .table(.recordTooLong(limitBytes: InputLimits.maxRecordBytes, quoteOpen: true))
                    && problem.line == line && problem.layer == layer
            }
        }
    }

    @Test("numeric code columns of a sheet are padded to the official width, with a warning")
    func numericCodesPadded() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let csv = try Self.villagesCSV(files)
        let xlsx = files.path("villages.xlsx")
        try GDALTools.convert(["-f", "XLSX", xlsx, csv, "-oo", "AUTODETECT_TYPE=YES", "-nln", "villages"])
        let table = try await Self.load(xlsx)
        #expect(table.rows.map(\.provinceCode) == ["11", "01", "11"])
        #expect(table.rows.map(\.communeCode) == ["03127", "00004", "03127"])
        #expect(table.warnings.map(\.reason) == [.source(.numericCodesPadded(digits: 2)), .source(.numericCodesPadded(digits: 5))])
        #expect(table.warnings.map(\.column) == ["province_code", "commune_code"])
    }

    @Test("a file named .gpkg that is not one is a GDAL error, not a CSV message")
    func notAGeoPackage() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let path = try files.write("villages.gpkg", Self.villages)
        await #expect {
            _ = try await Self.load(path)
        } throws: { error in
            guard let problem = (error as? LoadError)?.problems.first, case .source(.unreadable) = problem.reason else { return false }
            return problem.file == path
        }
    }

    @Test("boundaries in Web Mercator (EPSG:3857) are reprojected to the GeoJSON's lon/lat")
    func boundariesInWebMercator() throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let geojson = try files.write("provinces.geojson", """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "11", "name": "Điện Biên"},
             "geometry": {"type": "Polygon", "coordinates": [[[102.9, 21.2], [103.2, 21.2], [103.2, 21.4], [102.9, 21.4], [102.9, 21.2]]]}}]}
            """)
        let gpkg = files.path("provinces.gpkg")
        try GDALTools.convert(["-f", "GPKG", gpkg, geojson, "-t_srs", "EPSG:3857", "-nln", "provinces"])
        let expected = try AdminBoundariesLoader.load(paths: [geojson]).provinces[0]
        let read = try AdminBoundariesLoader.load(paths: [gpkg]).provinces[0]
        #expect(read.code == "11" && read.name == "Điện Biên")
        #expect(abs(read.envelope.minX - expected.envelope.minX) < 1e-6 && abs(read.envelope.maxX - expected.envelope.maxX) < 1e-6)
        #expect(abs(read.envelope.minY - expected.envelope.minY) < 1e-6 && abs(read.envelope.maxY - expected.envelope.maxY) < 1e-6)
    }

    @Test("a large GeoPackage layer read by id ranges in parallel gives the rows, ids and order of one reading")
    func parallelGeoPackage() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let count = GISReadPlan.parallelFeatures + 5_003
        var text = "village_id,name,province_code,commune_code,lon,lat,population,households,grid_power,area_type\n"
        for index in 0..<count {
            text += "V\(index),\"Bản \(index), \"\"\(index % 7)\"\"\",11,03127,\(102 + Double(index % 1000) / 1000),\(21 + Double(index / 1000) / 100),\(index % 900 + 1),,true,rural\n"
        }
        let csv = try files.write("villages.csv", text)
        let gpkg = files.path("villages.gpkg")
        try GDALTools.convertPoints(csv: csv, to: gpkg, format: "GPKG", layer: "villages")
        let fromCSV = try await VillagesLoader.load(path: csv, threads: 2)
        let serial = try await VillagesLoader.load(path: gpkg, threads: 1)
        let parallel = try await VillagesLoader.load(path: gpkg, threads: 2)
        #expect(parallel.rows.count == count)
        #expect(parallel.rows == fromCSV.rows)
        #expect(serial.rows == parallel.rows && serial.lines == parallel.lines)
        #expect(parallel.lines.first == 1 && parallel.lines.last == count)
        #expect(parallel.rows[5].name == "Bản 5, \"5\"")
    }

    @Test("a DBF name cut to 10 bytes maps to the full column only when unambiguous")
    func cutNames() {
        #expect(CellsLoader.gisSpec.column(for: "azimuth_de")?.name == "azimuth_deg")
        #expect(VillagesLoader.gisSpec.column(for: "province_c")?.name == "province_code")
        #expect(VillagesLoader.gisSpec.column(for: "commune_co")?.name == "commune_code")
        let ambiguous = GISTableSpec(kind: "villages", columns: [ColumnSpec("commune_code"), ColumnSpec("commune_count")], position: nil, codeDigits: [:])
        #expect(ambiguous.column(for: "commune_co") == nil)
    }
}

/// A number field's value as the row checks see it (`GISNumber.value`) is what its text
/// (`GISNumber.text`, the text a CSV file converted to the layer holds) parses to.
struct GISNumberTests {
    @Test("a number's value is the parse of its text, for reals and whole numbers of every size")
    func valueIsTheParsedText() throws {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var numbers: [GISNumber] = [
            .real(0), .real(-0.0), .real(.nan), .real(.infinity), .real(-.infinity), .real(.leastNonzeroMagnitude),
            .real(.greatestFiniteMagnitude), .real(1e15), .real(-1e15 + 1), .real(105.841143), .real(21.04778), .real(0.1),
            .real(1e-7), .real(123_456_789_012_345.6), .integer(0), .integer(-5), .integer(.max), .integer(.min),
            .integer(9_007_199_254_740_993), .integer(-9_007_199_254_740_995), .integer(999_999_999_999_999_999),
        ]
        for _ in 0..<20_000 {
            let bits = next()
            numbers.append(.real(Double(bitPattern: bits)))
            numbers.append(.real(Double(Int64(bitPattern: bits) % 10_000_000) / 1000))
            numbers.append(.integer(Int64(bitPattern: next()) >> (next() % 64)))
        }
        for number in numbers {
            let text = try #require(number.text, "\(number)")
            let parsed = DecimalParser.parse(ArraySlice(text.utf8))
            #expect(number.value?.bitPattern == parsed?.bitPattern, "\(number) as \(text)")
        }
        #expect(GISNumber.null.text == nil && GISNumber.null.value == nil)
        #expect(GISNumber.real(-0.0).text == "0" && GISNumber.real(.nan).value == nil)
    }
}
