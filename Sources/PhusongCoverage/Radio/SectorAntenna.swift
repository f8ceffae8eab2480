/// The horizontal cut of the 3GPP TR 38.901 (V17.0.0) Table 7.3-1 sector antenna element
/// pattern, as docs/specs/radio-model.md §3 ("Antenna") uses it:
///
///     phi = bearing - azimuth, wrapped to (-180, 180]
///     A_H = -min(12 (phi / beamwidth)^2, 30) dB
///
/// The gain is relative to the main lobe: the cell's `rs_eirp_dbm` already includes the peak
/// gain. An omnidirectional cell (no azimuth) has A_H = 0 in every direction.
///
/// Units: degrees clockwise from north for bearing and azimuth, degrees for the 3 dB
/// beamwidth (> 0; 38.901 uses 65°), dB for the gain. Valid for any bearing and azimuth.
public struct SectorAntenna: Sendable, Hashable {
    /// Main-lobe bearing, degrees clockwise from north; nil for an omnidirectional antenna.
    public var azimuthDeg: Double?
    /// Horizontal 3 dB beamwidth, degrees.
    public var beamwidthDeg: Double

    /// The table's maximum attenuation A_max (front-to-back ratio), dB.
    public static let maximumAttenuationDB = 30.0

    public init(azimuthDeg: Double?, beamwidthDeg: Double) {
        self.azimuthDeg = azimuthDeg
        self.beamwidthDeg = beamwidthDeg
    }

    /// A_H, dB (≤ 0), toward `bearingDeg`.
    @inlinable
    public func gainDB(towardBearingDeg bearingDeg: Double) -> Double {
        guard let azimuthDeg else { return 0 }
        let ratio = Self.offAxisAngleDeg(bearingDeg: bearingDeg, azimuthDeg: azimuthDeg) / beamwidthDeg
        return -min(12 * (ratio * ratio), Self.maximumAttenuationDB)
    }

    /// phi = `bearingDeg - azimuthDeg` wrapped to (-180, 180], degrees.
    ///
    /// A difference already in (-180, 180] is returned as it is; any other is reduced by whole
    /// turns with the IEEE remainder (an exact operation), and -180 becomes 180. phi therefore
    /// carries no rounding beyond that of the subtraction.
    @inlinable
    public static func offAxisAngleDeg(bearingDeg: Double, azimuthDeg: Double) -> Double {
        let difference = bearingDeg - azimuthDeg
        if difference > -180 && difference <= 180 { return difference }
        let wrapped = difference.remainder(dividingBy: 360)
        return wrapped <= -180 ? wrapped + 360 : wrapped
    }
}
