/// What the synthetic scenario generator makes: how many villages, where, and from which seed.
/// The same parameters always give the same scenario, byte for byte, on every machine.
public struct SyntheticScenarioParameters: Sendable, Hashable {
    /// Villages to generate (>= 1).
    public var villageCount: Int
    /// Seed of the pseudo-random generator.
    public var seed: UInt64
    /// Explicit provinces, with their boxes and shares of the villages. Empty: provinces are
    /// laid out as square tiles, row by row from `origin`, so that the area grows with
    /// `villageCount` (see `villagesPerProvince` and `villagesPerKm2`).
    public var provinces: [SyntheticProvince]
    /// Tiled layout: mean villages per province; each gets 60–140 % of it (>= 1).
    public var villagesPerProvince: Int
    /// Tiled layout: villages per km² of a province tile, which sets the tile's size (> 0).
    public var villagesPerKm2: Double
    /// Tiled layout: longitude of the south-west corner of the first tile, degrees.
    public var originLon: Double
    /// Tiled layout: latitude of the south-west corner of the first tile, degrees.
    public var originLat: Double
    /// Mean villages per commune (>= 1).
    public var villagesPerCommune: Int
    /// Share of villages without grid power, chosen among small remote rural and open
    /// villages (0...0.2).
    public var unpoweredShare: Double

    public init(
        villageCount: Int, seed: UInt64 = 2025, provinces: [SyntheticProvince] = [],
        villagesPerProvince: Int = 2_000, villagesPerKm2: Double = 0.12,
        originLon: Double = 102.0, originLat: Double = 8.0,
        villagesPerCommune: Int = 25, unpoweredShare: Double = 0.012
    ) {
        self.villageCount = villageCount
        self.seed = seed
        self.provinces = provinces
        self.villagesPerProvince = villagesPerProvince
        self.villagesPerKm2 = villagesPerKm2
        self.originLon = originLon
        self.originLat = originLat
        self.villagesPerCommune = villagesPerCommune
        self.unpoweredShare = unpoweredShare
    }

    /// Checks the parameters; the generator runs only on valid ones.
    public func validate() throws(SyntheticParameterError) {
        guard Self.villageCountRange.contains(villageCount) else {
            throw .villageCount(villageCount, allowed: Self.villageCountRange)
        }
        guard villagesPerCommune >= 1 else { throw .villagesPerCommuneBelowOne }
        guard Self.unpoweredShareRange.contains(unpoweredShare) else {
            throw .unpoweredShare(unpoweredShare, allowed: Self.unpoweredShareRange)
        }
        if provinces.isEmpty {
            guard villagesPerProvince >= 1 else { throw .villagesPerProvinceBelowOne }
            guard villagesPerKm2 > 0, villagesPerKm2.isFinite else { throw .densityNotPositive }
            guard (-180...180).contains(originLon), (-80...80).contains(originLat) else {
                throw .originOutside(lon: originLon, lat: originLat)
            }
        } else {
            guard villageCount >= provinces.count else {
                throw .fewerVillagesThanProvinces(villages: villageCount, provinces: provinces.count)
            }
            for province in provinces {
                try province.validate()
            }
        }
    }
}

/// A province of an explicit layout: a lon/lat box that its villages fill, and its share.
public struct SyntheticProvince: Sendable, Hashable {
    /// Province code, a string of digits (e.g. "11").
    public var code: String
    /// Province name, for summaries (villages.csv has no name column).
    public var name: String
    /// Western edge, degrees of longitude.
    public var west: Double
    /// Southern edge, degrees of latitude.
    public var south: Double
    /// Eastern edge, degrees of longitude.
    public var east: Double
    /// Northern edge, degrees of latitude.
    public var north: Double
    /// Relative share of the villages (> 0); the counts are proportional to it.
    public var weight: Double

    public init(code: String, name: String, west: Double, south: Double, east: Double, north: Double, weight: Double) {
        self.code = code
        self.name = name
        self.west = west
        self.south = south
        self.east = east
        self.north = north
        self.weight = weight
    }

    func validate() throws(SyntheticParameterError) {
        guard !code.isEmpty, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw .provinceCodeNotDigits(code: code)
        }
        guard west < east, south < north, (-180...180).contains(west), (-180...180).contains(east),
              (-80...80).contains(south), (-80...80).contains(north)
        else {
            throw .provinceBox(code: code, west: west, east: east, south: south, north: north)
        }
        guard weight > 0, weight.isFinite else {
            throw .provinceWeightNotPositive(code: code)
        }
    }
}

extension SyntheticScenarioParameters {
    /// Village counts the generator takes: at most 20 million, twice the national scenario.
    public static let villageCountRange = 1...20_000_000
    /// Shares of villages without grid power the generator takes.
    public static let unpoweredShareRange = 0...0.2
}
