/// The configurable numbers of the reference coverage model (docs/specs/radio-model.md §7), with the
/// spec's values as defaults. A configuration file decodes into it; every key is optional:
///
/// | key | property | default |
/// |---|---|---|
/// | `user_height_m` | ``userHeightM`` (hUT, hm) | 1.5 m |
/// | `max_range_m` | ``maxRangeM`` | 35,000 m |
/// | `min_distance_m` | ``minDistanceM`` | 10 m |
/// | `extra_loss_db` | ``extraLossDB`` | 0 dB |
/// | `coverage_threshold_4g_dbm` | ``coverageThreshold4GdBm`` | −110 dBm |
/// | `coverage_threshold_5g_dbm` | ``coverageThreshold5GdBm`` | −110 dBm |
/// | `propagation` | ``propagation`` | ``PropagationPolicy`` defaults |
public struct RadioModelParameters: Sendable, Hashable, Codable {
    /// Receiver (user terminal) height above ground, metres.
    public var userHeightM: Double
    /// A cell is considered for a village when the unclamped ground distance is at most this, metres.
    public var maxRangeM: Double
    /// Ground distances below this are raised to it before any formula, metres.
    public var minDistanceM: Double
    /// Extra loss subtracted from every RSRP (body, indoor, margin), dB.
    public var extraLossDB: Double
    /// A village is 4G-covered when its best 4G RSRP is at least this, dBm.
    public var coverageThreshold4GdBm: Double
    /// A village is 5G-covered when its best 5G RSRP is at least this, dBm.
    public var coverageThreshold5GdBm: Double
    /// Model selection by band and area type, and the 38.901 scenario constants.
    public var propagation: PropagationPolicy

    public static let defaultUserHeightM = 1.5
    public static let defaultMaxRangeM = 35_000.0
    public static let defaultMinDistanceM = 10.0
    public static let defaultExtraLossDB = 0.0
    public static let defaultCoverageThresholdDBm = -110.0

    public init(
        userHeightM: Double = defaultUserHeightM,
        maxRangeM: Double = defaultMaxRangeM,
        minDistanceM: Double = defaultMinDistanceM,
        extraLossDB: Double = defaultExtraLossDB,
        coverageThreshold4GdBm: Double = defaultCoverageThresholdDBm,
        coverageThreshold5GdBm: Double = defaultCoverageThresholdDBm,
        propagation: PropagationPolicy = PropagationPolicy()
    ) {
        self.userHeightM = userHeightM
        self.maxRangeM = maxRangeM
        self.minDistanceM = minDistanceM
        self.extraLossDB = extraLossDB
        self.coverageThreshold4GdBm = coverageThreshold4GdBm
        self.coverageThreshold5GdBm = coverageThreshold5GdBm
        self.propagation = propagation
    }

    /// The coverage threshold of `technology`, dBm.
    public func coverageThresholdDBm(for technology: Technology) -> Double {
        switch technology {
        case .lte: coverageThreshold4GdBm
        case .nr: coverageThreshold5GdBm
        }
    }

    enum CodingKeys: String, CodingKey {
        case userHeightM = "user_height_m"
        case maxRangeM = "max_range_m"
        case minDistanceM = "min_distance_m"
        case extraLossDB = "extra_loss_db"
        case coverageThreshold4GdBm = "coverage_threshold_4g_dbm"
        case coverageThreshold5GdBm = "coverage_threshold_5g_dbm"
        case propagation
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            userHeightM: try container.decodeIfPresent(Double.self, forKey: .userHeightM) ?? Self.defaultUserHeightM,
            maxRangeM: try container.decodeIfPresent(Double.self, forKey: .maxRangeM) ?? Self.defaultMaxRangeM,
            minDistanceM: try container.decodeIfPresent(Double.self, forKey: .minDistanceM) ?? Self.defaultMinDistanceM,
            extraLossDB: try container.decodeIfPresent(Double.self, forKey: .extraLossDB) ?? Self.defaultExtraLossDB,
            coverageThreshold4GdBm: try container.decodeIfPresent(Double.self, forKey: .coverageThreshold4GdBm)
                ?? Self.defaultCoverageThresholdDBm,
            coverageThreshold5GdBm: try container.decodeIfPresent(Double.self, forKey: .coverageThreshold5GdBm)
                ?? Self.defaultCoverageThresholdDBm,
            propagation: try container.decodeIfPresent(PropagationPolicy.self, forKey: .propagation)
                ?? PropagationPolicy()
        )
    }
}
