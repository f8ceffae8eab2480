import PhusongSupport

/// A row of a per-area indicator table: a province or commune with its indicators.
public struct AreaIndicators: Sendable, Hashable {
    public var code: String
    public var name: String?
    /// For a commune: its province.
    public var provinceCode: String?
    public var indicators: CoverageIndicators
}

/// The indicators of a coverage run at every level the committee reviews: national, per
/// province, per commune and per operator (docs/specs/indicators.md §2, "Indicators").
public struct IndicatorTables: Sendable {
    public var national: CoverageIndicators
    /// Sorted by code; villages without a province code are left out (they count nationally).
    public var provinces: [AreaIndicators]
    /// Sorted by code; villages without a commune code are left out.
    public var communes: [AreaIndicators]
    /// Per operator (sorted by name), with only that operator's cells and sites.
    public var operators: [(name: String, indicators: CoverageIndicators)]
    /// The province and commune each site counts in (parallel to the engine's sites).
    public var siteAreas: [(provinceCode: String?, communeCode: String?)]
    /// Why the communes' station counts are not available, nil when they are. A site counts
    /// in the commune whose boundary contains it when commune boundaries are given, and in
    /// that of its nearest village when no boundaries are given (as for provinces). With
    /// province boundaries only, a site is placed in a province by its polygon and in no
    /// commune, so a commune's count would be a false 0: it is left empty instead.
    public var communeStationsNote: String?

    /// The note of `communeStationsNote`.
    public static let communeStationsUnavailable = "stations per commune are not available: the boundary files given with "
        + "--admin hold provinces only, so each site is placed in the province whose boundary contains it but in no commune; "
        + "the communes' stations_4g, stations_5g and ratio_5g_4g_stations are left empty. Give commune boundaries too "
        + "(e.g. vn_wards_3321_simplified.geojson) to count stations per commune"

    /// Aggregates village results and sites.
    ///
    /// A site belongs to the province and commune whose polygon contains it when boundaries
    /// were given (loading set its codes in the site table, `engine.sites`), otherwise to those of its nearest
    /// village (great-circle; exact ties: the village first in the file), found with
    /// `threads` tasks.
    public init(
        villages: [Village], coverage: [VillageCoverage], engine: CoverageEngine,
        boundaries: AdminBoundaries?, threads: Int
    ) async throws {
        precondition(villages.count == coverage.count, "one coverage result per village")
        let sites = engine.sites
        communeStationsNote = boundaries.map { $0.communes.isEmpty } == true ? Self.communeStationsUnavailable : nil
        let operatorCount = engine.operators.count
        // Summed in parallel chunks (villages, then sites) and added up in chunk order, which
        // keeps "a commune's province is that of its first village with one". The villages'
        // sums are made beside the sites' areas (whose village index is built on one task).
        let (areas, villageSums) = try await TaskPool.pair(threads: threads) {
            try await Self.siteAreas(sites, villages: villages, boundaries: boundaries, threads: threads)
        } _: {
            try await TaskPool.mapChunks(count: villages.count, threads: threads, minimumChunk: 4_096, chunksPerThread: 1) { range in
                var sums = IndicatorSums(operators: operatorCount)
                for index in range { sums.add(village: villages[index], coverage: coverage[index]) }
                return sums
            }
        }
        siteAreas = areas
        let operatorIndex = Dictionary(uniqueKeysWithValues: engine.operators.enumerated().map { ($0.element, $0.offset) })
        let siteSums = try await TaskPool.mapChunks(count: sites.count, threads: threads, minimumChunk: 4_096, chunksPerThread: 1) { range in
            var sums = IndicatorSums(operators: operatorCount)
            for index in range {
                sums.add(site: sites[index], area: areas[index], operatorIndex: operatorIndex[sites[index].operatorName])
            }
            return sums
        }
        var sums = IndicatorSums(operators: operatorCount)
        for chunk in villageSums + siteSums { sums.add(chunk) }
        national = sums.national
        provinces = sums.byProvince.sorted().map { code, indicators in
            AreaIndicators(code: code, name: boundaries?.provinceName(code) ?? ProvinceCatalog.names2025[code],
                           provinceCode: nil, indicators: indicators)
        }
        communes = sums.byCommune.sorted().map { code, indicators in
            AreaIndicators(code: code, name: boundaries?.communeName(code),
                           provinceCode: sums.communeProvince[code] ?? boundaries?.communes.first { $0.code == code }?.provinceCode,
                           indicators: indicators)
        }
        operators = engine.operators.enumerated().map { ($0.element, sums.byOperator[$0.offset]) }
    }

    /// The province and commune each site counts in (``siteAreas``).
    private static func siteAreas(
        _ sites: SiteTable, villages: [Village], boundaries: AdminBoundaries?, threads: Int
    ) async throws -> [(provinceCode: String?, communeCode: String?)] {
        if boundaries != nil { return sites.map { ($0.provinceCode, $0.communeCode) } }
        let nearest = VillageIndex(villages: villages)
        return try await TaskPool.map(count: sites.count, threads: threads, minimumChunk: 1_024) { range in
            range.map { index -> (provinceCode: String?, communeCode: String?) in
                guard let village = nearest.nearest(lon: sites[index].lon, lat: sites[index].lat) else { return (nil, nil) }
                return (villages[village].provinceCode, villages[village].communeCode)
            }
        }
    }
}
