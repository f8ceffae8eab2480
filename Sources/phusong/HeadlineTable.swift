import PhusongCoverage

/// The short table of headline indicators against the committee's targets.
enum HeadlineTable {
    static func render(_ run: CoverageRun) -> String {
        let national = run.tables.national
        let targets = run.configuration.targets
        var table = TextTable(["indicator", "value", "target", "gap"], rightAligned: [1, 2])
        let connectedShare = national.shareVillagesConnected
        table.add(["villages connected (4G or 5G)", Format.decimal(100 * connectedShare, 2) + " %",
                   Format.decimal(100 * targets.villagesConnectedShare, 0) + " %",
                   status(connectedShare >= targets.villagesConnectedShare,
                          "\(Format.count(national.villages - national.villagesConnected)) villages to connect")])
        let coverage5G = national.populationCoverage5G
        table.add(["5G population coverage", Format.decimal(100 * coverage5G, 2) + " %",
                   Format.decimal(100 * targets.populationCoverage5G, 0) + " %",
                   status(coverage5G >= targets.populationCoverage5G,
                          Format.decimal(100 * (targets.populationCoverage5G - coverage5G), 2) + " points short")])
        let ratio = national.ratio5G4GStations ?? 0
        let needed5G = Int(saturating: targets.ratio5G4GStations * Double(national.stations4G), rounding: .up)
        table.add(["5G stations / 4G stations", Format.decimal(ratio, 3), Format.decimal(targets.ratio5G4GStations, 2),
                   status(national.stations5G >= needed5G,
                          "\(Format.count(needed5G - national.stations5G)) more 5G stations (\(Format.count(national.stations5G)) of \(Format.count(national.stations4G)))")])
        table.add(["dead-zone villages (lõm sóng)", Format.count(national.villagesDeadZone), "0",
                   national.villagesDeadZone == 0 ? "met" : "\(Format.count(national.villagesDeadZoneAndUnpowered)) of them also unpowered"])
        table.add(["unpowered villages", Format.count(national.villagesUnpowered), "0",
                   national.villagesUnpowered == 0 ? "met" : "need power before a tower"])
        let populationAny = Format.decimal(100 * national.populationCoverageAny, 2)
        let population4G = Format.decimal(100 * national.populationCoverage4G, 2)
        return (["Headline indicators (\(Format.count(national.villages)) villages, \(Format.count(national.population)) people; 4G population coverage \(population4G) %, any \(populationAny) %)"]
            + table.lines(indent: 2)).joined(separator: "\n")
    }

    private static func status(_ met: Bool, _ gap: String) -> String { met ? "met" : gap }
}
