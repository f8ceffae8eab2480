import PhusongCoverage

/// Narrows a review list: a province or commune (by code, or by name with or without
/// diacritics: "Điện Biên", "dien bien"), a minimum population, only unpowered villages.
public struct VillageFilter: Sendable, Hashable {
    public var province: String?
    public var commune: String?
    public var minPopulation: Int?
    public var unpoweredOnly: Bool

    public init(province: String? = nil, commune: String? = nil, minPopulation: Int? = nil, unpoweredOnly: Bool = false) {
        self.province = province
        self.commune = commune
        self.minPopulation = minPopulation
        self.unpoweredOnly = unpoweredOnly
    }

    func accepts(_ entry: VillageListEntry) -> Bool {
        if unpoweredOnly, entry.village.gridPower { return false }
        if let minPopulation, entry.village.population < minPopulation { return false }
        if let province, !UnknownArea.matches(province, code: entry.village.provinceCode, name: entry.provinceName) { return false }
        if let commune, !UnknownArea.matches(commune, code: entry.village.communeCode, name: entry.communeName) { return false }
        return true
    }

    /// The first of `province` and `commune` that names no province (commune) of `run`'s
    /// villages, with the closest ones; nil when both name one (or are not given).
    public func unknownArea(in run: CoverageRun) -> UnknownArea? {
        let villages = run.inputs.scenario.villages
        let boundaries = run.inputs.boundaries
        if let province {
            let codes = Set(villages.compactMap(\.provinceCode)).sorted()
            let choices = codes.map { UnknownArea.Choice(code: $0, name: VillageLists.provinceName($0, boundaries: boundaries)) }
            let real = Set(ProvinceCatalog.names2025.keys).union(boundaries?.provinces.map(\.code) ?? []).sorted()
            let elsewhere = real.map { UnknownArea.Choice(code: $0, name: VillageLists.provinceName($0, boundaries: boundaries)) }
            if let unknown = UnknownArea.check(province, level: "province", choices: choices, elsewhere: elsewhere) { return unknown }
        }
        if let commune {
            let codes = Set(villages.compactMap(\.communeCode)).sorted()
            let choices = codes.map { UnknownArea.Choice(code: $0, name: boundaries?.communeName($0)) }
            let elsewhere = boundaries?.communes.map { UnknownArea.Choice(code: $0.code, name: $0.name) } ?? []
            if let unknown = UnknownArea.check(commune, level: "commune", choices: choices, elsewhere: elsewhere) { return unknown }
        }
        return nil
    }
}
