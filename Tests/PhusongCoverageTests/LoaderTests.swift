import Foundation
import Testing
@testable import PhusongCoverage

@Suite("villages.csv and cells.csv loaders")
struct LoaderTests {
    @Test("the contract's columns load into the model, defaults applied")
    func loadsVillages() async throws {
        let path = try temporaryFile("""
        village_id,name,province_code,commune_code,lon,lat,population,households,grid_power,area_type
        03127-001,Bản Mường Lói,11,03127,103.012345,21.283451,412,105,TRUE,Rural
        03127-002,,,,103.054321,21.301234,236,,n,

        """)
        let table = try await VillagesLoader.load(path: path)
        #expect(table.rejected.isEmpty)
        #expect(table.rows.count == 2)
        let first = table.rows[0]
        #expect(first == Village(id: "03127-001", name: "Bản Mường Lói", provinceCode: "11", communeCode: "03127",
                                 lon: 103.012345, lat: 21.283451, population: 412, households: 105,
                                 gridPower: true, areaType: .rural))
        let second = table.rows[1]
        #expect(second.provinceCode == nil && second.communeCode == nil && second.households == nil)
        #expect(second.gridPower == false && second.areaType == .rural && second.name == "")
        #expect(table.lines == [2, 3])
    }

    @Test("coordinate column aliases", arguments: [("lon", "lat"), ("lng", "latitude"), ("longitude", "y"), ("x", "y"), ("Long", "LAT")])
    func aliases(lon: String, lat: String) async throws {
        let path = try temporaryFile("village_id,\(lon),\(lat),population,grid_power\nv1,105.5,21.25,10,1\n")
        let table = try await VillagesLoader.load(path: path)
        #expect(table.rows.first?.lon == 105.5)
        #expect(table.rows.first?.lat == 21.25)
    }

    @Test("cells: defaults for beamwidth and reference-signal EIRP by technology; omnidirectional cells")
    func loadsCells() async throws {
        let path = try temporaryFile("""
        cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m,azimuth_deg,beamwidth_deg,rs_eirp_dbm,power_source
        a-1,a,Viettel,4G,900,105.1,21.1,30,,,,
        a-4,a,Viettel,nr,3500,105.1,21.1,30,120,33,,solar
        b-1,b,VNPT,lte,1800,105.2,21.2,25.5,10,65,31.2,grid

        """)
        let table = try await CellsLoader.load(path: path)
        #expect(table.rejected.isEmpty)
        #expect(table.rows.map(\.rsEIRPdBm) == [30.0, 36.0, 31.2])
        #expect(table.rows.map(\.beamwidthDeg) == [65, 33, 65])
        #expect(table.rows[0].azimuthDeg == nil)
        #expect(table.rows.map(\.technology) == [.lte, .nr, .lte])
        #expect(table.rows.map(\.powerSource) == [nil, .solar, .grid])
        let sites = SiteTable(cells: table.rows)
        #expect(sites.map(\.id) == ["a", "b"])
        #expect(sites[0].has4G && sites[0].has5G && !sites[1].has5G)
    }

    @Test("a row can have several problems; all are reported on its line")
    func severalProblemsInOneRow() async throws {
        let path = try temporaryFile("village_id,lon,lat,population,grid_power\nv1,abc,95,-1,perhaps\n")
        let table = try await VillagesLoader.load(path: path)
        #expect(table.rows.isEmpty)
        let messages = table.errors.map(\.description)
        #expect(messages == [
            "\(path):2: lon: abc: not a number",
            "\(path):2: population: -1: must not be negative",
            "\(path):2: grid_power: perhaps: not a yes/no value (use true/false, 1/0, yes/no or y/n)",
        ])
    }

    @Test("a point outside the study area (not swapped) is a warning, not an error")
    func outsideStudyArea() async throws {
        let path = try temporaryFile("village_id,lon,lat,population,grid_power\nparis,2.35,48.85,2100000,true\n")
        let table = try await VillagesLoader.load(path: path)
        #expect(table.rows.count == 1)
        #expect(table.warnings.count == 1)
        #expect(table.warnings.first?.severity == .warning)
    }

    @Test("rejects file: same columns plus reason; cells beside villages when both have rejects")
    func rejectsFiles() async throws {
        let villages = try temporaryFile("village_id,lon,lat,population,grid_power\nv1,105,21,10,true\nv2,105,21,x,true\n", name: "v.csv")
        let cells = try temporaryFile("cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m\nc1,s,VT,4G,900,105,21,30\nc2,s,VT,3G,900,105,21,30\n", name: "c.csv")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rejects-\(UUID().uuidString)").path
        let inputs = try await ScenarioLoader.load(InputPaths(villages: villages, cells: cells),
                                                   policy: .setAside(rejectsPath: folder + "/rejects.csv"))
        #expect(inputs.scenario.villages.count == 1 && inputs.scenario.cells.count == 1)
        #expect(inputs.rejectsFiles == [folder + "/rejects.csv", folder + "/rejects.cells.csv"])
        let villageRejects = try String(contentsOfFile: folder + "/rejects.csv", encoding: .utf8)
        #expect(villageRejects == "village_id,lon,lat,population,grid_power,reason\nv2,105,21,x,true,population: x: not a number\n")
        let cellRejects = try String(contentsOfFile: folder + "/rejects.cells.csv", encoding: .utf8)
        #expect(cellRejects == "cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m,reason\nc2,s,VT,3G,900,105,21,30,technology: 3G: unknown technology (expected 4G or 5G)\n")
    }
}
