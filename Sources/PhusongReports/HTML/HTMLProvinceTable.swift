import PhusongCoverage
import PhusongSupport

/// The per-province table (`id="province-table"`, one `<tr>` per province in `<tbody>`, the
/// national row in `<tfoot>`). Every sortable cell carries its raw value in `data-v`.
enum HTMLProvinceTable {
    static func section(_ run: CoverageRun, text: ReportText) throws -> String {
        let targets = run.configuration.targets
        let columns: [(ReportText.Key, String)] = [
            (.colCode, "text"), (.colProvince, "text"), (.colVillages, "num"), (.colConnected, "num"), (.colDeadZones, "num"),
            (.colUnpowered, "num"), (.col4GPop, "num"), (.col5GPop, "num"), (.col4GStations, "num"), (.col5GStations, "num"),
            (.colRatio, "num"),
        ]
        let header = columns.map { title, kind in
            "<th scope=\"col\" data-sort=\"\(kind)\"\(kind == "num" ? " class=\"num\"" : "")><button type=\"button\">\(HTMLText.escaped(text(title)))</button></th>"
        }.joined()
        let body = run.tables.provinces.map { row in
            let cells = cells(code: row.code, name: row.name ?? "", row.indicators, targets: targets, header: false, text: text)
            return "<tr data-code=\"\(HTMLText.escaped(row.code))\">" + cells + "</tr>"
        }.joined(separator: "\n")
        let national = "<tr>" + cells(code: "", name: text(.nationalRow), run.tables.national, targets: targets, header: true, text: text) + "</tr>"
        let unassigned = run.tables.national.villages - run.tables.provinces.reduce(0) { $0 + $1.indicators.villages }
        let caption = text(.provinceCaption, text.integer(run.tables.provinces.count))
            + (unassigned > 0 ? text(.provinceUnassigned, text.integer(unassigned)) : "")
            + " " + text(.provinceNote, text.decimal(targets.ratio5G4GStations, decimals: 2))
        return try HTMLResources.provinceSection.filled([
            "caption": HTMLText.escaped(caption),
            "header": header,
            "body": body,
            "national": national,
        ], phrases: text.phrases)
    }

    private static func cells(
        code: String, name: String, _ indicators: CoverageIndicators, targets: CoverageTargets, header: Bool, text: ReportText
    ) -> String {
        func number(_ value: Int, alert: Bool = false) -> String {
            "<td class=\"num\(alert && value > 0 ? " alert" : "")\" data-v=\"\(value)\">\(text.integer(value))</td>"
        }
        func share(_ value: Double, met: Bool?, bar: Bool) -> String {
            let style = met.map { $0 ? " met" : " unmet" } ?? ""
            let meter = bar ? "<span class=\"meter\"><span style=\"width:\(NumberText.fixed(100 * min(max(value, 0), 1), decimals: 2))%\"></span></span>" : ""
            return "<td class=\"num\(style)\" data-v=\"\(NumberText.fixed(value, decimals: 6))\">\(meter)\(text.percent(value))</td>"
        }
        let ratio = indicators.ratio5G4GStations
        let ratioCell = "<td class=\"num\(ratio.map { $0 >= targets.ratio5G4GStations ? " met" : " unmet" } ?? "")\" data-v=\"\(ratio.map { NumberText.fixed($0, decimals: 6) } ?? "")\">"
            + (ratio.map { text.decimal($0, decimals: 3) } ?? HTMLText.escaped(text(.notAvailable))) + "</td>"
        let lead = header
            ? "<th scope=\"row\" colspan=\"2\">\(HTMLText.escaped(name))</th>"
            : "<td data-v=\"\(HTMLText.escaped(code))\">\(HTMLText.escaped(code))</td><th scope=\"row\" data-v=\"\(HTMLText.escaped(name))\">\(HTMLText.escaped(name))</th>"
        return lead
            + number(indicators.villages)
            + share(indicators.shareVillagesConnected, met: indicators.shareVillagesConnected >= targets.villagesConnectedShare, bar: true)
            + number(indicators.villagesDeadZone, alert: true)
            + number(indicators.villagesUnpowered)
            + share(indicators.populationCoverage4G, met: nil, bar: false)
            + share(indicators.populationCoverage5G, met: indicators.populationCoverage5G >= targets.populationCoverage5G, bar: false)
            + number(indicators.stations4G)
            + number(indicators.stations5G)
            + ratioCell
    }
}
