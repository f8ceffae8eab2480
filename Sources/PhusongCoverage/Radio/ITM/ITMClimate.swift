/// The radio climates of the Irregular Terrain Model (Hufford, "The ITS Irregular Terrain Model,
/// version 1.2.2: The Algorithm" (1995), §5 and Table 5.1; NTIA ITM v1.4 `climate` argument).
///
/// The raw values are ITM's codes 1–7. The climate only changes the variability part of the
/// loss (the time variability curves and the median adjustment `V_med`); the reference
/// attenuation does not depend on it.
public enum ITMClimate: Int, Sendable, Hashable, CaseIterable {
    case equatorial = 1
    case continentalSubtropical = 2
    case maritimeSubtropical = 3
    case desert = 4
    case continentalTemperate = 5
    case maritimeTemperateOverLand = 6
    case maritimeTemperateOverSea = 7

    /// The zero-based column of this climate in the tables of ``ITMVariability``.
    var tableIndex: Int { rawValue - 1 }
}

/// The antenna polarisation ITM's ground impedance uses (0 horizontal, 1 vertical, as NTIA ITM
/// v1.4 codes it).
public enum ITMPolarization: Int, Sendable, Hashable, CaseIterable {
    case horizontal = 0
    case vertical = 1
}
