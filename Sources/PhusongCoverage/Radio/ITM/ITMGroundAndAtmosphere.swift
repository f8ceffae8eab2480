import Foundation

/// The path constants ITM derives before it looks at the terrain's shape: the surface
/// refractivity N_s at the path's height, the effective earth's curvature γ_e and the ground
/// transfer impedance Z_g (the Algorithm, §3 "Preparatory calculations"; NTIA ITM v1.4
/// `InitializePointToPoint`; Rice et al., NBS Technical Note 101 (TN101), eqs. 4.3 and 4.4).
struct ITMGroundAndAtmosphere: Sendable {
    /// Curvature of the actual earth, 1/m (γ_a = 157e-9, about 1 / 6,370 km).
    static let actualEarthCurvature = 157e-9

    /// N_s, N-units: `N_0 · exp(−h_s / 9460)` (TN101 eq. 4.3), `N_0` when h_s is exactly 0.
    let surfaceRefractivity: Double
    /// γ_e, 1/m: `γ_a · (1 − 0.04665 · exp(N_s / 179.3))` (TN101 eq. 4.4).
    let effectiveCurvature: Double
    /// Z_g: `sqrt(ε_r − 1)` with ε_r = ε + i·18000 σ / f, divided by ε_r for vertical polarisation.
    let groundImpedance: ITMComplex

    /// The constants for a path.
    /// - Parameters:
    ///   - frequencyMHz: f, MHz.
    ///   - meanHeightM: h_s, the mean terrain height of the path above sea level, m (see
    ///     ``ITMProfile/meanHeightM``).
    ///   - parameters: N_0, ε, σ and the polarisation.
    init(frequencyMHz: Double, meanHeightM: Double, parameters: ITMParameters) {
        let ns = meanHeightM == 0 ? parameters.refractivityN0 : parameters.refractivityN0 * exp(-meanHeightM / 9460.0)
        surfaceRefractivity = ns
        effectiveCurvature = Self.actualEarthCurvature * (1.0 - 0.04665 * exp(ns / 179.3))
        let relativePermittivity = ITMComplex(re: parameters.permittivity, im: 18000 * parameters.conductivitySPerM / frequencyMHz)
        let horizontal = (relativePermittivity - ITMComplex(re: 1, im: 0)).squareRoot
        groundImpedance = parameters.polarization == .vertical ? horizontal / relativePermittivity : horizontal
    }

    /// The effective earth radius a_e = 1 / γ_e, m.
    var effectiveEarthRadiusM: Double { 1 / effectiveCurvature }
}
