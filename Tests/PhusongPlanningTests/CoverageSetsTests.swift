import PhusongCoverage
import Testing
@testable import PhusongPlanning
@testable import PhusongSupport

@Suite("Coverage sets")
struct CoverageSetsTests {
    private func bruteForce(_ demand: [MCLPInstance.Point], _ candidates: [MCLPInstance.Point], radius: Double, metric: DistanceMetric) -> [[Int32]] {
        candidates.map { site in
            demand.indices.filter { index in
                let point = demand[index]
                switch metric {
                case .euclidean:
                    let dx = site.x - point.x
                    let dy = site.y - point.y
                    return dx * dx + dy * dy <= radius * radius
                case .haversine:
                    return Geodesy.distanceM(lon1: site.x, lat1: site.y, lon2: point.x, lat2: point.y) <= radius
                }
            }.map { Int32($0) }
        }
    }

    private func instance(_ demand: [MCLPInstance.Point], _ candidates: [MCLPInstance.Point], _ metric: DistanceMetric) -> MCLPInstance {
        MCLPInstance(
            demandIDs: demand.indices.map(String.init), weights: demand.map { _ in 1 },
            candidateIDs: candidates.indices.map(String.init), distances: .coordinates(demand: demand, candidates: candidates, metric: metric))
    }

    @Test("euclidean rows give what all pairs give, points at exactly S included", arguments: [0.0, 3, 5, 40, 250])
    func euclidean(radius: Double) async throws {
        var random = SplitMix64(seed: 11)
        let demand = (0..<1500).map { _ in MCLPInstance.Point(x: Double(random.below(1000)), y: Double(random.below(700))) }
        let candidates = (0..<300).map { _ in MCLPInstance.Point(x: Double(random.below(1000)), y: Double(random.below(700))) }
            + [MCLPInstance.Point(x: 0, y: 0), MCLPInstance.Point(x: 3, y: 4)]
        let expected = bruteForce(demand, candidates, radius: radius, metric: .euclidean)
        for threads in [1, 2] {
            let sets = try await CoverageSets.build(instance(demand, candidates, .euclidean), radius: radius, threads: threads)
            #expect(sets == expected)
        }
    }

    @Test("haversine rows give what all pairs give, across the antimeridian and near the poles", arguments: [100.0, 5_000, 60_000])
    func haversine(radius: Double) async throws {
        var random = SplitMix64(seed: 5)
        func point(lon: ClosedRange<Double>, lat: ClosedRange<Double>) -> MCLPInstance.Point {
            let u = Double(random.below(1_000_000)) / 1_000_000
            let v = Double(random.below(1_000_000)) / 1_000_000
            return MCLPInstance.Point(x: lon.lowerBound + u * (lon.upperBound - lon.lowerBound), y: lat.lowerBound + v * (lat.upperBound - lat.lowerBound))
        }
        let areas: [(ClosedRange<Double>, ClosedRange<Double>)] = [(102...104, 20...22), (179.5...180, -1...1), (-180 ... -179.5, -1...1), (-180...180, 89.3...90)]
        var demand: [MCLPInstance.Point] = []
        var candidates: [MCLPInstance.Point] = []
        for (lon, lat) in areas {
            demand += (0..<400).map { _ in point(lon: lon, lat: lat) }
            candidates += (0..<80).map { _ in point(lon: lon, lat: lat) }
        }
        let sets = try await CoverageSets.build(instance(demand, candidates, .haversine), radius: radius, threads: 2)
        #expect(sets == bruteForce(demand, candidates, radius: radius, metric: .haversine))
    }

    @Test("a cost matrix covers the pairs within S; unlisted pairs are out of reach")
    func matrix() async throws {
        let instance = MCLPInstance(
            demandIDs: ["a", "b", "c"], weights: [1, 1, 1], candidateIDs: ["A", "B"],
            distances: .matrix([
                .init(demand: 2, candidate: 0, metres: 100), .init(demand: 0, candidate: 0, metres: 100.5),
                .init(demand: 1, candidate: 1, metres: 99),
            ]))
        #expect(try await CoverageSets.build(instance, radius: 100, threads: 1) == [[2], [1]])
    }
}
