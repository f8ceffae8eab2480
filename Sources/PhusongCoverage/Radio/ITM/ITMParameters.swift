/// The settings of one ITM point-to-point calculation that are not the link itself: the
/// atmosphere, the ground and the quantiles (NTIA ITM v1.4 `ITM_P2P_TLS` arguments `climate`,
/// `N_0`, `pol`, `epsilon`, `sigma`, `mdvar`, `time`, `location`, `situation`).
///
/// The defaults are the terrain contract's (docs/specs/terrain-model.md, "Path loss"):
/// equatorial climate, N_0 = 360 N-units, ε = 15, σ = 0.005 S/m, vertical polarisation, mobile
/// mode, 50 % time, location and situation.
public struct ITMParameters: Sendable, Hashable {
    /// Radio climate (only the variability depends on it).
    public var climate: ITMClimate
    /// Surface refractivity reduced to sea level, N_0, N-units (ITM's domain: 250–400).
    public var refractivityN0: Double
    /// Relative permittivity of the ground, ε (at least 1).
    public var permittivity: Double
    /// Ground conductivity, σ, S/m (above 0).
    public var conductivitySPerM: Double
    /// Antenna polarisation.
    public var polarization: ITMPolarization
    /// Mode of variability.
    public var variability: ITMVariabilityMode
    /// Time percentage, 0 < time < 100.
    public var timePercent: Double
    /// Location percentage, 0 < location < 100.
    public var locationPercent: Double
    /// Situation percentage, 0 < situation < 100.
    public var situationPercent: Double

    /// Parameters with the contract's defaults unless given.
    /// - Parameters:
    ///   - climate: radio climate.
    ///   - refractivityN0: N_0, N-units.
    ///   - permittivity: relative permittivity ε.
    ///   - conductivitySPerM: conductivity σ, S/m.
    ///   - polarization: antenna polarisation.
    ///   - variability: mode of variability.
    ///   - timePercent: time percentage.
    ///   - locationPercent: location percentage.
    ///   - situationPercent: situation percentage.
    public init(
        climate: ITMClimate = .equatorial, refractivityN0: Double = 360, permittivity: Double = 15,
        conductivitySPerM: Double = 0.005, polarization: ITMPolarization = .vertical,
        variability: ITMVariabilityMode = ITMVariabilityMode(base: .mobile),
        timePercent: Double = 50, locationPercent: Double = 50, situationPercent: Double = 50
    ) {
        self.climate = climate
        self.refractivityN0 = refractivityN0
        self.permittivity = permittivity
        self.conductivitySPerM = conductivitySPerM
        self.polarization = polarization
        self.variability = variability
        self.timePercent = timePercent
        self.locationPercent = locationPercent
        self.situationPercent = situationPercent
    }
}

/// The two ends of an ITM link and its frequency (NTIA ITM v1.4 `h_tx__meter`, `h_rx__meter`,
/// `f__mhz`). Heights are structural: above the ground at the profile's first and last point.
public struct ITMLink: Sendable, Hashable {
    /// Transmitter height above ground, m (ITM's domain 0.5–3,000 m; warning outside 1–1,000 m).
    public var txHeightM: Double
    /// Receiver height above ground, m (same domain).
    public var rxHeightM: Double
    /// Frequency, MHz (ITM's domain 20–20,000 MHz; warning outside 40–10,000 MHz).
    public var frequencyMHz: Double

    /// A link from its heights and frequency.
    /// - Parameters:
    ///   - txHeightM: transmitter height above ground, m.
    ///   - rxHeightM: receiver height above ground, m.
    ///   - frequencyMHz: frequency, MHz.
    public init(txHeightM: Double, rxHeightM: Double, frequencyMHz: Double) {
        self.txHeightM = txHeightM
        self.rxHeightM = rxHeightM
        self.frequencyMHz = frequencyMHz
    }
}
