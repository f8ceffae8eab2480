import Foundation

/// The variability of the loss: the quantile of attenuation for the wanted time, location and
/// situation percentages, relative to free space (the Algorithm, §5, "AVAR"; TN101 §10 and
/// Fig. 10.13; NTIA ITM v1.4 `Variability`), dB.
///
/// `A = A_ref − V_med − Y_R − Y_S`, where V_med is the climate's median adjustment at the
/// effective distance d_e, Y_R the combined time and location deviation and Y_S the situation
/// deviation, combined as the mode of variability says; a negative A is softened to
/// `A (29 − A) / (29 − 10 A)` (the Algorithm, eq. 5.2).
enum ITMVariability {
    /// The variability-adjusted attenuation below free space, dB.
    /// - Parameters:
    ///   - referenceDB: A_ref, dB.
    ///   - geometry: the path geometry (h_e, Δh, d).
    ///   - frequencyMHz: f, MHz.
    ///   - parameters: climate, mode of variability and the three percentages.
    ///   - warnings: gains `extremeVariabilities` when a deviate exceeds 3.10.
    static func attenuation(
        referenceDB: Double, geometry: ITMPathGeometry, frequencyMHz: Double, parameters: ITMParameters,
        warnings: inout ITMWarnings
    ) -> Double {
        var zT = standardNormalDeviate(exceeded: parameters.timePercent / 100)
        var zL = standardNormalDeviate(exceeded: parameters.locationPercent / 100)
        let zS = standardNormalDeviate(exceeded: parameters.situationPercent / 100)
        let c = parameters.climate.tableIndex
        let k = frequencyMHz / ITMPathState.waveNumberDivisor
        let d = geometry.distanceM
        let he = geometry.effectiveHeights
        // Effective distance (the Algorithm, eq. 5.3), with a 9,000 km earth.
        let dex = (2 * 9000e3 * he.tx).squareRoot() + (2 * 9000e3 * he.rx).squareRoot() + pow(575.7e12 / k, 1.0 / 3.0)
        let de = d < dex ? 130e3 * d / dex : 130e3 + d - dex

        let mode = parameters.variability
        let sigmaS = mode.eliminatesSituationVariability ? 0.0 : 5.0 + 3.0 * exp(-de / 100e3)
        let table = ClimateTable.self
        let vMed = curve(table.allYear[0][c], table.allYear[1][c], table.allYear[2][c], table.allYear[3][c], table.allYear[4][c], de)
        switch mode.base {
        case .singleMessage:
            zT = zS
            zL = zS
        case .accidental: zL = zS
        case .mobile: zL = zT
        case .broadcast: break
        }
        if abs(zT) > 3.10 || abs(zL) > 3.10 || abs(zS) > 3.10 { warnings.insert(.extremeVariabilities) }

        let sigmaL: Double
        if mode.eliminatesLocationVariability {
            sigmaL = 0.0
        } else {
            let roughness = ITMPathState.roughness(deltaH: geometry.deltaH, at: d)
            sigmaL = 10.0 * k * roughness / (k * roughness + 13.0)
        }
        let yL = sigmaL * zL

        let q = log(0.133 * k)
        let gMinus = table.bfm1[c] + table.bfm2[c] / (pow(table.bfm3[c] * q, 2) + 1.0)
        let gPlus = table.bfp1[c] + table.bfp2[c] / (pow(table.bfp3[c] * q, 2) + 1.0)
        let sigmaTMinus = curve(table.bsm1[c], table.bsm2[c], table.xsm1[c], table.xsm2[c], table.xsm3[c], de) * gMinus
        let sigmaTPlus = curve(table.bsp1[c], table.bsp2[c], table.xsp1[c], table.xsp2[c], table.xsp3[c], de) * gPlus
        let sigmaTD = table.cD[c] * sigmaTPlus
        let tgtd = (sigmaTPlus - sigmaTD) * table.zD[c]
        let sigmaT = zT < 0.0 ? sigmaTMinus : zT <= table.zD[c] ? sigmaTPlus : sigmaTD + tgtd / zT
        let yT = sigmaT * zT

        let ySquaredPart = pow(sigmaS, 2) + pow(yT, 2) / (7.8 + pow(zS, 2)) + pow(yL, 2) / (24.0 + pow(zS, 2))
        let yR: Double
        let yS: Double
        switch mode.base {
        case .singleMessage:
            yR = 0.0
            yS = (pow(sigmaT, 2) + pow(sigmaL, 2) + ySquaredPart).squareRoot() * zS
        case .accidental:
            yR = yT
            yS = (pow(sigmaL, 2) + ySquaredPart).squareRoot() * zS
        case .mobile:
            yR = (pow(sigmaT, 2) + pow(sigmaL, 2)).squareRoot() * zT
            yS = ySquaredPart.squareRoot() * zS
        case .broadcast:
            yR = yT + yL
            yS = ySquaredPart.squareRoot() * zS
        }
        var result = referenceDB - vMed - yR - yS
        if result < 0.0 { result = result * (29.0 - result) / (29.0 - 10.0 * result) }
        return result
    }

    /// The curve of TN101 eqs. III.69–III.70:
    /// `(c_1 + c_2 / (1 + ((d_e − x_2)/x_3)²)) · (d_e/x_1)² / (1 + (d_e/x_1)²)`.
    static func curve(_ c1: Double, _ c2: Double, _ x1: Double, _ x2: Double, _ x3: Double, _ de: Double) -> Double {
        (c1 + c2 / (1.0 + pow((de - x2) / x3, 2))) * (pow(de / x1, 2)) / (1.0 + (pow(de / x1, 2)))
    }

    /// The standard normal deviate exceeded with probability q, Q⁻¹(q), by Abramowitz and Stegun
    /// formula 26.2.23 (error below 4.5e-4), for 0 < q < 1.
    static func standardNormalDeviate(exceeded q: Double) -> Double {
        let x = q > 0.5 ? 1.0 - q : q
        let t = (-2.0 * log(x)).squareRoot()
        let zeta = ((0.010328 * t + 0.802853) * t + 2.515516) / (((0.001308 * t + 0.189269) * t + 1.432788) * t + 1.0)
        return q > 0.5 ? -(t - zeta) : t - zeta
    }
}
