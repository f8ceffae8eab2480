import Foundation

/// The reference attenuation A_ref(d) below free space and the propagation mode (the
/// Algorithm, §4, "LRPROP"; ERL 79-ITS 67 §3; NTIA ITM v1.4 `LongleyRice`), dB.
///
/// Two distances far in the diffraction region, d_3 = max(d_Ls, d_L + 5 (a_e²/f)^⅓) and
/// d_4 = d_3 + 10 (a_e²/f)^⅓, give the diffraction line `M_d d + A_d0`. Below d_Ls the
/// line-of-sight curve `A_0 + k_1 d + k_2 ln d` is fitted through A_los at d_0 and d_1 and the
/// diffraction line at d_Ls (ERL 79-ITS 67 eqs. 3.16–3.21). Beyond, the troposcatter line through
/// A_scat at d_5 = d_L + 200 km and d_6 = d_L + 400 km takes over from the diffraction line past
/// d_x = max(d_Ls, d_L + 1.088 (a_e²/f)^⅓ ln f, where the two lines meet). The result is
/// never negative.
enum ITMReferenceAttenuation {
    /// A_ref and the mode.
    /// - Parameters:
    ///   - p: the path.
    ///   - d: the path distance, m.
    ///   - warnings: the flags raised so far; the horizon and distance checks add theirs.
    /// - Throws: ``ITMError`` for N_s outside 150–400 (a warning below 250), a_e outside 4,000–13,333.333 km, or a
    ///   ground impedance whose imaginary part is not smaller than its real part.
    static func compute(
        path p: ITMPathState, distanceM d: Double, warnings: inout ITMWarnings
    ) throws(ITMError) -> (attenuationDB: Double, mode: ITMPropagationMode) {
        let a = p.effectiveEarthRadiusM
        let smoothHorizonTx = (2.0 * p.effectiveHeights.tx * a).squareRoot()
        let smoothHorizonRx = (2.0 * p.effectiveHeights.rx * a).squareRoot()
        check(p, smoothHorizons: ITMTerminalPair(tx: smoothHorizonTx, rx: smoothHorizonRx), warnings: &warnings)
        try checkDomain(p, warnings: &warnings)

        let dLs = p.smoothEarthLineOfSightM
        let dL = p.lineOfSightM
        let scale = pow(pow(a, 2) / p.frequencyMHz, 1.0 / 3.0)
        let d3 = max(dLs, dL + 5.0 * scale)
        let d4 = d3 + 10.0 * scale
        let a3 = ITMDiffraction.loss(at: d3, path: p)
        let a4 = ITMDiffraction.loss(at: d4, path: p)
        let slope = (a4 - a3) / (d4 - d3)
        let intercept = a3 - slope * d3

        let dMin = abs(p.effectiveHeights.tx - p.effectiveHeights.rx) / 200e-3
        if d < dMin { warnings.insert(.pathDistanceTooSmall1) }
        if d < 1e3 { warnings.insert(.pathDistanceTooSmall2) }
        if d > 1000e3 { warnings.insert(.pathDistanceTooBig1) }
        if d > 2000e3 { warnings.insert(.pathDistanceTooBig2) }

        if d < dLs {
            let value = lineOfSight(at: d, path: p, slope: slope, intercept: intercept)
            return (max(value, 0.0), .lineOfSight)
        }
        var h0 = -1.0
        let d5 = dL + 200e3
        let d6 = dL + 400e3
        let a6 = ITMTroposcatter.loss(at: d6, path: p, previousH0: &h0)
        let a5 = ITMTroposcatter.loss(at: d5, path: p, previousH0: &h0)
        let scatterSlope: Double
        let scatterIntercept: Double
        let transition: Double
        if a5 < 1000.0 {
            scatterSlope = (a6 - a5) / 200e3
            transition = max(
                max(dLs, dL + 1.088 * scale * log(p.frequencyMHz)),
                (a5 - intercept - scatterSlope * d5) / (slope - scatterSlope)
            )
            scatterIntercept = (slope - scatterSlope) * transition + intercept
        } else {
            scatterSlope = slope
            scatterIntercept = intercept
            transition = 10e6
        }
        if d > transition {
            return (max(scatterSlope * d + scatterIntercept, 0.0), .troposcatter)
        }
        return (max(slope * d + intercept, 0.0), .diffraction)
    }

    /// The line-of-sight curve at d (ERL 79-ITS 67 eqs. 3.16–3.21), dB.
    private static func lineOfSight(at d: Double, path p: ITMPathState, slope: Double, intercept: Double) -> Double {
        let dLs = p.smoothEarthLineOfSightM
        let dL = p.lineOfSightM
        let aAtDLs = dLs * slope + intercept
        var d0 = 0.04 * p.frequencyMHz * p.effectiveHeights.tx * p.effectiveHeights.rx
        let d1: Double
        if intercept >= 0.0 {
            d0 = min(d0, 0.5 * dL)
            d1 = d0 + 0.25 * (dL - d0)
        } else {
            d1 = max(-intercept / slope, 0.25 * dL)
        }
        let a1 = ITMLineOfSight.loss(at: d1, path: p, slope: slope, intercept: intercept)
        var fitted = false
        var k1 = 0.0
        var k2 = 0.0
        if d0 < d1 {
            let a0 = ITMLineOfSight.loss(at: d0, path: p, slope: slope, intercept: intercept)
            let q = log(dLs / d0)
            k2 = max(0.0, ((dLs - d0) * (a1 - a0) - (d1 - d0) * (aAtDLs - a0)) / ((dLs - d0) * log(d1 / d0) - (d1 - d0) * q))
            fitted = intercept > 0.0 || k2 > 0.0
            if fitted {
                k1 = (aAtDLs - a0 - k2 * q) / (dLs - d0)
                if k1 < 0.0 {
                    k1 = 0.0
                    k2 = positiveDifference(aAtDLs, a0) / q
                    if k2 == 0.0 { k1 = slope }
                }
            }
        }
        if !fitted {
            k1 = positiveDifference(aAtDLs, a1) / (dLs - d1)
            k2 = 0.0
            if k1 == 0.0 { k1 = slope }
        }
        let a0Curve = aAtDLs - k1 * dLs - k2 * log(dLs)
        return a0Curve + k1 * d + k2 * log(d)
    }

    /// The horizon warnings: angles above 200 mrad, horizons nearer than a tenth or farther than
    /// three times the smooth-earth horizon.
    private static func check(_ p: ITMPathState, smoothHorizons: ITMTerminalPair, warnings: inout ITMWarnings) {
        if abs(p.horizonAngles.tx) > 200e-3 { warnings.insert(.txHorizonAngle) }
        if abs(p.horizonAngles.rx) > 200e-3 { warnings.insert(.rxHorizonAngle) }
        if p.horizonDistances.tx < 0.1 * smoothHorizons.tx { warnings.insert(.txHorizonDistance1) }
        if p.horizonDistances.rx < 0.1 * smoothHorizons.rx { warnings.insert(.rxHorizonDistance1) }
        if p.horizonDistances.tx > 3.0 * smoothHorizons.tx { warnings.insert(.txHorizonDistance2) }
        if p.horizonDistances.rx > 3.0 * smoothHorizons.rx { warnings.insert(.rxHorizonDistance2) }
    }

    /// The errors on values derived from the inputs, and the N_s warning.
    private static func checkDomain(_ p: ITMPathState, warnings: inout ITMWarnings) throws(ITMError) {
        let ns = p.surfaceRefractivity
        if !(ns >= 150 && ns <= 400) {
            throw ITMError(.surfaceRefractivity, value: ns, allowed: "150–400")
        }
        if ns < 250 { warnings.insert(.surfaceRefractivity) }
        let a = p.effectiveEarthRadiusM
        if a < 4_000_000 || a > 13_333_333 || a.isNaN {
            throw ITMError(.effectiveEarthRadius, value: a, allowed: "4000000–13333333")
        }
        let z = p.groundImpedance
        if !(z.re > abs(z.im)) {
            throw ITMError(.groundImpedance, value: z.re - abs(z.im), allowed: "above 0")
        }
    }
}
