import Foundation

/// What ITM reads from the terrain profile: the horizons, the effective antenna heights and the
/// terrain irregularity (the Algorithm, §3, "QLRPFL"; Hufford, Longley and Kissick, NTIA
/// Report 82-100 (1982), p. 25; NTIA ITM v1.4 `QuickPfl`). Heights and distances in metres,
/// angles in radians.
struct ITMPathGeometry {
    /// d, m.
    var distanceM: Double
    /// θ_hzn of both ends, radians.
    var horizonAngles: ITMTerminalPair
    /// d_hzn of both ends, m.
    var horizonDistances: ITMTerminalPair
    /// h_e of both ends, m.
    var effectiveHeights: ITMTerminalPair
    /// Δh, m.
    var deltaH: Double

    /// The geometry of a path.
    /// - Parameters:
    ///   - profile: the terrain profile.
    ///   - effectiveEarthRadiusM: a_e, m.
    ///   - link: the structural heights, m.
    ///
    /// Terrain is considered from min(15 h, 0.1 d_hzn) away from each end. Δh over that stretch;
    /// then, when the horizons together exceed 1.5 d (well within line of sight), the effective
    /// heights come from one fit over the whole stretch and the horizons and their angles are
    /// re-derived from a smooth earth (`d_hzn = sqrt(2 h_e a_e) · exp(−0.07 sqrt(Δh / max(h_e, 5)))`,
    /// the heights scaled by (d / Σd_hzn)² when the horizons fall short of d); otherwise each
    /// end's effective height comes from a fit over the stretch up to 0.9 of its horizon.
    /// The effective height is the structural height plus the ground's height above the fitted
    /// line at that end, when positive.
    init(profile: ITMProfile, effectiveEarthRadiusM a: Double, link: ITMLink) {
        let d = profile.distanceM
        let n = profile.intervals
        let horizons = ITMHorizons.find(profile: profile, effectiveEarthRadiusM: a, link: link)
        var angles = horizons.angles
        var distances = horizons.distances
        let start = min(15.0 * link.txHeightM, 0.1 * distances.tx)
        let end = d - min(15.0 * link.rxHeightM, 0.1 * distances.rx)
        let deltaH = ITMTerrainIrregularity.deltaH(profile, from: start, to: end)
        var heights: ITMTerminalPair
        if distances.tx + distances.rx > 1.5 * d {
            let line = ITMLinearFit.fit(profile, from: start, to: end)
            heights = ITMTerminalPair(
                tx: link.txHeightM + positiveDifference(profile[0], line.atStart),
                rx: link.rxHeightM + positiveDifference(profile[n], line.atEnd)
            )
            distances = Self.smoothEarthHorizons(heights, a: a, deltaH: deltaH)
            let combined = distances.tx + distances.rx
            if combined <= d {
                let scale = pow(d / combined, 2)
                heights = ITMTerminalPair(tx: heights.tx * scale, rx: heights.rx * scale)
                distances = Self.smoothEarthHorizons(heights, a: a, deltaH: deltaH)
            }
            angles = ITMTerminalPair(
                tx: Self.horizonAngle(height: heights.tx, horizon: distances.tx, a: a, deltaH: deltaH),
                rx: Self.horizonAngle(height: heights.rx, horizon: distances.rx, a: a, deltaH: deltaH)
            )
        } else {
            let txLine = ITMLinearFit.fit(profile, from: start, to: 0.9 * distances.tx)
            let rxLine = ITMLinearFit.fit(profile, from: d - 0.9 * distances.rx, to: end)
            heights = ITMTerminalPair(
                tx: link.txHeightM + positiveDifference(profile[0], txLine.atStart),
                rx: link.rxHeightM + positiveDifference(profile[n], rxLine.atEnd)
            )
        }
        distanceM = d
        horizonAngles = angles
        horizonDistances = distances
        effectiveHeights = heights
        self.deltaH = deltaH
    }

    /// Horizon distances over a rough smooth earth, m.
    private static func smoothEarthHorizons(_ heights: ITMTerminalPair, a: Double, deltaH: Double) -> ITMTerminalPair {
        ITMTerminalPair(
            tx: (2.0 * heights.tx * a).squareRoot() * exp(-0.07 * (deltaH / max(heights.tx, 5.0)).squareRoot()),
            rx: (2.0 * heights.rx * a).squareRoot() * exp(-0.07 * (deltaH / max(heights.rx, 5.0)).squareRoot())
        )
    }

    /// `θ = (0.65 Δh (q / d_hzn − 1) − 2 h_e) / q` with q = sqrt(2 h_e a_e), radians.
    private static func horizonAngle(height: Double, horizon: Double, a: Double, deltaH: Double) -> Double {
        let q = (2.0 * height * a).squareRoot()
        return (0.65 * deltaH * (q / horizon - 1.0) - 2.0 * height) / q
    }
}
