/// `log`, `exp` and `cos` from IEEE 754 `+ - * /` only, for the synthetic scenario generator.
///
/// The C library's versions may differ in the last bit between platforms (glibc, Apple's
/// libm, musl). One such bit can move a value across a threshold (an area type, a site's
/// spacing) and change the generated files, which must be byte-identical everywhere. These
/// versions are accurate to a few units in the last place, which is plenty for sampling.
enum PortableMath {
    private static let ln2 = 0.693_147_180_559_945_3
    private static let ln2High = 0.693_147_180_369_123_8  // ln 2 with its low 32 bits cleared
    private static let ln2Low = 1.908_214_929_270_587_7e-10  // ln 2 - ln2High
    private static let sqrtHalf = 0.707_106_781_186_547_6

    /// Natural logarithm of `x` > 0 (finite); -infinity for 0, NaN for negative input.
    static func log(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == 0 ? -.infinity : (x.isNaN || x < 0 ? .nan : x) }
        // x = m * 2^e with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(s), s = (m - 1) / (m + 1).
        var exponent = Double(x.exponent)
        var mantissa = x.significand
        if mantissa > 2 * sqrtHalf {
            mantissa /= 2
            exponent += 1
        }
        let s = (mantissa - 1) / (mantissa + 1)
        let s2 = s * s
        var series = 1.0 / 25
        for k in stride(from: 23.0, through: 1.0, by: -2.0) {
            series = series * s2 + 1 / k
        }
        return exponent * ln2High + (2 * s * series + exponent * ln2Low)
    }

    /// e raised to `x`; 0 below -745, +infinity above 709.8.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -745.2 { return 0 }
        // x = k ln 2 + r, |r| <= ln 2 / 2; e^r by its Taylor series (Horner form).
        let k = (x / ln2).rounded()
        let r = (x - k * ln2High) - k * ln2Low
        var series = 1.0
        for n in stride(from: 17.0, through: 1.0, by: -1.0) {
            series = 1 + series * r / n
        }
        // Safe: NaN and |x| > 745.2 returned above, so |k| ≤ 1,076.
        return Double(sign: .plus, exponent: Int(k), significand: series)
    }

    /// Cosine of `x` radians, for |x| <= pi / 2 (a latitude), by its Taylor series.
    static func cos(_ x: Double) -> Double {
        let x2 = x * x
        var series = 1.0
        for n in stride(from: 22.0, through: 2.0, by: -2.0) {
            series = 1 - series * x2 / (n * (n - 1))
        }
        return series
    }
}
