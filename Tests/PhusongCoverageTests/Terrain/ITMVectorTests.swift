import Foundation
import PhusongCoverage
import PhusongTestSupport
import Testing

/// NTIA's published ITM v1.4 test vectors (`../shared/specs/itm-vectors/`, read at test time):
/// every row of `p2p.csv` to 0.01 dB and the worked example `o_p2ptls.txt` with its intermediate
/// values to their printed digits.
@Suite("ITM test vectors")
struct ITMVectorTests {
    static let vectors = "itm-vectors/p2p.csv"

    /// One row of p2p.csv with its profile row of pfls.csv.
    struct Case: CustomTestStringConvertible {
        let row: Int
        let link: ITMLink
        let parameters: ITMParameters
        let heights: [Double]
        let spacing: Double
        let expectedDB: Double
        var testDescription: String { "p2p.csv row \(row): \(link.frequencyMHz) MHz, \(heights.count - 1) intervals" }
    }

    static func cases() throws -> [Case] {
        guard SharedData.hasSpec(vectors) else { return [] }
        let rows = try lines(SharedData.specPath(vectors)).dropFirst()
        let profiles = try lines(SharedData.specPath("itm-vectors/pfls.csv"))
        return try rows.enumerated().map { index, line in
            let v = line.split(separator: ",").compactMap { Double($0) }
            let profile = profiles[index].split(separator: ",").compactMap { Double($0) }
            let parameters = ITMParameters(
                climate: try #require(ITMClimate(rawValue: Int(v[7]))), refractivityN0: v[4], permittivity: v[2],
                conductivitySPerM: v[3], polarization: try #require(ITMPolarization(rawValue: Int(v[6]))),
                variability: try ITMVariabilityMode(code: Int(v[11])),
                timePercent: v[8], locationPercent: v[9], situationPercent: v[10]
            )
            #expect(Int(profile[0]) + 3 == profile.count, "pfls.csv row \(index + 1): n + 1 heights")
            return Case(
                row: index + 1, link: ITMLink(txHeightM: v[0], rxHeightM: v[1], frequencyMHz: v[5]),
                parameters: parameters, heights: Array(profile.dropFirst(2)), spacing: profile[1], expectedDB: v[12]
            )
        }
    }

    static func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
    }

    @Test("p2p.csv has its five cases", .enabled(if: SharedData.hasSpec(vectors), SharedData.specsSkipReason))
    func fiveCases() throws {
        #expect(try Self.cases().count == 5)
    }

    @Test("each row of p2p.csv to 0.01 dB", .enabled(if: SharedData.hasSpec(vectors), SharedData.specsSkipReason),
          arguments: try cases())
    func p2pRow(_ vector: Case) throws {
        let result = try ITM.pointToPoint(
            heightsM: vector.heights, spacingM: vector.spacing, link: vector.link, parameters: vector.parameters
        )
        #expect(abs(result.lossDB - vector.expectedDB) <= 0.01 + 1e-9, "got \(result.lossDB) dB, expected \(vector.expectedDB) dB")
    }

    static let example = "itm-vectors/o_p2ptls.txt"

    /// The printed value after `label` in o_p2ptls.txt, with its number of decimals.
    static func printed(_ label: String, in text: String) throws -> (value: Double, decimals: Int) {
        let line = try #require(text.split(whereSeparator: \.isNewline).first { $0.hasPrefix(label + " ") })
        let token = try #require(line.dropFirst(label.count).split(separator: " ").first)
        let decimals = token.split(separator: ".").dropFirst().first?.count ?? 0
        return (try #require(Double(token)), decimals)
    }

    /// The inputs i_p2ptls.txt names, by key.
    static func inputs() throws -> [String: Double] {
        var values: [String: Double] = [:]
        for line in try lines(SharedData.specPath("itm-vectors/i_p2ptls.txt")) {
            let parts = line.split(separator: ",")
            if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
        }
        return values
    }

    @Test("o_p2ptls.txt: loss, mode, warnings and each intermediate value to its printed digits",
          .enabled(if: SharedData.hasSpec(example), SharedData.specsSkipReason))
    func workedExample() throws {
        let input = try Self.inputs()
        let profile = try String(contentsOfFile: SharedData.specPath("itm-vectors/pfl.txt"), encoding: .utf8)
            .split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let value = { (key: String) throws -> Double in try #require(input[key], "i_p2ptls.txt: \(key)") }
        let parameters = ITMParameters(
            climate: try #require(ITMClimate(rawValue: Int(try value("climate")))), refractivityN0: try value("N_0"),
            permittivity: try value("epsilon"), conductivitySPerM: try value("sigma"),
            polarization: try #require(ITMPolarization(rawValue: Int(try value("pol")))),
            variability: try ITMVariabilityMode(code: Int(try value("mdvar"))),
            timePercent: try value("time"), locationPercent: try value("location"), situationPercent: try value("situation")
        )
        let link = ITMLink(txHeightM: try value("h_tx__meter"), rxHeightM: try value("h_rx__meter"), frequencyMHz: try value("f__mhz"))
        #expect(Int(profile[0]) + 3 == profile.count)
        let result = try ITM.pointToPoint(
            heightsM: Array(profile.dropFirst(2)), spacingM: profile[1], link: link, parameters: parameters
        )
        let text = try String(contentsOfFile: SharedData.specPath(Self.example), encoding: .utf8)
        let checks: [(String, Double)] = [
            ("Basic Transmission Loss", result.lossDB),
            ("Free Space", result.freeSpaceLossDB),
            ("d__km", result.distanceM / 1000),
            ("theta_hzn_tx", result.horizonAnglesRad.tx * 1000),
            ("theta_hzn_rx", result.horizonAnglesRad.rx * 1000),
            ("d_hzn_tx__meter", result.horizonDistancesM.tx),
            ("d_hzn_rx__meter", result.horizonDistancesM.rx),
            ("h_e_tx__meter", result.effectiveHeightsM.tx),
            ("h_e_rx__meter", result.effectiveHeightsM.rx),
            ("N_s", result.surfaceRefractivityNs),
            ("delta_h__meter", result.terrainIrregularityM),
            ("A_ref__db", result.referenceAttenuationDB),
        ]
        for (label, computed) in checks {
            let expected = try Self.printed(label, in: text)
            let unit = pow(10, -Double(expected.decimals))
            // "To its printed digits": rounding the computed value to as many decimals gives the
            // printed number (half a unit of the last digit either way).
            #expect(abs(computed - expected.value) <= 0.5 * unit + 1e-9, "\(label): computed \(computed), printed \(expected.value)")
        }
        #expect(try Self.printed("Mode of Propagation", in: text).value == Double(result.mode.rawValue))
        #expect(result.mode == .lineOfSight)
        #expect(try Self.printed("ITM Return Code", in: text).value == 0)
        #expect(result.warnings.rawValue == 0)
        #expect(text.contains("ITM Warning Flags        0x0000"))
    }
}
