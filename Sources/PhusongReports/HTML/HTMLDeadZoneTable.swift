import PhusongCoverage
import PhusongSupport

/// The dead-zone list with its search box. Each `<tr>` of `#dz-body` carries `data-key`,
/// the folded search key of its village, commune and province names and codes (see
/// `HTMLSearchKey`), and `data-province`, its province code; the page's script hides
/// rows that do not match the search with the `hidden` attribute.
enum HTMLDeadZoneTable {
    static func section(_ entries: [VillageListEntry], run: CoverageRun) throws -> String {
        let radio = run.configuration.radio
        let maxRangeKm = NumberText.fixed(radio.maxRangeM / 1000, decimals: 0)
        let columns: [(String, String)] = [
            ("Village", "text"), ("Commune", "text"), ("Province", "text"), ("Population", "num"),
            ("Reason", "text"), ("Best signal", "num"), ("Nearest site", "num"),
        ]
        let header = columns.map { title, kind in
            "<th scope=\"col\" data-sort=\"\(kind)\"\(kind == "num" ? " class=\"num\"" : "")><button type=\"button\">\(HTMLText.escaped(title))</button></th>"
        }.joined()
        var keys = HTMLSearchKey()
        let rows = entries.map { row($0, maxRangeKm: maxRangeKm, keys: &keys) }.joined(separator: "\n")
        let unpowered = entries.count { !$0.village.gridPower }
        let note = entries.isEmpty
            ? "No village is a dead zone in this run."
            : "\(NumberText.grouped(entries.count)) villages with neither 4G nor 5G at or above the coverage threshold "
                + "(\(NumberText.fixed(radio.coverageThreshold4GdBm, decimals: 0)) dBm 4G, \(NumberText.fixed(radio.coverageThreshold5GdBm, decimals: 0)) dBm 5G), "
                + "\(NumberText.grouped(unpowered)) of them without grid power. Sorted by province, commune and population; click a heading to sort."
        return try HTMLResources.deadZoneSection.filled([
            "note": HTMLText.escaped(note),
            "count": NumberText.grouped(entries.count),
            "visible": String(entries.count),
            "header": header,
            "rows": rows,
        ])
    }

    private static func row(_ entry: VillageListEntry, maxRangeKm: String, keys: inout HTMLSearchKey) -> String {
        let village = entry.village
        let key = keys.of([village.name, village.id, entry.communeName, village.communeCode, entry.provinceName, village.provinceCode])
        let name = village.name.isEmpty ? village.id : village.name
        let location = "\(NumberText.fixed(village.lat, decimals: 5)), \(NumberText.fixed(village.lon, decimals: 5))"
        var reasons: [String] = []
        for reason in entry.reasons {
            switch reason {
            case .noSiteInRange: reasons.append("<span class=\"tag tag-nosite\" title=\"no cell of any technology within \(maxRangeKm) km\">No site in range</span>")
            case .weakSignal: reasons.append("<span class=\"tag tag-weak\" title=\"cells in range, all below the coverage threshold\">Weak signal</span>")
            case .terrainShadow:
                reasons.append("<span class=\"tag tag-weak\" title=\"the empirical model connects it; the terrain (ITM) blocks the signal\">Terrain shadow</span>")
            case .unpowered: reasons.append("<span class=\"tag tag-unpowered\" title=\"the village is not on the electricity grid\">No grid power</span>")
            }
        }
        let signal = entry.bestSignal.map { best in
            let rsrp = NumberText.fixed(best.rsrpDBm, decimals: 1)
            return "<td class=\"num\" data-v=\"\(rsrp)\">\(rsrp) dBm<span class=\"sub\">\(best.technology.rawValue) · \(HTMLText.escaped(best.cellID))</span></td>"
        } ?? "<td class=\"num muted\" data-v=\"\">none in range</td>"
        let site: String
        if let id = entry.nearestSiteID, let distance = entry.nearestSiteDistanceM {
            // Safe: a great-circle distance, at most half the Earth's circumference (20,016 km).
            site = "<td class=\"num\" data-v=\"\(Int(distance.rounded()))\">\(NumberText.fixed(distance / 1000, decimals: 1)) km<span class=\"sub\">\(HTMLText.escaped(id))</span></td>"
        } else {
            site = "<td class=\"num muted\" data-v=\"\">no site</td>"
        }
        return "<tr data-key=\"\(HTMLText.escaped(key))\" data-province=\"\(HTMLText.escaped(village.provinceCode ?? ""))\">"
            + "<th scope=\"row\" data-v=\"\(HTMLText.escaped(name))\">\(HTMLText.escaped(name))<span class=\"sub\">\(HTMLText.escaped(village.id)) · \(location)</span></th>"
            + areaCell(entry.communeName, village.communeCode)
            + areaCell(entry.provinceName, village.provinceCode)
            + "<td class=\"num\" data-v=\"\(village.population)\">\(NumberText.grouped(village.population))</td>"
            + "<td data-v=\"\(ListReason.joined(entry.reasons))\">\(reasons.joined(separator: " "))</td>"
            + signal + site + "</tr>"
    }

    private static func areaCell(_ name: String?, _ code: String?) -> String {
        switch (name, code) {
        case let (name?, code?): "<td data-v=\"\(HTMLText.escaped(name))\">\(HTMLText.escaped(name))<span class=\"sub\">\(HTMLText.escaped(code))</span></td>"
        case let (nil, code?): "<td data-v=\"\(HTMLText.escaped(code))\">\(HTMLText.escaped(code))</td>"
        case let (name?, nil): "<td data-v=\"\(HTMLText.escaped(name))\">\(HTMLText.escaped(name))</td>"
        case (nil, nil): "<td class=\"muted\" data-v=\"\">—</td>"
        }
    }
}
