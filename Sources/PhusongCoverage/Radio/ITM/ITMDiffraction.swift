import Foundation

/// Diffraction attenuation beyond the horizon, A_d(d), dB (the Algorithm, §4.3, "ADIFF";
/// ERL 79-ITS 67 §3.3; NTIA ITM v1.4 `DiffractionLoss`, `KnifeEdgeDiffraction`,
/// `SmoothEarthDiffraction`).
///
/// A weighted mean of double knife-edge diffraction A_k and Vogler's three-radii smooth-earth
/// diffraction A_r, plus the clutter factor A_fo:
/// `A_d = w A_r + (1 − w) A_k + A_fo`, with `w = 25.1 / (25.1 + sqrt(Q))` (ERL 79-ITS 67 eq. 3.23),
/// `Q = (sqrt(1 + (h_e,tx h_e,rx − h_g,tx h_g,rx)/(h_g,tx h_g,rx + 10)) + (a_e θ_e + d_L)/d)
///      · min(Δh(d) k, 6283.2)` (the `+ 10` is point-to-point's C ≈ 10 m², ERL 79-ITS 67 p. 3-8),
/// and `A_fo = min(15, 5 log10(1 + 1e-5 h_g,tx h_g,rx f σ_h(Δh(d_Ls))))` (eq. 3.38c).
enum ITMDiffraction {
    /// A_d at distance d (m), dB.
    static func loss(at d: Double, path p: ITMPathState) -> Double {
        let knifeEdge = knifeEdgeLoss(at: d, path: p)
        let smoothEarth = smoothEarthLoss(at: d, path: p)
        let clutterRoughness = ITMPathState.rmsDeviation(p.roughness(at: p.smoothEarthLineOfSightM))
        let h = p.structuralHeights
        let clutter = min(15.0, 5 * log10(1.0 + 1e-5 * h.tx * h.rx * p.frequencyMHz * clutterRoughness))
        let roughness = p.roughness(at: d)
        let product = h.tx * h.rx
        let excess = p.effectiveHeights.tx * p.effectiveHeights.rx - product
        let heightTerm = (1.0 + excess / (product + 10.0)).squareRoot()
        let q = (heightTerm + (-p.lineOfSightAngle * p.effectiveEarthRadiusM + p.lineOfSightM) / d)
            * min(roughness * p.frequencyMHz / ITMPathState.waveNumberDivisor, 6283.2)
        let w = 25.1 / (25.1 + q.squareRoot())
        return w * smoothEarth + (1.0 - w) * knifeEdge + clutter
    }

    /// Double knife-edge loss A_k: the Fresnel–Kirchhoff loss over each horizon
    /// (TN101 eqs. I.1 and I.7), with `v_j² = (1/4π) k θ² d_hzn,j (d − d_L)/(d − d_L + d_hzn,j)`
    /// and θ = d/a_e − θ_e, dB.
    static func knifeEdgeLoss(at d: Double, path p: ITMPathState) -> Double {
        let theta = d / p.effectiveEarthRadiusM - p.lineOfSightAngle
        let beyond = d - p.lineOfSightM
        let common = 0.0795775 * (p.frequencyMHz / ITMPathState.waveNumberDivisor) * pow(theta, 2)
        let v1 = common * p.horizonDistances.tx * beyond / (beyond + p.horizonDistances.tx)
        let v2 = common * p.horizonDistances.rx * beyond / (beyond + p.horizonDistances.rx)
        return fresnel(v1) + fresnel(v2)
    }

    /// A(v, 0), the ideal knife edge, from v² (TN101 eqs. III.24b/c): `6.02 + 9.11 v − 1.27 v²`
    /// for v < 2.4, else `12.953 + 10 log10 v²`, dB.
    static func fresnel(_ vSquared: Double) -> Double {
        vSquared < 5.76 ? 6.02 + 9.11 * vSquared.squareRoot() - 1.27 * vSquared : 12.953 + 10 * log10(vSquared)
    }

    /// Vogler's three-radii smooth-earth loss A_r (Vogler 1964; the Algorithm eq. 4.20):
    /// the radii a_0 = (d − d_L)/θ, a_j = d_hzn,j² / (2 h_e,j), and
    /// `A_r = G(x_0) − F(x_1, K_1) − F(x_2, K_2) − 20`, dB.
    static func smoothEarthLoss(at d: Double, path p: ITMPathState) -> Double {
        let third = 1.0 / 3.0
        let theta = d / p.effectiveEarthRadiusM - p.lineOfSightAngle
        let horizons = p.horizonDistances
        let radii = (
            (d - p.lineOfSightM) / (d / p.effectiveEarthRadiusM - p.lineOfSightAngle),
            0.5 * pow(horizons.tx, 2) / p.effectiveHeights.tx,
            0.5 * pow(horizons.rx, 2) / p.effectiveHeights.rx
        )
        let distancesKm = ((radii.0 * theta) / 1000.0, horizons.tx / 1000.0, horizons.rx / 1000.0)
        let impedance = p.groundImpedance.magnitude
        let cubeRootF = pow(p.frequencyMHz, third)
        func terms(_ radius: Double) -> (c: Double, k: Double, b: Double) {
            // C_0 = (4/3 · a_0 / a)^(1/3), K = 0.017778 C_0 f^(−1/3) / |Z_g|, B_0 = 1.607 − K.
            let c = pow((4.0 / 3.0) * ITMPathState.actualEarthRadiusM / radius, third)
            let k = 0.017778 * c * pow(p.frequencyMHz, -third) / impedance
            return (c, k, 1.607 - k)
        }
        let t0 = terms(radii.0), t1 = terms(radii.1), t2 = terms(radii.2)
        let x1 = t1.b * pow(t1.c, 2) * cubeRootF * distancesKm.1
        let x2 = t2.b * pow(t2.c, 2) * cubeRootF * distancesKm.2
        let x0 = t0.b * pow(t0.c, 2) * cubeRootF * distancesKm.0 + x1 + x2
        let distanceGain = 0.05751 * x0 - 10.0 * log10(x0)
        return distanceGain - heightGain(x1, k: t1.k) - heightGain(x2, k: t2.k) - 20
    }

    /// Vogler's height-gain function F(x, K), dB (TN101 §8; the Algorithm eq. 4.20).
    static func heightGain(_ x: Double, k: Double) -> Double {
        if x < 200.0 {
            let w = -log(k)
            if k < 1e-5 || x * pow(w, 3) > 5495.0 {
                return x > 1.0 ? 17.372 * log(x) - 117.0 : -117.0
            }
            return 2.5e-5 * pow(x, 2) / k - 8.686 * w - 15.0
        }
        let far = 0.05751 * x - 4.343 * log(x)
        guard x < 2000 else { return far }
        let w = 0.0134 * x * exp(-0.005 * x)
        return (1.0 - w) * far + w * (17.372 * log(x) - 117.0)
    }
}
