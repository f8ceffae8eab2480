import PhusongSupport

/// Synthetic scenario parameters that cannot be used, with the offending values as typed
/// fields; `description` is the message `phusong synth` prints.
public enum SyntheticParameterError: Error, CustomStringConvertible, Sendable, Hashable {
    /// A village count outside `allowed` (``SyntheticScenarioParameters/villageCountRange``).
    case villageCount(Int, allowed: ClosedRange<Int>)
    case villagesPerCommuneBelowOne
    /// A share of unpowered villages outside `allowed`.
    case unpoweredShare(Double, allowed: ClosedRange<Double>)
    case villagesPerProvinceBelowOne
    /// Villages per km² zero, negative or not finite.
    case densityNotPositive
    /// A tiled layout's origin that is not a lon/lat point within ±80° latitude.
    case originOutside(lon: Double, lat: Double)
    /// Fewer villages than provinces of an explicit layout.
    case fewerVillagesThanProvinces(villages: Int, provinces: Int)
    case provinceCodeNotDigits(code: String)
    /// A province box that is not a lon/lat box within ±80° latitude, edges in degrees.
    case provinceBox(code: String, west: Double, east: Double, south: Double, north: Double)
    case provinceWeightNotPositive(code: String)
    /// Tiles that would reach `latitude` degrees, beyond 80°.
    case layoutTooFarNorth(latitude: Int)
    case layoutCrossesAntimeridian

    public var description: String {
        switch self {
        case .villageCount(let count, let allowed):
            count < allowed.lowerBound
                ? "village count must be at least \(allowed.lowerBound) (got \(count))"
                : "village count must be at most \(NumberText.grouped(allowed.upperBound)) (got \(count))"
        case .villagesPerCommuneBelowOne: "villages per commune must be at least 1"
        case .unpoweredShare(let share, let allowed):
            "unpowered share must be in \(NumberText.shortest(allowed.lowerBound))...\(NumberText.shortest(allowed.upperBound)) (got \(share))"
        case .villagesPerProvinceBelowOne: "villages per province must be at least 1"
        case .densityNotPositive: "villages per km² must be positive"
        case .originOutside(let lon, let lat): "origin \(lon), \(lat) is not a lon/lat point within ±80° latitude"
        case .fewerVillagesThanProvinces(let villages, let provinces):
            "village count \(villages) is below the number of provinces (\(provinces))"
        case .provinceCodeNotDigits(let code): "province code \"\(code)\" is not a string of digits"
        case .provinceBox(let code, let west, let east, let south, let north):
            "province \(code): box \(west)…\(east), \(south)…\(north) is not a lon/lat box"
        case .provinceWeightNotPositive(let code): "province \(code): weight must be positive"
        case .layoutTooFarNorth(let latitude):
            "the tiled layout would reach \(latitude)° latitude; raise villages per km² or lower the village count"
        case .layoutCrossesAntimeridian:
            "the tiled layout would cross 180° longitude; move the origin west or raise villages per km²"
        }
    }
}
