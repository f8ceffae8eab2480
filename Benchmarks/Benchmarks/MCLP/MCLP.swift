import Benchmark
import PhusongBenchmarkSupport
import PhusongCoverage
import PhusongOptimization
import PhusongPlanning

/// Maximal covering (`MaximalCovering.solve`, what `phusong mclp` runs): coverage sets, lazy
/// greedy, local search, Lagrangian bound, with the default solver options (seed 1, 400 local
/// search rounds). On published instances with proven optima (`mclp-instances`, see OPTIMA.csv),
/// and on an instance made from the embedded default data that is always there: its villages
/// (weighted by population) as demand, its sites as candidates, haversine distance.
let benchmarks: @Sendable () -> Void = {
    struct Case {
        var label: String
        var radius: Double
        var facilities: Int
        var load: @Sendable () async throws -> MCLPInstance
    }

    var cases: [Case] = []
    if let folder = BenchmarkData.mclpInstances(suite: "MCLP") {
        func sjc(_ name: String, radius: Double, facilities: Int) -> Case {
            Case(label: "\(name) S=\(Int(radius)) p=\(facilities)", radius: radius, facilities: facilities) {
                try MCLPLoader.load(.init(demand: "\(folder)/sjc/\(name)/demand.csv",
                                          candidates: "\(folder)/sjc/\(name)/candidates.csv"), metric: .euclidean)
            }
        }
        cases += [
            sjc("SJC708", radius: 1200, facilities: 5),
            sjc("SJC818", radius: 1200, facilities: 5),
            sjc("SJC818", radius: 250, facilities: 40),
            Case(label: "spopt-SF S=5000 p=4 cost matrix", radius: 5000, facilities: 4) {
                try MCLPLoader.load(.init(demand: "\(folder)/spopt-sf/demand.csv",
                                          candidates: "\(folder)/spopt-sf/candidates.csv",
                                          costMatrix: "\(folder)/spopt-sf/cost_matrix.csv"), metric: .euclidean)
            },
        ]
    }
    // 2 km and 150 sites: not solved by the greedy and the bound alone (at 5 km the greedy
    // solution is proven optimal at once), so the local search runs.
    let defaultRadius = 2_000.0
    let defaultFacilities = 150
    cases.append(Case(label: "default villages x sites S=2km p=\(defaultFacilities) haversine",
                      radius: defaultRadius, facilities: defaultFacilities) {
        try await defaultInstance()
    })

    for item in cases {
        for threads in BenchmarkSettings.threadCounts {
            Benchmark("MCLP \(item.label), \(BenchmarkSettings.threads(threads))",
                      configuration: BenchmarkSettings.quick(metrics: BenchmarkSettings.metrics, maxIterations: 10, maxSeconds: 2)) { benchmark, instance in
                do {
                    blackHole(try await WorkerThreads.run {
                        try await MaximalCovering.solve(
                            instance, radius: item.radius, facilities: item.facilities,
                            options: SolverOptions(threads: threads, seed: 1))
                    })
                } catch {
                    benchmark.error("MCLP failed: \(error)")
                }
            } setup: {
                try await item.load()
            }
        }
    }

    // The coverage sets alone (which candidates cover which demand points), on the largest instance.
    for threads in BenchmarkSettings.threadCounts {
        Benchmark("MCLP coverage sets, default villages x sites S=2km haversine, \(BenchmarkSettings.threads(threads))",
                  configuration: BenchmarkSettings.quick(metrics: BenchmarkSettings.metrics, maxIterations: 20, maxSeconds: 2)) { benchmark, instance in
            do {
                blackHole(try await WorkerThreads.run { try await MaximalCovering.problem(instance, radius: defaultRadius, threads: threads) })
            } catch {
                benchmark.error("coverage sets failed: \(error)")
            }
        } setup: {
            try await defaultInstance()
        }
    }
}

/// The default data as a maximal covering instance: villages (weight = population) as demand,
/// sites (place of their first cell) as candidates, lon/lat with haversine distances.
func defaultInstance() async throws -> MCLPInstance {
    let inputs = try await BenchmarkData.load(BenchmarkData.defaultData)
    let villages = inputs.scenario.villages
    let sites = inputs.sites
    return MCLPInstance(
        demandIDs: villages.map(\.id), weights: villages.map { Double($0.population) },
        candidateIDs: sites.map(\.id),
        distances: .coordinates(demand: villages.map { .init(x: $0.lon, y: $0.lat) },
                                candidates: sites.map { .init(x: $0.lon, y: $0.lat) }, metric: .haversine))
}
