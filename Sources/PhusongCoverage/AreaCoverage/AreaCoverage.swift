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
/// 2. The union of the footprints per province and technology, measured by scan lines of
///    latitude (`AreaScan`: 1/1200° rows, the exact section of the union on each row's
///    centre line, weighted by the row's exact area on the sphere of radius 6,371,008.8 m).
///    The GEOS union of polygons this replaces took seconds; the scan's error against the
///    exact union is bounded on the data by `AreaCoverage.bounds`
///    (docs/specs/indicators.md §5 gives the bound and the measured differences).
///    - With province boundaries: the union of all footprints intersected with each province
///      polygon (the same as the union of the footprints that reach it, clipped). Land = the
///      polygon's exact area (``SphericalArea``). National figures are the sums of the
///      provinces' clipped areas and land areas (a footprint over two provinces counts in
///      both, clipped to each; the provinces are assumed not to overlap).
///    - Without boundaries: a province unions the footprints of its own sites (the caller's
///      site → province codes), unclipped, and its land is unknown (shares nil). National
///      figures are the union of all footprints (including sites of no province).
///    "Any" is the union of the 4G and 5G unions.
///
/// The result does not depend on `threads`: footprints are merged by index, and the scan's
/// strips and the order of their sums are fixed by the grid and the data alone.
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
    ///   72 bearings, a tolerance of at least 1 m), `GEOSError` when a province's WKB cannot be
    ///   read.
    public static func compute(
        cells: [Cell], siteProvinceCodes: [String: String], villages: [Village], boundaries: AdminBoundaries?,
        parameters: RadioModelParameters = RadioModelParameters(), settings: AreaCoverageSettings = AreaCoverageSettings(),
        threads: Int = TaskPool.defaultThreads
    ) async throws -> AreaCoverage {
        try await compute(cells: cells, siteProvinceCodes: siteProvinceCodes, villages: villages, boundaries: boundaries,
                          parameters: parameters, settings: settings, threads: threads, layer: .centre)
    }

    /// The certain bounds of ``compute(cells:siteProvinceCodes:villages:boundaries:parameters:settings:threads:)``:
    /// every area figure of `lower` is at most the exact area of the union of the footprints
    /// (clipped), every one of `upper` at least (`AreaScan`, "Error bound"); the computed
    /// figure lies between them. About three times the work of `compute`, for tests and the
    /// accuracy table of docs/benchmarks.md.
    static func bounds(
        cells: [Cell], siteProvinceCodes: [String: String], villages: [Village], boundaries: AdminBoundaries?,
        threads: Int
    ) async throws -> (lower: AreaCoverage, upper: AreaCoverage) {
        let parameters = RadioModelParameters(), settings = AreaCoverageSettings()
        let lower = try await compute(cells: cells, siteProvinceCodes: siteProvinceCodes, villages: villages,
                                      boundaries: boundaries, parameters: parameters, settings: settings,
                                      threads: threads, layer: .inner)
        let upper = try await compute(cells: cells, siteProvinceCodes: siteProvinceCodes, villages: villages,
                                      boundaries: boundaries, parameters: parameters, settings: settings,
                                      threads: threads, layer: .outer)
        return (lower, upper)
    }

    /// ``compute(cells:siteProvinceCodes:villages:boundaries:parameters:settings:threads:)``
    /// measured on one layer of the scan: the estimate (`centre`) or one of its bounds.
    static func compute(
        cells: [Cell], siteProvinceCodes: [String: String], villages: [Village], boundaries: AdminBoundaries?,
        parameters: RadioModelParameters, settings: AreaCoverageSettings, threads: Int, layer: ScanLayer
    ) async throws -> AreaCoverage {
        try SettingRanges.check(PhusongConfiguration(radio: parameters, area: settings), keysStartingWith: "radio.")
        try SettingRanges.check(PhusongConfiguration(radio: parameters, area: settings), keysStartingWith: "area.")
        let footprints = try await FootprintCollection.trace(
            cells: cells, siteProvinceCodes: siteProvinceCodes, villages: villages, parameters: parameters,
            settings: settings, threads: threads)
        let national: AreaFigures
        let provinces: [ProvinceAreaFigures]
        if let boundaries, !boundaries.provinces.isEmpty {
            // Clipped to boundaries (in −180...180), footprints keep their longitudes.
            let units = boundaries.provinces
            let context = try GEOSContext()
            var clips: [[[Double]]] = []
            var landKm2: [Double] = []
            for unit in units {
                let polygons = try context.geometry(fromWKB: unit.wkb).polygonRings()
                clips.append(polygons.flatMap { $0 })
                landKm2.append(SphericalArea.areaM2(polygons: polygons) / 1e6)
            }
            let scan = AreaScan(footprints: footprints, territoryOf: footprints.map { _ in 0 }, territories: 1, clips: clips)
            let areas = try await scan.areasM2(layer: layer, threads: threads)
            provinces = units.enumerated().map { index, unit in
                ProvinceAreaFigures(code: unit.code, name: unit.name, figures: Self.figures(areas, unit: index, landKm2: landKm2[index]))
            }
            national = AreaFigures(
                area4GKm2: provinces.reduce(0) { $0 + $1.figures.area4GKm2 },
                area5GKm2: provinces.reduce(0) { $0 + $1.figures.area5GKm2 },
                areaAnyKm2: provinces.reduce(0) { $0 + $1.figures.areaAnyKm2 },
                landKm2: provinces.reduce(0) { $0 + ($1.figures.landKm2 ?? 0) })
        } else {
            // Unclipped, footprints are measured in one continuous range of longitude, across
            // ±180° if need be; a province unions its own sites' footprints.
            let codes = Set(footprints.compactMap(\.provinceCode)).union(villages.compactMap(\.provinceCode)).sorted()
            let territoryOf = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($0.element, $0.offset) })
            let scan = AreaScan(
                footprints: CoverageFootprint.continuousInLongitude(footprints),
                territoryOf: footprints.map { $0.provinceCode.flatMap { territoryOf[$0] } ?? codes.count },
                territories: codes.count + 1, clips: nil)
            let areas = try await scan.areasM2(layer: layer, threads: threads)
            provinces = codes.enumerated().map { index, code in
                ProvinceAreaFigures(code: code, name: ProvinceCatalog.names2025[code],
                                    figures: Self.figures(areas, unit: index, landKm2: nil))
            }
            national = Self.figures(areas, unit: scan.units, landKm2: nil)
        }
        return AreaCoverage(
            national: national, provinces: provinces, bearings: settings.bearings, toleranceM: settings.toleranceM,
            footprints4G: footprints.count(where: { $0.technology == .lte }), footprints5G: footprints.count(where: { $0.technology == .nr }),
            clippedToBoundaries: boundaries.map { !$0.provinces.isEmpty } ?? false)
    }

    /// The figures of `unit` in the scan's areas (m², three per unit), km².
    private static func figures(_ areasM2: [Double], unit: Int, landKm2: Double?) -> AreaFigures {
        AreaFigures(area4GKm2: areasM2[3 * unit] / 1e6, area5GKm2: areasM2[3 * unit + 1] / 1e6,
                    areaAnyKm2: areasM2[3 * unit + 2] / 1e6, landKm2: landKm2)
    }
}
