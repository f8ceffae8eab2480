import PhusongCoverage
import PhusongSupport

/// The dead-zone list's frame with its search box: `#dead-zone-table` starts empty and the
/// page's script (`report-drill.js`) draws its rows from the packed data (`HTMLDrillData.d`),
/// one page of 50 at a time (`PagedTable`), filtered by the search box (village, commune and
/// province names and codes, diacritics ignored) and sorted by a click on a heading. The table
/// carries `data-total` (entries) and `data-visible` (entries matching the search).
enum HTMLDeadZoneTable {
    static func section(_ entries: [VillageListEntry], run: CoverageRun, text: ReportText) throws -> String {
        let radio = run.configuration.radio
        let unpowered = entries.count { !$0.village.gridPower }
        let note = entries.isEmpty
            ? text(.noDeadZones)
            : text(.deadZonesNote, text.integer(entries.count), text.decimal(radio.coverageThreshold4GdBm, decimals: 0),
                   text.decimal(radio.coverageThreshold5GdBm, decimals: 0), text.integer(unpowered))
        return try HTMLResources.deadZoneSection.filled([
            "note": HTMLText.escaped(note),
            "count": HTMLText.escaped(text(.searchCount, text.integer(entries.count), text.integer(entries.count))),
            "visible": String(entries.count),
        ], phrases: text.phrases)
    }
}
