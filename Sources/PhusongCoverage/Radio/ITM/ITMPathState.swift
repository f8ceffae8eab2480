import Foundation

/// The quantities the loss curves of ITM share for one path (the Algorithm, §4 "The
/// reference attenuation", its "preliminary" values), so that each curve takes them at once.
/// Units: metres, radians, MHz.
struct ITMPathState {
    /// f, MHz.
    let frequencyMHz: Double
    /// The wave number k = f / 47.7 MHz·m, 1/m.
    let waveNumber: Double
    /// a_e, m.
    let effectiveEarthRadiusM: Double
    /// Z_g.
    let groundImpedance: ITMComplex
    /// N_s, N-units.
    let surfaceRefractivity: Double
    /// Structural heights h_g, m.
    let structuralHeights: ITMTerminalPair
    /// Effective heights h_e, m.
    let effectiveHeights: ITMTerminalPair
    /// θ_hzn, radians.
    let horizonAngles: ITMTerminalPair
    /// d_hzn, m.
    let horizonDistances: ITMTerminalPair
    /// Δh, m.
    let deltaH: Double
    /// d_Ls = d_Ls,tx + d_Ls,rx, the smooth-earth line-of-sight distance, m
    /// (d_Ls,j = sqrt(2 h_e,j a_e)).
    let smoothEarthLineOfSightM: Double
    /// d_L = d_hzn,tx + d_hzn,rx, the actual line-of-sight distance, m.
    let lineOfSightM: Double
    /// θ_e = max(θ_hzn,tx + θ_hzn,rx, −d_L / a_e), taken with a minus sign as the reference
    /// does (`theta_los`), radians.
    let lineOfSightAngle: Double

    /// The earth's radius a_0 that Vogler's radii are scaled by, m (6,370 km).
    static let actualEarthRadiusM = 6370e3

    /// Wave number per MHz: k = f / 47.7 (the Algorithm, §3).
    static let waveNumberDivisor = 47.7

    /// The terrain roughness at distance d: Δh(d) = Δh (1 − 0.8 exp(−d / 50 km)) (ERL 79-ITS 67 eq. 3), m.
    func roughness(at distanceM: Double) -> Double {
        ITMPathState.roughness(deltaH: deltaH, at: distanceM)
    }

    /// Δh(d) for a given Δh, m.
    static func roughness(deltaH: Double, at distanceM: Double) -> Double {
        deltaH * (1.0 - 0.8 * exp(-distanceM / 50e3))
    }

    /// σ_h(Δh) = 0.78 Δh exp(−0.5 Δh^¼), the rms deviation of terrain within the first Fresnel
    /// zone (ERL 79-ITS 67 eq. 3.6a), m.
    static func rmsDeviation(_ roughnessM: Double) -> Double {
        0.78 * roughnessM * exp(-0.5 * pow(roughnessM, 0.25))
    }
}
