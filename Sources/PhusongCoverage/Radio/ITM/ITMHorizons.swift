/// The radio horizons of both ends seen along the profile (the Algorithm, §3, "horizon
/// extraction"; TN101 eq. 6.15; NTIA ITM v1.4 `FindHorizons`).
///
/// Each end starts as if the other were its horizon (the line-of-sight elevation angle
/// `±(z_rx − z_tx)/d − d/(2 a_e)`); every intermediate point whose elevation angle, corrected
/// for the effective earth's curvature, is larger becomes the horizon. Angles in radians,
/// distances in metres.
enum ITMHorizons {
    /// θ_hzn and d_hzn of both ends.
    /// - Parameters:
    ///   - profile: the terrain profile.
    ///   - effectiveEarthRadiusM: a_e, m.
    ///   - link: the structural heights of both ends, m.
    static func find(
        profile: ITMProfile, effectiveEarthRadiusM a: Double, link: ITMLink
    ) -> (angles: ITMTerminalPair, distances: ITMTerminalPair) {
        let d = profile.distanceM
        let xi = profile.spacingM
        let zTx = profile[0] + link.txHeightM
        let zRx = profile[profile.intervals] + link.rxHeightM
        var thetaTx = (zRx - zTx) / d - d / (2 * a)
        var thetaRx = -(zRx - zTx) / d - d / (2 * a)
        var distanceTx = d
        var distanceRx = d
        // The distances are accumulated by repeated addition, as the reference does, so that
        // they carry the same rounding.
        var fromTx = 0.0
        var fromRx = d
        var index = 1
        while index < profile.intervals {
            fromTx += xi
            fromRx -= xi
            let z = profile[index]
            let angleTx = (z - zTx) / fromTx - fromTx / (2 * a)
            let angleRx = -(zRx - z) / fromRx - fromRx / (2 * a)
            if angleTx > thetaTx {
                thetaTx = angleTx
                distanceTx = fromTx
            }
            if angleRx > thetaRx {
                thetaRx = angleRx
                distanceRx = fromRx
            }
            index += 1
        }
        return (ITMTerminalPair(tx: thetaTx, rx: thetaRx), ITMTerminalPair(tx: distanceTx, rx: distanceRx))
    }
}
