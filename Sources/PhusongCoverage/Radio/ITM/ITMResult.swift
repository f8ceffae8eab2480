/// What one ITM point-to-point calculation returns: the basic transmission loss, the mode, the
/// warnings and the intermediate values NTIA ITM v1.4's `ITM_P2P_TLS_Ex` reports
/// (`IntermediateValues`; the driver prints them as in `itm-vectors/o_p2ptls.txt`).
public struct ITMResult: Sendable, Hashable {
    /// Basic transmission loss A, dB: free-space loss plus the variability-adjusted reference
    /// attenuation. This is L_ITM of docs/specs/terrain-model.md.
    public var lossDB: Double
    /// Propagation mode of the reference attenuation.
    public var mode: ITMPropagationMode
    /// Warning flags raised on the way.
    public var warnings: ITMWarnings
    /// Free-space basic transmission loss A_fs, dB (`32.45 + 20 log f + 20 log d_km`).
    public var freeSpaceLossDB: Double
    /// Reference attenuation A_ref, dB, before variability (never negative).
    public var referenceAttenuationDB: Double
    /// Path distance d = n · spacing, m.
    public var distanceM: Double
    /// Horizon elevation angles θ_hzn of the transmitter and receiver, radians.
    public var horizonAnglesRad: ITMTerminalPair
    /// Horizon distances d_hzn of the transmitter and receiver, m.
    public var horizonDistancesM: ITMTerminalPair
    /// Effective antenna heights h_e of the transmitter and receiver, m.
    public var effectiveHeightsM: ITMTerminalPair
    /// Terrain irregularity parameter Δh, m.
    public var terrainIrregularityM: Double
    /// Surface refractivity N_s at the path's mean height, N-units.
    public var surfaceRefractivityNs: Double
}

/// One value per end of an ITM link: the transmitter's and the receiver's.
public struct ITMTerminalPair: Sendable, Hashable {
    /// The transmitter's value.
    public var tx: Double
    /// The receiver's value.
    public var rx: Double

    /// A pair from its two values.
    /// - Parameters:
    ///   - tx: the transmitter's value.
    ///   - rx: the receiver's value.
    public init(tx: Double, rx: Double) {
        self.tx = tx
        self.rx = rx
    }
}
