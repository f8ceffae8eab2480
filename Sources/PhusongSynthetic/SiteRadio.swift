import PhusongSupport
import PhusongCoverage

/// The radio configuration of one synthetic site: three 4G sectors at azimuths r, r + 120 and
/// r + 240 (beamwidth 65°), and three 5G sectors at the same azimuths on dense sites.
///
/// - 4G band: 1800 MHz where the local density is at least 300 people/km², else 900 MHz
///   (700 MHz on 30 % of Viettel's such sites); Vietnamobile builds only where it is dense.
/// - 5G band: the operator's (`OperatorProfile.band5GMHz`) when the density reaches its
///   threshold, with its probability.
/// - Mast height, metres, uniform in 0.5 m steps by the site's area type: urban 20–32,
///   suburban 25–38, rural and open 30–45; universal-service sites 20–30.
/// - 4G reference-signal EIRP, dBm: N(30, 0.9²) clipped to 28–32, in 0.1 dB steps; 5G 36.0.
struct SiteRadio: Sendable {
    var band4GMHz: Double
    var band5GMHz: Double?
    var heightM: Double
    /// Azimuth of sector 1, degrees (0..<120).
    var firstAzimuthDeg: Double
    var eirp4GdBm: Double

    /// Local density from which 4G uses 1800 MHz, people/km².
    static let highBandDensity = 300.0
    static let beamwidthDeg = 65.0
    static let eirp5GdBm = 36.0

    init(site: SiteDraft, profile: OperatorProfile, generator: inout SeededGenerator) {
        if site.density >= Self.highBandDensity {
            band4GMHz = 1_800
        } else {
            band4GMHz = generator.chance(profile.share700) ? 700 : 900
        }
        if let band = profile.band5GMHz, site.density >= profile.minimumDensity5G, generator.chance(profile.probability5G) {
            band5GMHz = band
        } else {
            band5GMHz = nil
        }
        let heights: ClosedRange<Double>
        if site.isUniversalService {
            heights = 20...30
        } else {
            switch AreaType(localDensity: site.density) {
            case .urban: heights = 20...32
            case .suburban: heights = 25...38
            case .rural, .open: heights = 30...45
            }
        }
        // Safe: the ranges are the constants above.
        let steps = Int((heights.upperBound - heights.lowerBound) * 2) + 1
        heightM = heights.lowerBound + Double(generator.index(below: steps)) / 2
        firstAzimuthDeg = Double(generator.index(below: 120))
        let eirp = min(max(30 + 0.9 * generator.normal(), 28), 32)
        eirp4GdBm = (eirp * 10).rounded() / 10
    }

    /// The site's cells: `<siteID>-1…3` for 4G, `-4…6` for 5G, all at the site's location.
    func cells(siteID: String, operatorName: String, lon: Double, lat: Double, powerSource: PowerSource) -> [Cell] {
        var sectors: [(Technology, Double, Double)] = [(.lte, band4GMHz, eirp4GdBm)]
        if let band5GMHz { sectors.append((.nr, band5GMHz, Self.eirp5GdBm)) }
        var cells: [Cell] = []
        for (layer, (technology, band, eirp)) in sectors.enumerated() {
            for sector in 0..<3 {
                cells.append(Cell(
                    id: "\(siteID)-\(layer * 3 + sector + 1)", siteID: siteID, operatorName: operatorName,
                    technology: technology, bandMHz: band, lon: lon, lat: lat, heightM: heightM,
                    azimuthDeg: firstAzimuthDeg + Double(120 * sector), beamwidthDeg: Self.beamwidthDeg,
                    rsEIRPdBm: eirp, powerSource: powerSource
                ))
            }
        }
        return cells
    }
}
