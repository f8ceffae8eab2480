import Foundation
import GDALKit
import PhusongTestSupport
import Testing

/// Writing OGR vector datasets: a GeoPackage point layer with typed fields, in a transaction,
/// read back with GDALKit's reader; GDAL's errors thrown, never printed.
@Suite struct VectorWritingTests {
    @Test func writesAGeoPackagePointLayerAndReadsItBack() throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let path = files.path("villages.gpkg")
        let wgs84 = try SpatialReference.wgs84()
        let added = try VectorWriter.create(at: path, driver: "GPKG") { (writer: VectorWriter) throws(GDALError) -> Int in
            let layer = try writer.createLayer(
                named: "làng", geometry: .point, spatialReference: wgs84,
                fields: [NewField("village_id", .text), NewField("population", .integer), NewField("rsrp", .real),
                         NewField("grid_power", .boolean)],
                options: ["FID=fid", "GEOMETRY_NAME=geom"])
            try writer.transaction { () throws(GDALError) in
                try layer.add(values: [.text("00042"), .integer(1200), .real(-101.25), .integer(1)], point: (105.85, 21.03))
                try layer.add(values: [.text("Bản Mới"), .null, .null, .integer(0)], point: nil)
            }
            return 2
        }
        #expect(added == 2)

        let dataset = try VectorDataset(readingAt: path)
        #expect(dataset.driverName == "GPKG")
        let layer = try dataset.layer(named: "làng")
        #expect(layer.geometryType == .point)
        #expect(layer.spatialReference?.isWGS84LonLat == true)
        #expect(layer.fields.map(\.name) == ["village_id", "population", "rsrp", "grid_power"])
        #expect(layer.fields.map(\.type) == [.string, .integer, .real, .integer])
        let first = try #require(try layer.nextFeature())
        #expect(first.fid == 1)
        #expect(first.values == [.text("00042"), .integer(1200), .real(-101.25), .integer(1)])
        #expect(first.geometry == .point(x: 105.85, y: 21.03))
        let second = try #require(try layer.nextFeature())
        #expect(second.fid == 2)
        #expect(second.values == [.text("Bản Mới"), .null, .null, .integer(0)])
        #expect(second.geometry == FeatureGeometry.none)
        #expect(try layer.nextFeature() == nil)
    }

    @Test func wrongValueCountIsRefusedAndTheTransactionRolledBack() throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let path = files.path("t.gpkg")
        #expect {
            try VectorWriter.create(at: path, driver: "GPKG") { (writer: VectorWriter) throws(GDALError) in
                let layer = try writer.createLayer(named: "t", geometry: .point, spatialReference: nil, fields: [NewField("a", .text)])
                // Outside the transaction (the GPKG driver creates the table with the first
                // feature: a rolled-back first insert would take the table with it).
                try layer.add(values: [.text("kept")], point: (0, 1))
                try writer.transaction { () throws(GDALError) in
                    try layer.add(values: [.text("rolled back")], point: (1, 2))
                    try layer.add(values: [], point: (1, 2))
                }
            }
        } throws: { error in
            (error as? GDALError)?.message == "layer 't' has 1 fields, 0 values given"
        }
        let layer = try VectorDataset(readingAt: path).layer(named: "t")
        #expect(layer.featureCount == 1, "the rolled-back insert is not in the file")
        #expect(try layer.nextFeature()?.values == [.text("kept")])
        #expect(try layer.nextFeature() == nil)
    }

    @Test func unknownDriverAndUnwritablePathThrowGDALsMessage() throws {
        #expect {
            try VectorWriter.create(at: "/tmp/x.abc", driver: "NoSuchDriver") { (_: VectorWriter) throws(GDALError) in }
        } throws: { error in
            (error as? GDALError)?.message == "no GDAL driver 'NoSuchDriver' can create /tmp/x.abc"
        }
        #expect {
            try VectorWriter.create(at: "/nonexistent/phusong/x.gpkg", driver: "GPKG") { (_: VectorWriter) throws(GDALError) in }
        } throws: { error in
            guard let error = error as? GDALError else { return false }
            return error.operation == "GDALCreate" && !error.message.isEmpty
        }
    }

    @Test func aFixedCurrentDateGivesByteIdenticalGeoPackages() throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        func write(_ name: String) throws -> Data {
            let path = files.path(name)
            try VectorWriter.create(at: path, driver: "GPKG", configuration: [("OGR_CURRENT_DATE", "2025-06-30T08:15:00.000Z")]) {
                (writer: VectorWriter) throws(GDALError) in
                let layer = try writer.createLayer(named: "t", geometry: .point, spatialReference: nil, fields: [NewField("n", .integer)])
                for number in 0..<50 { try layer.add(values: [.integer(Int64(number))], point: (Double(number), 1)) }
            }
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let first = try write("a.gpkg")
        Thread.sleep(forTimeInterval: 0.01)
        #expect(try write("b.gpkg") == first)
    }
}
