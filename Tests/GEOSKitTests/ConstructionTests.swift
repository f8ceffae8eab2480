import GEOSKit
import Testing

@Suite("Constructors, read-back and ownership")
struct ConstructionTests {
    @Test func constructorsMatchWKT() throws {
        let context = try GEOSContext()
        let polygon = try context.polygon(
            exterior: [0, 0, 10, 0, 10, 10, 0, 10, 0, 0],
            holes: [[2, 2, 2, 4, 4, 4, 4, 2, 2, 2]])
        let parsed = try context.geometry(fromWKT: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))")
        #expect(try polygon.equalsExact(parsed))
        #expect(try polygon.type == .polygon)
        #expect(try polygon.numCoordinates == 10)

        let line = try context.lineString(xy: [0, 0, 3, 4])
        #expect(try line.wkt() == "LINESTRING (0 0, 3 4)")
        #expect(try line.length == 5)
        #expect(try context.linearRing(xy: [0, 0, 1, 0, 1, 1, 0, 0]).type == .linearRing)
        // GEOS 3.11 writes MultiPoint members without inner parentheses.
        #expect(try context.multiPoint(xy: [1, 2, 3, 4]).wkt() == "MULTIPOINT (1 2, 3 4)")
        #expect(try context.lineString(xy: []).isEmpty)
        #expect(try context.emptyPolygon().isEmpty)
    }

    @Test func coordinatesReadBack() throws {
        let context = try GEOSContext()
        #expect(try context.point(x: 105.5, y: 21.25).coordinates() == [105.5, 21.25])
        let xy: [Double] = [0, 0, 1.5, 2.5, -3, 4]
        #expect(try context.lineString(xy: xy).coordinates() == xy)
        // Z is dropped by the bulk copy.
        #expect(try context.geometry(fromWKT: "LINESTRING Z (1 2 3, 4 5 6)").coordinates() == [1, 2, 4, 5])
        #expect(try context.geometry(fromWKT: "POINT EMPTY").coordinates() == [])
        #expect(throws: GEOSError.self) {
            try context.geometry(fromWKT: "POLYGON ((0 0, 1 0, 1 1, 0 0))").coordinates()
        }
    }

    @Test func polygonRingsOfPolygonsAndCollections() throws {
        let context = try GEOSContext()
        let multi = try context.geometry(fromWKT:
            "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((5 5, 8 5, 8 8, 5 8, 5 5), (6 6, 6 7, 7 7, 7 6, 6 6)))")
        let rings = try multi.polygonRings()
        #expect(rings == [
            [[0, 0, 1, 0, 1, 1, 0, 1, 0, 0]],
            [[5, 5, 8, 5, 8, 8, 5, 8, 5, 5], [6, 6, 6, 7, 7, 7, 7, 6, 6, 6]],
        ])
        let mixed = try context.geometry(fromWKT:
            "GEOMETRYCOLLECTION (POINT (1 1), POLYGON ((0 0, 2 0, 2 2, 0 0)), POLYGON EMPTY, LINESTRING (0 0, 1 1))")
        #expect(try mixed.polygonRings() == [[[0, 0, 2, 0, 2, 2, 0, 0]]])
        #expect(try context.lineString(xy: [0, 0, 1, 1]).polygonRings() == [])
        // Rebuilding from the rings gives the same geometry.
        let rebuilt = try context.multiPolygon(rings.map { rings throws(GEOSError) in
            try context.polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
        })
        #expect(try rebuilt.equalsExact(multi))
    }

    @Test func membersAreOwnedClones() throws {
        let context = try GEOSContext()
        let multi = try context.geometry(fromWKT: "MULTIPOINT ((1 2), (3 4), (5 6))")
        #expect(try multi.numGeometries == 3)
        var second: Geometry? = try multi.geometry(at: 1)
        #expect(try second?.wkt() == "POINT (3 4)")
        second = nil  // freeing the clone must not affect the parent
        #expect(try multi.wkt() == "MULTIPOINT (1 2, 3 4, 5 6)")
        #expect(try multi.geometries().map { g throws(GEOSError) in try g.coordinates() } == [[1, 2], [3, 4], [5, 6]])
        #expect(throws: GEOSError.self) { try multi.geometry(at: 3) }
        #expect(throws: GEOSError.self) { try multi.geometry(at: -1) }
        let point = try context.point(x: 1, y: 1)
        #expect(try point.numGeometries == 1)
        #expect(try point.geometry(at: 0).equalsExact(point))
    }

    @Test func constructorErrorsCarryGEOSMessages() throws {
        let context = try GEOSContext()
        let unclosed = #expect(throws: GEOSError.self) { try context.linearRing(xy: [0, 0, 1, 0, 1, 1]) }
        #expect(unclosed?.message.contains("closed linestring") == true)
        let single = #expect(throws: GEOSError.self) { try context.lineString(xy: [0, 0]) }
        #expect(single?.message.contains("IllegalArgumentException") == true)
        #expect(throws: GEOSError.self) { try context.lineString(xy: [0, 0, 1]) }
        // A bad hole after a good exterior: everything built so far is freed once.
        #expect(throws: GEOSError.self) {
            try context.polygon(exterior: [0, 0, 4, 0, 4, 4, 0, 0], holes: [[1, 1, 2, 1, 2, 2]])
        }
        let notPolygon = #expect(throws: GEOSError.self) {
            try context.multiPolygon([try context.point(x: 0, y: 0)])
        }
        #expect(notPolygon?.operation == "multiPolygon")
        #expect(throws: GEOSError.self) { try context.rectangle(Envelope(minX: 1, minY: 0, maxX: 0, maxY: 1)) }
    }

    @Test func rectangle() throws {
        let context = try GEOSContext()
        let box = try context.rectangle(Envelope(minX: 100, minY: 8, maxX: 110, maxY: 24))
        #expect(try box.area == 160)
        #expect(try box.envelope == Envelope(minX: 100, minY: 8, maxX: 110, maxY: 24))
        #expect(try context.rectangle(Envelope(x: 1, y: 2)).type == .point)
    }

    /// Ownership transfer (rings into polygons, clones into collections) repeated many times:
    /// a double free or use-after-free would crash here (and is reported under ASan).
    @Test func ownershipTransferLoop() throws {
        let context = try GEOSContext()
        var rng = SplitMix64(seed: 7)
        var totalArea = 0.0
        for iteration in 0..<2_000 {
            let x = rng.uniform(0, 100), y = rng.uniform(0, 100)
            let square = try context.polygon(
                exterior: [x, y, x + 2, y, x + 2, y + 2, x, y + 2, x, y],
                holes: [[x + 0.5, y + 0.5, x + 0.5, y + 1, x + 1, y + 1, x + 1, y + 0.5, x + 0.5, y + 0.5]])
            let other = try context.rectangle(Envelope(minX: x + 5, minY: y, maxX: x + 6, maxY: y + 1))
            let multi = try context.multiPolygon([square, other])
            let nested = try context.multiPolygon([multi, square])  // flattens the MultiPolygon input
            let collection = try context.collection([multi, other, try context.point(x: x, y: y)])
            if iteration % 100 == 0 {
                #expect(try abs(multi.area - 4.75) < 1e-9)
                #expect(try nested.numGeometries == 3)
                #expect(try collection.numGeometries == 3)
                #expect(try abs(square.area - 3.75) < 1e-9)  // inputs stay usable after being collected
            }
            totalArea += try multi.area
        }
        #expect(abs(totalArea - 2_000 * 4.75) < 1e-6)
    }
}
