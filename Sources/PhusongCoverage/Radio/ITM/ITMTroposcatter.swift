import Foundation

/// Forward-scatter attenuation A_scat(d), dB (the Algorithm, §4.4, eqs. 4.61–4.67, "ASCAT";
/// TN101 §9; NTIA ITM v1.4 `TroposcatterLoss`, `FFunction`, `H0Function`).
///
/// `A_scat = F(θ d) + 10 log10(k H θ⁴) − 0.1 (N_s − 301) exp(−θ d / D_0) + H_0`, with
/// θ = d/a_e − θ_e, H = 47.7 m, D_0 = 40 km; H_0 the frequency-gain function of the
/// scattering efficiency η_s and the asymmetry of the path.
enum ITMTroposcatter {
    /// The value that says "not defined": both r_1 and r_2 below 0.2 (the Algorithm, p. 11).
    static let undefinedLossDB = 1001.0

    /// A_scat at distance d, dB.
    /// - Parameters:
    ///   - d: distance, m.
    ///   - p: the path.
    ///   - previousH0: H_0 of the previous call for this path, or −1 for the first call; on
    ///     return, this call's H_0. ITM computes d_6 first, then d_5, and "if, at d_5, H_0 would
    ///     exceed 15 dB, it is replaced by the value it has at d_6" (the Algorithm, p. 12).
    static func loss(at d: Double, path p: ITMPathState, previousH0: inout Double) -> Double {
        let k = p.waveNumber
        var h0: Double
        if previousH0 > 15.0 {
            h0 = previousH0
        } else {
            var asymmetry = p.horizonDistances.tx - p.horizonDistances.rx
            var ratio = p.effectiveHeights.rx / p.effectiveHeights.tx
            if asymmetry < 0.0 {
                asymmetry = -asymmetry
                ratio = 1.0 / ratio
            }
            let theta = p.horizonAngles.tx + p.horizonAngles.rx + d / p.effectiveEarthRadiusM
            let r1 = 2.0 * k * theta * p.effectiveHeights.tx
            let r2 = 2.0 * k * theta * p.effectiveHeights.rx
            if r1 < 0.2 && r2 < 0.2 { return undefinedLossDB }
            var s = (d - asymmetry) / (d + asymmetry)
            let q = min(max(0.1, ratio / s), 10.0)
            s = max(0.1, s)
            let crossoverHeight = (d - asymmetry) * (d + asymmetry) * theta * 0.25 / d
            let ns = p.surfaceRefractivity
            let efficiency = (crossoverHeight / 1.7556e3)
                * (1.0 + (0.031 - ns * 2.32e-3 + pow(ns, 2) * 5.67e-6) * exp(-pow(min(1.7, crossoverHeight / 8.0e3), 6)))
            let h00 = (frequencyGain(r1, efficiency: efficiency) + frequencyGain(r2, efficiency: efficiency)) / 2
            let deltaH0 = min(h00, 6.0 * (0.6 - log10(max(efficiency, 1.0))) * log10(s) * log10(q))
            h0 = max(h00 + deltaH0, 0.0)
            if efficiency < 1.0 {
                let root2 = 2.0.squareRoot()
                h0 = efficiency * h0 + (1.0 - efficiency) * 10
                    * log10(pow((1.0 + root2 / r1) * (1.0 + root2 / r2), 2) * (r1 + r2) / (r1 + r2 + 2 * root2))
            }
            if h0 > 15.0 && previousH0 >= 0.0 { h0 = previousH0 }
        }
        previousH0 = h0
        let th = d / p.effectiveEarthRadiusM - p.lineOfSightAngle
        return attenuation(th * d) + 10 * log10(k * 47.7 * pow(th, 4))
            - 0.1 * (p.surfaceRefractivity - 301.0) * exp(-th * d / 40e3) + h0
    }

    /// F(θ d), dB: `a + b θd + c log10(θd)` with (a, b, c) for θd ≤ 10 km, ≤ 70 km and beyond
    /// (the Algorithm, eq. 6.9).
    static func attenuation(_ thetaD: Double) -> Double {
        let (a, b, c): (Double, Double, Double) =
            thetaD <= 10e3 ? (133.4, 0.332e-3, -10) : thetaD <= 70e3 ? (104.6, 0.212e-3, -2.5) : (71.8, 0.157e-3, 5)
        return a + b * thetaD + c * log10(thetaD)
    }

    /// H_0(r, η_s), dB: the curve for ⌊η_s⌋ (η_s clamped to 1…5), interpolated linearly with the
    /// next one (the Algorithm, eq. 6.13).
    static func frequencyGain(_ r: Double, efficiency: Double) -> Double {
        // NaN counts as 1, as the reference's MAX macro makes it.
        let eta = efficiency.isNaN ? 1 : min(max(efficiency, 1), 5)
        let whole = truncatedIndex(eta, limit: 5)
        let fraction = eta - Double(whole)
        var result = curve(whole - 1, r)
        if fraction != 0.0 { result = (1.0 - fraction) * result + fraction * curve(whole, r) }
        return result
    }

    /// H_01(r, j) = 10 log10(1 + a_j r⁻⁴ + b_j r⁻²), dB (the Algorithm, eq. 6.13).
    private static func curve(_ j: Int, _ r: Double) -> Double {
        10 * log10(1 + curveA[j] * pow(1 / r, 4) + curveB[j] * pow(1.0 / r, 2))
    }

    /// a_j of H_01, j = 0…4 (η_s = 1…5).
    private static let curveA = [25.0, 80.0, 177.0, 395.0, 705.0]
    /// b_j of H_01.
    private static let curveB = [24.0, 45.0, 68.0, 80.0, 105.0]
}
