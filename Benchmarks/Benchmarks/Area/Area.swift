import Benchmark
import PhusongBenchmarkSupport
import PhusongCoverage

/// Area coverage (`AreaCoverage.compute`, the slowest step of `phusong report`): footprint
/// tracing (72 bearings per site, technology and location), unions per province and
/// technology with GEOS in parallel strips, spherical areas. Unclipped as in a plain `report`,
/// and clipped to the 2025 province boundaries as with `report --admin`. The coverage run that
/// gives each site its province is made in setup.
let benchmarks: @Sendable () -> Void = {
    let configuration = PhusongConfiguration()

    struct Inputs {
        var cells: [Cell]
        var villages: [Village]
        var siteProvinceCodes: [String: String]
        var boundaries: AdminBoundaries?
    }

    /// The inputs of `AreaCoverage.compute` exactly as `CoverageRun.compute` builds them.
    func inputs(_ set: DataSet, admin: [String]) async throws -> Inputs {
        let loaded = try await BenchmarkData.load(set, admin: admin)
        let run = try await CoverageRun.compute(inputs: loaded, configuration: configuration, threads: 2, includeArea: false)
        var siteProvinces: [String: String] = [:]
        for (site, codes) in zip(run.engine.sites, run.tables.siteAreas) {
            if let province = codes.provinceCode { siteProvinces[site.id] = province }
        }
        return Inputs(cells: loaded.scenario.cells, villages: loaded.scenario.villages,
                      siteProvinceCodes: siteProvinces, boundaries: loaded.boundaries)
    }

    func register(_ name: String, _ set: DataSet, admin: [String] = [], threads: Int, configuration benchmarkConfiguration: Benchmark.Configuration) {
        Benchmark("\(name), \(set.label), \(BenchmarkSettings.threads(threads))", configuration: benchmarkConfiguration) { benchmark, inputs in
            do {
                blackHole(try await WorkerThreads.run {
                    try await AreaCoverage.compute(
                        cells: inputs.cells, siteProvinceCodes: inputs.siteProvinceCodes, villages: inputs.villages,
                        boundaries: inputs.boundaries, parameters: configuration.radio, settings: configuration.area,
                        threads: threads)
                })
            } catch {
                benchmark.error("area coverage failed: \(error)")
            }
        } setup: {
            try await inputs(set, admin: admin)
        }
    }

    for threads in BenchmarkSettings.threadCounts {
        register("Area coverage unclipped", BenchmarkData.defaultData, threads: threads,
                 configuration: BenchmarkSettings.quick(maxIterations: 20, maxSeconds: 3))
    }
    if let dienBien = BenchmarkData.dienBien(suite: "Area"), let provinces = BenchmarkData.provinces(suite: "Area") {
        for threads in BenchmarkSettings.threadCounts {
            register("Area coverage clipped to provinces", dienBien, admin: [provinces], threads: threads,
                     configuration: BenchmarkSettings.quick(maxIterations: 20, maxSeconds: 3))
        }
    }
    // Tens of seconds per run: one run each.
    if let national = BenchmarkData.national(suite: "Area") {
        for threads in BenchmarkSettings.threadCounts {
            register("Area coverage unclipped", national, threads: threads,
                     configuration: BenchmarkSettings.heavy(maxIterations: 1, maxSeconds: 60))
        }
    }
}
