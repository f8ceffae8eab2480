import Benchmark
import Foundation
import PhusongBenchmarkSupport
import PhusongCoverage

/// Issue 16's loading target: the national villages from a GeoPackage take at most 1.5× the
/// time of the same villages from CSV. Both benchmarks load villages only, with every check
/// (`VillagesLoader`, 2 threads); the GeoPackage is made once per run from the national
/// villages.csv with ogr2ogr (a point layer in EPSG:4326, as `FormatRoundTripTests` makes it),
/// into a temporary folder. Skipped, with a message, without ogr2ogr or the national data.
enum GeoPackageLoading {
    /// The national villages as a GeoPackage, made on first use; nil when it cannot be made.
    static let nationalVillagesGeoPackage: String? = {
        guard let national = BenchmarkData.national(suite: "Loading") else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phusong-bench-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("villages.gpkg").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ogr2ogr", "-q", "-f", "GPKG", path, national.villages, "-oo", "X_POSSIBLE_NAMES=lon",
                             "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "KEEP_GEOM_COLUMNS=NO", "-a_srs", "EPSG:4326", "-nln", "villages"]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try process.run()
            process.waitUntilExit()
        } catch {
            print("Loading: skipped the GeoPackage benchmark: \(error)")
            return nil
        }
        guard process.terminationStatus == 0 else {
            print("Loading: skipped the GeoPackage benchmark: ogr2ogr (gdal-bin) failed or is not installed")
            return nil
        }
        return path
    }()

    /// Registers the two benchmarks.
    static func register() {
        guard let national = BenchmarkData.national(suite: "Loading"), let geoPackage = nationalVillagesGeoPackage else { return }
        let configuration = BenchmarkSettings.heavy(maxIterations: 5, maxSeconds: 15)
        for (format, path) in [("CSV", national.villages), ("GeoPackage", geoPackage)] {
            Benchmark("Load villages, national 2025, \(format)", configuration: configuration) { benchmark in
                do {
                    blackHole(try await VillagesLoader.load(path: path, threads: 2))
                } catch {
                    benchmark.error("loading \(path) failed: \(error)")
                }
            }
        }
    }
}
