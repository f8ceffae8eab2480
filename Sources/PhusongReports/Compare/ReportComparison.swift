import PhusongCoverage

/// The monthly progress view: how indicators moved between two reports, which villages were
/// newly connected or lost coverage, and which sites were added, removed or gained 5G.
public struct ReportComparison: Sendable {
    public struct IndicatorDelta: Sendable, Hashable {
        public var name: String
        public var before: Double
        public var after: Double
        public var change: Double { after - before }
        /// True for shares (printed as percentages), false for counts.
        public var isShare: Bool
    }

    public enum VillageChange: String, Sendable, Hashable {
        case newlyConnected = "newly connected"
        case lostCoverage = "lost coverage"
        case gained5G = "gained 5G"
        case lost5G = "lost 5G"
    }

    public struct ChangedVillage: Sendable, Hashable {
        public var id: String
        public var state: ReportSnapshot.VillageState
        public var change: VillageChange
    }

    public enum SiteChange: String, Sendable, Hashable {
        case added, removed
        case gained5G = "gained 5G"
        case lost5G = "lost 5G"
    }

    public struct ChangedSite: Sendable, Hashable {
        public var id: String
        public var state: ReportSnapshot.SiteState
        public var change: SiteChange
    }

    public var before: ReportSnapshot
    public var after: ReportSnapshot
    public var national: [IndicatorDelta]
    /// Per province present in either report: its code, name and deltas.
    public var provinces: [(code: String, name: String, deltas: [IndicatorDelta])]
    public var villages: [ChangedVillage]
    public var sites: [ChangedSite]
    /// Villages present in only one of the reports.
    public var villagesOnlyBefore: Int
    public var villagesOnlyAfter: Int

    public init(before: ReportSnapshot, after: ReportSnapshot) {
        self.before = before
        self.after = after
        national = Self.deltas(before.national, after.national)
        let codes = Set(before.provinces.keys).union(after.provinces.keys).sorted()
        provinces = codes.map { code in
            (code, after.provinceNames[code] ?? before.provinceNames[code] ?? "",
             Self.deltas(before.provinces[code] ?? CoverageIndicators(), after.provinces[code] ?? CoverageIndicators()))
        }
        var villages: [ChangedVillage] = []
        var onlyBefore = 0
        for id in before.villageOrder {
            guard let old = before.villages[id] else { continue }
            guard let new = after.villages[id] else {
                onlyBefore += 1
                continue
            }
            if !old.connected && new.connected { villages.append(.init(id: id, state: new, change: .newlyConnected)) }
            if old.connected && !new.connected { villages.append(.init(id: id, state: new, change: .lostCoverage)) }
            if !old.covered5G && new.covered5G { villages.append(.init(id: id, state: new, change: .gained5G)) }
            if old.covered5G && !new.covered5G { villages.append(.init(id: id, state: new, change: .lost5G)) }
        }
        self.villages = villages
        villagesOnlyBefore = onlyBefore
        villagesOnlyAfter = after.villageOrder.count { before.villages[$0] == nil }
        var sites: [ChangedSite] = []
        for id in after.siteOrder {
            guard let new = after.sites[id] else { continue }
            guard let old = before.sites[id] else {
                sites.append(.init(id: id, state: new, change: .added))
                continue
            }
            if !old.has5G && new.has5G { sites.append(.init(id: id, state: new, change: .gained5G)) }
            if old.has5G && !new.has5G { sites.append(.init(id: id, state: new, change: .lost5G)) }
        }
        for id in before.siteOrder where after.sites[id] == nil {
            if let old = before.sites[id] { sites.append(.init(id: id, state: old, change: .removed)) }
        }
        self.sites = sites
    }

    static func deltas(_ old: CoverageIndicators, _ new: CoverageIndicators) -> [IndicatorDelta] {
        func count(_ name: String, _ path: KeyPath<CoverageIndicators, Int>) -> IndicatorDelta {
            IndicatorDelta(name: name, before: Double(old[keyPath: path]), after: Double(new[keyPath: path]), isShare: false)
        }
        func share(_ name: String, _ path: KeyPath<CoverageIndicators, Double>) -> IndicatorDelta {
            IndicatorDelta(name: name, before: old[keyPath: path], after: new[keyPath: path], isShare: true)
        }
        return [
            count("villages", \.villages),
            count("villages connected", \.villagesConnected),
            share("share of villages connected", \.shareVillagesConnected),
            count("dead-zone villages", \.villagesDeadZone),
            count("unpowered villages", \.villagesUnpowered),
            count("dead-zone and unpowered villages", \.villagesDeadZoneAndUnpowered),
            share("4G population coverage", \.populationCoverage4G),
            share("5G population coverage", \.populationCoverage5G),
            share("population coverage (any)", \.populationCoverageAny),
            count("4G stations", \.stations4G),
            count("5G stations", \.stations5G),
            IndicatorDelta(name: "5G / 4G stations", before: old.ratio5G4GStations ?? 0, after: new.ratio5G4GStations ?? 0, isShare: false),
        ]
    }
}
