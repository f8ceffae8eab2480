import GEOSKit
import Testing

@Suite("Measures, operations, validity")
struct OperationTests {
    @Test func knownAreas() throws {
        let context = try GEOSContext()
        let holed = try context.geometry(fromWKT: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))")
        #expect(try holed.area == 96)
        #expect(try holed.length == 48)
        let triangle = try context.polygon(exterior: [0, 0, 4, 0, 0, 3, 0, 0])
        #expect(try triangle.area == 6)
        #expect(try triangle.length == 12)
        #expect(try context.point(x: 1, y: 1).area == 0)
    }

    @Test func unionOfOverlappingSquares() throws {
        let context = try GEOSContext()
        let a = try context.rectangle(Envelope(minX: 0, minY: 0, maxX: 2, maxY: 2))
        let b = try context.rectangle(Envelope(minX: 1, minY: 1, maxX: 3, maxY: 3))
        #expect(try a.union(b).area == 7)
        #expect(try a.intersection(b).area == 1)
        #expect(try a.difference(b).area == 3)
        #expect(try context.unaryUnion(of: [a, b]).area == 7)
        #expect(try context.collection([a, b]).unaryUnion().area == 7)
        #expect(try context.multiPolygon([a, b]).unaryUnion().area == 7)
        #expect(try context.unaryUnion(of: []).isEmpty)
        // Inputs survive the clone-and-consume inside unaryUnion(of:).
        #expect(try a.area == 4 && b.area == 4)
    }

    @Test func invalidBowTie() throws {
        let context = try GEOSContext()
        let bowTie = try context.geometry(fromWKT: "POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))")
        #expect(try bowTie.isValid == false)
        #expect(try bowTie.validityReason.contains("Self-intersection"))
        #expect(context.notices.contains { $0.contains("Self-intersection") })
        context.clearNotices()
        #expect(context.notices.isEmpty)
        #expect(try context.point(x: 0, y: 0).validityReason == "Valid Geometry")

        let square = try context.rectangle(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1))
        let topology = #expect(throws: GEOSError.self) { try bowTie.intersection(square) }
        #expect(topology?.operation == "GEOSIntersection_r")
        #expect(topology?.message.contains("TopologyException") == true)

        let repaired = try bowTie.makeValid()
        #expect(try repaired.isValid)
        #expect(try repaired.type == .multiPolygon)
        #expect(try repaired.area == 2)
        #expect(try repaired.intersection(square).area == 0.5)
    }

    @Test func bufferOfPointApproximatesCircle() throws {
        let context = try GEOSContext()
        let circle = try context.point(x: 3, y: 4).buffer(distance: 1)
        #expect(abs(try circle.area - Double.pi) / Double.pi < 0.01)
        let finer = try context.point(x: 3, y: 4).buffer(distance: 1, quadrantSegments: 32)
        #expect(try finer.numCoordinates > circle.numCoordinates)
        #expect(abs(try finer.area - Double.pi) < abs(try circle.area - Double.pi))
        #expect(try circle.envelope == Envelope(minX: 2, minY: 3, maxX: 4, maxY: 5))
    }

    @Test func simplifyReducesVertices() throws {
        let context = try GEOSContext()
        let circle = try context.point(x: 0, y: 0).buffer(distance: 10, quadrantSegments: 16)
        let simple = try circle.simplify(tolerance: 0.5)
        let preserved = try circle.topologyPreservingSimplify(tolerance: 0.5)
        #expect(try simple.numCoordinates < circle.numCoordinates)
        #expect(try preserved.numCoordinates < circle.numCoordinates)
        #expect(try preserved.isValid)
        #expect(try abs(preserved.area - circle.area) / circle.area < 0.05)
    }

    @Test func distancesAndNearestPoints() throws {
        let context = try GEOSContext()
        let square = try context.rectangle(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1))
        let point = try context.point(x: 4, y: 5)
        #expect(try point.distance(to: square) == 5)
        let nearest = try #require(try square.nearestPoints(to: point))
        #expect(nearest == NearestPoints(x1: 1, y1: 1, x2: 4, y2: 5))
        #expect(nearest.distance == 5)
        #expect(try square.nearestPoints(to: context.emptyPolygon()) == nil)
        #expect(try context.emptyPolygon().envelope == nil)
    }

    @Test func centroidAndPointOnSurface() throws {
        let context = try GEOSContext()
        let uShape = try context.geometry(fromWKT: "POLYGON ((0 0, 3 0, 3 3, 2 3, 2 1, 1 1, 1 3, 0 3, 0 0))")
        let centroid = try uShape.centroid().coordinates()
        #expect(abs(centroid[0] - 1.5) < 1e-12)
        let inside = try uShape.pointOnSurface()
        #expect(try uShape.contains(inside))
    }

    @Test func predicatesOnBoundary() throws {
        let context = try GEOSContext()
        let square = try context.rectangle(Envelope(minX: 0, minY: 0, maxX: 2, maxY: 2))
        let edge = try context.point(x: 2, y: 1)
        let inner = try context.point(x: 1, y: 1)
        #expect(try square.contains(edge) == false)
        #expect(try square.covers(edge))
        #expect(try square.intersects(edge))
        #expect(try square.contains(inner))
        #expect(try inner.within(square))
        let shifted = try context.geometry(fromWKT: "POLYGON ((2 0, 2 2, 0 2, 0 0, 2 0))")
        #expect(try shifted.equals(square))
        #expect(try shifted.equalsExact(square) == false)
        #expect(try shifted.normalized().equalsExact(square.normalized()))
        #expect(try square.clone().equalsExact(square))
    }
}
