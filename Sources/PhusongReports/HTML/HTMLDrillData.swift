import Foundation
import PhusongCoverage
import PhusongSupport

/// The drill-down data of report.html, packed (`HTMLPackedJSON`: JSON, raw DEFLATE, base64)
/// into two `<script type="application/octet-stream">` elements that the page's script
/// (`report-drill.js`) inflates and draws one table page at a time: `#drill-data`, small,
/// with the areas and the dead-zone list the page needs to be usable, and `#place-data`
/// (`HTMLPlaceData`), every village and site, unpacked right after. Rows are JSON arrays, not
/// objects, to keep the national page small (106,445 villages, 88,861 sites):
///
/// - `p`, `c`: provinces and communes, `[code, name, province code, villages, connected,
///   dead zones, unpowered, population, population with 4G, population with 5G, 4G stations,
///   5G stations]` (`HTMLDrillArea`; name "" when unknown; a province's province code is null;
///   a commune's stations are null when they cannot be counted, `IndicatorTables.communeStationsNote`).
/// - `d`: the dead-zone list (`VillageLists.deadZones`), `HTMLDrillDeadZone`.
struct HTMLDrillData: Encodable {
    var p: [HTMLDrillArea]
    var c: [HTMLDrillArea]
    var d: [HTMLDrillDeadZone]

    init(_ run: CoverageRun, deadZones: [VillageListEntry]) {
        let stationsKnown = run.tables.communeStationsNote == nil
        p = run.tables.provinces.map { HTMLDrillArea($0, name: $0.name ?? VillageLists.provinceName($0.code, boundaries: run.inputs.boundaries), stations: true) }
        c = run.tables.communes.map { HTMLDrillArea($0, name: $0.name, stations: stationsKnown) }
        d = deadZones.map(HTMLDrillDeadZone.init)
    }
}

/// The villages and sites of report.html's drill-down (`#place-data`):
/// - `v`: villages by commune code (villages without a commune code under ""), in the order of
///   the villages file: `[id, name, population, flags]` (`HTMLDrillVillage`).
/// - `s`: sites by "province code/commune code" (the area they count in, `IndicatorTables.siteAreas`;
///   "" for a code not known), in the order of the sites: `[id, operator index into o, flags
///   (1 4G, 2 5G)]`.
/// - `o`: operator names.
struct HTMLPlaceData: Encodable {
    var v: [String: [HTMLDrillVillage]]
    var s: [String: [HTMLDrillSite]]
    var o: [String]

    /// This value's compact JSON, `JSONDocument.bytes(self, pretty: false)` byte for byte
    /// (members `o`, `s`, `v` in the order of their keys), written commune by commune
    /// (`JSONDocument.appendCompactObject`) so that the whole tree of every village never
    /// exists at once (`HTMLPlaceDataTests` compares the two).
    func compactJSON() throws -> [UInt8] {
        var bytes = Array("{\"o\":".utf8)
        bytes.append(contentsOf: try JSONDocument.bytes(o, pretty: false))
        bytes.append(contentsOf: ",\"s\":".utf8)
        try JSONDocument.appendCompactObject(s, to: &bytes)
        bytes.append(contentsOf: ",\"v\":".utf8)
        try JSONDocument.appendCompactObject(v, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    init(_ run: CoverageRun) {
        var villages: [String: [HTMLDrillVillage]] = [:]
        for (village, coverage) in zip(run.inputs.scenario.villages, run.coverage) {
            villages[village.communeCode ?? "", default: []].append(HTMLDrillVillage(village, coverage))
        }
        v = villages
        var operators: [String: Int] = [:]
        var names: [String] = []
        var sites: [String: [HTMLDrillSite]] = [:]
        for (site, area) in zip(run.engine.sites, run.tables.siteAreas) {
            let index = operators[site.operatorName] ?? {
                names.append(site.operatorName)
                operators[site.operatorName] = names.count - 1
                return names.count - 1
            }()
            sites[(area.provinceCode ?? "") + "/" + (area.communeCode ?? ""), default: []].append(
                HTMLDrillSite(id: site.id, operatorIndex: index, flags: (site.has4G ? 1 : 0) | (site.has5G ? 2 : 0)))
        }
        s = sites
        o = names
    }
}

/// A province or commune row of `HTMLDrillData`.
struct HTMLDrillArea: Encodable {
    var row: AreaIndicators
    var name: String
    var stations: Bool

    init(_ row: AreaIndicators, name: String?, stations: Bool) {
        self.row = row
        self.name = name ?? ""
        self.stations = stations
    }

    func encode(to encoder: any Encoder) throws {
        var array = encoder.unkeyedContainer()
        let indicators = row.indicators
        try array.encode(row.code)
        try array.encode(name)
        try array.encode(row.provinceCode)
        for count in [indicators.villages, indicators.villagesConnected, indicators.villagesDeadZone, indicators.villagesUnpowered,
                      indicators.population, indicators.populationCovered4G, indicators.populationCovered5G] {
            try array.encode(count)
        }
        try array.encode(stations ? indicators.stations4G : nil)
        try array.encode(stations ? indicators.stations5G : nil)
    }
}

/// A village row of `HTMLPlaceData`: `[id, name, population, flags]`. Flags: 1 covered by 4G,
/// 2 covered by 5G (neither: a dead zone), 4 without grid power, 8 the id is the commune
/// code, "-" and the id written (the national file's ids, "00004-001", are written "001").
struct HTMLDrillVillage: Encodable {
    var id: String
    var name: String
    var population: Int
    var flags: Int

    init(_ village: Village, _ coverage: VillageCoverage) {
        let prefix = (village.communeCode ?? "") + "-"
        let short = village.communeCode != nil && village.id.hasPrefix(prefix) && village.id.count > prefix.count
        id = short ? String(village.id.dropFirst(prefix.count)) : village.id
        name = village.name
        population = village.population
        flags = (coverage.covered4G ? 1 : 0) | (coverage.covered5G ? 2 : 0) | (village.gridPower ? 0 : 4) | (short ? 8 : 0)
    }

    func encode(to encoder: any Encoder) throws {
        var array = encoder.unkeyedContainer()
        try array.encode(id)
        try array.encode(name)
        try array.encode(population)
        try array.encode(flags)
    }
}

/// A site row of `HTMLPlaceData`.
struct HTMLDrillSite: Encodable {
    var id: String
    var operatorIndex: Int
    var flags: Int

    func encode(to encoder: any Encoder) throws {
        var array = encoder.unkeyedContainer()
        try array.encode(id)
        try array.encode(operatorIndex)
        try array.encode(flags)
    }
}

/// A dead-zone row of `HTMLDrillData`: `[village id, name, commune code, province code,
/// population, reasons ("WEAK_SIGNAL+UNPOWERED"), best signal dBm or null, its technology,
/// its cell id, nearest site id, distance to it in metres (rounded) or null, latitude,
/// longitude]`; the commune's and province's names are those of `c` and `p`.
struct HTMLDrillDeadZone: Encodable {
    var entry: VillageListEntry

    init(_ entry: VillageListEntry) {
        self.entry = entry
    }

    func encode(to encoder: any Encoder) throws {
        var array = encoder.unkeyedContainer()
        let village = entry.village
        try array.encode(village.id)
        try array.encode(village.name)
        try array.encode(village.communeCode ?? "")
        try array.encode(village.provinceCode ?? "")
        try array.encode(village.population)
        try array.encode(ListReason.joined(entry.reasons))
        try array.encode(entry.bestSignal.map { NumberText.fixed($0.rsrpDBm, decimals: 1) })
        try array.encode(entry.bestSignal?.technology.rawValue ?? "")
        try array.encode(entry.bestSignal?.cellID ?? "")
        try array.encode(entry.nearestSiteID ?? "")
        // Safe: a great-circle distance, at most half the Earth's circumference (20,016 km).
        try array.encode(entry.nearestSiteDistanceM.map { Int($0.rounded()) })
        try array.encode(NumberText.fixed(village.lat, decimals: 5))
        try array.encode(NumberText.fixed(village.lon, decimals: 5))
    }
}

/// JSON packed for a page: raw DEFLATE (`RawDeflate`), then base64, which can sit in any
/// `<script>` element as it is (no `<`, `&` or quote). The page's `PagedTable.unpack`
/// (paged-table.js) inflates it with the browser's `DecompressionStream("deflate-raw")`.
/// Packing shrinks the national drill-down data about fivefold (JSON 5.2 MB → 1.1 MB base64),
/// which is what keeps report.html within the 3 MB of issue 19.
enum HTMLPackedJSON {
    static func packed<Value: Encodable>(_ value: Value) throws -> String {
        try packed(json: JSONDocument.bytes(value, pretty: false, escapingLessThan: false))
    }

    /// The villages and sites, written commune by commune (`HTMLPlaceData.compactJSON()`).
    static func packed(_ places: HTMLPlaceData) throws -> String {
        try packed(json: places.compactJSON())
    }

    private static func packed(json: [UInt8]) throws -> String {
        Data(try RawDeflate.compressed(json)).base64EncodedString()
    }

    /// The JSON bytes of `packed(_:)` (for tests).
    static func unpacked(_ text: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: text) else { throw UnpackError() }
        return try RawDeflate.expanded(Array(data))
    }

    struct UnpackError: Error {}
}
