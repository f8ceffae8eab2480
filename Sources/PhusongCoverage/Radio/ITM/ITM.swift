import Foundation

/// The Irregular Terrain Model (Longley–Rice), version 1.2.2, in point-to-point mode, as NTIA's
/// reference implementation ITM v1.4 computes it (`ITM_P2P_TLS_Ex`).
///
/// Sources: G. A. Hufford, "The ITS Irregular Terrain Model, version 1.2.2: The Algorithm"
/// (NTIA/ITS, 1995); A. G. Longley and P. L. Rice, ESSA Tech. Report ERL 79-ITS 67 (1968);
/// Rice et al., NBS Technical Note 101 (1967); G. A. Hufford, A. G. Longley and W. A. Kissick,
/// NTIA Report 82-100 (1982); and the documentation of NTIA/ITS's ITM v1.4 (github NTIA/itm),
/// whose published test vectors this implementation reproduces to 0.01 dB
/// (docs/specs/terrain-model.md). Written from those descriptions; no code is shared.
///
/// Steps: check the inputs; N_s, γ_e and Z_g from the path's mean height
/// (`ITMGroundAndAtmosphere`); the horizons, effective heights and Δh from the profile
/// (`ITMPathGeometry`); the reference attenuation and mode (`ITMReferenceAttenuation`); the
/// variability (`ITMVariability`); the loss is free space plus the last.
///
/// The call allocates nothing: the profile is the caller's buffer and the scratch space is on
/// the stack, so a coverage run can call it for every village–cell pair from many threads.
public enum ITM {
    /// The basic transmission loss of a link over a terrain profile.
    /// - Parameters:
    ///   - heightsM: z_0 … z_n, terrain heights above sea level along the path, m, from the
    ///     transmitter (z_0) to the receiver (z_n), equally spaced: at least 3 points (n ≥ 2).
    ///   - spacingM: the distance between neighbouring points, m (d = n · spacing).
    ///   - link: the structural heights of the ends and the frequency.
    ///   - parameters: climate, refractivity, ground, polarisation and variability.
    /// - Returns: the loss, the mode, the warnings and the intermediate values.
    /// - Throws: ``ITMError`` when an input or an intermediate value is outside ITM's domain.
    public static func pointToPoint(
        heightsM: UnsafeBufferPointer<Double>, spacingM: Double, link: ITMLink, parameters: ITMParameters
    ) throws(ITMError) -> ITMResult {
        var warnings = try validate(link: link, parameters: parameters)
        try validateProfile(heightsM, spacingM: spacingM)
        let profile = ITMProfile(heights: heightsM, spacingM: spacingM)
        let ground = ITMGroundAndAtmosphere(
            frequencyMHz: link.frequencyMHz, meanHeightM: profile.meanHeightM, parameters: parameters
        )
        let a = ground.effectiveEarthRadiusM
        let geometry = ITMPathGeometry(profile: profile, effectiveEarthRadiusM: a, link: link)
        let he = geometry.effectiveHeights
        let horizons = geometry.horizonDistances
        let lineOfSight = horizons.tx + horizons.rx
        let path = ITMPathState(
            frequencyMHz: link.frequencyMHz, waveNumber: link.frequencyMHz / ITMPathState.waveNumberDivisor,
            effectiveEarthRadiusM: a, groundImpedance: ground.groundImpedance,
            surfaceRefractivity: ground.surfaceRefractivity,
            structuralHeights: ITMTerminalPair(tx: link.txHeightM, rx: link.rxHeightM),
            effectiveHeights: he, horizonAngles: geometry.horizonAngles, horizonDistances: horizons,
            deltaH: geometry.deltaH,
            smoothEarthLineOfSightM: (2.0 * he.tx * a).squareRoot() + (2.0 * he.rx * a).squareRoot(),
            lineOfSightM: lineOfSight,
            lineOfSightAngle: -max(geometry.horizonAngles.tx + geometry.horizonAngles.rx, -lineOfSight / a)
        )
        let reference = try ITMReferenceAttenuation.compute(path: path, distanceM: geometry.distanceM, warnings: &warnings)
        let freeSpace = freeSpaceLossDB(distanceM: geometry.distanceM, frequencyMHz: link.frequencyMHz)
        let variability = ITMVariability.attenuation(
            referenceDB: reference.attenuationDB, geometry: geometry, frequencyMHz: link.frequencyMHz,
            parameters: parameters, warnings: &warnings
        )
        return ITMResult(
            lossDB: variability + freeSpace, mode: reference.mode, warnings: warnings, freeSpaceLossDB: freeSpace,
            referenceAttenuationDB: reference.attenuationDB, distanceM: geometry.distanceM,
            horizonAnglesRad: geometry.horizonAngles, horizonDistancesM: horizons, effectiveHeightsM: he,
            terrainIrregularityM: geometry.deltaH, surfaceRefractivityNs: ground.surfaceRefractivity
        )
    }

    /// ``pointToPoint(heightsM:spacingM:link:parameters:)`` over an array (no copy is made).
    /// - Parameters:
    ///   - heightsM: z_0 … z_n, m.
    ///   - spacingM: the spacing, m.
    ///   - link: the ends and the frequency.
    ///   - parameters: the model's settings.
    /// - Returns: the loss and the intermediate values.
    /// - Throws: ``ITMError`` outside ITM's domain.
    public static func pointToPoint(
        heightsM: [Double], spacingM: Double, link: ITMLink, parameters: ITMParameters
    ) throws(ITMError) -> ITMResult {
        let result: Result<ITMResult, ITMError> = heightsM.withUnsafeBufferPointer { buffer in
            Result { () throws(ITMError) in
                try pointToPoint(heightsM: buffer, spacingM: spacingM, link: link, parameters: parameters)
            }
        }
        return try result.get()
    }

    /// ITM's free-space basic transmission loss, `32.45 + 20 log10 f + 20 log10 (d / 1000)`, dB
    /// (f in MHz, d in m). Note the 32.45 dB constant: ITM's, not P.525's exact value.
    /// - Parameters:
    ///   - distanceM: d, m.
    ///   - frequencyMHz: f, MHz.
    /// - Returns: the loss, dB.
    public static func freeSpaceLossDB(distanceM: Double, frequencyMHz: Double) -> Double {
        32.45 + 20.0 * log10(frequencyMHz) + 20.0 * log10(distanceM / 1000.0)
    }

    /// The checks of NTIA ITM v1.4 `ValidateInputs`, in its order; the warnings they raise.
    static func validate(link: ITMLink, parameters: ITMParameters) throws(ITMError) -> ITMWarnings {
        var warnings: ITMWarnings = []
        if !(link.txHeightM >= 1.0 && link.txHeightM <= 1000.0) { warnings.insert(.txTerminalHeight) }
        if !(link.txHeightM >= 0.5 && link.txHeightM <= 3000.0) {
            throw ITMError(.txHeight, value: link.txHeightM, allowed: "0.5–3000")
        }
        if !(link.rxHeightM >= 1.0 && link.rxHeightM <= 1000.0) { warnings.insert(.rxTerminalHeight) }
        if !(link.rxHeightM >= 0.5 && link.rxHeightM <= 3000.0) {
            throw ITMError(.rxHeight, value: link.rxHeightM, allowed: "0.5–3000")
        }
        let n0 = parameters.refractivityN0
        if !(n0 >= 250 && n0 <= 400) { throw ITMError(.refractivity, value: n0, allowed: "250–400") }
        let f = link.frequencyMHz
        if !(f >= 40.0 && f <= 10000.0) { warnings.insert(.frequency) }
        if !(f >= 20 && f <= 20000) { throw ITMError(.frequency, value: f, allowed: "20–20000") }
        let epsilon = parameters.permittivity
        if !(epsilon >= 1 && epsilon.isFinite) { throw ITMError(.permittivity, value: epsilon, allowed: "1 or more") }
        let sigma = parameters.conductivitySPerM
        if !(sigma > 0 && sigma.isFinite) { throw ITMError(.conductivity, value: sigma, allowed: "above 0") }
        for (parameter, value) in [
            (ITMError.Parameter.situation, parameters.situationPercent), (.time, parameters.timePercent),
            (.location, parameters.locationPercent),
        ] where !(value > 0 && value < 100) {
            throw ITMError(parameter, value: value, allowed: "above 0 and below 100")
        }
        return warnings
    }

    /// phusong's own checks of the profile, which ITM indexes and divides by without checking.
    static func validateProfile(_ heights: UnsafeBufferPointer<Double>, spacingM: Double) throws(ITMError) {
        if heights.count < 3 {
            throw ITMError(.profileIntervals, value: Double(heights.count - 1), allowed: "2 or more")
        }
        if !(spacingM > 0 && spacingM.isFinite) {
            throw ITMError(.profileSpacing, value: spacingM, allowed: "above 0")
        }
        for height in heights where !height.isFinite {
            throw ITMError(.profileHeight, value: height, allowed: "a finite number")
        }
    }
}
