import PhusongSupport

/// A base station chosen for an operator, before its radio configuration.
struct SiteDraft: Sendable {
    /// Position in the province's frame, km.
    var x: Double
    var y: Double
    /// Local density where the site stands, people/km².
    var density: Double
    /// A small universal-service site at a commune centre (lower mast).
    var isUniversalService: Bool
    /// Powered by solar panels instead of the grid.
    var isSolar: Bool
}

/// Places each operator's sites in one province, like the national scenario:
///
/// 1. Candidates: every village (100–400 m off its centre), plus one point within 1 km of it
///    per 1,500 residents.
/// 2. Random sequential adsorption per operator: candidates in order of log density plus
///    Gumbel noise, each built unless a site of that operator stands within its exclusion
///    distance (`SiteSpacing`). A candidate is eligible only where the local density reaches
///    the operator's town threshold or its 10-km catchment, times log-normal noise (σ 0.3),
///    reaches the operator's catchment threshold (`OperatorProfile`), so sparse remote areas
///    stay uncovered.
/// 3. Universal service: a commune centre with no site of any operator within 8 km gets a
///    small Viettel site 100–300 m from it.
///
/// Solar power comes later, once the unpowered villages are known (`SolarSites`).
enum SitePlacement {
    static let universalServiceKm = 8.0

    private struct Candidate {
        var x: Double
        var y: Double
        var village: Int
    }

    /// Sites per operator, in `OperatorProfile.all` order, each in build order.
    static func place(
        villages: [VillageDraft], field: PopulationField, frame: LocalFrame, generator: inout SeededGenerator
    ) -> [[SiteDraft]] {
        let candidates = makeCandidates(villages: villages, frame: frame, generator: &generator)
        var indexes: [SiteIndex] = []
        var sites: [[SiteDraft]] = []
        for profile in OperatorProfile.all {
            var index = SiteIndex(frame: frame)
            var built: [SiteDraft] = []
            let order = candidates.indices
                .map { (priority: PortableMath.log(field.density[candidates[$0].village] + 1) + generator.gumbel(), index: $0) }
                .sorted { $0.priority != $1.priority ? $0.priority > $1.priority : $0.index < $1.index }
            for entry in order {
                let candidate = candidates[entry.index]
                let density = field.density[candidate.village]
                let catchment = field.catchment[candidate.village] * PortableMath.exp(0.3 * generator.normal())
                guard density >= profile.minimumDensity,
                      density >= profile.denseServiceDensity || catchment >= profile.catchmentThreshold
                else { continue }
                let exclusion = SiteSpacing.exclusionKm(density: density, profile: profile)
                guard !index.hasSite(near: candidate.x, candidate.y, within: exclusion) else { continue }
                index.insert(x: candidate.x, y: candidate.y)
                built.append(SiteDraft(x: candidate.x, y: candidate.y, density: density, isUniversalService: false, isSolar: false))
            }
            indexes.append(index)
            sites.append(built)
        }
        for (index, village) in villages.enumerated() where village.isCommuneCentre {
            guard !indexes.contains(where: { $0.hasSite(near: village.x, village.y, within: universalServiceKm) }) else { continue }
            let step = generator.offset(distance: generator.uniform(0.1, 0.3))
            let point = frame.clamped(x: village.x + step.dx, y: village.y + step.dy)
            sites[0].append(SiteDraft(x: point.x, y: point.y, density: field.density[index], isUniversalService: true, isSolar: false))
        }
        return sites
    }

    private static func makeCandidates(villages: [VillageDraft], frame: LocalFrame, generator: inout SeededGenerator) -> [Candidate] {
        var candidates: [Candidate] = []
        candidates.reserveCapacity(villages.count * 5 / 4)
        for (index, village) in villages.enumerated() {
            let step = generator.offset(distance: generator.uniform(0.1, 0.4))
            let point = frame.clamped(x: village.x + step.dx, y: village.y + step.dy)
            candidates.append(Candidate(x: point.x, y: point.y, village: index))
            for _ in 0..<(village.population / 1_500) {
                let extra = generator.pointInDisc(radius: 1)
                let point = frame.clamped(x: village.x + extra.dx, y: village.y + extra.dy)
                candidates.append(Candidate(x: point.x, y: point.y, village: index))
            }
        }
        return candidates
    }
}
