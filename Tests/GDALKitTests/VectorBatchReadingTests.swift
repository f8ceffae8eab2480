import Foundation
import GDALKit
import PhusongTestSupport
import Testing

/// Reading a layer in Arrow batches (`VectorLayer.forEachBatch`): the same ids, values and
/// points as feature by feature, the attribute filter kept, and no batch for a field Arrow
/// would narrow.
@Suite struct VectorBatchReadingTests {
    /// A GeoPackage point layer: text (with a comma and a line break), whole numbers, reals,
    /// NULLs, a feature without a point, a boolean field; 1,000 features more to fill a batch.
    static func geoPackage(in files: TemporaryFiles) throws -> String {
        let path = files.path("villages.gpkg")
        let wgs84 = try SpatialReference.wgs84()
        _ = try VectorWriter.create(at: path, driver: "GPKG") { (writer: VectorWriter) throws(GDALError) -> Int in
            let layer = try writer.createLayer(
                named: "villages", geometry: .point, spatialReference: wgs84,
                fields: [NewField("village_id", .text), NewField("population", .integer), NewField("rsrp", .real),
                         NewField("grid_power", .boolean)],
                options: ["FID=fid", "GEOMETRY_NAME=geom"])
            try writer.transaction { () throws(GDALError) in
                try layer.add(values: [.text("00042"), .integer(1200), .real(-101.25), .integer(1)], point: (105.85, 21.03))
                try layer.add(values: [.text("Bản Mới, \"A\"\nB"), .null, .null, .integer(0)], point: nil)
                for index in 0..<1_000 {
                    try layer.add(values: [.text("V\(index)"), .integer(Int64(index) * 3_000_000_000), .real(Double(index) / 7), .null],
                                  point: (102 + Double(index) / 1_000, 8.5 + Double(index) / 100))
                }
            }
            return 1_002
        }
        return path
    }

    /// Feature `feature`'s id, values of `fields` and geometry, as comparable text.
    static func describe<Feature: FeatureFields>(_ feature: Feature, fields: [FieldDefinition], asked: [Int]) -> String {
        var parts = ["\(feature.fid.map(String.init) ?? "-")", "\(feature.geometry)"]
        for index in asked {
            if feature.isNull(index) {
                parts.append("null")
                continue
            }
            switch fields[index].type {
            case .integer: parts.append("\(feature.integer(index))")
            case .real: parts.append("\(feature.real(index).bitPattern)")
            case .string, .other: parts.append(feature.withTextBytes(index) { $0.map { String(decoding: $0, as: UTF8.self) } ?? "?" })
            }
        }
        return parts.joined(separator: "|")
    }

    /// The features as `describe` gives them, read in batches (nil when no batch was given)
    /// and feature by feature.
    static func bothWays(_ layer: VectorLayer, asked: [Int], filter: String?) throws -> (batches: [String]?, features: [String]) {
        try layer.setAttributeFilter(filter)
        var batched: [String] = []
        let read = try layer.forEachBatch(fields: asked, geometry: .point) { batch in
            for row in 0..<batch.count { batched.append(describe(batch.row(row), fields: layer.fields, asked: asked)) }
        }
        try layer.setAttributeFilter(filter)
        var features: [String] = []
        try layer.forEachFeature(geometry: .point) { features.append(describe($0, fields: layer.fields, asked: asked)) }
        return (read ? batched : nil, features)
    }

    @Test func batchesGiveTheFeaturesValuesAndPoints() throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let layer = try VectorDataset(readingAt: try Self.geoPackage(in: files)).layer(named: "villages")
        let (batches, features) = try Self.bothWays(layer, asked: [0, 1, 2], filter: nil)
        #expect(features.count == 1_002)
        #expect(batches == features)
        #expect(features[0] == "1|point(x: 105.85, y: 21.03)|00042|1200|\((-101.25).bitPattern)")
        #expect(features[1] == "2|none|Bản Mới, \"A\"\nB|null|null")
        #expect(features[1_001].hasPrefix("1002|point(x: 102.999, y: 18.490000000000002)|V999|2997000000000|"))
    }

    @Test func batchesKeepTheAttributeFilter() throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let layer = try VectorDataset(readingAt: try Self.geoPackage(in: files)).layer(named: "villages")
        let (batches, features) = try Self.bothWays(layer, asked: [0, 2], filter: "fid >= 500 AND fid < 700")
        #expect(features.count == 200)
        #expect(features.first?.hasPrefix("500|") == true)
        #expect(batches == features)
    }

    @Test func aFieldArrowWouldNarrowGivesNoBatch() throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let layer = try VectorDataset(readingAt: try Self.geoPackage(in: files)).layer(named: "villages")
        // grid_power is a boolean subtype: Arrow holds it as one bit, where GDAL's feature
        // holds the stored integer.
        let (batches, features) = try Self.bothWays(layer, asked: [0, 3], filter: nil)
        #expect(batches == nil)
        #expect(features.count == 1_002)
    }
}
