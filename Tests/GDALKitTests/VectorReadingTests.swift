import Foundation
import GDALKit
import PhusongTestSupport
import Testing

/// Reading OGR vector sources: layers, fields, features, geometry, and GDAL's errors.
@Suite struct VectorReadingTests {
    /// Two villages as GeoJSON (GDAL's GeoJSON driver): text codes with leading zeros, an
    /// integer and a real property, point geometry.
    static let villages = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": 7, "properties": {"village_id": "V001", "province_code": "01", "population": 1200, "height": 12.5},
           "geometry": {"type": "Point", "coordinates": [105.85, 21.03]}},
          {"type": "Feature", "id": 9, "properties": {"village_id": "V002", "province_code": "00004", "population": null, "height": 3.25},
           "geometry": {"type": "Point", "coordinates": [103.016, 21.386]}}
        ]}
        """

    @Test func readsLayersFieldsFeaturesAndPoints() throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let path = try files.write("villages.geojson", Self.villages)
        let dataset = try VectorDataset(readingAt: path)
        #expect(dataset.driverName == "GeoJSON")
        #expect(dataset.layerNames == ["villages"])
        let layer = try dataset.layer(named: "villages")
        #expect(layer.geometryType == .point)
        #expect(layer.featureCount == 2)
        #expect(layer.fields.map(\.name) == ["village_id", "province_code", "population", "height"])
        #expect(layer.fields.map(\.type) == [.string, .string, .integer, .real])
        #expect(layer.spatialReference?.identifiedAuthority?.code == "4326")
        #expect(layer.spatialReference?.isWGS84LonLat == true)

        let first = try #require(try layer.nextFeature())
        #expect(first.fid == 7)
        #expect(first.values == [.text("V001"), .text("01"), .integer(1200), .real(12.5)])
        #expect(first.geometry == .point(x: 105.85, y: 21.03))
        let second = try #require(try layer.nextFeature())
        #expect(second.values == [.text("V002"), .text("00004"), .null, .real(3.25)])
        #expect(try layer.nextFeature() == nil)

        layer.resetReading()
        let again = try #require(try layer.nextFeature(geometry: .wkb))
        // ISO WKB, little-endian point: byte order 1, type 1, then x and y.
        guard case .wkb(let bytes) = again.geometry else {
            Issue.record("expected WKB, got \(again.geometry)")
            return
        }
        #expect(bytes.count == 21)
        #expect(Array(bytes.prefix(5)) == [1, 1, 0, 0, 0])
    }

    @Test func missingFileThrowsGDALsMessage() {
        #expect {
            _ = try VectorDataset(readingAt: "/nonexistent/phusong/villages.gpkg")
        } throws: { error in
            guard let error = error as? GDALError else { return false }
            // CPLE_OpenFailed (4): GDAL's class for a file it cannot open.
            return error.operation == "GDALOpenEx" && error.message.contains("No such file") && error.number == 4
        }
    }

    @Test func unknownLayerListsTheLayers() throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let dataset = try VectorDataset(readingAt: try files.write("villages.geojson", Self.villages))
        #expect {
            _ = try dataset.layer(named: "cells")
        } throws: { error in
            (error as? GDALError)?.message.contains("its layers: 'villages'") == true
        }
    }

    @Test func notAVectorSourceIsAnError() throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let path = try files.write("villages.gpkg", "village_id,lon,lat\nV1,105,21\n")
        #expect(throws: GDALError.self) { _ = try VectorDataset(readingAt: path, drivers: ["GPKG"]) }
    }
}
