import Foundation
import PhusongTestSupport
import Testing
@testable import PhusongCoverage

@Suite("CellTree: the coverage searches' k-d tree")
struct CellTreeTests {
    /// Random points over Vietnam's box plus points at the poles, on the antimeridian and
    /// stacked on one position (the sectors of a site).
    static func points(seed: UInt64, count: Int) -> (lons: [Double], lats: [Double]) {
        var random = TestRandom(seed: seed)
        var lons = (0..<count).map { _ in random.uniform(102...110) }
        var lats = (0..<count).map { _ in random.uniform(8...24) }
        lons += [-180, 180, 179.9995, -179.9995, 0, 105.8, 105.8, 105.8]
        lats += [90, -90, 0, 0, 0, 21, 21, 21]
        return (lons, lats)
    }

    @Test("every point is in exactly one leaf, inside every box on its way down")
    func structure() {
        let (lons, lats) = Self.points(seed: 1, count: 5_000)
        let vectors = UnitVectors(lons: lons, lats: lats)
        let tree = CellTree(vectors: vectors, ids: (0..<Int32(lons.count)).map { $0 })
        #expect(tree.entries.sorted() == (0..<Int32(lons.count)).map { $0 })
        for node in tree.nodes {
            for position in Int(node.start)..<Int(node.end) {
                let point = vectors.vector(Int(tree.entries[position]))
                #expect(all(point .>= node.lower) && all(point .<= node.upper))
            }
            if node.firstChild >= 0 {
                let (first, second) = (tree.nodes[Int(node.firstChild)], tree.nodes[Int(node.firstChild) + 1])
                #expect(first.start == node.start && first.end == second.start && second.end == node.end)
            } else {
                #expect(node.end - node.start <= Int32(CellTree.leafSize))
            }
        }
        #expect(tree.nodes.count <= tree.entries.count / 4)
    }

    @Test("a search pruned at a radius finds every point within it (brute force), from 50 query points")
    func radiusSearchIsExact() {
        let (lons, lats) = Self.points(seed: 2, count: 3_000)
        let vectors = UnitVectors(lons: lons, lats: lats)
        let locations = zip(lons, lats).map { PreparedLocation(lon: $0, lat: $1) }
        let tree = CellTree(vectors: vectors, ids: (0..<Int32(lons.count)).map { $0 })
        var random = TestRandom(seed: 3)
        for query in 0..<50 {
            let (lon, lat) = query < 2 ? (179.9999, 0.0) : (random.uniform(101...111), random.uniform(7...25))
            let here = PreparedLocation(lon: lon, lat: lat)
            let radiusM = query % 2 == 0 ? 20_000.0 : 80_000.0
            var found: [Int] = []
            tree.search(UnitVectors.vector(lon: lon, lat: lat)) { lowerBound, _ in lowerBound <= radiusM } visit: { position in
                let index = Int(tree.entries[position])
                if locations[index].distanceM(to: here) <= radiusM { found.append(index) }
            }
            let expected = locations.indices.filter { locations[$0].distanceM(to: here) <= radiusM }
            #expect(found.sorted() == expected, "query \(query) at \(lon), \(lat)")
        }
    }

    @Test("an empty tree visits nothing")
    func empty() {
        let tree = CellTree(vectors: UnitVectors(lons: [], lats: []), ids: [])
        var visits = 0
        tree.search(UnitVectors.vector(lon: 105, lat: 21)) { _, _ in true } visit: { _ in visits += 1 }
        #expect(visits == 0 && tree.nodes.isEmpty)
    }
}

@Suite("SectorGainBound: the search's bound on A_H")
struct SectorGainBoundTests {
    @Test("never below the spec's A_H, for 20,000 random links at 10 m to 40 km; 0 dB at the mast")
    func boundsTheGain() {
        var random = TestRandom(seed: 21)
        for _ in 0..<20_000 {
            let (lon, lat) = (random.uniform(102...110), random.uniform(8...24))
            let antenna = SectorAntenna(azimuthDeg: random.uniform(0...360), beamwidthDeg: random.uniform(30...120))
            let bound = SectorGainBound(lon: lon, lat: lat, antenna: antenna)
            let distanceDeg = pow(10, random.uniform(-4...(-0.44)))
            let (vLon, vLat) = (lon + distanceDeg * random.uniform(-1...1), lat + distanceDeg * random.uniform(-1...1))
            let cell = PreparedLocation(lon: lon, lat: lat)
            let village = PreparedLocation(lon: vLon, lat: vLat)
            let gain = antenna.gainDB(towardBearingDeg: cell.bearingDeg(to: village))
            let offset = UnitVectors.vector(lon: vLon, lat: vLat) - UnitVectors.vector(lon: lon, lat: lat)
            let bounded = bound.gainBoundDB(towardOffset: offset)
            #expect(bounded >= gain, "cell \(lon), \(lat), village \(vLon), \(vLat)")
            // Not a vacuous bound: the chord 2 sin(φ/2) is at least 2/π of φ, so the bound keeps
            // at least (2/π)² = 40 % of the attenuation (less 0.3 dB for the margins and Floats).
            #expect(bounded <= gain * 0.4 + 0.3)
        }
        let atMast = SectorGainBound(lon: 105, lat: 21, antenna: SectorAntenna(azimuthDeg: 90, beamwidthDeg: 65))
        #expect(atMast.gainBoundDB(towardOffset: .zero) == 0)
        let omni = SectorGainBound(lon: 105, lat: 21, antenna: SectorAntenna(azimuthDeg: nil, beamwidthDeg: 65))
        #expect(omni.gainBoundDB(towardOffset: SIMD3(0, 1e-4, 0)) == 0)
    }

    @Test("a search cell's data takes 36 bytes")
    func compact() {
        #expect(MemoryLayout<CellReach>.stride == 36)
    }
}
