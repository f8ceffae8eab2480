/// The `[terrain]` section of the configuration: how terrain path loss is computed when a run is
/// given a terrain source (docs/specs/terrain-model.md; every default is the contract's).
/// `phusong pathloss` reads the ITM and profile settings; the coverage runs with `--terrain`
/// (``TerrainModel``) read them all.
public struct TerrainSettings: Sendable, Hashable, Codable {
    /// How ITM's loss is combined with the empirical model's.
    public enum Combination: String, Sendable, Hashable, Codable, CaseIterable {
        /// PL = max(PL_empirical, L_ITM): terrain only ever adds loss (the default).
        case max
        /// PL = L_ITM, as SPLAT! does.
        case itm
    }

    /// What a pair outside every tile does.
    public enum OutsideTerrain: String, Sendable, Hashable, Codable, CaseIterable {
        /// Stop the run naming the missing tiles (exit 65), the default.
        case stop
        /// Use the empirical model for the pair and count it.
        case defaultModel = "default-model"
    }

    /// The polarisation names of the configuration.
    public enum Polarisation: String, Sendable, Hashable, Codable, CaseIterable {
        case vertical
        case horizontal
    }

    /// `combine`.
    public var combine: Combination
    /// `profile_step_m`, s: the longest spacing of profile samples, m.
    public var profileStepM: Double
    /// `climate`, ITM's radio climate code 1–7 (1 equatorial).
    public var climate: Int
    /// `n0`, N_0, N-units.
    public var n0: Double
    /// `epsilon`, relative permittivity of the ground.
    public var epsilon: Double
    /// `sigma`, ground conductivity, S/m.
    public var sigma: Double
    /// `polarisation`.
    public var polarisation: Polarisation
    /// `mdvar`, ITM's mode of variability code (0–3, 10–13, 20–23, 30–33).
    public var mdvar: Int
    /// `time`, `location`, `situation`: the percentages, 0.1–99.9 %.
    public var timePercent: Double
    public var locationPercent: Double
    public var situationPercent: Double
    /// `clutter_loss_db`: extra loss by village area type, dB.
    public var clutterLossDB: ByAreaType<Double>
    /// `outside_terrain`.
    public var outsideTerrain: OutsideTerrain

    /// Settings with the contract's defaults unless given.
    /// - Parameters:
    ///   - combine: `max` or `itm`.
    ///   - profileStepM: s, m.
    ///   - climate: 1–7.
    ///   - n0: N_0, N-units.
    ///   - epsilon: ε.
    ///   - sigma: σ, S/m.
    ///   - polarisation: vertical or horizontal.
    ///   - mdvar: mode of variability code.
    ///   - timePercent: time, %.
    ///   - locationPercent: location, %.
    ///   - situationPercent: situation, %.
    ///   - clutterLossDB: clutter loss by area type, dB.
    ///   - outsideTerrain: the policy for points without elevation.
    public init(
        combine: Combination = .max, profileStepM: Double = 90, climate: Int = 1, n0: Double = 360,
        epsilon: Double = 15, sigma: Double = 0.005, polarisation: Polarisation = .vertical, mdvar: Int = 2,
        timePercent: Double = 50, locationPercent: Double = 50, situationPercent: Double = 50,
        clutterLossDB: ByAreaType<Double> = ByAreaType(all: 0), outsideTerrain: OutsideTerrain = .stop
    ) {
        self.combine = combine
        self.profileStepM = profileStepM
        self.climate = climate
        self.n0 = n0
        self.epsilon = epsilon
        self.sigma = sigma
        self.polarisation = polarisation
        self.mdvar = mdvar
        self.timePercent = timePercent
        self.locationPercent = locationPercent
        self.situationPercent = situationPercent
        self.clutterLossDB = clutterLossDB
        self.outsideTerrain = outsideTerrain
    }

    enum CodingKeys: String, CodingKey {
        case combine
        case profileStepM = "profile_step_m"
        case climate, n0, epsilon, sigma, polarisation, mdvar
        case timePercent = "time"
        case locationPercent = "location"
        case situationPercent = "situation"
        case clutterLossDB = "clutter_loss_db"
        case outsideTerrain = "outside_terrain"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = TerrainSettings()
        self.init(
            combine: try c.decodeIfPresent(Combination.self, forKey: .combine) ?? d.combine,
            profileStepM: try c.decodeIfPresent(Double.self, forKey: .profileStepM) ?? d.profileStepM,
            climate: try c.decodeIfPresent(Int.self, forKey: .climate) ?? d.climate,
            n0: try c.decodeIfPresent(Double.self, forKey: .n0) ?? d.n0,
            epsilon: try c.decodeIfPresent(Double.self, forKey: .epsilon) ?? d.epsilon,
            sigma: try c.decodeIfPresent(Double.self, forKey: .sigma) ?? d.sigma,
            polarisation: try c.decodeIfPresent(Polarisation.self, forKey: .polarisation) ?? d.polarisation,
            mdvar: try c.decodeIfPresent(Int.self, forKey: .mdvar) ?? d.mdvar,
            timePercent: try c.decodeIfPresent(Double.self, forKey: .timePercent) ?? d.timePercent,
            locationPercent: try c.decodeIfPresent(Double.self, forKey: .locationPercent) ?? d.locationPercent,
            situationPercent: try c.decodeIfPresent(Double.self, forKey: .situationPercent) ?? d.situationPercent,
            clutterLossDB: try ByAreaType.decode(from: c, forKey: .clutterLossDB, defaults: d.clutterLossDB),
            outsideTerrain: try c.decodeIfPresent(OutsideTerrain.self, forKey: .outsideTerrain) ?? d.outsideTerrain
        )
    }

    /// The ITM parameters these settings name.
    /// - Throws: ``ITMError`` for a climate or mdvar code ITM does not have (a checked
    ///   configuration never has one).
    public func itmParameters() throws(ITMError) -> ITMParameters {
        guard let itmClimate = ITMClimate(rawValue: climate) else {
            throw ITMError(.climate, value: Double(climate), allowed: "1–7")
        }
        return ITMParameters(
            climate: itmClimate, refractivityN0: n0, permittivity: epsilon, conductivitySPerM: sigma,
            polarization: polarisation == .vertical ? .vertical : .horizontal,
            variability: try ITMVariabilityMode(code: mdvar),
            timePercent: timePercent, locationPercent: locationPercent, situationPercent: situationPercent
        )
    }
}
