import GEOSKit
import Testing

/// One context per task; only values (WKB bytes, coordinates, counts) cross task boundaries.
@Suite("Concurrency")
struct ConcurrencyTests {
    struct Workload: Sendable {
        let polygonWKB: [[UInt8]]
        let pointsXY: [Double]
    }

    /// Overlapping random polygons (buffered points, some with holes) and random points.
    static func makeWorkload() throws -> Workload {
        let context = try GEOSContext()
        var rng = SplitMix64(seed: 2024)
        var wkb: [[UInt8]] = []
        for index in 0..<200 {
            let x = rng.uniform(0, 50), y = rng.uniform(0, 50)
            var polygon = try context.point(x: x, y: y).buffer(distance: rng.uniform(1, 5))
            if index % 3 == 0 {
                polygon = try polygon.difference(try context.point(x: x, y: y).buffer(distance: 0.5))
            }
            wkb.append(try polygon.wkb())
        }
        var xy: [Double] = []
        for _ in 0..<10_000 { xy += [rng.uniform(-2, 52), rng.uniform(-2, 52)] }
        return Workload(polygonWKB: wkb, pointsXY: xy)
    }

    /// For each polygon, how many points it covers (STRtree candidates, prepared covers).
    static func countHits(_ workload: Workload) throws -> [Int] {
        let context = try GEOSContext()
        let polygons = try workload.polygonWKB.map { bytes throws(GEOSError) in try context.geometry(fromWKB: bytes) }
        let tree = try STRtree(geometries: polygons, context: context)
        let prepared = try polygons.map { polygon throws(GEOSError) in try polygon.prepared() }
        var hits = [Int](repeating: 0, count: polygons.count)
        var candidates: [Int] = []
        for index in stride(from: 0, to: workload.pointsXY.count, by: 2) {
            let x = workload.pointsXY[index], y = workload.pointsXY[index + 1]
            try tree.query(Envelope(x: x, y: y), into: &candidates)
            for candidate in candidates where try prepared[candidate].coversPoint(x: x, y: y) {
                hits[candidate] += 1
            }
        }
        return hits
    }

    @Test func parallelTasksMatchSerialRun() async throws {
        let workload = try Self.makeWorkload()
        let serial = try Self.countHits(workload)

        // Cross-check the serial run against plain, unindexed predicates.
        let context = try GEOSContext()
        let polygons = try workload.polygonWKB.map { bytes throws(GEOSError) in try context.geometry(fromWKB: bytes) }
        var brute = [Int](repeating: 0, count: polygons.count)
        for index in stride(from: 0, to: workload.pointsXY.count, by: 2) {
            let point = try context.point(x: workload.pointsXY[index], y: workload.pointsXY[index + 1])
            for (p, polygon) in polygons.enumerated() where try polygon.covers(point) { brute[p] += 1 }
        }
        #expect(serial == brute)
        #expect(serial.reduce(0, +) > 1_000)

        let taskCount = 16
        let results = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<taskCount {
                group.addTask { try Self.countHits(workload) }
            }
            var collected: [[Int]] = []
            for try await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == taskCount)
        for result in results { #expect(result == serial) }
    }

    @Test func contextsCreatedConcurrently() async throws {
        let areas = try await withThrowingTaskGroup(of: Double.self) { group in
            for index in 0..<32 {
                group.addTask {
                    let context = try GEOSContext()
                    let square = try context.rectangle(Envelope(minX: 0, minY: 0, maxX: Double(index + 1), maxY: 1))
                    return try square.area
                }
            }
            var total = 0.0
            for try await area in group { total += area }
            return total
        }
        #expect(areas == Double((1...32).reduce(0, +)))
    }
}
