import Testing
@testable import PhusongCoverage

@Suite("SiteTable: the one site table of a run")
struct SiteTableTests {
    private func cell(_ id: String, site: String, _ technology: Technology, lon: Double, lat: Double = 21) -> Cell {
        Cell(id: id, siteID: site, operatorName: "VT", technology: technology, bandMHz: 1800, lon: lon, lat: lat, heightM: 30)
    }

    @Test("sites in order of first cell, placed at their first cell, with their technologies; each cell's site")
    func derived() {
        let cells = [
            cell("a1", site: "A", .lte, lon: 105.0), cell("b1", site: "B", .nr, lon: 105.5),
            cell("a2", site: "A", .nr, lon: 105.001), cell("c1", site: "C", .lte, lon: 106.0), cell("b2", site: "B", .nr, lon: 105.5),
        ]
        let table = SiteTable(cells: cells)
        #expect(table.map(\.id) == ["A", "B", "C"])
        #expect(table.cellSite == [0, 1, 0, 2, 1])
        #expect(table[0].lon == 105.0 && table[0].has4G && table[0].has5G)
        #expect(!table[1].has4G && table[1].has5G && table[2].has4G && !table[2].has5G)
        #expect(table.allSatisfy { $0.provinceCode == nil && $0.communeCode == nil })
        #expect(SiteTable(cells: []).isEmpty && SiteTable(cells: []).cellSite.isEmpty)
    }

    @Test("appending cells equals deriving the table from all of them; a known site keeps its place and gains 5G")
    func appending() {
        let loaded = [cell("a1", site: "A", .lte, lon: 105.0), cell("b1", site: "B", .lte, lon: 105.5)]
        let added = [cell("b-U1", site: "B", .nr, lon: 105.5002), cell("n1", site: "N", .lte, lon: 107.0), cell("n2", site: "N", .nr, lon: 107.0)]
        var table = SiteTable(cells: loaded)
        let newSites = table.append(added)
        #expect(newSites == 2..<3)
        #expect(table == SiteTable(cells: loaded + added))
        #expect(table[1].lon == 105.5 && table[1].has5G)
        #expect(table.cellSite == [0, 1, 1, 2, 2])
        #expect(table.append([]) == 3..<3)
    }

    @Test("the engine takes the loaded table: its sites and each village's nearest site come from it")
    func engineUsesTheTable() throws {
        let cells = [cell("a1", site: "A", .lte, lon: 105.0), cell("b1", site: "B", .lte, lon: 105.2)]
        let sites = SiteTable(cells: cells)
        let engine = try CoverageEngine(cells: cells, sites: sites)
        #expect(engine.sites == sites)
        let village = Village(id: "v", lon: 105.19, lat: 21, population: 10)
        #expect(engine.coverage(of: village).nearestSite?.siteIndex == 1)
    }
}
