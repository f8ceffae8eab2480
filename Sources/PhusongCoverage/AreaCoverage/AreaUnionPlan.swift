import GEOSKit
import PhusongSupport

/// The unions behind ``AreaCoverage``, per province and technology, and the areas of their
/// results: which footprints go into which union, and in what order the results are merged.
struct AreaUnionPlan: Sendable {
    let footprints: [CoverageFootprint]
    let stripSize: Int
    let threads: Int

    /// The technologies in output order; union jobs of a territory are laid out in this order.
    static let technologies: [Technology] = [.lte, .nr]

    /// Figures per province, clipped to each province polygon: the footprints that intersect
    /// it, unioned and clipped, for 4G, 5G and their union; land = the polygon's area.
    func clippedProvinces(_ units: [AdminUnit]) async throws -> [ProvinceAreaFigures] {
        let candidates = try candidates(within: units)
        var jobs: [UnionJob] = []
        for (index, unit) in units.enumerated() {
            for technology in Self.technologies {
                let members = candidates[index].filter { footprints[$0].technology == technology }
                jobs.append(UnionJob(strips: ParallelUnion.strips(of: members, footprints: footprints, size: stripSize),
                                     clip: unit.wkb))
            }
        }
        let unions = try await ParallelUnion.union(jobs: jobs, footprints: footprints, threads: threads)
        let anyUnions = try await ParallelUnion.merge(
            units.indices.map { [unions[2 * $0], unions[2 * $0 + 1]].compactMap { $0 } }, threads: threads)
        let areas = try await Self.areasKm2(of: unions + anyUnions, threads: threads)
        let land = try await Self.areasKm2(of: units.map { $0.wkb }, threads: threads)
        return units.enumerated().map { index, unit in
            ProvinceAreaFigures(code: unit.code, name: unit.name, figures: AreaFigures(
                area4GKm2: areas[2 * index], area5GKm2: areas[2 * index + 1],
                areaAnyKm2: areas[2 * units.count + index], landKm2: land[index]))
        }
    }

    /// Figures per province from its own sites' footprints, unclipped, and national figures
    /// from the union of all footprints; land unknown.
    func unclipped(provinceCodes: [String]) async throws -> (national: AreaFigures, provinces: [ProvinceAreaFigures]) {
        // Territories: the provinces, then the footprints of sites with no province.
        let territoryOf = Dictionary(uniqueKeysWithValues: provinceCodes.enumerated().map { ($0.element, $0.offset) })
        let territories = provinceCodes.count + 1
        var members = [[Int]](repeating: [], count: 2 * territories)
        for (index, footprint) in footprints.enumerated() {
            let territory = footprint.provinceCode.flatMap { territoryOf[$0] } ?? provinceCodes.count
            members[2 * territory + (footprint.technology == .lte ? 0 : 1)].append(index)
        }
        let jobs = members.map {
            UnionJob(strips: ParallelUnion.strips(of: $0, footprints: footprints, size: stripSize), clip: nil)
        }
        let unions = try await ParallelUnion.union(jobs: jobs, footprints: footprints, threads: threads)
        let anyUnions = try await ParallelUnion.merge(
            (0..<territories).map { [unions[2 * $0], unions[2 * $0 + 1]].compactMap { $0 } }, threads: threads)
        // National: the territories' unions merged pairwise in order of longitude.
        let byLongitude = { (parts: [UnionPart?]) -> [UnionPart] in
            parts.compactMap { $0 }.enumerated().sorted { a, b in
                let ca = a.element.envelope.minX + a.element.envelope.maxX
                let cb = b.element.envelope.minX + b.element.envelope.maxX
                return ca != cb ? ca < cb : a.offset < b.offset
            }.map(\.element)
        }
        let national = try await ParallelUnion.merge([
            byLongitude(stride(from: 0, to: unions.count, by: 2).map { unions[$0] }),
            byLongitude(stride(from: 1, to: unions.count, by: 2).map { unions[$0] }),
            byLongitude(anyUnions),
        ], threads: threads)
        let areas = try await Self.areasKm2(of: unions + anyUnions + national, threads: threads)
        let provinces = provinceCodes.enumerated().map { index, code in
            ProvinceAreaFigures(code: code, name: ProvinceCatalog.names2025[code], figures: AreaFigures(
                area4GKm2: areas[2 * index], area5GKm2: areas[2 * index + 1],
                areaAnyKm2: areas[2 * territories + index], landKm2: nil))
        }
        let base = 3 * territories
        return (AreaFigures(area4GKm2: areas[base], area5GKm2: areas[base + 1], areaAnyKm2: areas[base + 2], landKm2: nil),
                provinces)
    }

    /// For each unit, the footprints that may intersect it (envelopes overlap), ascending.
    private func candidates(within units: [AdminUnit]) throws(GEOSError) -> [[Int]] {
        let context = try GEOSContext()
        let tree = try STRtree(envelopes: footprints.map(\.envelope), context: context)
        var candidates: [[Int]] = []
        for unit in units { candidates.append(try tree.query(unit.envelope)) }
        return candidates
    }

    /// Areas of parts on the sphere, km² (0 for nil), computed in parallel.
    static func areasKm2(of parts: [UnionPart?], threads: Int) async throws -> [Double] {
        try await areasKm2(of: parts.map { $0?.wkb }, threads: threads)
    }

    /// Areas of WKB geometries on the sphere, km² (0 for nil), computed in parallel.
    static func areasKm2(of geometries: [[UInt8]?], threads: Int) async throws -> [Double] {
        try await TaskPool.run(count: geometries.count, threads: threads, largestFirst: { geometries[$0]?.count ?? 0 }) { index in
            guard let wkb = geometries[index] else { return 0 }
            let context = try GEOSContext()
            return try SphericalArea.areaM2(of: try context.geometry(fromWKB: wkb)) / 1e6
        }
    }
}
