import Foundation

/// Line-of-sight attenuation A_los(d), dB (the Algorithm, §4.2, eqs. 4.43–4.50, "ALOS";
/// NTIA ITM v1.4 `LineOfSightLoss`).
///
/// A blend of the two-ray (direct and ground-reflected) loss A_t and the extended diffraction
/// line `M_d d + A_d0`: `A_los = w A_t + (1 − w)(M_d d + A_d0)` with
/// `w = 1 / (1 + f Δh / max(10 km, d_Ls))`. The reflection coefficient is
/// `R_e = (sin ψ − Z_g)/(sin ψ + Z_g) · exp(−min(10, k σ_h(Δh(d)) sin ψ))`,
/// `sin ψ = (h_e,tx + h_e,rx) / sqrt(d² + (h_e,tx + h_e,rx)²)`, raised to magnitude
/// sqrt(sin ψ) when |R_e|² < max(0.25, sin ψ); the phase difference `δ = 2 k h_e,tx h_e,rx / d`,
/// folded to `π − (π/2)²/δ` above π/2; `A_t = −10 log10 |exp(−iδ) + R_e|²`.
enum ITMLineOfSight {
    /// A_los at distance d (m), dB.
    /// - Parameters:
    ///   - d: distance, m.
    ///   - p: the path.
    ///   - slope: M_d, the diffraction line's slope, dB/m.
    ///   - intercept: A_d0, its intercept, dB.
    static func loss(at d: Double, path p: ITMPathState, slope: Double, intercept: Double) -> Double {
        let sigmaH = ITMPathState.rmsDeviation(p.roughness(at: d))
        let k = p.waveNumber
        let heightSum = p.effectiveHeights.tx + p.effectiveHeights.rx
        let sinPsi = heightSum / (pow(d, 2) + pow(heightSum, 2)).squareRoot()
        let sine = ITMComplex(re: sinPsi, im: 0)
        var reflection = (sine - p.groundImpedance) / (sine + p.groundImpedance) * exp(-min(10.0, k * sigmaH * sinPsi))
        let q = reflection.squaredMagnitude
        if q < 0.25 || q < sinPsi {
            reflection = reflection * (sinPsi / q).squareRoot()
        }
        var phase = k * 2.0 * p.effectiveHeights.tx * p.effectiveHeights.rx / d
        if phase > Double.pi / 2.0 {
            phase = Double.pi - pow(Double.pi / 2.0, 2) / phase
        }
        let sum = ITMComplex(re: cos(phase), im: -sin(phase)) + reflection
        let twoRay = -10 * log10(sum.squaredMagnitude)
        let extended = slope * d + intercept
        let w = 1 / (1 + p.frequencyMHz * p.deltaH / max(10e3, p.smoothEarthLineOfSightM))
        return w * twoRay + (1 - w) * extended
    }
}
