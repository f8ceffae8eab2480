import PhusongCoverage

/// Population around each village of a province: its local density, which sets the area type,
/// the site spacing and the bands, and its catchment, which decides whether operators build
/// there at all.
struct PopulationField: Sendable {
    /// Radius of the disc over which local density is measured, km (~ a 3 × 3 km smoothing).
    static let densityRadiusKm = 1.5
    /// Radius of a site's catchment, km.
    static let catchmentRadiusKm = 10.0

    /// People per km² within `densityRadiusKm` of each village (the village included).
    var density: [Double]
    /// People within `catchmentRadiusKm` of each village (the village included).
    var catchment: [Double]

    init(villages: [VillageDraft], frame: LocalFrame) {
        let xs = villages.map(\.x)
        let ys = villages.map(\.y)
        let population = villages.map { Double($0.population) }
        let near = PointGrid(xs: xs, ys: ys, widthKm: frame.widthKm, heightKm: frame.heightKm, cellKm: Self.densityRadiusKm)
        let far = PointGrid(xs: xs, ys: ys, widthKm: frame.widthKm, heightKm: frame.heightKm, cellKm: Self.catchmentRadiusKm)
        let discArea = Double.pi * Self.densityRadiusKm * Self.densityRadiusKm
        density = villages.indices.map { index in
            var sum = 0.0
            near.forEach(near: xs[index], ys[index], within: Self.densityRadiusKm) { sum += population[$0] }
            return sum / discArea
        }
        catchment = villages.indices.map { index in
            var sum = 0.0
            far.forEach(near: xs[index], ys[index], within: Self.catchmentRadiusKm) { sum += population[$0] }
            return sum
        }
    }
}

extension AreaType {
    /// The radio environment of a place from its local density, people/km², as in the
    /// national scenario: above 1,500 urban, 300–1,500 suburban, 30–300 rural, below 30 open.
    init(localDensity: Double) {
        if localDensity > 1_500 {
            self = .urban
        } else if localDensity >= 300 {
            self = .suburban
        } else if localDensity >= 30 {
            self = .rural
        } else {
            self = .open
        }
    }
}
