import Foundation
import Testing

/// Issue 13, class 6 (first point), end to end: a village 111 m west of the antimeridian is
/// covered by a cell 111 m east of it, and its nearest site is that cell's.
@Suite("Class 6: antimeridian")
struct Class6AntimeridianCLITests {
    @Test("report: a cell across ±180° covers the village; nearest site 111 m; no dead zone")
    func coveredAcross() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let villages = folder.appendingPathComponent("villages.csv").path
        let cells = folder.appendingPathComponent("cells.csv").path
        try """
        village_id,name,province_code,commune_code,lon,lat,population,households,grid_power,area_type
        V1,Đảo,01,00001,179.9995,0.0,100,20,true,rural

        """.write(toFile: villages, atomically: true, encoding: .utf8)
        try """
        cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m,azimuth_deg,beamwidth_deg,rs_eirp_dbm,power_source
        C1,S1,Viettel,4G,900,-179.9995,0.0,30,,65,30,grid
        C2,S2,Viettel,4G,900,105.8,21.0,30,,65,30,grid

        """.write(toFile: cells, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let result = try CLI.run(["report", "--no-area", "--lang", "en", "--villages", villages, "--cells", cells, "--out", out])
        #expect(result.exitCode == 0)
        let rows = try String(contentsOfFile: out + "/villages.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        let village = rows[1]
        func field(_ name: String) -> String { header.firstIndex(of: name).map { village[$0] } ?? "" }
        #expect(field("best_4g_cell") == "C1")
        #expect(field("covered_4g") == "true" && field("dead_zone") == "false")
        #expect(field("nearest_site") == "S1")
        let distance = try #require(Double(field("nearest_site_m")))
        #expect(abs(distance - 111.195) < 0.01)
        #expect(result.stdout.contains("dead-zone villages (lõm sóng)         0"))
    }
}
