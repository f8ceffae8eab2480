import GEOSKit

/// The area where one site's cells of one technology deliver RSRP at or above the
/// technology's threshold, traced along N bearings (``FootprintTracer``): a star-shaped
/// polygon around the site, in lon/lat degrees.
///
/// Its vertices are the ray ends in bearing order, so the ring is star-shaped about the site
/// and simple — a valid polygon — as long as it passes through the centre at most once (the
/// lon/lat map is locally affine: bearings 5° apart keep their order in the plane). Footprints
/// are only 35 km across, far from the antimeridian and the poles.
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
    /// True when zero-length rays on two or more separate bearing ranges make the ring pass
    /// through the centre more than once: the polygon is then a bunch of petals touching at
    /// the centre, which GEOS only accepts after make-valid.
    let needsRepair: Bool

    /// The footprint as a GEOS polygon (or, after repair, a multipolygon) in `context`.
    func geometry(in context: GEOSContext) throws(GEOSError) -> Geometry {
        let polygon = try context.polygon(exterior: ring)
        return needsRepair ? try polygon.makeValid() : polygon
    }
}
