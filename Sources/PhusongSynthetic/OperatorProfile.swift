/// One of the four operators of a synthetic network and how it builds sites.
struct OperatorProfile: Sendable {
    /// Operator name as written in cells.csv.
    let name: String
    /// Site id prefix (`VT-000001`).
    let prefix: String
    /// Multiplier on Viettel's spacing (`SiteSpacing`); a larger one means fewer sites.
    let spacingMultiplier: Double
    /// People within 10 km (times log-normal noise) a site needs to be built.
    let catchmentThreshold: Double
    /// Local density a site needs, people/km².
    let minimumDensity: Double
    /// Local density, people/km², from which the operator builds whatever the catchment
    /// (towns and commune centres get service).
    let denseServiceDensity: Double
    /// Share of the operator's low-band (rural) 4G sites on 700 MHz instead of 900 MHz.
    let share700: Double
    /// 5G carrier, MHz; nil for an operator without 5G.
    let band5GMHz: Double?
    /// Local density from which the operator adds 5G to a site, people/km².
    let minimumDensity5G: Double
    /// Probability that a site dense enough gets 5G.
    let probability5G: Double

    /// Viettel, VNPT, MobiFone and Vietnamobile: about 45/30/20/5 % of the sites. Viettel and
    /// VNPT/MobiFone put 5G at 2600 and 3500 MHz; Vietnamobile builds only in towns (800
    /// people/km² and more). The thresholds were tuned so that the default preset has about
    /// 2–3 % of its villages in dead zones under the reference coverage model.
    static let all = [
        OperatorProfile(name: "Viettel", prefix: "VT", spacingMultiplier: 0.97, catchmentThreshold: 40_000,
                        minimumDensity: 0, denseServiceDensity: 300, share700: 0.3,
                        band5GMHz: 2_600, minimumDensity5G: 2_400, probability5G: 1.0),
        OperatorProfile(name: "VNPT", prefix: "VP", spacingMultiplier: 1.3, catchmentThreshold: 42_000,
                        minimumDensity: 0, denseServiceDensity: 300, share700: 0,
                        band5GMHz: 3_500, minimumDensity5G: 2_800, probability5G: 0.95),
        OperatorProfile(name: "MobiFone", prefix: "MF", spacingMultiplier: 1.5, catchmentThreshold: 42_000,
                        minimumDensity: 0, denseServiceDensity: 450, share700: 0,
                        band5GMHz: 3_500, minimumDensity5G: 3_500, probability5G: 0.9),
        OperatorProfile(name: "Vietnamobile", prefix: "VM", spacingMultiplier: 2.0, catchmentThreshold: .infinity,
                        minimumDensity: 800, denseServiceDensity: 800, share700: 0,
                        band5GMHz: nil, minimumDensity5G: 0, probability5G: 0),
    ]
}
