import PhusongReports

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
                village.name, village.id, Format.count(village.population), entry.state.rawValue,
                ListReason.joined(entry.reasons),
                entry.bestSignal.map { Format.decimal($0.rsrpDBm, 1) + " dBm" } ?? "none in range",
                entry.nearestSiteDistanceM.map { Format.decimal($0 / 1000, 1) + " km" } ?? "",
            ])
        }
        let population = entries.reduce(0) { $0 + $1.village.population }
        var counts: [String] = []
        for reason in ListReason.allCases {
            let count = entries.count { $0.reasons.contains(reason) }
            if count > 0 { counts.append("\(reason.rawValue) \(Format.count(count))") }
        }
        let summary = "\(title): \(Format.count(entries.count)) villages, \(Format.count(population)) people"
            + (counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")")
        return ([summary] + (entries.isEmpty ? [] : table.lines(indent: 2))).joined(separator: "\n")
    }
}
