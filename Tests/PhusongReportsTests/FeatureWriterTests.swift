import Foundation
import GEOSKit
import Testing
@testable import PhusongCoverage
@testable import PhusongReports

@Suite("Feature writers: CSV, GeoJSON, KML read back")
struct FeatureWriterTests {
    let table = FeatureFixtures.villages

    @Test("CSV: no byte-order mark, LF, header, names with commas, quotes and line breaks read back by CSVReader")
    func csvRoundTrip() throws {
        let path = try FeatureFixtures.temporaryFolder().appendingPathComponent("dead_zones.csv").path
        try FeatureWriter.write(table, format: .csv, to: path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(String(decoding: bytes.prefix(12), as: UTF8.self) == "village_id,n", "starts with the header, no byte-order mark")
        #expect(!bytes.contains(0x0D), "records end with LF alone")

        let reader = try CSVReader(path: path)
        var records: [[String]] = []
        while let record = try reader.next() {
            records.append((0..<record.count).map { record.text($0) ?? "<invalid UTF-8>" })
        }
        #expect(records.count == 6)
        #expect(records.first == table.columns.map(\.name) + ["lon", "lat"])
        #expect(records.dropFirst().map { $0[1] } == FeatureFixtures.names)
        #expect(records[1] == ["DB-001", "Bản Mường Lói", "Điện Biên", "412", "false", "-118.4", "", "103.123456", "21.234568"])
        #expect(records[4][6] == "Đường sạt lở & ngập, xe không vào được;\nphải đi bộ 'Ba' giờ")
        #expect(records[5][3] == "")
    }

    @Test("GeoJSON: a FeatureCollection of Points with typed properties and nulls")
    func geoJSONStructure() throws {
        let bytes = FeatureGeoJSON.bytes(table)
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(collection["type"] as? String == "FeatureCollection")
        #expect(collection["name"] as? String == "dead_zones")
        let features = try #require(collection["features"] as? [[String: Any]])
        #expect(features.count == 5)
        for (feature, position) in zip(features, FeatureFixtures.roundedPositions) {
            #expect(feature["type"] as? String == "Feature")
            let geometry = try #require(feature["geometry"] as? [String: Any])
            #expect(geometry["type"] as? String == "Point")
            #expect(geometry["coordinates"] as? [Double] == position)
        }
        let properties = features.map { $0["properties"] as? [String: Any] ?? [:] }
        #expect(properties.map { $0["name"] as? String } == FeatureFixtures.names)
        #expect(properties.map { $0["province_name"] as? String } == ["Điện Biên", "Điện Biên", "Hà Nội", "Điện Biên", "Hà Nội"])
        #expect(properties[0]["population"] as? Int == 412)
        #expect(properties[1]["grid_power"] as? Bool == true)
        #expect(properties[0]["best_rsrp_dbm"] as? Double == -118.4)
        #expect(properties[0]["note"] is NSNull)
        #expect(properties[4]["population"] is NSNull)
        #expect(properties[3]["note"] as? String == "Đường sạt lở & ngập, xe không vào được;\nphải đi bộ 'Ba' giờ")
    }

    @Test("GeoJSON text: properties in column order, Vietnamese unescaped, one feature per line, deterministic")
    func geoJSONText() throws {
        let bytes = FeatureGeoJSON.bytes(table)
        #expect(bytes == FeatureGeoJSON.bytes(table))
        #expect(bytes.first == UInt8(ascii: "{"))
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 8)
        #expect(lines[0] == #"{"type":"FeatureCollection","name":"dead_zones","features":["#)
        #expect(lines[1] == #"{"type":"Feature","geometry":{"type":"Point","coordinates":[103.123456,21.234568]},"properties":{"#
            + #""village_id":"DB-001","name":"Bản Mường Lói","province_name":"Điện Biên","population":412,"#
            + #""grid_power":false,"best_rsrp_dbm":-118.4,"note":null}},"#)
        #expect(lines[4].contains(#""name":"Bản Huổi Lếch & Nậm Pồ <mới>""#))
        #expect(lines[4].contains(#""note":"Đường sạt lở & ngập, xe không vào được;\nphải đi bộ 'Ba' giờ""#))
        #expect(lines[5].contains(#""name":"Xóm \"Cầu Gỗ\"""#))
        #expect(lines[6] == "]}" && lines[7] == "")
    }

    @Test("GeoJSON read by GEOS: a GeometryCollection of the five points")
    func geoJSONThroughGEOS() throws {
        let context = try GEOSContext()
        let collection = try context.geometry(fromGeoJSON: String(decoding: FeatureGeoJSON.bytes(table), as: UTF8.self))
        #expect(try collection.type == .geometryCollection)
        let points = try collection.geometries()
        #expect(points.count == 5)
        #expect(try points.allSatisfy { try $0.type == .point })
        #expect(try points.map { try $0.coordinates() } == FeatureFixtures.roundedPositions)
    }

    @Test("KML: well-formed, one folder per province sorted by the folder column, escaped text intact")
    func kmlStructure() throws {
        let bytes = FeatureKML.bytes(table)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<kml xmlns="http://www.opengis.net/kml/2.2">"#))
        #expect(text.contains("Bản Huổi Lếch &amp; Nậm Pồ &lt;mới&gt;") && !text.contains("<mới>"))

        let kml = try FeatureParsedXML.parse(bytes)
        #expect(kml.name == "kml")
        let document = try #require(kml.child("Document"))
        #expect(document.child("name")?.text == "dead_zones")
        let folders = document.children("Folder")
        // "H" (U+0048) sorts before "Đ" (U+0110).
        #expect(folders.map { $0.child("name")?.text } == ["Hà Nội", "Điện Biên"])
        #expect(folders.map { $0.children("Placemark").count } == [2, 3])
        let placemarks = folders.flatMap { $0.children("Placemark") }
        #expect(placemarks.map { $0.child("name")?.text } == [
            "Tổ dân phố 2, Ba Đình", "Xóm \"Cầu Gỗ\"", "Bản Mường Lói", "Thôn Nà Hỳ", "Bản Huổi Lếch & Nậm Pồ <mới>",
        ])
        #expect(placemarks.map { $0.child("Point")?.child("coordinates")?.text } == [
            "105.834200,21.035800", "105.900000,21.100000", "103.123456,21.234568", "102.987654,22.100000", "102.500000,21.900000",
        ])
    }

    @Test("KML: an HTML table of the labelled columns that have values; ExtendedData of every column")
    func kmlDescriptionAndData() throws {
        let document = try #require(try FeatureParsedXML.parse(FeatureKML.bytes(table)).child("Document"))
        let placemarks = document.children("Folder").flatMap { $0.children("Placemark") }
        #expect(placemarks.count == 5)
        func descriptionTable(_ rows: [(String, String)]) -> String {
            "<table>" + rows.map { #"<tr><th align="left">\#($0.0)</th><td>\#($0.1)</td></tr>"# }.joined() + "</table>"
        }
        #expect(placemarks[2].child("description")?.text == descriptionTable([("Mã thôn", "DB-001"), ("Dân số", "412"), ("RSRP tốt nhất (dBm)", "-118.4")]))
        #expect(placemarks[4].child("description")?.text == descriptionTable([
            ("Mã thôn", "DB-003"), ("Dân số", "98"), ("Ghi chú", "Đường sạt lở &amp; ngập, xe không vào được;<br/>phải đi bộ &#39;Ba&#39; giờ"),
        ]))
        #expect(placemarks[1].child("description")?.text == descriptionTable([("Mã thôn", "HN-002"), ("RSRP tốt nhất (dBm)", "-101.0")]))
        #expect(placemarks.allSatisfy { $0.child("styleUrl") == nil }, "no style column, no styles")

        let data = placemarks[2].child("ExtendedData")?.children("Data") ?? []
        #expect(data.map { $0.attributes["name"] } == table.columns.map(\.name))
        #expect(data.map { $0.child("value")?.text } == ["DB-001", "Bản Mường Lói", "Điện Biên", "412", "false", "-118.4", ""])
        let quoted = placemarks[1].child("ExtendedData")?.children("Data").first { $0.attributes["name"] == "name" }
        #expect(quoted?.child("value")?.text == "Xóm \"Cầu Gỗ\"")
    }

    @Test("rows without a position or with missing values; non-finite reals; no folder column")
    func unlocatedRows() throws {
        let table = PointFeatureTable(
            layerName: "thiếu tọa độ",
            columns: [FeatureColumn("name", .text), FeatureColumn("rsrp", .real)],
            rows: [
                PointFeature(lon: .nan, lat: 21, values: [.text("Bản A"), .real(.infinity)]),
                PointFeature(lon: 105, lat: 21, values: []),
            ],
            presentation: FeaturePresentation(nameColumn: "name", folderColumn: nil, descriptionColumns: [("rsrp", "RSRP")]))

        let collection = try #require(try JSONSerialization.jsonObject(with: Data(FeatureGeoJSON.bytes(table))) as? [String: Any])
        let features = try #require(collection["features"] as? [[String: Any]])
        #expect(features[0]["geometry"] is NSNull)
        #expect((features[0]["properties"] as? [String: Any])?["rsrp"] is NSNull)
        #expect((features[1]["properties"] as? [String: Any])?["name"] is NSNull)
        #expect(((features[1]["geometry"] as? [String: Any])?["coordinates"] as? [Double]) == [105, 21])

        let folders = try #require(try FeatureParsedXML.parse(FeatureKML.bytes(table)).child("Document")).children("Folder")
        #expect(folders.map { $0.child("name")?.text } == ["thiếu tọa độ"])
        let placemarks = folders.first?.children("Placemark") ?? []
        #expect(placemarks.map { $0.child("Point") == nil } == [true, false])
        #expect(placemarks.map { $0.child("name")?.text } == ["Bản A", nil])
        #expect(placemarks[0].child("description")?.text == #"<table><tr><th align="left">RSRP</th><td>inf</td></tr></table>"#)
        #expect(placemarks[1].child("ExtendedData")?.children("Data").map { $0.child("value")?.text } == ["", ""])
    }

    @Test("FeatureWriter: bytes for every format but GeoPackage, every format written atomically to its file")
    func dispatcher() throws {
        #expect(try FeatureWriter.bytes(table, format: .csv) == FeatureCSV.bytes(table))
        #expect(try FeatureWriter.bytes(table, format: .geojson) == FeatureGeoJSON.bytes(table))
        #expect(try FeatureWriter.bytes(table, format: .kml) == FeatureKML.bytes(table))
        #expect(try FeatureWriter.bytes(table, format: .kmz) == FeatureKML.kmzBytes(table))
        #expect(try FeatureWriter.bytes(table, format: .xlsx) == FeatureXLSX.bytes(table))
        #expect(try FeatureWriter.bytes(table, format: .gpkg) == nil)

        let folder = try FeatureFixtures.temporaryFolder().appendingPathComponent("lists")
        for format in FeatureFormat.allCases {
            try FeatureWriter.write(table, format: format, to: folder.appendingPathComponent("dead_zones.\(format.fileExtension)").path)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["dead_zones.csv", "dead_zones.geojson", "dead_zones.gpkg", "dead_zones.kml", "dead_zones.kmz", "dead_zones.xlsx"])
        for format in [FeatureFormat.csv, .geojson, .kml, .kmz, .xlsx] {
            let written = [UInt8](try Data(contentsOf: folder.appendingPathComponent("dead_zones.\(format.fileExtension)")))
            #expect(try written == FeatureWriter.bytes(table, format: format), "\(format)")
        }
    }
}
