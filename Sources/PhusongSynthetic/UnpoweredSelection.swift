import PhusongSupport
import PhusongCoverage

/// Picks the villages without grid power: small (at most 600 people) rural or open villages,
/// never a commune's central village nor a town block, ranked by remoteness —
/// log(1 + km to the nearest base station, up to 30 km) − 0.5 log(10-km catchment)
/// + N(0, 0.5²), the most remote first. Power lines and masts follow the same roads and
/// people, so many unpowered villages are also without mobile service, as in the real
/// north-west.
enum UnpoweredSelection {
    static let maximumPopulation = 600
    /// How far to look for a base station, km.
    static let searchKm = 30.0

    /// Flags (true = unpowered) for `villages`, `count` of them set when there are enough
    /// candidates; `sites` are the province's sites of every operator.
    static func choose(
        count: Int, villages: [VillageDraft], communes: [CommuneDraft], field: PopulationField,
        areaTypes: [AreaType], sites: [SiteDraft], frame: LocalFrame, generator: inout SeededGenerator
    ) -> [Bool] {
        let grid = PointGrid(xs: sites.map(\.x), ys: sites.map(\.y),
                             widthKm: frame.widthKm, heightKm: frame.heightKm, cellKm: 5)
        var ranked: [(score: Double, index: Int)] = []
        for (index, village) in villages.enumerated() {
            guard !communes[village.commune].isWard, !village.isCommuneCentre,
                  village.population <= maximumPopulation,
                  areaTypes[index] == .rural || areaTypes[index] == .open
            else { continue }
            var nearest = searchKm * searchKm
            grid.forEach(near: village.x, village.y, within: searchKm) { site in
                let dx = sites[site].x - village.x
                let dy = sites[site].y - village.y
                nearest = min(nearest, dx * dx + dy * dy)
            }
            let score = PortableMath.log(1 + nearest.squareRoot()) + 0.15 * generator.normal()
            ranked.append((score, index))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        var flags = [Bool](repeating: false, count: villages.count)
        for entry in ranked.prefix(count) {
            flags[entry.index] = true
        }
        return flags
    }
}
