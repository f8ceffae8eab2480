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
        if let province, !Self.matches(province, code: entry.village.provinceCode, name: entry.provinceName) { return false }
        if let commune, !Self.matches(commune, code: entry.village.communeCode, name: entry.communeName) { return false }
        return true
    }

    private static func matches(_ wanted: String, code: String?, name: String?) -> Bool {
        if wanted == code { return true }
        guard let name else { return false }
        return UnicodeText.searchKey(wanted) == UnicodeText.searchKey(name)
    }
}
