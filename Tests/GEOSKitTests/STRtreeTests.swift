import GEOSKit
import Testing

@Suite("STRtree")
struct STRtreeTests {
    static func randomBoxes(count: Int, seed: UInt64) -> [Envelope] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let x = rng.uniform(100, 110), y = rng.uniform(8, 24)
            return Envelope(minX: x, minY: y, maxX: x + rng.uniform(0, 0.3), maxY: y + rng.uniform(0, 0.3))
        }
    }

    @Test func queryMatchesBruteForceOnEnvelopes() throws {
        let context = try GEOSContext()
        let boxes = Self.randomBoxes(count: 3_000, seed: 42)
        let tree = try STRtree(envelopes: boxes, context: context)
        #expect(tree.count == 3_000)
        var rng = SplitMix64(seed: 4242)
        var totalHits = 0
        var reused: [Int] = []
        for _ in 0..<500 {
            let x = rng.uniform(99.5, 110.5), y = rng.uniform(7.5, 24.5)
            let query = Envelope(minX: x, minY: y, maxX: x + rng.uniform(0, 1), maxY: y + rng.uniform(0, 1))
            let expected = boxes.indices.filter { boxes[$0].intersects(query) }
            let found = try tree.query(query)
            #expect(found == expected)
            try tree.query(query, into: &reused)
            #expect(reused == expected)
            totalHits += found.count
        }
        #expect(totalHits > 1_000)  // the queries really hit things
        // Degenerate and edge cases.
        #expect(try tree.query(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)) == [])
        #expect(try tree.query(Envelope(minX: 1, minY: 1, maxX: 0, maxY: 0)) == [])
        let touching = try tree.query(Envelope(x: boxes[17].maxX, y: boxes[17].maxY))
        #expect(touching.contains(17))
    }

    @Test func queryMatchesBruteForceOnGeometries() throws {
        let context = try GEOSContext()
        var rng = SplitMix64(seed: 99)
        var circles: [Geometry] = []
        var envelopes: [Envelope] = []
        for _ in 0..<2_000 {
            let circle = try context.point(x: rng.uniform(0, 100), y: rng.uniform(0, 100))
                .buffer(distance: rng.uniform(0.1, 2), quadrantSegments: 4)
            circles.append(circle)
            envelopes.append(try #require(try circle.envelope))
        }
        let tree = try STRtree(geometries: circles, context: context)
        for _ in 0..<300 {
            let x = rng.uniform(0, 100), y = rng.uniform(0, 100)
            let query = Envelope(minX: x, minY: y, maxX: x + 3, maxY: y + 3)
            #expect(try tree.query(query) == envelopes.indices.filter { envelopes[$0].intersects(query) })
        }
        let probe = try context.rectangle(Envelope(minX: 10, minY: 10, maxX: 20, maxY: 20))
        #expect(try tree.query(intersecting: probe) == envelopes.indices.filter {
            envelopes[$0].intersects(Envelope(minX: 10, minY: 10, maxX: 20, maxY: 20))
        })
    }

    @Test func nearestMatchesBruteForce() throws {
        let context = try GEOSContext()
        var rng = SplitMix64(seed: 5)
        var points: [Geometry] = []
        for _ in 0..<1_000 { points.append(try context.point(x: rng.uniform(0, 10), y: rng.uniform(0, 10))) }
        let tree = try STRtree(geometries: points, context: context)
        for _ in 0..<200 {
            let x = rng.uniform(-1, 11), y = rng.uniform(-1, 11)
            let probe = try context.point(x: x, y: y)
            var best = Double.infinity
            for point in points { best = min(best, try point.distance(to: probe)) }
            let index = try #require(try tree.nearest(x: x, y: y))
            #expect(try points[index].distance(to: probe) == best)
        }
        let boxTree = try STRtree(envelopes: [Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1),
                                              Envelope(minX: 5, minY: 5, maxX: 6, maxY: 6)], context: context)
        #expect(try boxTree.nearest(x: 4, y: 4) == 1)
        #expect(try boxTree.nearest(x: 0.5, y: 0.5) == 0)
    }

    @Test func emptyTreeAndEmptyItems() throws {
        let context = try GEOSContext()
        let empty = try STRtree(envelopes: [], context: context)
        #expect(try empty.query(Envelope(minX: -1e9, minY: -1e9, maxX: 1e9, maxY: 1e9)) == [])
        #expect(try empty.nearest(x: 0, y: 0) == nil)
        let mixed = try STRtree(envelopes: [Envelope(minX: 1, minY: 0, maxX: 0, maxY: 1), Envelope(x: 0.5, y: 0.5)],
                                context: context)
        #expect(try mixed.query(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)) == [1])
        #expect(throws: GEOSError.self) { try STRtree(envelopes: [], context: context, nodeCapacity: 1) }
    }
}
