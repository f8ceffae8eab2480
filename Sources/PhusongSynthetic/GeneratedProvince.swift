import PhusongSupport
import PhusongCoverage

/// A base station ready to be numbered: location, radio and power.
struct PlacedSite: Sendable {
    var lon: Double
    var lat: Double
    var radio: SiteRadio
    var powerSource: PowerSource
}

/// One province of a synthetic scenario, generated from its own random streams, so that a
/// province comes out the same whatever the others hold.
struct GeneratedProvince: Sendable {
    /// The province's villages, ordered by village id.
    var villages: [Village]
    /// Sites per operator (`OperatorProfile.all` order), in build order.
    var sites: [[PlacedSite]]

    init(_ province: PlannedProvince, plan: ProvincePlan, parameters: SyntheticScenarioParameters) {
        func stream(_ purpose: UInt64) -> SeededGenerator {
            SeededGenerator(seed: parameters.seed, stream: [UInt64(province.index), purpose])
        }
        let frame = province.frame
        var settlementGenerator = stream(SyntheticStream.settlements)
        let layout = SettlementLayout(frame: frame, villageCount: province.villageCount,
                                      communeCount: province.communeCount, generator: &settlementGenerator)
        let field = PopulationField(villages: layout.villages, frame: frame)
        let areaTypes = field.density.map(AreaType.init(localDensity:))
        var sitesGenerator = stream(SyntheticStream.sites)
        var drafts = SitePlacement.place(villages: layout.villages, field: field, frame: frame, generator: &sitesGenerator)
        var unpoweredGenerator = stream(SyntheticStream.unpowered)
        // Safe: the share is validated to 0...0.2 of the village count.
        let unpowered = UnpoweredSelection.choose(
            count: Int((parameters.unpoweredShare * Double(province.villageCount)).rounded()),
            villages: layout.villages, communes: layout.communes, field: field, areaTypes: areaTypes,
            sites: drafts.flatMap { $0 }, frame: frame, generator: &unpoweredGenerator
        )
        SolarSites.apply(to: &drafts, villages: layout.villages, field: field, unpowered: unpowered,
                         frame: frame, generator: &unpoweredGenerator)
        var namesGenerator = stream(SyntheticStream.names)
        villages = Self.villages(
            layout: layout, areaTypes: areaTypes, unpowered: unpowered, province: province, plan: plan,
            generator: &namesGenerator
        )
        sites = zip(OperatorProfile.all, drafts).map { profile, operatorSites in
            operatorSites.map { draft in
                PlacedSite(lon: frame.lon(x: draft.x), lat: frame.lat(y: draft.y),
                           radio: SiteRadio(site: draft, profile: profile, generator: &sitesGenerator),
                           powerSource: draft.isSolar ? .solar : .grid)
            }
        }
    }

    /// Communes numbered from north to south (west to east on a tie), villages within a
    /// commune likewise: `<commune code>-<nnn>`.
    private static func villages(
        layout: SettlementLayout, areaTypes: [AreaType], unpowered: [Bool], province: PlannedProvince,
        plan: ProvincePlan, generator: inout SeededGenerator
    ) -> [Village] {
        func northFirst(_ a: (x: Double, y: Double, index: Int), _ b: (x: Double, y: Double, index: Int)) -> Bool {
            if a.y != b.y { return a.y > b.y }
            if a.x != b.x { return a.x < b.x }
            return a.index < b.index
        }
        var members = [[Int]](repeating: [], count: layout.communes.count)
        for (index, village) in layout.villages.enumerated() {
            members[village.commune].append(index)
        }
        let communeOrder = layout.communes.enumerated()
            .map { (x: $1.x, y: $1.y, index: $0) }
            .sorted(by: northFirst)
            .map(\.index)
        let frame = province.frame
        var villages: [Village] = []
        villages.reserveCapacity(layout.villages.count)
        for (rank, commune) in communeOrder.enumerated() {
            let code = plan.communeCode(province.firstCommuneNumber + rank)
            let order = members[commune]
                .map { (x: layout.villages[$0].x, y: layout.villages[$0].y, index: $0) }
                .sorted(by: northFirst)
                .map(\.index)
            let names = VillageNames.names(count: order.count, isWard: layout.communes[commune].isWard, generator: &generator)
            let width = max(3, String(order.count).count)
            for (position, index) in order.enumerated() {
                let draft = layout.villages[index]
                // Safe: populations are clamped to the layout's maximum (SettlementLayout).
                let households = Double(draft.population) / 3.8 * generator.uniform(0.9, 1.1)
                villages.append(Village(
                    id: "\(code)-\(NumberText.zeroPadded(position + 1, width: width))", name: names[position],
                    provinceCode: province.code, communeCode: code,
                    lon: frame.lon(x: draft.x), lat: frame.lat(y: draft.y), population: draft.population,
                    households: max(1, Int(households.rounded())), gridPower: !unpowered[index],
                    areaType: areaTypes[index]
                ))
            }
        }
        return villages
    }
}
