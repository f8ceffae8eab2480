import Benchmark
import PhusongBenchmarkSupport
import PhusongCoverage

/// Administrative assignment against the real 2025 wards (3,321 communes and wards,
/// `vn-admin-2025/vn_wards_3321_simplified.geojson`), as `phusong report --admin` does:
/// reading the boundary GeoJSON, then `AdminCodeAssignment.apply` (point in polygon with an
/// STRtree and prepared geometries per task, nearest ward within 5 km, code checks) for every
/// village and every site. Needs ../shared; without it the suite is skipped.
let benchmarks: @Sendable () -> Void = {
    guard let wards = BenchmarkData.wards(suite: "Admin") else { return }

    Benchmark("Load 2025 ward boundaries, 3321 wards",
              configuration: BenchmarkSettings.heavy(maxIterations: 4, maxSeconds: 8)) { benchmark in
        do {
            blackHole(try AdminBoundariesLoader.load(paths: [wards]))
        } catch {
            benchmark.error("reading \(wards) failed: \(error)")
        }
    }

    struct Inputs {
        var loaded: LoadedInputs
        var boundaries: AdminBoundaries
    }

    let sets = [BenchmarkData.dienBien(suite: "Admin"), BenchmarkData.national(suite: "Admin")].compactMap { $0 }
    for set in sets {
        let national = set.label != "Dien Bien"
        for threads in BenchmarkSettings.threadCounts {
            let configuration = national
                ? BenchmarkSettings.heavy(maxIterations: 3, maxSeconds: 10)
                : BenchmarkSettings.quick(maxIterations: 20, maxSeconds: 2)
            Benchmark("Assign villages+sites to wards, \(set.label), \(BenchmarkSettings.threads(threads))",
                      configuration: configuration) { benchmark, inputs in
                // A fresh copy of the villages and sites for each run (assignment fills their
                // codes), made before the measured region.
                var villages = inputs.loaded.villages
                var sites = inputs.loaded.sites
                villages.rows.reserveCapacity(villages.rows.count)
                sites.reserveCapacity(sites.count)
                benchmark.startMeasurement()
                do {
                    let report = try await WorkerThreads.run {
                        try await AdminCodeAssignment.apply(inputs.boundaries, villages: &villages, sites: &sites, threads: threads)
                    }
                    benchmark.stopMeasurement()
                    blackHole(report)
                    blackHole(villages)
                    blackHole(sites)
                } catch {
                    benchmark.error("assignment failed: \(error)")
                }
            } setup: {
                Inputs(loaded: try await BenchmarkData.load(set), boundaries: try AdminBoundariesLoader.load(paths: [wards]))
            }
        }
    }
}
