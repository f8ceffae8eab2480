import GEOSKit
import Testing

@Suite("Prepared geometry")
struct PreparedGeometryTests {
    @Test func preparedAgreesWithPlainPredicatesOnGrid() throws {
        let context = try GEOSContext()
        let holed = try context.geometry(fromWKT: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))")
        let prepared = try holed.prepared()
        var containsCount = 0, coversCount = 0, boundaryCount = 0
        for i in -4...48 {
            for j in -4...48 {
                let x = Double(i) * 0.25, y = Double(j) * 0.25
                let point = try context.point(x: x, y: y)
                let contains = try holed.contains(point)
                let covers = try holed.covers(point)
                #expect(try prepared.contains(point) == contains)
                #expect(try prepared.covers(point) == covers)
                #expect(try prepared.intersects(point) == holed.intersects(point))
                #expect(try prepared.containsPoint(x: x, y: y) == contains)
                #expect(try prepared.coversPoint(x: x, y: y) == covers)
                #expect(try prepared.intersectsPoint(x: x, y: y) == covers)
                #expect(try prepared.containsProperly(point) == contains)  // a point has no boundary
                if contains { containsCount += 1 }
                if covers { coversCount += 1 }
                if covers && !contains { boundaryCount += 1 }
            }
        }
        // 41×41 grid points in [0,10]², minus the 7×7 in [4,6]² covered by the hole (boundary
        // of the hole included), plus the 32 hole-boundary points themselves.
        #expect(coversCount == 41 * 41 - 9 * 9 + 32)
        #expect(boundaryCount == 160 + 32)  // outer boundary 160 points, hole boundary 32
        #expect(containsCount == coversCount - boundaryCount)
        // Boundary: covered, not contained.
        #expect(try prepared.coversPoint(x: 10, y: 5))
        #expect(try prepared.containsPoint(x: 10, y: 5) == false)
        #expect(try prepared.coversPoint(x: 5, y: 5) == false)  // in the hole
    }

    @Test func preparedWithGeometries() throws {
        let context = try GEOSContext()
        let big = try context.rectangle(Envelope(minX: 0, minY: 0, maxX: 10, maxY: 10))
        let prepared = try big.prepared()
        let inner = try context.rectangle(Envelope(minX: 1, minY: 1, maxX: 2, maxY: 2))
        let touching = try context.rectangle(Envelope(minX: 0, minY: 1, maxX: 2, maxY: 2))
        let outside = try context.rectangle(Envelope(minX: 11, minY: 1, maxX: 12, maxY: 2))
        #expect(try prepared.contains(inner) && prepared.containsProperly(inner))
        #expect(try prepared.contains(touching) && !prepared.containsProperly(touching))
        #expect(try prepared.covers(touching))
        #expect(try !prepared.intersects(outside))
        #expect(try prepared.base.area == 100)
    }

    @Test func preparedOutlivesLocalBaseReference() throws {
        let context = try GEOSContext()
        func make() throws -> PreparedGeometry {
            try context.point(x: 0, y: 0).buffer(distance: 1).prepared()  // base only referenced by the prepared
        }
        let prepared = try make()
        #expect(try prepared.containsPoint(x: 0.5, y: 0))
        #expect(try !prepared.containsPoint(x: 1.5, y: 0))
    }
}
