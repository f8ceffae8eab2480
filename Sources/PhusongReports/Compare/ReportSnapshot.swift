import Foundation
import PhusongCoverage

/// What `compare` reads back from one report folder: the indicators of summary.json, the
/// per-village states of villages.csv and the sites of sites.csv.
public struct ReportSnapshot: Sendable {
    public struct VillageState: Sendable, Hashable {
        public var name: String
        public var provinceCode: String
        public var communeCode: String
        public var population: Int
        public var covered4G: Bool
        public var covered5G: Bool
        public var connected: Bool { covered4G || covered5G }
    }

    public struct SiteState: Sendable, Hashable {
        public var operatorName: String
        public var has4G: Bool
        public var has5G: Bool
        public var provinceCode: String
        public var lon: Double
        public var lat: Double
    }

    public var folder: String
    public var national: CoverageIndicators
    public var provinces: [String: CoverageIndicators]
    public var provinceNames: [String: String]
    /// By village id, in file order of `villageOrder`.
    public var villages: [String: VillageState]
    public var villageOrder: [String]
    public var sites: [String: SiteState]
    public var siteOrder: [String]

    /// Reads a report folder.
    /// - Throws: `LoadError` naming the file when one is missing or malformed.
    public static func load(folder: String) throws(LoadError) -> ReportSnapshot {
        let summary = try SummaryContents.read(folder: folder)
        var snapshot = ReportSnapshot(
            folder: folder, national: summary.national,
            provinces: summary.provinces.mapValues(\.indicators),
            provinceNames: summary.provinces.compactMapValues(\.name),
            villages: [:], villageOrder: [], sites: [:], siteOrder: [])
        try snapshot.readVillages(folder + "/villages.csv")
        try snapshot.readSites(folder + "/sites.csv")
        return snapshot
    }

    private mutating func readVillages(_ path: String) throws(LoadError) {
        try Self.readRows(path, columns: ["village_id", "name", "province_code", "commune_code", "population", "covered_4g", "covered_5g"]) { (row: [String], line: Int) throws(LoadError) in
            guard let population = Int(row[4]), let covered4G = Bool(row[5]), let covered5G = Bool(row[6]) else {
                throw LoadError(Problem(file: path, line: line, reason: .table(.malformedRow(what: "population or coverage flag"))))
            }
            villageOrder.append(row[0])
            villages[row[0]] = VillageState(name: row[1], provinceCode: row[2], communeCode: row[3], population: population,
                                            covered4G: covered4G, covered5G: covered5G)
        }
    }

    private mutating func readSites(_ path: String) throws(LoadError) {
        try Self.readRows(path, columns: ["site_id", "operator", "has_4g", "has_5g", "province_code", "lon", "lat"]) { (row: [String], line: Int) throws(LoadError) in
            guard let has4G = Bool(row[2]), let has5G = Bool(row[3]), let lon = Double(row[5]), let lat = Double(row[6]) else {
                throw LoadError(Problem(file: path, line: line, reason: .table(.malformedRow(what: "site row"))))
            }
            siteOrder.append(row[0])
            sites[row[0]] = SiteState(operatorName: row[1], has4G: has4G, has5G: has5G, provinceCode: row[4], lon: lon, lat: lat)
        }
    }

    /// Streams the named columns of a report CSV.
    private static func readRows(_ path: String, columns: [String], _ body: ([String], Int) throws(LoadError) -> Void) throws(LoadError) {
        let reader = try CSVReader(path: path)
        guard let header = try reader.next() else {
            throw LoadError(Problem(file: path, reason: .table(.empty(expectedHeader: nil))))
        }
        let names = (0..<header.count).map { header.text($0) ?? "" }
        var indexes: [Int] = []
        for column in columns {
            guard let index = names.firstIndex(of: column) else {
                throw LoadError(Problem(file: path, line: 1, column: "header", reason: .table(.missingColumn(column, accepted: [], example: nil))))
            }
            indexes.append(index)
        }
        while let record = try reader.next() {
            try body(indexes.map { $0 < record.count ? (record.text($0) ?? "") : "" }, record.line)
        }
    }
}
