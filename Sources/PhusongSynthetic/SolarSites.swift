import PhusongSupport

/// Solar power around the unpowered villages of a province:
///
/// - a state programme (like "đưa sóng về bản", bringing signal to remote hamlets) gives 20 %
///   of the unpowered villages a small solar-powered Viettel site 100–400 m away;
/// - every other site within 5 km of an unpowered village runs on solar power too, unless it
///   stands in a town or commune centre (local density of 300 people/km² or more), which the
///   grid reaches.
enum SolarSites {
    static let programmeProbability = 0.2
    static let reachKm = 5.0
    static let gridDensity = 300.0

    static func apply(
        to sites: inout [[SiteDraft]], villages: [VillageDraft], field: PopulationField, unpowered: [Bool],
        frame: LocalFrame, generator: inout SeededGenerator
    ) {
        let dark = villages.indices.filter { unpowered[$0] }
        guard !dark.isEmpty else { return }
        let grid = PointGrid(xs: dark.map { villages[$0].x }, ys: dark.map { villages[$0].y },
                             widthKm: frame.widthKm, heightKm: frame.heightKm, cellKm: reachKm)
        for operatorIndex in sites.indices {
            for siteIndex in sites[operatorIndex].indices where sites[operatorIndex][siteIndex].density < gridDensity {
                let site = sites[operatorIndex][siteIndex]
                grid.forEach(near: site.x, site.y, within: reachKm) { _ in
                    sites[operatorIndex][siteIndex].isSolar = true
                }
            }
        }
        for index in dark where generator.chance(programmeProbability) {
            let step = generator.offset(distance: generator.uniform(0.1, 0.4))
            let point = frame.clamped(x: villages[index].x + step.dx, y: villages[index].y + step.dy)
            sites[0].append(SiteDraft(x: point.x, y: point.y, density: field.density[index],
                                      isUniversalService: true, isSolar: true))
        }
    }
}
