/// What a planner wants to see first about a set of inputs: how many villages, people and
/// cells, how many sites per technology and operator, which provinces are present.
public struct InputSummary: Sendable {
    public struct ProvinceLine: Sendable, Hashable {
        public var code: String
        public var name: String?
        public var villages: Int
        public var population: Int
        public var unpowered: Int
    }

    public struct OperatorLine: Sendable, Hashable {
        public var operatorName: String
        public var cells4G: Int
        public var cells5G: Int
        /// Distinct site ids with at least one 4G cell (a "4G station").
        public var sites4G: Int
        /// Distinct site ids with at least one 5G cell (a "5G station").
        public var sites5G: Int
        public var sites: Int
    }

    public var villages: Int
    public var population: Int
    public var households: Int
    public var unpowered: Int
    public var villagesByAreaType: [AreaType: Int]
    public var villagesWithoutProvince: Int
    public var villagesWithoutCommune: Int
    public var provinces: [ProvinceLine]
    public var cells: Int
    public var cells4G: Int
    public var cells5G: Int
    public var sites: Int
    public var sites4G: Int
    public var sites5G: Int
    public var operators: [OperatorLine]
    /// Cell count per carrier frequency (MHz) and technology, sorted by technology then band.
    public var bands: [(technology: Technology, bandMHz: Double, cells: Int)]

    /// - Parameters:
    ///   - scenario: the villages and cells to count.
    ///   - siteTable: the site table of the scenario's cells (`LoadedInputs.sites`); nil:
    ///     derived from the cells.
    ///   - provinceNames: province code → name, for the per-province lines.
    public init(_ scenario: Scenario, sites siteTable: SiteTable? = nil, provinceNames: [String: String] = ProvinceCatalog.names2025) {
        let villages = scenario.villages
        self.villages = villages.count
        population = villages.reduce(0) { $0 + $1.population }
        households = villages.reduce(0) { $0 + ($1.households ?? 0) }
        unpowered = villages.count { !$0.gridPower }
        villagesByAreaType = Dictionary(grouping: villages, by: \.areaType).mapValues(\.count)
        villagesWithoutProvince = villages.count { $0.provinceCode == nil }
        villagesWithoutCommune = villages.count { $0.communeCode == nil }
        var byProvince: [String: ProvinceLine] = [:]
        for village in villages {
            guard let code = village.provinceCode else { continue }
            var line = byProvince[code] ?? ProvinceLine(code: code, name: provinceNames[code], villages: 0, population: 0, unpowered: 0)
            line.villages += 1
            line.population += village.population
            if !village.gridPower { line.unpowered += 1 }
            byProvince[code] = line
        }
        provinces = byProvince.values.sorted { $0.code < $1.code }

        let cells = scenario.cells
        self.cells = cells.count
        cells4G = cells.count { $0.technology == .lte }
        cells5G = cells.count { $0.technology == .nr }
        var operatorCells: [String: (c4: Int, c5: Int)] = [:]
        var bandCells: [BandKey: Int] = [:]
        for cell in cells {
            var counts = operatorCells[cell.operatorName] ?? (0, 0)
            if cell.technology == .lte { counts.c4 += 1 } else { counts.c5 += 1 }
            operatorCells[cell.operatorName] = counts
            bandCells[BandKey(technology: cell.technology, bandMHz: cell.bandMHz), default: 0] += 1
        }
        let siteTable = siteTable ?? SiteTable(cells: cells)
        sites = siteTable.count
        sites4G = siteTable.count { $0.has4G }
        sites5G = siteTable.count { $0.has5G }
        var operatorSites: [String: (all: Int, s4: Int, s5: Int)] = [:]
        for site in siteTable {
            var counts = operatorSites[site.operatorName] ?? (0, 0, 0)
            counts.all += 1
            if site.has4G { counts.s4 += 1 }
            if site.has5G { counts.s5 += 1 }
            operatorSites[site.operatorName] = counts
        }
        operators = operatorCells.keys.sorted().map { name in
            let cellsOf = operatorCells[name] ?? (0, 0)
            let sitesOf = operatorSites[name] ?? (0, 0, 0)
            return OperatorLine(operatorName: name, cells4G: cellsOf.c4, cells5G: cellsOf.c5,
                                sites4G: sitesOf.s4, sites5G: sitesOf.s5, sites: sitesOf.all)
        }.sorted { ($0.sites, $1.operatorName) > ($1.sites, $0.operatorName) }
        bands = bandCells.sorted { ($0.key.technology, $0.key.bandMHz) < ($1.key.technology, $1.key.bandMHz) }
            .map { (technology: $0.key.technology, bandMHz: $0.key.bandMHz, cells: $0.value) }
    }

    private struct BandKey: Hashable {
        var technology: Technology
        var bandMHz: Double
    }
}
