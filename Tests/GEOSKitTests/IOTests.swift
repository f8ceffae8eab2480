import GEOSKit
import Testing

@Suite("Reading and writing WKT, WKB, GeoJSON")
struct IOTests {
    static let samples = [
        "POINT (105.85 21.03)",
        "LINESTRING (0 0, 1 1, 2 0.5)",
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))",
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((5 5, 8 5, 8 8, 5 8, 5 5), (6 6, 6 7, 7 7, 7 6, 6 6)))",
    ]

    @Test("WKT round trip", arguments: samples)
    func wktRoundTrip(text: String) throws {
        let context = try GEOSContext()
        let original = try context.geometry(fromWKT: text)
        let written = try original.wkt()
        #expect(written == text)  // trimmed, full precision: the same text
        let reread = try context.geometry(fromWKT: written)
        #expect(try reread.equalsExact(original))
    }

    @Test("WKB round trip", arguments: samples)
    func wkbRoundTrip(text: String) throws {
        let context = try GEOSContext()
        let original = try context.geometry(fromWKT: text)
        let bytes = try original.wkb()
        #expect(bytes.first == 1)  // little-endian
        let reread = try context.geometry(fromWKB: bytes)
        #expect(try reread.equalsExact(original))
        #expect(try reread.wkt() == text)
        #expect(try reread.wkb() == bytes)
    }

    @Test("GeoJSON round trip", arguments: samples)
    func geoJSONRoundTrip(text: String) throws {
        let context = try GEOSContext()
        let original = try context.geometry(fromWKT: text)
        let json = try original.geoJSON()
        let reread = try context.geometry(fromGeoJSON: json)
        #expect(try reread.equalsExact(original))
        #expect(try reread.normalized().wkt() == original.normalized().wkt())
    }

    @Test func geoJSONWriterOutput() throws {
        let context = try GEOSContext()
        let point = try context.point(x: 0.1, y: 2)
        #expect(try point.geoJSON() == #"{"type":"Point","coordinates":[0.1,2.0]}"#)
        let pretty = try point.geoJSON(indent: 2)
        #expect(pretty.contains("\n"))
        #expect(try context.geometry(fromGeoJSON: pretty).equalsExact(point))
    }

    @Test func geoJSONFeatureAndFeatureCollection() throws {
        let context = try GEOSContext()
        let feature = try context.geometry(fromGeoJSON: """
            {"type":"Feature","properties":{"name":"Hà Nội"},"geometry":{"type":"Point","coordinates":[105.85,21.03]}}
            """)
        #expect(try feature.wkt() == "POINT (105.85 21.03)")

        let collection = try context.geometry(fromGeoJSON: """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}},
              {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,0]]]}}
            ]}
            """)
        #expect(try collection.type == .geometryCollection)
        #expect(try collection.numGeometries == 2)
        #expect(try collection.geometry(at: 1).area == 8)

        let nullGeometry = #expect(throws: GEOSError.self) {
            try context.geometry(fromGeoJSON: #"{"type":"Feature","properties":{},"geometry":null}"#)
        }
        #expect(nullGeometry?.message.contains("ParseException") == true)

        let threeD = #expect(throws: GEOSError.self) {
            try context.geometry(fromGeoJSON: #"{"type":"Point","coordinates":[1,2,3]}"#)
        }
        #expect(threeD?.message.contains("Expected two coordinates") == true)
    }

    @Test func wktPrecisionAndTrim() throws {
        let context = try GEOSContext()
        let point = try context.point(x: 0.1, y: 1.0 / 3.0)
        #expect(try point.wkt() == "POINT (0.1 0.3333333333333333)")
        #expect(try point.wkt(precision: 3) == "POINT (0.1 0.333)")
        #expect(try point.wkt(precision: 3, trim: false) == "POINT (0.100 0.333)")
        #expect(point.description == "POINT (0.1 0.333333)")
    }

    @Test func malformedInputThrowsWithGEOSMessage() throws {
        let context = try GEOSContext()
        let wktError = #expect(throws: GEOSError.self) {
            try context.geometry(fromWKT: "POLYGON((0 0, 1 1")
        }
        #expect(wktError?.operation == "GEOSWKTReader_read_r")
        #expect(wktError?.message.contains("ParseException") == true)
        #expect(wktError?.description.hasPrefix("GEOSWKTReader_read_r failed: ParseException") == true)

        let wkbError = #expect(throws: GEOSError.self) {
            try context.geometry(fromWKB: [1, 3, 0, 0, 0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0])
        }
        #expect(wkbError?.message.contains("ParseException") == true)
        #expect(throws: GEOSError.self) { try context.geometry(fromWKB: []) }

        let jsonError = #expect(throws: GEOSError.self) { try context.geometry(fromGeoJSON: #"{"type":"Point""#) }
        #expect(jsonError?.message.contains("Error parsing JSON") == true)

        // The context stays usable after errors, and a later success is not polluted.
        #expect(try context.geometry(fromWKT: "POINT (1 2)").wkt() == "POINT (1 2)")
    }
}
