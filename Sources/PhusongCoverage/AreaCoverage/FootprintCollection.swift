import PhusongSupport

/// Traces the coverage footprints of a whole network: one per site, technology and location.
///
/// Cells are grouped by (site_id, technology, lon, lat): the sectors of a site share its
/// location, and their footprints are merged into one site footprint per technology
/// (``FootprintTracer``), which divides the polygons to measure (``AreaScan``) by about three.
/// Cells of one site at different locations get separate footprints. Groups keep the order
/// of their first cell; groups are traced in parallel chunks merged by index, so the result
/// does not depend on the number of threads.
///
/// The receiver environment of a group ("the area type of the cell's location") is the area
/// type of the village nearest to the cells (great-circle; exact ties: the village first in
/// the file), the village whose radio environment the spec would apply at that spot; rural
/// (the data-format default) when there are no villages.
enum FootprintCollection {
    /// Footprints of `cells`, in order of each group's first cell; groups without area are left
    /// out.
    /// - Parameter siteProvinceCodes: the province of each site (by `site_id`), carried on its
    ///   footprints; sites not in it get nil.
    static func trace(
        cells: [Cell], siteProvinceCodes: [String: String], villages: [Village],
        parameters: RadioModelParameters, settings: AreaCoverageSettings, threads: Int
    ) async throws -> [CoverageFootprint] {
        // The village index is built beside the grouping.
        let (groups, nearest) = await TaskPool.pair(threads: threads) {
            groupBySiteLocation(cells)
        } _: {
            VillageIndex(villages: villages)
        }
        let tracer = FootprintTracer(bearings: settings.bearings, toleranceM: settings.toleranceM, parameters: parameters)
        let areaTypes = villages.map(\.areaType)
        // Many small chunks: a footprint's cost varies a hundredfold (a 700 MHz site in open
        // country against a city's 2600 MHz one), and the cells of a region follow each other.
        let traced: [CoverageFootprint?] = try await TaskPool.map(
            count: groups.count, threads: threads, minimumChunk: 64, chunksPerThread: 64
        ) { range in
            range.map { index in
                let members = groups[index]
                let first = cells[members[0]]
                let areaType = nearest.nearest(lon: first.lon, lat: first.lat).map { areaTypes[$0] } ?? .rural
                let sectors = members.map { PreparedCell(cells[$0], parameters: parameters) }
                let rays = tracer.raysM(sectors: sectors, areaType: areaType,
                                        thresholdDBm: parameters.coverageThresholdDBm(for: first.technology))
                return tracer.footprint(lon: first.lon, lat: first.lat, raysM: rays, technology: first.technology,
                                        provinceCode: siteProvinceCodes[first.siteID])
            }
        }
        return traced.compactMap { $0 }
    }

    /// Indices of the cells of each (site_id, technology, lon, lat), groups in order of first cell.
    static func groupBySiteLocation(_ cells: [Cell]) -> [[Int]] {
        struct Key: Hashable {
            var siteID: String
            var technology: Technology
            var lon: Double
            var lat: Double
        }
        var groups: [[Int]] = []
        var groupOf: [Key: Int] = [:]
        // The cells of a site usually follow each other: a key equal to the one before needs
        // no hashing.
        var previous: (key: Key, group: Int)?
        for (index, cell) in cells.enumerated() {
            let key = Key(siteID: cell.siteID, technology: cell.technology, lon: cell.lon, lat: cell.lat)
            if let previous, previous.key == key {
                groups[previous.group].append(index)
            } else if let group = groupOf[key] {
                groups[group].append(index)
                previous = (key, group)
            } else {
                previous = (key, groups.count)
                groupOf[key] = groups.count
                groups.append([index])
            }
        }
        return groups
    }
}
