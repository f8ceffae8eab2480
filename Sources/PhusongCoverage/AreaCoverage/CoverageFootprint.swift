import GEOSKit

/// The area where one site's cells of one technology deliver RSRP at or above the
/// technology's threshold, traced along N bearings (``FootprintTracer``): a star-shaped
/// polygon around the site, in lon/lat degrees.
///
/// Its vertices are the ray ends in bearing order, so the ring is star-shaped about the site
/// and simple as long as it passes through the centre at most once (the lon/lat map is locally
/// affine: bearings 5° apart keep their order in the plane); zero rays on separate bearing
/// ranges make petals that touch at the centre, which the even–odd rule of
/// ``PolygonSections`` measures as they are. Footprints
/// are at most 400 km across; vertices east or west of ±180° keep longitudes beyond it, so a
/// footprint stays one polygon across the antimeridian.
struct CoverageFootprint: Sendable, Hashable {
    let technology: Technology
    /// The province of the footprint's site (given by the caller), nil when unknown.
    let provinceCode: String?
    /// The cells' location, degrees.
    let lon: Double
    let lat: Double
    /// The outline: closed ring of flat lon/lat pairs, clockwise (bearing order).
    let ring: [Double]
    /// Bounding box of the ring, degrees.
    let envelope: Envelope
}

extension CoverageFootprint {
    /// The footprint moved `degrees` of longitude east (the same place when `degrees` is 360).
    func shifted(byDegrees degrees: Double) -> CoverageFootprint {
        let ring = self.ring.enumerated().map { $0.offset % 2 == 0 ? $0.element + degrees : $0.element }
        return CoverageFootprint(
            technology: technology, provinceCode: provinceCode, lon: lon + degrees, lat: lat, ring: ring,
            envelope: Envelope(minX: envelope.minX + degrees, minY: envelope.minY, maxX: envelope.maxX + degrees, maxY: envelope.maxY))
    }

    /// `footprints` in one continuous range of longitude, so that footprints on both sides of
    /// the antimeridian overlap in the lon/lat plane where they overlap on the Earth (a union
    /// would otherwise count their common area twice): when the widest gap between the
    /// footprints' longitudes is not the one across ±180°, the footprints west of that gap
    /// move 360° east. Areas on the sphere do not change with the shift. Footprints that do
    /// not straddle the antimeridian (such as Vietnam's) are returned as they are.
    static func continuousInLongitude(_ footprints: [CoverageFootprint]) -> [CoverageFootprint] {
        let lons = footprints.map(\.lon).sorted()
        guard let first = lons.first, let last = lons.last else { return footprints }
        var widestGap = first + 360 - last
        var westOfGap: Double?
        for (west, east) in zip(lons, lons.dropFirst()) where east - west > widestGap {
            widestGap = east - west
            westOfGap = west
        }
        guard let westOfGap else { return footprints }
        return footprints.map { $0.lon <= westOfGap ? $0.shifted(byDegrees: 360) : $0 }
    }
}
