import PhusongSupport
import PhusongCoverage

/// Generates synthetic scenarios: villages in provinces and communes with heavy-tailed sizes
/// clustered around commune hubs and towns, and a four-operator 4G/5G network placed by
/// population density, which leaves a few per cent of remote villages in dead zones.
///
/// Deterministic: the same parameters give the same scenario — the same CSV bytes — on every
/// machine (`SeededGenerator`, `PortableMath`). Each province is generated from its own random
/// streams in O(v log v) time for its v villages, so a run takes O(N log N) time.
public enum SyntheticScenario {
    /// The scenario for `parameters`: villages ordered by village id; cells by operator
    /// (Viettel, VNPT, MobiFone, Vietnamobile), then site number, then sector.
    public static func generate(_ parameters: SyntheticScenarioParameters) throws(SyntheticParameterError) -> Scenario {
        try parameters.validate()
        let plan = try ProvincePlan(parameters)
        var villages: [Village] = []
        villages.reserveCapacity(parameters.villageCount)
        var sites = [[PlacedSite]](repeating: [], count: OperatorProfile.all.count)
        for province in plan.provinces {
            let built = GeneratedProvince(province, plan: plan, parameters: parameters)
            villages.append(contentsOf: built.villages)
            for operatorIndex in sites.indices {
                sites[operatorIndex].append(contentsOf: built.sites[operatorIndex])
            }
        }
        var cells: [Cell] = []
        for (profile, operatorSites) in zip(OperatorProfile.all, sites) {
            let width = max(6, String(operatorSites.count).count)
            for (number, site) in operatorSites.enumerated() {
                let siteID = "\(profile.prefix)-\(NumberText.zeroPadded(number + 1, width: width))"
                cells.append(contentsOf: site.radio.cells(
                    siteID: siteID, operatorName: profile.name, lon: site.lon, lat: site.lat, powerSource: site.powerSource
                ))
            }
        }
        return Scenario(villages: villages, cells: cells)
    }

    /// Province code → name of the provinces `parameters` lays out (for summaries).
    public static func provinceNames(_ parameters: SyntheticScenarioParameters) throws(SyntheticParameterError) -> [String: String] {
        try parameters.validate()
        var names: [String: String] = [:]
        for province in try ProvincePlan(parameters).provinces {
            names[province.code] = province.name
        }
        return names
    }
}
