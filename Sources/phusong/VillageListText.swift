import PhusongReports
import PhusongSupport

/// A review list as a terminal table, with counts by reason.
enum VillageListText {
    static func render(_ entries: [VillageListEntry], title: String) -> String {
        var table = TextTable(["province", "commune", "village", "village id", "population", "state", "reason", "best RSRP", "nearest site"],
                              rightAligned: [4, 7, 8])
        for entry in entries {
            let village = entry.village
            table.add([
                entry.provinceName ?? village.provinceCode ?? "",
                entry.communeName ?? village.communeCode ?? "",
                village.name, village.id, NumberText.grouped(village.population), entry.state.rawValue,
                ListReason.joined(entry.reasons),
                entry.bestSignal.map { NumberText.fixed($0.rsrpDBm, decimals: 1) + " dBm" } ?? "none in range",
                entry.nearestSiteDistanceM.map { NumberText.fixed($0 / 1000, decimals: 1) + " km" } ?? "",
            ])
        }
        let population = entries.reduce(0) { $0 + $1.village.population }
        var counts: [String] = []
        for reason in ListReason.allCases {
            let count = entries.count { $0.reasons.contains(reason) }
            if count > 0 { counts.append("\(reason.rawValue) \(NumberText.grouped(count))") }
        }
        let summary = "\(title): \(NumberText.grouped(entries.count)) villages, \(NumberText.grouped(population)) people"
            + (counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")")
        return ([summary] + (entries.isEmpty ? [] : table.lines(indent: 2))).joined(separator: "\n")
    }
}
