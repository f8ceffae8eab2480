/// Which path-loss model a cell–village link uses, by the cell's band and the village's area
/// type, and the constants of the 38.901 scenarios (docs/specs/radio-model.md §4, "Path loss"):
///
/// - band f < ``lowerBandEdgeMHz`` (1500): ``lowBand`` — Okumura-Hata for every area type;
/// - ``lowerBandEdgeMHz`` ≤ f ≤ ``upperBandEdgeMHz`` (2700): ``midBand`` — COST-231 Hata;
/// - f > ``upperBandEdgeMHz``: ``highBand`` — 38.901 UMa for urban and suburban, RMa for
///   rural and open.
///
/// The floor at free-space loss applies whatever the model. Decoding takes the keys below;
/// every key is optional and defaults to the spec's value: `lower_band_edge_mhz`,
/// `upper_band_edge_mhz`, `low_band`, `mid_band`, `high_band` (each an object with keys
/// `urban`, `suburban`, `rural`, `open` and ``PathLossModelKind`` names as values),
/// `environment_height_m`, `rural_building_height_m`, `rural_street_width_m`.
public struct PropagationPolicy: Sendable, Hashable, Codable {
    /// Bands strictly below this edge use ``lowBand``, MHz.
    public var lowerBandEdgeMHz: Double
    /// Bands up to and including this edge (and not below the lower edge) use ``midBand``;
    /// bands above it use ``highBand``, MHz.
    public var upperBandEdgeMHz: Double
    public var lowBand: ByAreaType<PathLossModelKind>
    public var midBand: ByAreaType<PathLossModelKind>
    public var highBand: ByAreaType<PathLossModelKind>
    /// hE of 38.901 UMa and UMi, metres (1 m).
    public var environmentHeightM: Double
    /// Average building height h of 38.901 RMa, metres (5 m).
    public var ruralBuildingHeightM: Double
    /// Average street width W of 38.901 RMa, metres (20 m).
    public var ruralStreetWidthM: Double

    public static let defaultLowerBandEdgeMHz = 1_500.0
    public static let defaultUpperBandEdgeMHz = 2_700.0
    public static let defaultLowBand = ByAreaType(all: PathLossModelKind.okumuraHata)
    public static let defaultMidBand = ByAreaType(all: PathLossModelKind.cost231Hata)
    public static let defaultHighBand = ByAreaType(
        urban: PathLossModelKind.tr38901UMa, suburban: .tr38901UMa, rural: .tr38901RMa, open: .tr38901RMa
    )
    public static let defaultEnvironmentHeightM = 1.0
    public static let defaultRuralBuildingHeightM = 5.0
    public static let defaultRuralStreetWidthM = 20.0

    public init(
        lowerBandEdgeMHz: Double = defaultLowerBandEdgeMHz,
        upperBandEdgeMHz: Double = defaultUpperBandEdgeMHz,
        lowBand: ByAreaType<PathLossModelKind> = defaultLowBand,
        midBand: ByAreaType<PathLossModelKind> = defaultMidBand,
        highBand: ByAreaType<PathLossModelKind> = defaultHighBand,
        environmentHeightM: Double = defaultEnvironmentHeightM,
        ruralBuildingHeightM: Double = defaultRuralBuildingHeightM,
        ruralStreetWidthM: Double = defaultRuralStreetWidthM
    ) {
        self.lowerBandEdgeMHz = lowerBandEdgeMHz
        self.upperBandEdgeMHz = upperBandEdgeMHz
        self.lowBand = lowBand
        self.midBand = midBand
        self.highBand = highBand
        self.environmentHeightM = environmentHeightM
        self.ruralBuildingHeightM = ruralBuildingHeightM
        self.ruralStreetWidthM = ruralStreetWidthM
    }

    /// The models of the band range that `bandMHz` falls in, per area type.
    public func models(bandMHz: Double) -> ByAreaType<PathLossModelKind> {
        if bandMHz < lowerBandEdgeMHz { return lowBand }
        if bandMHz <= upperBandEdgeMHz { return midBand }
        return highBand
    }

    /// The model for a cell on `bandMHz` (MHz) and a village of `areaType`.
    public func modelKind(bandMHz: Double, areaType: AreaType) -> PathLossModelKind {
        models(bandMHz: bandMHz)[areaType]
    }

    enum CodingKeys: String, CodingKey {
        case lowerBandEdgeMHz = "lower_band_edge_mhz"
        case upperBandEdgeMHz = "upper_band_edge_mhz"
        case lowBand = "low_band"
        case midBand = "mid_band"
        case highBand = "high_band"
        case environmentHeightM = "environment_height_m"
        case ruralBuildingHeightM = "rural_building_height_m"
        case ruralStreetWidthM = "rural_street_width_m"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            lowerBandEdgeMHz: try container.decodeIfPresent(Double.self, forKey: .lowerBandEdgeMHz)
                ?? Self.defaultLowerBandEdgeMHz,
            upperBandEdgeMHz: try container.decodeIfPresent(Double.self, forKey: .upperBandEdgeMHz)
                ?? Self.defaultUpperBandEdgeMHz,
            lowBand: try ByAreaType.decode(from: container, forKey: .lowBand, defaults: Self.defaultLowBand),
            midBand: try ByAreaType.decode(from: container, forKey: .midBand, defaults: Self.defaultMidBand),
            highBand: try ByAreaType.decode(from: container, forKey: .highBand, defaults: Self.defaultHighBand),
            environmentHeightM: try container.decodeIfPresent(Double.self, forKey: .environmentHeightM)
                ?? Self.defaultEnvironmentHeightM,
            ruralBuildingHeightM: try container.decodeIfPresent(Double.self, forKey: .ruralBuildingHeightM)
                ?? Self.defaultRuralBuildingHeightM,
            ruralStreetWidthM: try container.decodeIfPresent(Double.self, forKey: .ruralStreetWidthM)
                ?? Self.defaultRuralStreetWidthM
        )
    }
}
