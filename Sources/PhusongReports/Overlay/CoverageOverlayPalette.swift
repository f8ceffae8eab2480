import PhusongCoverage

/// The colours of report.html's coverage overlay, from the report's own palette (report.css):
/// the RSRP layers run from `--both` (indigo, strong signal) through `--only4g` (teal) to a
/// light teal just above the coverage threshold, and `--weak` (salmon, the legend's "dead
/// zone: weak signal") below it; the shadow layer uses `--nosite` (dark red, the legend's
/// "dead zone: no site in range") for pixels that lose all coverage over terrain and amber for
/// pixels that lose one technology. Pixels without a value are transparent.
enum CoverageOverlayPalette {
    /// An 8-bit colour with its opacity.
    struct Colour: Sendable, Hashable {
        var red: UInt8
        var green: UInt8
        var blue: UInt8
        var alpha: UInt8

        /// `#rrggbb`, for the legend's swatches.
        var hex: String {
            "#" + [red, green, blue].map { value in
                let digits = String(value, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
        }
    }

    /// The opacity of every coloured pixel (the base map and boundaries show through).
    static let alpha: UInt8 = 200

    /// RSRP classes, strongest first: ≥ threshold + 30 dB, + 20…30, + 10…20, + 0…10, below the
    /// threshold. Class limits are closed below: a pixel exactly at the threshold is covered,
    /// as a village is (docs/specs/coverage-model.md).
    static let rsrpColours = [
        Colour(red: 0x3B, green: 0x3F, blue: 0xB6, alpha: alpha),  // --both
        Colour(red: 0x2C, green: 0x6D, blue: 0xA1, alpha: alpha),  // halfway --both → --only4g
        Colour(red: 0x1C, green: 0x9A, blue: 0x8C, alpha: alpha),  // --only4g
        Colour(red: 0x8F, green: 0xD3, blue: 0xC7, alpha: alpha),  // light teal
        Colour(red: 0xF0, green: 0x8A, blue: 0x7E, alpha: alpha),  // --weak
    ]
    /// The width of an RSRP class above the threshold, dB.
    static let classWidthDB = 10.0
    /// Covered on the flat model, not over terrain (`--nosite`).
    static let shadowFull = Colour(red: 0x9F, green: 0x1C, blue: 0x14, alpha: 220)
    /// One technology covered on the flat model and lost over terrain, the other still there (amber).
    static let shadowPartial = Colour(red: 0xE8, green: 0xA3, blue: 0x3D, alpha: 220)

    /// The class of an RSRP value (index into `rsrpColours`), nil for nodata.
    /// - Parameters:
    ///   - value: RSRP, dBm, or `CoverageRasterValues.noData`.
    ///   - thresholdDBm: the technology's coverage threshold, dBm.
    static func rsrpClass(_ value: Float, thresholdDBm: Double) -> Int? {
        guard value != CoverageRasterValues.noData else { return nil }
        let above = Double(value) - thresholdDBm
        if above < 0 { return rsrpColours.count - 1 }
        return max(0, rsrpColours.count - 2 - Int(min(above / classWidthDB, 10)))
    }

    /// The shadow of a pixel: `shadowFull` when the flat model covers it (4G or 5G at or above
    /// its threshold) and the terrain model does not, `shadowPartial` when the terrain model
    /// still covers it but a technology the flat model covers is lost; nil otherwise.
    static func shadow(flat: (lte: Float, nr: Float), terrain: (lte: Float, nr: Float), thresholds: (lte: Double, nr: Double)) -> Colour? {
        let flatLTE = Double(flat.lte) >= thresholds.lte, flatNR = Double(flat.nr) >= thresholds.nr
        let terrainLTE = Double(terrain.lte) >= thresholds.lte, terrainNR = Double(terrain.nr) >= thresholds.nr
        if (flatLTE || flatNR) && !(terrainLTE || terrainNR) { return shadowFull }
        if (flatLTE && !terrainLTE) || (flatNR && !terrainNR) { return shadowPartial }
        return nil
    }
}
