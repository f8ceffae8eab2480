import PhusongCoverage

/// Builds the review lists from a coverage run.
public enum VillageLists {
    /// Every dead-zone village that passes `filter`, sorted by province, commune, population
    /// (largest first), then id.
    public static func deadZones(_ run: CoverageRun, filter: VillageFilter = VillageFilter()) -> [VillageListEntry] {
        entries(run, filter: filter) { _, coverage in coverage.deadZone }
    }

    /// Every village without grid power that passes `filter`, sorted like `deadZones`.
    public static func unpowered(_ run: CoverageRun, filter: VillageFilter = VillageFilter()) -> [VillageListEntry] {
        entries(run, filter: filter) { village, _ in !village.gridPower }
    }

    /// A province's name: from the boundary files, else from the 2025 catalogue.
    static func provinceName(_ code: String, boundaries: AdminBoundaries?) -> String? {
        boundaries?.provinceName(code) ?? ProvinceCatalog.names2025[code]
    }

    private static func entries(
        _ run: CoverageRun, filter: VillageFilter, _ include: (Village, VillageCoverage) -> Bool
    ) -> [VillageListEntry] {
        let villages = run.inputs.scenario.villages
        let cells = run.inputs.scenario.cells
        let sites = run.engine.sites
        let boundaries = run.inputs.boundaries
        let communeNames = Dictionary(boundaries?.communes.map { ($0.code, $0.name) } ?? [], uniquingKeysWith: { first, _ in first })
        var list: [VillageListEntry] = []
        for (index, (village, coverage)) in zip(villages, run.coverage).enumerated() where include(village, coverage) {
            let best = [coverage.best4G, coverage.best5G].compactMap { $0 }.max {
                ($0.rsrpDBm, cells[$1.cellIndex].id) < ($1.rsrpDBm, cells[$0.cellIndex].id)
            }
            var reasons: [ListReason] = []
            if run.terrain?.isTerrainShadow(index, coverage) == true {
                reasons.append(.terrainShadow)
            } else if coverage.deadZone {
                reasons.append(coverage.hasCellInRange ? .weakSignal : .noSiteInRange)
            }
            if !village.gridPower { reasons.append(.unpowered) }
            let entry = VillageListEntry(
                village: village,
                provinceName: village.provinceCode.flatMap { provinceName($0, boundaries: boundaries) },
                communeName: village.communeCode.flatMap { communeNames[$0] },
                coverage: coverage,
                bestSignal: best.map { .init(technology: cells[$0.cellIndex].technology, cellID: cells[$0.cellIndex].id, rsrpDBm: $0.rsrpDBm) },
                nearestSiteID: coverage.nearestSite.map { sites[$0.siteIndex].id },
                nearestSiteDistanceM: coverage.nearestSite?.distanceM,
                reasons: reasons
            )
            if filter.accepts(entry) { list.append(entry) }
        }
        return list.sorted {
            ($0.village.provinceCode ?? "", $0.village.communeCode ?? "", -$0.village.population, $0.village.id)
                < ($1.village.provinceCode ?? "", $1.village.communeCode ?? "", -$1.village.population, $1.village.id)
        }
    }
}
