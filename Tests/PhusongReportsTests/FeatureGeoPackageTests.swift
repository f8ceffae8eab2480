import Foundation
import GEOSKit
import PhusongTestSupport
import Testing
@testable import PhusongCoverage
@testable import PhusongSupport
@testable import PhusongReports

private let ogrinfo = GDALTool("ogrinfo")

@Suite("Feature writers: GeoPackage read back")
struct FeatureGeoPackageTests {
    let table = FeatureFixtures.villages
    /// 2025-06-30T08:15:00Z.
    let lastChange = Date(timeIntervalSince1970: 1_751_271_300)

    private func written(_ table: PointFeatureTable) throws -> String {
        let path = try FeatureFixtures.temporaryFolder().appendingPathComponent("\(table.layerName).gpkg").path
        try FeatureGeoPackage.write(table, to: path, lastChange: lastChange)
        return path
    }

    private func rows(_ path: String, _ sql: String) throws -> [[String: FeatureSQLiteCell]] {
        try FeatureSQLiteReader.rows(path, sql)
    }

    @Test("header, integrity, required spatial reference systems, contents and geometry columns")
    func coreTables() throws {
        let path = try written(table)
        #expect(try FeatureSQLiteReader.value(path, "PRAGMA application_id") == .integer(0x4750_4B47))
        #expect(try FeatureSQLiteReader.value(path, "PRAGMA user_version") == .integer(10300))
        #expect(try FeatureSQLiteReader.value(path, "PRAGMA integrity_check") == .text("ok"))
        #expect(try rows(path, "PRAGMA foreign_key_check").isEmpty)
        let systems = try rows(path, "SELECT * FROM gpkg_spatial_ref_sys ORDER BY srs_id")
        #expect(systems.map { $0["srs_id"] } == [.integer(-1), .integer(0), .integer(4326)])
        #expect(systems.map { $0["organization"] } == [.text("NONE"), .text("NONE"), .text("EPSG")])
        #expect(systems.map { $0["organization_coordsys_id"] } == [.integer(-1), .integer(0), .integer(4326)])
        #expect(systems.map { $0["definition"] }.prefix(2) == [.text("undefined"), .text("undefined")])
        guard case .text(let wgs84)? = systems.last?["definition"] else { Issue.record("no WGS 84 definition"); return }
        #expect(wgs84.hasPrefix(#"GEOGCS["WGS 84""#) && wgs84.hasSuffix(#"AUTHORITY["EPSG","4326"]]"#))

        let contents = try rows(path, "SELECT table_name, data_type, identifier, description, last_change, srs_id FROM gpkg_contents")
        #expect(contents == [[
            "table_name": .text("dead_zones"), "data_type": .text("features"), "identifier": .text("dead_zones"),
            "description": .text(""), "last_change": .text("2025-06-30T08:15:00.000Z"), "srs_id": .integer(4326),
        ]])
        // GDAL writes the extent as SQL text, which SQLite parses back within an ulp or two.
        let extent = try rows(path, "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents").first ?? [:]
        for (column, expected) in [("min_x", 102.5), ("min_y", 21.0358), ("max_x", 105.9), ("max_y", 22.1)] {
            guard case .real(let value)? = extent[column] else { Issue.record("no \(column)"); continue }
            #expect(abs(value - expected) < 1e-12, "\(column) = \(value)")
        }
        let geometryColumns = try rows(path, "SELECT * FROM gpkg_geometry_columns")
        #expect(geometryColumns == [[
            "table_name": .text("dead_zones"), "column_name": .text("geom"), "geometry_type_name": .text("POINT"),
            "srs_id": .integer(4326), "z": .integer(0), "m": .integer(0),
        ]])
    }

    @Test("feature rows: declared types, values with nulls, GeoPackage binary points at full precision")
    func featureRows() throws {
        let path = try written(table)
        let declared = try rows(path, #"PRAGMA table_info("dead_zones")"#).map { [$0["name"], $0["type"]] }
        #expect(declared == [
            ["fid", "INTEGER"], ["geom", "POINT"], ["village_id", "TEXT"], ["name", "TEXT"], ["province_name", "TEXT"],
            ["population", "INTEGER"], ["grid_power", "BOOLEAN"], ["best_rsrp_dbm", "REAL"], ["note", "TEXT"],
        ].map { $0.map { .text($0) } })
        let features = try rows(path, "SELECT * FROM dead_zones ORDER BY fid")
        #expect(features.map { $0["fid"] } == (1...5).map { .integer($0) })
        #expect(features.map { $0["name"] } == FeatureFixtures.names.map { .text($0) })
        #expect(features.map { $0["province_name"] } == ["Điện Biên", "Điện Biên", "Hà Nội", "Điện Biên", "Hà Nội"].map { .text($0) })
        #expect(features.map { $0["population"] } == [.integer(412), .integer(230), .integer(1530), .integer(98), .null])
        #expect(features.map { $0["grid_power"] } == [0, 1, 1, 0, 0].map { .integer($0) })
        #expect(features.map { $0["best_rsrp_dbm"] } == [.real(-118.4), .null, .real(-95.25), .null, .real(-101)])
        #expect(features.map { $0["note"] } == [
            .null, .text("xa trạm, đường đất"), .null, .text("Đường sạt lở & ngập, xe không vào được;\nphải đi bộ 'Ba' giờ"), .null,
        ])

        let context = try GEOSContext()
        for (row, feature) in zip(features, table.rows) {
            guard case .blob(let blob)? = row["geom"] else { Issue.record("geom is not a blob"); continue }
            #expect(blob.count == 29)
            #expect(Array(blob.prefix(4)) == [0x47, 0x50, 0x00, 0x01], "magic GP, version 0, flags: little-endian, no envelope")
            #expect(Int32(littleEndian: load(blob, at: 4)) == 4326)
            #expect(blob[8] == 0x01 && UInt32(littleEndian: load(blob, at: 9)) == 1, "WKB little-endian Point")
            #expect(Double(bitPattern: UInt64(littleEndian: load(blob, at: 13))) == feature.lon)
            #expect(Double(bitPattern: UInt64(littleEndian: load(blob, at: 21))) == feature.lat)
            let point = try context.geometry(fromWKB: Array(blob.dropFirst(8)))
            #expect(try point.coordinates() == [feature.lon, feature.lat])
        }
    }

    @Test("a row without a position has a NULL geometry and stays out of the extent; odd names are quoted")
    func unlocatedRow() throws {
        let table = PointFeatureTable(
            layerName: "Thôn \"lạ\"; DROP TABLE x",
            columns: [FeatureColumn("tên thôn", .text)],
            rows: [PointFeature(lon: .nan, lat: .nan, values: [.text("Bản A")]), PointFeature(lon: 105, lat: 21, values: [])],
            presentation: FeaturePresentation(nameColumn: "tên thôn", folderColumn: nil, descriptionColumns: []))
        let path = try FeatureFixtures.temporaryFolder().appendingPathComponent("odd.gpkg").path
        try FeatureGeoPackage.write(table, to: path, lastChange: lastChange)
        let features = try rows(path, #"SELECT * FROM "Thôn ""lạ""; DROP TABLE x" ORDER BY fid"#)
        #expect(features.map { $0["geom"] == .null } == [true, false])
        #expect(features.map { $0["tên thôn"] } == [.text("Bản A"), .null])
        #expect(try rows(path, "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents")
            == [["min_x": .real(105), "min_y": .real(21), "max_x": .real(105), "max_y": .real(21)]])
    }

    @Test("writing again replaces the file whole and leaves no temporary file")
    func replaces() throws {
        let folder = try FeatureFixtures.temporaryFolder()
        let path = folder.appendingPathComponent("lists.gpkg").path
        try FeatureGeoPackage.write(table, to: path, lastChange: lastChange)
        var smaller = table
        smaller.rows = Array(table.rows.prefix(2))
        try FeatureGeoPackage.write(smaller, to: path, lastChange: lastChange)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["lists.gpkg"])
        #expect(try FeatureSQLiteReader.value(path, "SELECT count(*) FROM dead_zones") == .integer(2))
    }

    @Test("equal tables and timestamps give byte-identical files, written at different times")
    func deterministic() throws {
        let firstPath = try written(table)
        let first = try Data(contentsOf: URL(fileURLWithPath: firstPath))
        Thread.sleep(forTimeInterval: 0.05)
        let secondPath = try written(table)
        #expect(firstPath != secondPath)
        #expect(first.count > 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: secondPath)) == first)
        // Without a timestamp, the fixed default is used, not the clock.
        let folder = try FeatureFixtures.temporaryFolder()
        let defaulted = folder.appendingPathComponent("a.gpkg").path
        try FeatureGeoPackage.write(table, to: defaulted)
        #expect(try FeatureSQLiteReader.value(defaulted, "SELECT last_change FROM gpkg_contents") == .text("1970-01-01T00:00:00.000Z"))
        Thread.sleep(forTimeInterval: 0.05)
        let again = folder.appendingPathComponent("b.gpkg").path
        try FeatureGeoPackage.write(table, to: again)
        #expect(try Data(contentsOf: URL(fileURLWithPath: defaulted)) == Data(contentsOf: URL(fileURLWithPath: again)))
    }

    @Test("an R-tree spatial index on geom, registered in gpkg_extensions, holding every located row")
    func spatialIndex() throws {
        let path = try written(table)
        let extensions = try rows(path, "SELECT table_name, column_name, extension_name, scope FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'")
        #expect(extensions == [[
            "table_name": .text("dead_zones"), "column_name": .text("geom"), "extension_name": .text("gpkg_rtree_index"),
            "scope": .text("write-only"),
        ]])
        let index = try rows(path, "SELECT id, minx, maxx, miny, maxy FROM rtree_dead_zones_geom ORDER BY id")
        #expect(index.map { $0["id"] } == (1...5).map { .integer($0) })
        for (entry, feature) in zip(index, table.rows) {
            guard case .real(let minX)? = entry["minx"], case .real(let maxY)? = entry["maxy"] else {
                Issue.record("no box for \(entry)")
                continue
            }
            // The R-tree stores float32 boxes, which GDAL rounds outward: within two float32
            // steps of the point (7.6e-6 degree each between 64 and 128).
            #expect(minX <= feature.lon && feature.lon - minX < 2e-5, "\(minX) for \(feature.lon)")
            #expect(maxY >= feature.lat && maxY - feature.lat < 2e-5, "\(maxY) for \(feature.lat)")
        }
    }

    @Test("ogrinfo confirms the spatial index (HasSpatialIndex = 1)",
          .enabled(if: ogrinfo != nil, "skipped: ogrinfo (gdal-bin) is not installed"))
    func spatialIndexByGDAL() throws {
        let path = try written(table)
        let answer = try run(["-q", "-sql", "SELECT HasSpatialIndex('dead_zones', 'geom')", path])
        #expect(answer.errors == "")
        #expect(answer.output.contains("HasSpatialIndex (Integer) = 1"), "\(answer.output)")
    }

    @Test("names a GeoPackage cannot hold are refused before anything is written",
          arguments: [
              ("gpkg_villages", ["name"]), ("", ["name"]), ("villages", ["geom"]), ("villages", ["FID"]),
              ("villages", ["name", "Name"]), ("villages", [""]),
          ])
    func refusedNames(layer: String, columns: [String]) throws {
        var table = table
        table.layerName = layer
        table.columns = columns.map { FeatureColumn($0, .text) }
        let folder = try FeatureFixtures.temporaryFolder()
        #expect(throws: OutputError.self) {
            try FeatureGeoPackage.write(table, to: folder.appendingPathComponent("x.gpkg").path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("ogrinfo (GDAL) reads the layer, its count, geometry type, extent, fields and values",
          .enabled(if: ogrinfo != nil, "skipped: ogrinfo (gdal-bin) is not installed"))
    func readByGDAL() throws {
        let path = try written(table)
        let summary = try run(["-so", "-al", path])
        #expect(summary.errors == "")
        for line in [
            "Layer name: dead_zones", "Geometry: Point", "Feature Count: 5",
            "Extent: (102.500000, 21.035800) - (105.900000, 22.100000)", "FID Column = fid", "Geometry Column = geom",
            "village_id: String (0.0)", "name: String (0.0)", "province_name: String (0.0)", "population: Integer64 (0.0)",
            "grid_power: Integer(Boolean) (0.0)", "best_rsrp_dbm: Real (0.0)", "note: String (0.0)",
        ] {
            #expect(summary.output.contains(line), "\(line)")
        }
        #expect(summary.output.contains(#"ID["EPSG",4326]"#))

        let features = try run(["-al", "-q", path])
        #expect(features.errors == "")
        for line in [
            "name (String) = Tổ dân phố 2, Ba Đình", "name (String) = Bản Huổi Lếch & Nậm Pồ <mới>",
            #"name (String) = Xóm "Cầu Gỗ""#, "province_name (String) = Hà Nội", "population (Integer64) = (null)",
            "POINT (103.1234564 21.2345678)",
        ] {
            #expect(features.output.contains(line), "\(line)")
        }
    }

    private func run(_ arguments: [String]) throws -> GDALTool.Result {
        let result = try #require(ogrinfo).run(arguments)
        #expect(result.status == 0)
        return result
    }
}

/// The `T` stored at `offset` in `bytes`, unaligned, in the bytes' own order.
private func load<T: FixedWidthInteger>(_ bytes: [UInt8], at offset: Int) -> T {
    bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
}
