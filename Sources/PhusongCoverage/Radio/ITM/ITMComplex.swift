import Foundation

/// The few complex operations ITM needs for the ground's reflection: the impedance Z_g and the
/// reflection coefficient R_e (the Algorithm, §3 and eq. 4.47). Written here rather than taken
/// from swift-numerics because ITM needs five operations on one value type, and a package
/// dependency for them would outweigh them; each follows the usual definition (principal
/// square root, C99 Annex G behaviour for finite values).
struct ITMComplex: Sendable, Hashable {
    var re: Double
    var im: Double

    static func + (a: ITMComplex, b: ITMComplex) -> ITMComplex { ITMComplex(re: a.re + b.re, im: a.im + b.im) }
    static func - (a: ITMComplex, b: ITMComplex) -> ITMComplex { ITMComplex(re: a.re - b.re, im: a.im - b.im) }

    static func * (a: ITMComplex, s: Double) -> ITMComplex { ITMComplex(re: a.re * s, im: a.im * s) }

    /// Quotient a / b, with b scaled by its larger part first so that no intermediate overflows.
    static func / (a: ITMComplex, b: ITMComplex) -> ITMComplex {
        if abs(b.re) >= abs(b.im) {
            let ratio = b.im / b.re
            let denominator = b.re + b.im * ratio
            return ITMComplex(re: (a.re + a.im * ratio) / denominator, im: (a.im - a.re * ratio) / denominator)
        }
        let ratio = b.re / b.im
        let denominator = b.re * ratio + b.im
        return ITMComplex(re: (a.re * ratio + a.im) / denominator, im: (a.im * ratio - a.re) / denominator)
    }

    /// |z|.
    var magnitude: Double { hypot(re, im) }

    /// |z|², as ITM writes it (`re² + im²`).
    var squaredMagnitude: Double { pow(re, 2) + pow(im, 2) }

    /// The principal square root (real part ≥ 0, branch cut on the negative real axis).
    var squareRoot: ITMComplex {
        if re == 0 && im == 0 { return ITMComplex(re: 0, im: im) }
        let t = (0.5 * (abs(re) + magnitude)).squareRoot()
        if re >= 0 { return ITMComplex(re: t, im: im / (2 * t)) }
        return ITMComplex(re: abs(im) / (2 * t), im: im < 0 ? -t : t)
    }
}
