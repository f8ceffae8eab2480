import Foundation
import PhusongTestSupport
import Testing
@testable import PhusongCoverage

/// Area coverage on the vn-national-2025 data beside the checkout: the Điện Biên subset
/// always (when present), the national scenario on request (`PHUSONG_AREA_NATIONAL=1`; it
/// prints its timings, for a release build: `swift test -c release --filter AreaCoverageScenario`).
@Suite("Area coverage: vn-national-2025 scenarios")
struct AreaCoverageScenarioTests {
    static let provincesFile = "vn-admin-2025/vn_provinces_34_simplified.geojson"

    /// Site → province by the nearest village, as `IndicatorTables` does without boundaries.
    static func nearestVillageProvinces(_ scenario: Scenario) -> [String: String] {
        let nearest = VillageIndex(villages: scenario.villages)
        var codes: [String: String] = [:]
        for site in SiteTable(cells: scenario.cells) {
            if let index = nearest.nearest(lon: site.lon, lat: site.lat), let code = scenario.villages[index].provinceCode {
                codes[site.id] = code
            }
        }
        return codes
    }

    /// User and system CPU time of this process so far, seconds.
    static func processorSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
    }

    static func load(_ folder: String) async throws -> Scenario {
        let path = SharedData.path(folder)
        return try await ScenarioLoader.load(
            InputPaths(villages: path + "/villages.csv", cells: path + "/cells.csv"), policy: .stop).scenario
    }

    @Test("Điện Biên subset: 4G area > 5G area > 0, shares ≤ 1, land ≈ the official 9,540 km²",
          .enabled(if: SharedData.has("vn-national-2025/subset-dienbien/cells.csv") && SharedData.has(provincesFile),
                   SharedData.skipReason))
    func dienBien() async throws {
        let scenario = try await Self.load("vn-national-2025/subset-dienbien")
        let unclipped = try await AreaCoverage.compute(
            cells: scenario.cells, siteProvinceCodes: Self.nearestVillageProvinces(scenario), villages: scenario.villages,
            boundaries: nil, threads: 2)
        #expect(unclipped.provinces.map(\.code) == ["11"])
        let own = unclipped.provinces[0].figures
        #expect(own.area4GKm2 > own.area5GKm2 && own.area5GKm2 > 0 && own.landKm2 == nil)
        #expect(own.areaAnyKm2 >= own.area4GKm2 * (1 - 1e-9) && own.areaAnyKm2 <= own.area4GKm2 + own.area5GKm2, "\(own)")
        // Every site of the subset is given province 11, so the national union is its union.
        #expect(unclipped.national == own)

        let boundaries = try AdminBoundariesLoader.load(paths: [SharedData.path(Self.provincesFile)])
        let clipped = try await AreaCoverage.compute(
            cells: scenario.cells, siteProvinceCodes: [:], villages: scenario.villages, boundaries: boundaries, threads: 2)
        #expect(clipped.provinces.count == 34)
        let dienBien = try #require(clipped.provinces.first { $0.code == "11" })
        let figures = dienBien.figures
        let land = try #require(figures.landKm2)
        #expect(abs(land - 9_539.9) / 9_539.9 < 0.02, "land \(land) km²")
        #expect(figures.area4GKm2 > figures.area5GKm2 && figures.area5GKm2 > 0)
        for share in [figures.areaShare4G, figures.areaShare5G, figures.areaShareAny] {
            let value = try #require(share)
            #expect(value > 0 && value <= 1)
        }
        // Clipping removes the coverage beyond the border (Laos, China, neighbours' land).
        #expect(figures.area4GKm2 < own.area4GKm2)
        for row in clipped.provinces {
            #expect(row.figures.areaAnyKm2 <= (row.figures.landKm2 ?? 0) * (1 + 1e-9), "province \(row.code)")
        }
        let again = try await AreaCoverage.compute(
            cells: scenario.cells, siteProvinceCodes: [:], villages: scenario.villages, boundaries: boundaries, threads: 1)
        #expect(again == clipped)
    }

    @Test("Điện Biên subset: the scan is within its certain bounds of GEOS's union, unclipped and clipped",
          .enabled(if: SharedData.has("vn-national-2025/subset-dienbien/cells.csv") && SharedData.has(provincesFile),
                   SharedData.skipReason))
    func dienBienAgainstGEOS() async throws {
        let scenario = try await Self.load("vn-national-2025/subset-dienbien")
        let boundaries = try AdminBoundariesLoader.load(paths: [SharedData.path(Self.provincesFile)])
        let footprints = try await FootprintCollection.trace(
            cells: scenario.cells, siteProvinceCodes: [:], villages: scenario.villages, parameters: RadioModelParameters(),
            settings: AreaCoverageSettings(), threads: 2)
        let province = try #require(boundaries.provinces.firstIndex { $0.code == "11" })
        for given in [nil, boundaries] as [AdminBoundaries?] {
            let scan = try await AreaCoverage.compute(
                cells: scenario.cells, siteProvinceCodes: [:], villages: scenario.villages, boundaries: given, threads: 2)
            let (lower, upper) = try await AreaCoverage.bounds(
                cells: scenario.cells, siteProvinceCodes: [:], villages: scenario.villages, boundaries: given, threads: 2)
            let pick = { (result: AreaCoverage) -> AreaFigures in given == nil ? result.national : result.provinces[province].figures }
            let clip = given.map { $0.provinces[province].wkb }
            for technology in [Technology.lte, .nr] {
                let geosKm2 = try AreaCoverageScanTests.geosUnionM2(
                    footprints.filter { $0.technology == technology }, clipWKB: clip) / 1e6
                let area = { (figures: AreaFigures) in technology == .lte ? figures.area4GKm2 : figures.area5GKm2 }
                let estimate = area(pick(scan)), low = area(pick(lower)), high = area(pick(upper))
                print(String(format: "Điện Biên %@ %@: scan %.4f km², GEOS %.4f km² (%+.2e), certain bounds [%.4f, %.4f] (±%.2e)",
                             given == nil ? "unclipped" : "clipped to 11", technology == .lte ? "4G" : "5G",
                             estimate, geosKm2, (estimate - geosKm2) / geosKm2, low, high, (high - low) / geosKm2))
                #expect(low <= geosKm2 * (1 + 1e-12) && geosKm2 <= high * (1 + 1e-12))
                #expect(low <= estimate && estimate <= high)
                // Measured: 4G within 5e-6, 5G (footprints of a few hundred metres, a few
                // rows each) 2.2e-3.
                #expect(abs(estimate - geosKm2) / geosKm2 < (technology == .lte ? 2e-5 : 5e-3))
            }
        }
    }

    @Test("national scenario: timings and figures (set PHUSONG_AREA_NATIONAL=1)",
          .enabled(if: ProcessInfo.processInfo.environment["PHUSONG_AREA_NATIONAL"] == "1"
                   && SharedData.has("vn-national-2025/cells.csv") && SharedData.has(provincesFile),
                   "skipped: set PHUSONG_AREA_NATIONAL=1 (with ../shared/geodata beside the checkout)"))
    func national() async throws {
        let scenario = try await Self.load("vn-national-2025")
        let boundaries = try AdminBoundariesLoader.load(paths: [SharedData.path(Self.provincesFile)])
        let siteProvinces = Self.nearestVillageProvinces(scenario)
        var results: [AreaCoverage] = []
        for (threads, given) in [(1, boundaries), (2, boundaries), (1, nil), (2, nil)] as [(Int, AdminBoundaries?)] {
            let clock = ContinuousClock()
            let start = clock.now
            let cpuStart = Self.processorSeconds()
            let result = try await AreaCoverage.compute(
                cells: scenario.cells, siteProvinceCodes: siteProvinces, villages: scenario.villages, boundaries: given,
                threads: threads)
            let elapsed = clock.now - start
            let cpu = Self.processorSeconds() - cpuStart
            let n = result.national
            print(String(format: "area coverage, %@, %d thread(s): %.1f s (CPU %.1f s); 4G %.0f km², 5G %.0f km², any %.0f km²",
                         given == nil ? "no boundaries" : "clipped to provinces", threads,
                         Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18, cpu,
                         n.area4GKm2, n.area5GKm2, n.areaAnyKm2)
                  + (n.landKm2.map { String(format: "; land %.0f km², 4G %.2f %%, 5G %.2f %%, any %.2f %%", $0,
                                            100 * (n.areaShare4G ?? 0), 100 * (n.areaShare5G ?? 0),
                                            100 * (n.areaShareAny ?? 0)) } ?? ""))
            results.append(result)
        }
        #expect(results[0] == results[1] && results[2] == results[3])
        let clipped = results[0].national
        #expect(clipped.area4GKm2 > clipped.area5GKm2 && clipped.area5GKm2 > 0 && (clipped.areaShare4G ?? 2) <= 1)
        #expect(abs((clipped.landKm2 ?? 0) - 331_325.6) / 331_325.6 < 0.02)
    }
}
