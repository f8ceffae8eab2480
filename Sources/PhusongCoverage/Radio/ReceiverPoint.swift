/// Where RSRP is evaluated: a village's centre of population and its area type, prepared once
/// per village for evaluation against many cells.
public struct ReceiverPoint: Sendable, Hashable {
    public let location: PreparedLocation
    /// Selects the path-loss variant (``PropagationPolicy``).
    public let areaType: AreaType

    public init(lon: Double, lat: Double, areaType: AreaType) {
        location = PreparedLocation(lon: lon, lat: lat)
        self.areaType = areaType
    }

    public init(_ village: Village) {
        self.init(lon: village.lon, lat: village.lat, areaType: village.areaType)
    }
}
