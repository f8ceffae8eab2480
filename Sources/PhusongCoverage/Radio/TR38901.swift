/// Shared constants of 3GPP TR 38.901 (V17.0.0) §7.4.1, Table 7.4.1-1.
public enum TR38901 {
    /// The speed of light the table's breakpoint distances use, m/s (`c = 3.0 × 10^8`;
    /// docs/specs/radio-model.md §5.5). FSPL uses the exact value instead (``FreeSpacePathLoss``).
    public static let speedOfLightMPerS = 3.0e8
}
