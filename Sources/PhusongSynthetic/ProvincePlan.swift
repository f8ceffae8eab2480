import PhusongSupport

/// A province ready to be filled with communes and villages.
struct PlannedProvince: Sendable {
    /// Position in the layout (0-based); also the province's random stream.
    var index: Int
    var code: String
    var name: String
    var frame: LocalFrame
    var villageCount: Int
    var communeCount: Int
    /// Number of the province's first commune (1-based over the whole scenario).
    var firstCommuneNumber: Int
}

/// How a scenario is divided into provinces and how its communes are coded.
///
/// Commune codes are synthetic: 5 digits from 90001 up (real 2025 commune and ward codes stay
/// far below 90000), or 6 digits from 900001 up when a scenario has more than 9,999 communes
/// (7 digits past 99,999). Tiled province codes are 01, 02, … with 3 or more digits past 99
/// provinces.
struct ProvincePlan: Sendable {
    var provinces: [PlannedProvince]
    /// Digits in a commune code.
    var communeCodeWidth: Int

    init(_ parameters: SyntheticScenarioParameters) throws(SyntheticParameterError) {
        let boxes = parameters.provinces.isEmpty
            ? try Self.tiles(parameters)
            : parameters.provinces
        let counts: [Int]
        if parameters.provinces.isEmpty {
            var generator = SeededGenerator(seed: parameters.seed, stream: [SyntheticStream.layout])
            counts = apportion(parameters.villageCount, weights: boxes.map { _ in generator.uniform(0.6, 1.4) })
        } else {
            counts = apportion(parameters.villageCount, weights: boxes.map(\.weight))
        }
        var provinces: [PlannedProvince] = []
        var nextCommune = 1
        for (index, box) in boxes.enumerated() {
            let villages = counts[index]
            // Safe: village counts are validated (at most 20,000,000), villages per commune ≥ 1.
            let communes = min(villages, max(1, Int((Double(villages) / Double(parameters.villagesPerCommune)).rounded())))
            provinces.append(PlannedProvince(
                index: index, code: box.code, name: box.name,
                frame: LocalFrame(west: box.west, south: box.south, east: box.east, north: box.north),
                villageCount: villages, communeCount: communes, firstCommuneNumber: nextCommune
            ))
            nextCommune += communes
        }
        self.provinces = provinces
        let communeTotal = nextCommune - 1
        communeCodeWidth = max(5, String(communeTotal).count + 1)
    }

    /// The code of commune `number` (1-based): 9 followed by the number, zero-padded.
    func communeCode(_ number: Int) -> String {
        "9" + NumberText.zeroPadded(number, width: communeCodeWidth - 1)
    }

    /// Square tiles of (mean villages per province) / `villagesPerKm2` km², in rows from the
    /// origin eastwards, rows stacked northwards, about as many rows as columns.
    private static func tiles(_ parameters: SyntheticScenarioParameters) throws(SyntheticParameterError) -> [SyntheticProvince] {
        // Safe: village counts are validated (at most 20,000,000), villages per province ≥ 1.
        let count = min(parameters.villageCount,
                        max(1, Int((Double(parameters.villageCount) / Double(parameters.villagesPerProvince)).rounded())))
        let meanVillages = Double(parameters.villageCount) / Double(count)
        let sideKm = (meanVillages / parameters.villagesPerKm2).squareRoot()
        let columns = Int(Double(count).squareRoot().rounded(.up))
        let rows = (count + columns - 1) / columns
        let tileLat = sideKm / LocalFrame.kmPerDegreeLat
        let north = parameters.originLat + Double(rows) * tileLat
        guard north <= 80 else {
            throw .layoutTooFarNorth(latitude: Int(saturating: north, rounding: .towardZero))
        }
        let width = max(2, String(count).count)
        var tiles: [SyntheticProvince] = []
        tiles.reserveCapacity(count)
        for index in 0..<count {
            let row = index / columns
            let column = index % columns
            let south = parameters.originLat + Double(row) * tileLat
            let midLatitude = (south + tileLat / 2) * Double.pi / 180
            let tileLon = sideKm / (LocalFrame.kmPerDegreeLonAtEquator * PortableMath.cos(midLatitude))
            let west = parameters.originLon + Double(column) * tileLon
            guard west + tileLon <= 180 else {
                throw .layoutCrossesAntimeridian
            }
            let code = NumberText.zeroPadded(index + 1, width: width)
            tiles.append(SyntheticProvince(
                code: code, name: "Synthetic province \(code)",
                west: west, south: south, east: west + tileLon, north: south + tileLat, weight: 1
            ))
        }
        return tiles
    }
}
