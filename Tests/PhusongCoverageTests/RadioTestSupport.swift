import Foundation
@testable import PhusongCoverage
@testable import PhusongSupport

/// Helpers of the radio-model tests: tolerance checks, a seeded generator, and the spec's
/// formulas written out in full (coverage-model.md, term by term, left to right), against
/// which the precomputed models must agree bit for bit.
enum RadioSpec {
    static func isClose(_ value: Double, _ expected: Double, within tolerance: Double) -> Bool {
        abs(value - expected) <= tolerance
    }

    static func a(_ f: Double, _ hm: Double) -> Double {
        (1.1 * log10(f) - 0.7) * hm - (1.56 * log10(f) - 0.8)
    }

    static func environment(_ loss: Double, _ f: Double, _ area: AreaType) -> Double {
        switch area {
        case .urban: loss
        case .suburban: loss - 2 * (log10(f / 28) * log10(f / 28)) - 5.4
        case .rural, .open: loss - 4.78 * (log10(f) * log10(f)) + 18.33 * log10(f) - 40.94
        }
    }

    static func hata(f: Double, hb: Double, hm: Double, d2DM: Double, area: AreaType) -> Double {
        let d = d2DM / 1000
        let lu = 69.55 + 26.16 * log10(f) - 13.82 * log10(hb) - a(f, hm) + (44.9 - 6.55 * log10(hb)) * log10(d)
        return environment(lu, f, area)
    }

    static func cost231(f: Double, hb: Double, hm: Double, d2DM: Double, area: AreaType) -> Double {
        let d = d2DM / 1000
        let cm = area == .urban ? 3.0 : 0.0
        let lc = 46.3 + 33.9 * log10(f) - 13.82 * log10(hb) - a(f, hm) + (44.9 - 6.55 * log10(hb)) * log10(d) + cm
        return environment(lc, f, area)
    }

    static func uma(f: Double, hBS: Double, hUT: Double, d2D: Double, d3D: Double) -> Double {
        let fc = f / 1000
        let hE = 1.0
        let dBP = 4 * (hBS - hE) * (hUT - hE) * fc * 1e9 / 3.0e8
        let los = d2D <= dBP
            ? 28 + 22 * log10(d3D) + 20 * log10(fc)
            : 28 + 40 * log10(d3D) + 20 * log10(fc) - 9 * log10(dBP * dBP + (hBS - hUT) * (hBS - hUT))
        let nlos = 13.54 + 39.08 * log10(d3D) + 20 * log10(fc) - 0.6 * (hUT - 1.5)
        return max(los, nlos)
    }

    static func rma(f: Double, hBS: Double, hUT: Double, d2D: Double, d3D: Double) -> Double {
        let fc = f / 1000
        let h = 5.0
        let w = 20.0
        let dBP = 2 * Double.pi * hBS * hUT * fc * 1e9 / 3.0e8
        func pl1(_ d: Double) -> Double {
            20 * log10(40 * Double.pi * d * fc / 3) + min(0.03 * pow(h, 1.72), 10) * log10(d)
                - min(0.044 * pow(h, 1.72), 14.77) + 0.002 * log10(h) * d
        }
        let los = d2D <= dBP ? pl1(d3D) : pl1(dBP) + 40 * log10(d3D / dBP)
        let nlos = 161.04 - 7.1 * log10(w) + 7.5 * log10(h) - (24.37 - 3.7 * ((h / hBS) * (h / hBS))) * log10(hBS)
            + (43.42 - 3.1 * log10(hBS)) * (log10(d3D) - 3) + 20 * log10(fc)
            - (3.2 * (log10(11.75 * hUT) * log10(11.75 * hUT)) - 4.97)
        return max(los, nlos)
    }

    static func fspl(d3D: Double, f: Double) -> Double {
        20 * log10(4 * Double.pi * d3D * f * 1e6 / 299_792_458)
    }

    static func d3D(_ d2D: Double, hBS: Double, hUT: Double = 1.5) -> Double {
        sqrt(d2D * d2D + (hBS - hUT) * (hBS - hUT))
    }

    /// A point `metres` due north of (lon, lat) on the spec's sphere.
    static func north(of lat: Double, metres: Double) -> Double {
        lat + metres / Geodesy.earthRadiusM * 180 / Double.pi
    }
}

/// Seeded random radio inputs.
typealias RadioTestGenerator = SplitMix64
