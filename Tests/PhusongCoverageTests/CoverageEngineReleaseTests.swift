import Testing
@testable import PhusongCoverage

/// `CoverageEngine.releasingSearchIndex()`: what the report's writers read is kept, the search
/// index is gone, and a search on the released engine stops the process instead of answering.
@Suite("Coverage engine without its search index")
struct CoverageEngineReleaseTests {
    @Test("the released engine keeps parameters, operators, sites and terrain, and holds no search index")
    func keepsWhatWritersRead() throws {
        let scenario = randomScenario(seed: 17, villages: 20, sites: 30)
        let engine = try CoverageEngine(cells: scenario.cells)
        let released = engine.releasingSearchIndex()
        #expect(released.parameters == engine.parameters)
        #expect(released.operators == engine.operators)
        #expect(released.operators.count == 4)
        #expect(released.sites.map(\.id) == engine.sites.map(\.id))
        #expect(released.sites.cellSite == engine.sites.cellSite)
        #expect(released.terrain == nil)
        #expect(engine.isSearchable && !released.isSearchable)
        #expect(released.groups.isEmpty && released.cellIDs.isEmpty && released.cells.entries.isEmpty)
        #expect(!engine.groups.isEmpty && engine.cellIDs.count == scenario.cells.count)
    }

    @Test("a search on the released engine stops the process")
    func searchStops() async {
        await #expect(processExitsWith: .failure) {
            let scenario = randomScenario(seed: 17, villages: 5, sites: 10)
            guard let engine = try? CoverageEngine(cells: scenario.cells) else { return }
            _ = engine.releasingSearchIndex().coverage(of: scenario.villages[0])
        }
    }
}
