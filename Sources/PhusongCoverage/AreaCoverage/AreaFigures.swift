/// Covered area of a territory (a province or the country), km² on the sphere of radius
/// 6,371,008.8 m (``SphericalArea``), with the shares of its land when the land is known.
///
/// Encodes with the keys `area_4g_km2`, `area_5g_km2`, `area_any_km2`, `land_km2`,
/// `area_share_4g`, `area_share_5g`, `area_share_any`; unknown values (no boundaries) are
/// written as `null`.
public struct AreaFigures: Sendable, Hashable, Encodable {
    /// Area where some 4G cell reaches the 4G threshold, km².
    public var area4GKm2: Double
    /// Area where some 5G cell reaches the 5G threshold, km².
    public var area5GKm2: Double
    /// Area covered by 4G or 5G, km².
    public var areaAnyKm2: Double
    /// Land area (the province polygons), km²; nil without boundaries.
    public var landKm2: Double?

    public init(area4GKm2: Double, area5GKm2: Double, areaAnyKm2: Double, landKm2: Double?) {
        self.area4GKm2 = area4GKm2
        self.area5GKm2 = area5GKm2
        self.areaAnyKm2 = areaAnyKm2
        self.landKm2 = landKm2
    }

    /// Covered share of the land by 4G, in [0, 1]; nil without land area (or for zero land).
    public var areaShare4G: Double? { share(area4GKm2) }
    /// Covered share of the land by 5G, in [0, 1]; nil without land area.
    public var areaShare5G: Double? { share(area5GKm2) }
    /// Covered share of the land by 4G or 5G, in [0, 1]; nil without land area.
    public var areaShareAny: Double? { share(areaAnyKm2) }

    private func share(_ areaKm2: Double) -> Double? {
        guard let landKm2, landKm2 > 0 else { return nil }
        return areaKm2 / landKm2
    }

    enum CodingKeys: String, CodingKey {
        case area4GKm2 = "area_4g_km2"
        case area5GKm2 = "area_5g_km2"
        case areaAnyKm2 = "area_any_km2"
        case landKm2 = "land_km2"
        case areaShare4G = "area_share_4g"
        case areaShare5G = "area_share_5g"
        case areaShareAny = "area_share_any"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(area4GKm2, forKey: .area4GKm2)
        try container.encode(area5GKm2, forKey: .area5GKm2)
        try container.encode(areaAnyKm2, forKey: .areaAnyKm2)
        try container.encode(landKm2, forKey: .landKm2)
        try container.encode(areaShare4G, forKey: .areaShare4G)
        try container.encode(areaShare5G, forKey: .areaShare5G)
        try container.encode(areaShareAny, forKey: .areaShareAny)
    }
}

/// The covered area of one province. Encodes as `code`, `name` and the keys of
/// ``AreaFigures`` in one flat object (one row of provinces.csv).
public struct ProvinceAreaFigures: Sendable, Hashable, Encodable {
    /// 2-digit 2025 province code.
    public var code: String
    public var name: String?
    public var figures: AreaFigures

    public init(code: String, name: String?, figures: AreaFigures) {
        self.code = code
        self.name = name
        self.figures = figures
    }

    enum CodingKeys: String, CodingKey {
        case code, name
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try figures.encode(to: encoder)
    }
}
