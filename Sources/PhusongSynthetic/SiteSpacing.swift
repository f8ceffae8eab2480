/// How far apart one operator's sites are, from the local population density: Viettel's
/// spacing is 10 km at 3 people/km², 7.5 km at 30, 5 km at 100, 3 km at 300, 1.25 km at 1,500,
/// 0.5 km at 5,000 and 0.26 km at 20,000 (log-log interpolation, constant beyond the ends),
/// as in the national scenario. Sparse places get few sites and remain dead zones.
enum SiteSpacing {
    private static let densities: [Double] = [3, 30, 100, 300, 1_500, 5_000, 20_000]
    private static let kilometres: [Double] = [10, 7.5, 5, 3, 1.25, 0.5, 0.26]
    /// Random sequential adsorption packs sites at about 1.287 × the exclusion distance, so the
    /// exclusion distance is the spacing divided by it.
    static let packingFactor = 1.287

    /// Viettel's site spacing, km, at a local density in people/km².
    static func viettelKm(density: Double) -> Double {
        guard let last = densities.indices.last else { return kilometres[0] }
        if density <= densities[0] { return kilometres[0] }
        if density >= densities[last] { return kilometres[last] }
        var upper = 1
        while densities[upper] < density { upper += 1 }
        let lower = upper - 1
        let t = (PortableMath.log(density) - PortableMath.log(densities[lower]))
            / (PortableMath.log(densities[upper]) - PortableMath.log(densities[lower]))
        let logKm = PortableMath.log(kilometres[lower]) + t * (PortableMath.log(kilometres[upper]) - PortableMath.log(kilometres[lower]))
        return PortableMath.exp(logKm)
    }

    /// The distance, km, within which `profile` builds no second site.
    static func exclusionKm(density: Double, profile: OperatorProfile) -> Double {
        viettelKm(density: density) * profile.spacingMultiplier / packingFactor
    }
}
