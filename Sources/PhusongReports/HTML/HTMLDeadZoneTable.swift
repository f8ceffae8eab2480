import PhusongCoverage
import PhusongSupport

/// The dead-zone list with its search box. Each `<tr>` of `#dz-body` carries `data-key`,
/// the folded search key of its village, commune and province names and codes (see
/// `HTMLSearchKey`), and `data-province`, its province code; the page's script hides
/// rows that do not match the search with the `hidden` attribute.
enum HTMLDeadZoneTable {
    static func section(_ entries: [VillageListEntry], run: CoverageRun, text: ReportText) throws -> String {
        let radio = run.configuration.radio
        let maxRangeKm = text.decimal(radio.maxRangeM / 1000, decimals: 0)
        let columns: [(ReportText.Key, String)] = [
            (.colVillage, "text"), (.colCommune, "text"), (.colProvince, "text"), (.colPopulation, "num"),
            (.colReason, "text"), (.colBestSignal, "num"), (.colNearestSite, "num"),
        ]
        let header = columns.map { title, kind in
            "<th scope=\"col\" data-sort=\"\(kind)\"\(kind == "num" ? " class=\"num\"" : "")><button type=\"button\">\(HTMLText.escaped(text(title)))</button></th>"
        }.joined()
        let tags = [
            ListReason.noSiteInRange: "<span class=\"tag tag-nosite\" title=\"\(HTMLText.escaped(text(.tagNoSiteTitle, maxRangeKm)))\">\(HTMLText.escaped(text(.tagNoSite)))</span>",
            .weakSignal: "<span class=\"tag tag-weak\" title=\"\(HTMLText.escaped(text(.tagWeakTitle)))\">\(HTMLText.escaped(text(.tagWeak)))</span>",
            .terrainShadow: "<span class=\"tag tag-weak\" title=\"\(HTMLText.escaped(text(.tagTerrainTitle)))\">\(HTMLText.escaped(text(.tagTerrain)))</span>",
            .unpowered: "<span class=\"tag tag-unpowered\" title=\"\(HTMLText.escaped(text(.tagUnpoweredTitle)))\">\(HTMLText.escaped(text(.tagUnpowered)))</span>",
        ]
        var keys = HTMLSearchKey()
        let rows = entries.map { row($0, tags: tags, text: text, keys: &keys) }.joined(separator: "\n")
        let unpowered = entries.count { !$0.village.gridPower }
        let note = entries.isEmpty
            ? text(.noDeadZones)
            : text(.deadZonesNote, text.integer(entries.count), text.decimal(radio.coverageThreshold4GdBm, decimals: 0),
                   text.decimal(radio.coverageThreshold5GdBm, decimals: 0), text.integer(unpowered))
        return try HTMLResources.deadZoneSection.filled([
            "note": HTMLText.escaped(note),
            "count": HTMLText.escaped(text(.searchCount, text.integer(entries.count), text.integer(entries.count))),
            "visible": String(entries.count),
            "header": header,
            "rows": rows,
        ], phrases: text.phrases)
    }

    private static func row(_ entry: VillageListEntry, tags: [ListReason: String], text: ReportText, keys: inout HTMLSearchKey) -> String {
        let village = entry.village
        let key = keys.of([village.name, village.id, entry.communeName, village.communeCode, entry.provinceName, village.provinceCode])
        let name = village.name.isEmpty ? village.id : village.name
        let location = "\(NumberText.fixed(village.lat, decimals: 5)), \(NumberText.fixed(village.lon, decimals: 5))"
        let reasons = entry.reasons.map { tags[$0] ?? "" }
        let signal = entry.bestSignal.map { best in
            let rsrp = NumberText.fixed(best.rsrpDBm, decimals: 1)
            return "<td class=\"num\" data-v=\"\(rsrp)\">\(text.decimal(best.rsrpDBm, decimals: 1)) dBm<span class=\"sub\">\(best.technology.rawValue) · \(HTMLText.escaped(best.cellID))</span></td>"
        } ?? "<td class=\"num muted\" data-v=\"\">\(HTMLText.escaped(text(.noneInRange)))</td>"
        let site: String
        if let id = entry.nearestSiteID, let distance = entry.nearestSiteDistanceM {
            // Safe: a great-circle distance, at most half the Earth's circumference (20,016 km).
            site = "<td class=\"num\" data-v=\"\(Int(distance.rounded()))\">\(text.decimal(distance / 1000, decimals: 1)) km<span class=\"sub\">\(HTMLText.escaped(id))</span></td>"
        } else {
            site = "<td class=\"num muted\" data-v=\"\">\(HTMLText.escaped(text(.noSite)))</td>"
        }
        return "<tr data-key=\"\(HTMLText.escaped(key))\" data-province=\"\(HTMLText.escaped(village.provinceCode ?? ""))\">"
            + "<th scope=\"row\" data-v=\"\(HTMLText.escaped(name))\">\(HTMLText.escaped(name))<span class=\"sub\">\(HTMLText.escaped(village.id)) · \(location)</span></th>"
            + areaCell(entry.communeName, village.communeCode)
            + areaCell(entry.provinceName, village.provinceCode)
            + "<td class=\"num\" data-v=\"\(village.population)\">\(text.integer(village.population))</td>"
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
