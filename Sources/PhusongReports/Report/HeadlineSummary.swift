import PhusongCoverage
import PhusongSupport

/// The terminal summary of a report: the headline indicators against the committee's
/// targets, as a title and the rows of a four-column table (indicator, value, target, gap),
/// in the report's language. The command line lays the table out.
public struct HeadlineSummary: Sendable {
    /// "Headline indicators, tháng 5/2026 (3,700 villages, …)".
    public var title: String
    /// The column headings: indicator, value, target, gap.
    public var header: [String]
    /// One row per indicator, cells in `header` order.
    public var rows: [[String]]
    /// "Wrote {paths}" in the language, for the list of written files.
    public var wrotePrefix: String

    /// - Parameters:
    ///   - run: the coverage run.
    ///   - edition: the month (in the title) and the language.
    public init(_ run: CoverageRun, edition: ReportEdition) {
        let text = edition.language.text
        let national = run.tables.national
        let targets = run.configuration.targets
        func percent(_ share: Double, decimals: Int = 2) -> String { text.decimal(100 * share, decimals: decimals) + " %" }
        func status(_ met: Bool, _ gap: String) -> String { met ? text(.hMet) : gap }
        header = [text(.hIndicator), text(.hValue), text(.hTarget), text(.hGap)]
        let connectedShare = national.shareVillagesConnected
        let coverage5G = national.populationCoverage5G
        let ratio = national.ratio5G4GStations ?? 0
        let needed5G = Int(saturating: targets.ratio5G4GStations * Double(national.stations4G), rounding: .up)
        rows = [
            [text(.hConnected), percent(connectedShare), percent(targets.villagesConnectedShare, decimals: 0),
             status(connectedShare >= targets.villagesConnectedShare, text(.hToConnect, text.integer(national.villages - national.villagesConnected)))],
            [text(.h5G), percent(coverage5G), percent(targets.populationCoverage5G, decimals: 0),
             status(coverage5G >= targets.populationCoverage5G,
                    text(.hPointsShort, text.decimal(100 * (targets.populationCoverage5G - coverage5G), decimals: 2)))],
            [text(.hRatio), text.decimal(ratio, decimals: 3), text.decimal(targets.ratio5G4GStations, decimals: 2),
             status(national.stations5G >= needed5G, text(.hMoreStations, text.integer(needed5G - national.stations5G),
                                                          text.integer(national.stations5G), text.integer(national.stations4G)))],
            [text(.hDeadZones), text.integer(national.villagesDeadZone), "0",
             national.villagesDeadZone == 0 ? text(.hMet) : text(.hAlsoUnpowered, text.integer(national.villagesDeadZoneAndUnpowered))],
            [text(.hUnpowered), text.integer(national.villagesUnpowered), "0",
             national.villagesUnpowered == 0 ? text(.hMet) : text(.hNeedPower)],
        ]
        title = text(.hTitle, text.month(edition.month), text.integer(national.villages), text.integer(national.population),
                     text.decimal(100 * national.populationCoverage4G, decimals: 2), text.decimal(100 * national.populationCoverageAny, decimals: 2))
        wrotePrefix = text(.hWrote, "")
    }
}
