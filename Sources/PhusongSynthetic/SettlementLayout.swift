import PhusongSupport

/// A commune of a synthetic province, in the province's km frame.
struct CommuneDraft: Sendable {
    /// Centre (the hub of a rural commune, the middle of a ward), km.
    var x: Double
    var y: Double
    /// An urban ward (phường) of the provincial capital or of a district town.
    var isWard: Bool
    var villageCount: Int
}

/// A village before it gets its id, name and codes.
struct VillageDraft: Sendable {
    /// Position in the province's frame, km.
    var x: Double
    var y: Double
    /// Residents.
    var population: Int
    /// Index into the province's communes.
    var commune: Int
    /// The commune's central village (its largest, at the hub).
    var isCommuneCentre: Bool
}

/// Where the people of one province live: rural communes on a jittered grid, a provincial
/// capital of up to three urban wards (phường) about 2 km apart, one ward per district town
/// (one town per 25 communes) 2–4 km from a rural hub, and villages clustered around each
/// commune's hub and a few hamlet groups, with some remote hamlets.
///
/// Village sizes are log-normal (heavy-tailed): a rural village has a median of 280 people
/// (log-sd 0.95), a commune's central village 900 (0.6), a town block (tổ dân phố) 1,000
/// (0.55); all between 20 and 8,000.
struct SettlementLayout: Sendable {
    var communes: [CommuneDraft]
    var villages: [VillageDraft]

    static let minimumPopulation = 20.0
    static let maximumPopulation = 8_000.0

    init(frame: LocalFrame, villageCount: Int, communeCount: Int, generator: inout SeededGenerator) {
        let capitalWards = communeCount >= 30 ? 3 : communeCount >= 12 ? 2 : communeCount >= 6 ? 1 : 0
        let townWards = communeCount / 25
        let wardCount = capitalWards + townWards
        let ruralCount = communeCount - wardCount
        let weights = (0..<communeCount).map { $0 < ruralCount ? generator.uniform(0.6, 1.4) : generator.uniform(0.3, 0.6) }
        let counts = apportion(villageCount, weights: weights)

        var communes = Self.ruralHubs(frame: frame, count: ruralCount, generator: &generator)
        let capital = (x: frame.widthKm * generator.uniform(0.3, 0.7), y: frame.heightKm * generator.uniform(0.3, 0.7))
        for ward in 0..<capitalWards {
            let step = ward == 0 ? (dx: 0.0, dy: 0.0) : generator.offset(distance: 2.2 * generator.uniform(0.9, 1.2))
            let centre = frame.clamped(x: capital.x + step.dx, y: capital.y + step.dy)
            communes.append(CommuneDraft(x: centre.x, y: centre.y, isWard: true, villageCount: 0))
        }
        for hub in generator.sample(townWards, of: ruralCount) {
            let step = generator.offset(distance: generator.uniform(2, 4))
            let centre = frame.clamped(x: communes[hub].x + step.dx, y: communes[hub].y + step.dy)
            communes.append(CommuneDraft(x: centre.x, y: centre.y, isWard: true, villageCount: 0))
        }
        for index in communes.indices {
            communes[index].villageCount = counts[index]
        }

        let communeRadius = (frame.areaKm2 / Double(max(ruralCount, 1)) / Double.pi).squareRoot()
        var villages: [VillageDraft] = []
        villages.reserveCapacity(villageCount)
        for (index, commune) in communes.enumerated() {
            if commune.isWard {
                Self.addWard(commune, index: index, frame: frame, generator: &generator, to: &villages)
            } else {
                Self.addRuralCommune(commune, index: index, radius: communeRadius, frame: frame, generator: &generator, to: &villages)
            }
        }
        self.communes = communes
        self.villages = villages
    }

    /// Rural commune hubs on a jittered grid over the province.
    private static func ruralHubs(frame: LocalFrame, count: Int, generator: inout SeededGenerator) -> [CommuneDraft] {
        guard count > 0 else { return [] }
        // Safe: count ≤ 20,000,000 and the frame's sides are validated boxes of positive size.
        let columns = max(1, Int((Double(count) * frame.widthKm / frame.heightKm).squareRoot().rounded()))
        let rows = (count + columns - 1) / columns
        let cellWidth = frame.widthKm / Double(columns)
        let cellHeight = frame.heightKm / Double(rows)
        return generator.sample(count, of: columns * rows).map { cell in
            let x = (Double(cell % columns) + 0.5 + generator.uniform(-0.35, 0.35)) * cellWidth
            let y = (Double(cell / columns) + 0.5 + generator.uniform(-0.35, 0.35)) * cellHeight
            return CommuneDraft(x: x, y: y, isWard: false, villageCount: 0)
        }
    }

    /// Town blocks (tổ dân phố) packed around a ward's centre (normal, sd 0.75 km).
    private static func addWard(
        _ commune: CommuneDraft, index: Int, frame: LocalFrame,
        generator: inout SeededGenerator, to villages: inout [VillageDraft]
    ) {
        for _ in 0..<commune.villageCount {
            let step = generator.gaussianOffset(sigma: 0.75)
            let point = frame.clamped(x: commune.x + step.dx, y: commune.y + step.dy)
            let population = generator.logNormal(median: 1_000, sigma: 0.55)
            villages.append(VillageDraft(x: point.x, y: point.y, population: clampedPopulation(population),
                                         commune: index, isCommuneCentre: false))
        }
    }

    /// A rural commune: its central village at the hub; the other villages around the hub and
    /// 1–6 hamlet groups (normal, sd 0.16 spread), 15 % of them remote hamlets 0.5–1.7 spread
    /// from the hub (denser towards the outside). The spread is `radius` km times a log-normal
    /// factor (σ 0.3): some communes are compact, some straggle along long valleys.
    private static func addRuralCommune(
        _ commune: CommuneDraft, index: Int, radius: Double, frame: LocalFrame,
        generator: inout SeededGenerator, to villages: inout [VillageDraft]
    ) {
        let spread = radius * generator.logNormal(median: 1, sigma: 0.3)
        let groupCount = min(6, 1 + commune.villageCount / 8)
        let groups = (0..<groupCount).map { _ in
            let step = generator.offset(distance: spread * generator.uniform(0.35, 0.9))
            return (x: commune.x + step.dx, y: commune.y + step.dy)
        }
        for village in 0..<commune.villageCount {
            let point: (x: Double, y: Double)
            var population: Double
            if village == 0 {
                let step = generator.gaussianOffset(sigma: 0.2)
                point = (commune.x + step.dx, commune.y + step.dy)
                population = generator.logNormal(median: 900, sigma: 0.6)
            } else if generator.chance(0.15) {
                let step = generator.offset(distance: spread * (0.5 + 1.2 * generator.uniform().squareRoot()))
                point = (commune.x + step.dx, commune.y + step.dy)
                population = 0.6 * generator.logNormal(median: 280, sigma: 0.95)
            } else {
                let pick = generator.index(below: 2 * groupCount + 3)  // the hub weighs 1.5 groups
                let centre = pick < 3 ? (x: commune.x, y: commune.y) : groups[(pick - 3) / 2]
                let step = generator.gaussianOffset(sigma: 0.16 * spread)
                point = (centre.x + step.dx, centre.y + step.dy)
                population = generator.logNormal(median: 280, sigma: 0.95)
            }
            let inside = frame.clamped(x: point.x, y: point.y)
            villages.append(VillageDraft(x: inside.x, y: inside.y, population: clampedPopulation(population),
                                         commune: index, isCommuneCentre: village == 0))
        }
    }

    private static func clampedPopulation(_ value: Double) -> Int {
        // Safe: clamped first (NaN cannot arise: the log-normal draw is finite).
        Int(min(max(value, minimumPopulation), maximumPopulation).rounded())
    }
}
