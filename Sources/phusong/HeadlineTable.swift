import PhusongCoverage
import PhusongSupport

/// The short table of headline indicators against the committee's targets.
enum HeadlineTable {
    static func render(_ run: CoverageRun) -> String {
        let national = run.tables.national
        let targets = run.configuration.targets
        var table = TextTable(["indicator", "value", "target", "gap"], rightAligned: [1, 2])
        let connectedShare = national.shareVillagesConnected
        table.add(["villages connected (4G or 5G)", NumberText.percent(connectedShare, spaced: true),
                   NumberText.percent(targets.villagesConnectedShare, decimals: 0, spaced: true),
                   status(connectedShare >= targets.villagesConnectedShare,
                          "\(NumberText.grouped(national.villages - national.villagesConnected)) villages to connect")])
        let coverage5G = national.populationCoverage5G
        table.add(["5G population coverage", NumberText.percent(coverage5G, spaced: true),
                   NumberText.percent(targets.populationCoverage5G, decimals: 0, spaced: true),
                   status(coverage5G >= targets.populationCoverage5G,
                          NumberText.fixed(100 * (targets.populationCoverage5G - coverage5G), decimals: 2) + " points short")])
        let ratio = national.ratio5G4GStations ?? 0
        let needed5G = Int(saturating: targets.ratio5G4GStations * Double(national.stations4G), rounding: .up)
        table.add(["5G stations / 4G stations", NumberText.fixed(ratio, decimals: 3), NumberText.fixed(targets.ratio5G4GStations, decimals: 2),
                   status(national.stations5G >= needed5G,
                          "\(NumberText.grouped(needed5G - national.stations5G)) more 5G stations (\(NumberText.grouped(national.stations5G)) of \(NumberText.grouped(national.stations4G)))")])
        table.add(["dead-zone villages (lõm sóng)", NumberText.grouped(national.villagesDeadZone), "0",
                   national.villagesDeadZone == 0 ? "met" : "\(NumberText.grouped(national.villagesDeadZoneAndUnpowered)) of them also unpowered"])
        table.add(["unpowered villages", NumberText.grouped(national.villagesUnpowered), "0",
                   national.villagesUnpowered == 0 ? "met" : "need power before a tower"])
        let populationAny = NumberText.fixed(100 * national.populationCoverageAny, decimals: 2)
        let population4G = NumberText.fixed(100 * national.populationCoverage4G, decimals: 2)
        return (["Headline indicators (\(NumberText.grouped(national.villages)) villages, \(NumberText.grouped(national.population)) people; 4G population coverage \(population4G) %, any \(populationAny) %)"]
            + table.lines(indent: 2)).joined(separator: "\n")
    }

    private static func status(_ met: Bool, _ gap: String) -> String { met ? "met" : gap }
}
