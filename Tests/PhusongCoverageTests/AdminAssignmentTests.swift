import Foundation
import GEOSKit
import PhusongTestSupport
import Testing
@testable import PhusongCoverage

@Suite("Administrative assignment")
struct AdminAssignmentTests {
    /// Two unit squares side by side, as communes of two provinces, plus an overlapping sliver.
    private func squares() throws -> String {
        try temporaryFile("""
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"code":"00002","name":"Bình Minh","province_code":"02"},
          "geometry":{"type":"Polygon","coordinates":[[[105.0,21.0],[105.1,21.0],[105.1,21.1],[105.0,21.1],[105.0,21.0]]]}},
         {"type":"Feature","properties":{"code":"00001","name":"An Khánh","province_code":"01"},
          "geometry":{"type":"MultiPolygon","coordinates":[[[[104.9,21.0],[105.0,21.0],[105.0,21.1],[104.9,21.1],[104.9,21.0]]],
                                                         [[[105.05,21.05],[105.06,21.05],[105.06,21.06],[105.05,21.06],[105.05,21.05]]]]}}
        ]}
        """, name: "communes.geojson")
    }

    @Test("inside, on the boundary, overlap (smallest code), nearest within 5 km, and none")
    func outcomes() async throws {
        let boundaries = try AdminBoundariesLoader.load(paths: [try squares()])
        #expect(boundaries.communes.map(\.code) == ["00001", "00002"])
        #expect(boundaries.communes.map(\.name) == ["An Khánh", "Bình Minh"])
        let points: [(Double, Double)] = [
            (105.02, 21.02),   // inside 00002
            (104.95, 21.05),   // inside 00001
            (105.0, 21.05),    // on the shared edge: both cover it, 00001 is the smaller code
            (105.055, 21.055), // in the overlap: 00001
            (105.13, 21.05),   // 0.03° east of 00002 ≈ 3.1 km: nearest
            (105.2, 21.05),    // ≈ 10 km away: none
        ]
        for threads in [1, 2, 3] {
            let matches = try await AdminAssigner.assign(lons: points.map(\.0), lats: points.map(\.1),
                                                         units: boundaries.assignmentUnits, threads: threads)
            #expect(matches.map(\.unitIndex) == [1, 0, 0, 0, 1, nil])
            #expect(matches.map(\.method) == [.inside, .inside, .inside, .inside, .nearest, .none])
            let expected = Geodesy.distanceM(lon1: 105.13, lat1: 21.05, lon2: 105.1, lat2: 21.05)
            #expect(abs(matches[4].distanceM - expected) < 1)
        }
    }

    @Test("codes are filled when empty; disagreeing codes are kept and warned about")
    func fillAndWarn() async throws {
        let villages = try temporaryFile("""
        village_id,province_code,commune_code,lon,lat,population,grid_power
        a,,,105.02,21.02,100,true
        b,01,00001,105.02,21.03,100,true
        c,,,105.2,21.05,100,true

        """, name: "villages.csv")
        let cells = try temporaryFile("cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m\nx-1,x,VT,4G,900,104.95,21.05,30\n", name: "cells.csv")
        let inputs = try await ScenarioLoader.load(InputPaths(villages: villages, cells: cells, admin: [try squares()]), policy: .stop)
        let rows = inputs.scenario.villages
        #expect(rows[0].provinceCode == "02" && rows[0].communeCode == "00002")
        #expect(rows[1].provinceCode == "01" && rows[1].communeCode == "00001")
        #expect(rows[2].provinceCode == nil && rows[2].communeCode == nil)
        #expect(inputs.sites.first?.communeCode == "00001" && inputs.sites.first?.provinceCode == "01")
        let report = try #require(inputs.assignment)
        #expect(report.villagesFilled == 1 && report.villagesDisagreeing == 1 && report.villagesUnmatched == 1)
        let messages = report.warnings.map(\.description)
        #expect(messages.contains("\(villages):3: commune_code: 00001: warning: village b lies in commune 00002 (Bình Minh)"))
        #expect(messages.contains("\(villages):3: province_code: 01: warning: village b lies in province 02"))
        #expect(messages.contains { $0.hasPrefix("\(villages):4: lon/lat:") && $0.contains("lies in no boundary polygon") })
    }

    @Test("adding cells extends the site table: known sites keep their codes, new sites get those of their polygon")
    func addingCells() async throws {
        let villages = try temporaryFile("village_id,lon,lat,population,grid_power\na,105.02,21.02,100,true\n", name: "villages.csv")
        let cells = try temporaryFile("cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m\nx-1,x,VT,4G,900,104.95,21.05,30\n", name: "cells.csv")
        let inputs = try await ScenarioLoader.load(InputPaths(villages: villages, cells: cells, admin: [try squares()]), policy: .stop)
        let added = [
            Cell(id: "x-U1", siteID: "x", operatorName: "VT", technology: .nr, bandMHz: 3500, lon: 104.9501, lat: 21.05, heightM: 30),
            Cell(id: "n-1", siteID: "n", operatorName: "planned", technology: .lte, bandMHz: 900, lon: 105.02, lat: 21.02, heightM: 30),
            Cell(id: "far-1", siteID: "far", operatorName: "planned", technology: .lte, bandMHz: 900, lon: 105.2, lat: 21.05, heightM: 30),
        ]
        for threads in [1, 2] {
            let after = try await inputs.adding(cells: added, threads: threads)
            #expect(after.scenario.cells == inputs.scenario.cells + added)
            #expect(after.sites.map(\.id) == ["x", "n", "far"] && after.sites.cellSite == [0, 0, 1, 2])
            #expect(after.sites.map(\.communeCode) == ["00001", "00002", nil])
            #expect(after.sites.map(\.provinceCode) == ["01", "02", nil])
            #expect(after.sites[0].has5G && after.sites[0].lon == 104.95)
            // The same table as loading all the cells from files would give.
            let planned = try temporaryFile(ScenarioCSV.cellsCSV(added), name: "planned_cells.csv")
            let reloaded = try await ScenarioLoader.load(
                InputPaths(villages: villages, cells: [cells, planned], admin: [try squares()]), policy: .stop)
            #expect(after.sites == reloaded.sites)
        }
    }

    @Test("invalid boundaries are repaired with a warning; a numeric code is an error")
    func dirtyBoundaries() throws {
        let bowTie = try temporaryFile("""
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"01","name":"X"},
         "geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}}]}
        """, name: "bow.geojson")
        let boundaries = try AdminBoundariesLoader.load(paths: [bowTie])
        #expect(boundaries.provinces.count == 1)
        if case .boundary(.repaired(let reason)) = boundaries.warnings.first?.reason {
            #expect(reason.contains("Self-intersection"))
        } else {
            Issue.record("expected a repaired-boundary warning, got \(boundaries.warnings)")
        }
        #expect(boundaries.warnings.first?.severity == .warning)
        let numeric = try temporaryFile("""
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":4},
         "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}
        """, name: "num.geojson")
        #expect(throws: LoadError.self) { try AdminBoundariesLoader.load(paths: [numeric]) }
    }

    @Test("real 2025 wards: Ba Đình, and every ward centroid inside its own polygon gets its own code",
          .enabled(if: SharedData.has("vn-admin-2025/vn_wards_3321_simplified.geojson"), SharedData.skipReason))
    func realWards() async throws {
        let boundaries = try AdminBoundariesLoader.load(paths: [SharedData.path("vn-admin-2025/vn_wards_3321_simplified.geojson")])
        #expect(boundaries.communes.count == 3321)
        let units = boundaries.assignmentUnits
        let baDinh = try await AdminAssigner.assign(lons: [105.8364], lats: [21.0394], units: units, threads: 1)
        #expect(baDinh.first.flatMap { $0.unitIndex.map { units[$0].code } } == "00004")
        #expect(baDinh.first.flatMap { $0.unitIndex.map { units[$0].provinceCode } } == "01")

        let csv = try VillagesLoaderFreeCSV.rows(SharedData.path("vn-admin-2025/vn_wards_3321_points.csv"))
        let codes = csv.map { $0["code"] ?? "" }
        let lons = csv.map { Double($0["centroid_lon"] ?? "") ?? .nan }
        let lats = csv.map { Double($0["centroid_lat"] ?? "") ?? .nan }
        #expect(codes.count == 3321)
        let matches = try await AdminAssigner.assign(lons: lons, lats: lats, units: units, threads: 2)
        // Which centroids lie inside their own (simplified) polygon, decided independently
        // with plain GEOS predicates on each ward.
        let context = try GEOSContext()
        let indexByCode = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($0.element.code, $0.offset) })
        var inside = 0
        var wrong: [String] = []
        for (row, code) in codes.enumerated() {
            let unit = try #require(indexByCode[code])
            let polygon = try context.geometry(fromWKB: units[unit].wkb)
            guard try polygon.covers(try context.point(x: lons[row], y: lats[row])) else { continue }
            inside += 1
            if matches[row].unitIndex.map({ units[$0].code }) != code { wrong.append(code) }
        }
        #expect(inside > 3000, "most centroids lie inside their ward")
        #expect(wrong.isEmpty, "centroids assigned another ward: \(wrong)")
        // Threads do not change the outcome.
        let serial = try await AdminAssigner.assign(lons: lons, lats: lats, units: units, threads: 1)
        #expect(serial == matches)
    }
}

/// Reads a simple CSV (no quoted line breaks) into dictionaries by header, for test data.
enum VillagesLoaderFreeCSV {
    static func rows(_ path: String) throws -> [[String: String]] {
        let reader = try CSVReader(path: path)
        guard let header = try reader.next() else { return [] }
        let names = (0..<header.count).map { header.text($0) ?? "" }
        var rows: [[String: String]] = []
        while let record = try reader.next() {
            var row: [String: String] = [:]
            for index in 0..<min(record.count, names.count) { row[names[index]] = record.text(index) ?? "" }
            rows.append(row)
        }
        return rows
    }
}
