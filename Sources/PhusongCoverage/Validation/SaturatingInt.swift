extension Int {
    /// The whole number nearest `value` by `rule`, saturated to ±10¹⁵ (0 for NaN): a
    /// float-to-integer conversion that cannot trap, for values no earlier range check bounds
    /// (issue 13, class 4). 10¹⁵ is far beyond any count or map position phusong handles and
    /// still exact as a Double.
    public init(saturating value: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) {
        guard !value.isNaN else {
            self = 0
            return
        }
        // Safe: clamped to ±10¹⁵, well inside Int's range.
        self = Int(Swift.min(1e15, Swift.max(-1e15, value.rounded(rule))))
    }
}
