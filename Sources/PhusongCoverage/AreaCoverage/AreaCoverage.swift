import GEOSKit
import PhusongSupport

/// Area coverage (issue 3, point 5): the area where 4G, 5G and either reach their coverage
/// thresholds, nationally and per province, in km² and as shares of land.
///
/// Method:
/// 1. Footprints (`FootprintCollection`, `FootprintTracer`): per site, technology and
///    location, a polygon traced along `settings.bearings` (≥ 72) bearings, each ray solved
///    to `settings.toleranceM` with the reference radio model, for a receiver of the area
///    type of the village nearest to the site.
/// 2. Unions per province and technology with GEOS, in parallel (`ParallelUnion`: strips
///    by longitude in their own tasks and contexts, pairwise merges).
///    - With province boundaries: every footprint that intersects the province polygon
///      (STRtree on the footprints' envelopes, then an exact test) is unioned, and the union
///      clipped to the polygon. Land = the polygon's area. National figures are the sums of
///      the provinces' clipped areas and land areas (a footprint over two provinces counts in
///      both, clipped to each; the provinces are assumed not to overlap).
///    - Without boundaries: a province unions the footprints of its own sites (the caller's
///      site → province codes), unclipped, and its land is unknown (shares nil). National
///      figures are the union of all footprints (including sites of no province): the
///      provinces' unions are the spatial parts, merged pairwise in order of longitude.
///    "Any" is the union of the 4G and 5G unions.
/// 3. Areas on the sphere of radius 6,371,008.8 m, exactly for the lon/lat polygons GEOS
///    returns (``SphericalArea``): an equal-area basis with no projection.
///
/// The result does not depend on `threads`: footprints are merged by index, strips and merge
/// trees are fixed by the data alone.
public struct AreaCoverage: Sendable, Hashable, Encodable {
    public var national: AreaFigures
    /// Provinces sorted by code: every province of the boundaries when given, otherwise every
    /// province code of the sites and villages.
    public var provinces: [ProvinceAreaFigures]
    /// Bearings traced per footprint.
    public var bearings: Int
    /// Precision of each footprint ray, metres.
    public var toleranceM: Double
    /// Footprints traced (one per site, technology and location with some coverage).
    public var footprints4G: Int
    public var footprints5G: Int
    /// True when the figures were clipped to province boundaries.
    public var clippedToBoundaries: Bool

    enum CodingKeys: String, CodingKey {
        case national, provinces, bearings
        case toleranceM = "tolerance_m"
        case footprints4G = "footprints_4g"
        case footprints5G = "footprints_5g"
        case clippedToBoundaries = "clipped_to_boundaries"
    }

    /// Computes area coverage.
    /// - Parameters:
    ///   - cells: the network, in file order.
    ///   - siteProvinceCodes: `site_id` → province code, e.g. from `IndicatorTables.siteAreas`
    ///     (parallel to `CoverageEngine.sites`):
    ///     `Dictionary(uniqueKeysWithValues: zip(engine.sites, tables.siteAreas).compactMap { site, area in area.provinceCode.map { (site.id, $0) } })`.
    ///     Used only without boundaries.
    ///   - villages: the villages, for the area type of each site's location (nearest village).
    ///   - boundaries: when it has provinces, figures are clipped to them.
    ///   - parameters: the radio model the footprints are traced with.
    ///   - settings: the bearings per footprint and the tolerance of each ray.
    ///   - threads: worker tasks.
    /// - Throws: ``SettingOutOfRange`` for a radio or area setting outside its range (at least
    ///   72 bearings, a tolerance of at least 1 m), `GEOSError` when GEOS fails.
    public static func compute(
        cells: [Cell], siteProvinceCodes: [String: String], villages: [Village], boundaries: AdminBoundaries?,
        parameters: RadioModelParameters = RadioModelParameters(), settings: AreaCoverageSettings = AreaCoverageSettings(),
        threads: Int = TaskPool.defaultThreads
    ) async throws -> AreaCoverage {
        try await compute(cells: cells, siteProvinceCodes: siteProvinceCodes, villages: villages, boundaries: boundaries,
                          parameters: parameters, settings: settings, threads: threads,
                          stripSize: ParallelUnion.defaultStripSize)
    }

    /// ``compute(cells:siteProvinceCodes:villages:boundaries:parameters:settings:threads:)``
    /// with a chosen number of footprints per union strip (small in tests, to exercise merges).
    static func compute(
        cells: [Cell], siteProvinceCodes: [String: String], villages: [Village], boundaries: AdminBoundaries?,
        parameters: RadioModelParameters, settings: AreaCoverageSettings, threads: Int, stripSize: Int
    ) async throws -> AreaCoverage {
        try SettingRanges.check(PhusongConfiguration(radio: parameters, area: settings), keysStartingWith: "radio.")
        try SettingRanges.check(PhusongConfiguration(radio: parameters, area: settings), keysStartingWith: "area.")
        let footprints = try await FootprintCollection.trace(
            cells: cells, siteProvinceCodes: siteProvinceCodes, villages: villages, parameters: parameters,
            settings: settings, threads: threads)
        // Clipped to boundaries (in −180...180), footprints keep their longitudes; otherwise
        // they are united in one continuous range of longitude, across ±180° if need be.
        let clipped = boundaries.map { !$0.provinces.isEmpty } ?? false
        let plan = AreaUnionPlan(footprints: clipped ? footprints : CoverageFootprint.continuousInLongitude(footprints),
                                 stripSize: stripSize, threads: threads)
        let national: AreaFigures
        let provinces: [ProvinceAreaFigures]
        if let boundaries, !boundaries.provinces.isEmpty {
            provinces = try await plan.clippedProvinces(boundaries.provinces)
            national = AreaFigures(
                area4GKm2: provinces.reduce(0) { $0 + $1.figures.area4GKm2 },
                area5GKm2: provinces.reduce(0) { $0 + $1.figures.area5GKm2 },
                areaAnyKm2: provinces.reduce(0) { $0 + $1.figures.areaAnyKm2 },
                landKm2: provinces.reduce(0) { $0 + ($1.figures.landKm2 ?? 0) })
        } else {
            let codes = Set(footprints.compactMap(\.provinceCode)).union(villages.compactMap(\.provinceCode)).sorted()
            (national, provinces) = try await plan.unclipped(provinceCodes: codes)
        }
        return AreaCoverage(
            national: national, provinces: provinces, bearings: settings.bearings, toleranceM: settings.toleranceM,
            footprints4G: footprints.count(where: { $0.technology == .lte }), footprints5G: footprints.count(where: { $0.technology == .nr }),
            clippedToBoundaries: boundaries.map { !$0.provinces.isEmpty } ?? false)
    }
}
