import PhusongSupport

/// The values a number can physically take, with its unit: what every numeric input column
/// (``InputColumnRanges``) and every numeric setting (``SettingRanges``) is checked against
/// (issue 13, class 4). A value inside its range can neither trap a conversion, nor exhaust
/// memory or time, nor make the radio model give an impossible figure; NaN and the
/// infinities are inside no range.
public struct PhysicalRange: Sendable, Hashable, CustomStringConvertible {
    public let lowest: Double
    public let highest: Double
    /// The unit, as printed after the bounds: "MHz", "m", "dBm", "degrees"; empty for a
    /// share or a count.
    public let unit: String

    public init(_ bounds: ClosedRange<Double>, unit: String) {
        lowest = bounds.lowerBound
        highest = bounds.upperBound
        self.unit = unit
    }

    /// True when `value` lies within the bounds (false for NaN).
    public func contains(_ value: Double) -> Bool { value >= lowest && value <= highest }

    /// The bounds and unit as a message shows them: `30..100000 MHz`.
    public var description: String {
        "\(NumberText.shortest(lowest))..\(NumberText.shortest(highest))" + (unit.isEmpty ? "" : " " + unit)
    }
}
