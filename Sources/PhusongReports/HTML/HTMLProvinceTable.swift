import PhusongCoverage
import PhusongSupport

/// The per-province table (`id="province-table"`, one `<tr>` per province in `<tbody>`, the
/// national row in `<tfoot>`). Every sortable cell carries its raw value in `data-v`.
enum HTMLProvinceTable {
    static func section(_ run: CoverageRun) throws -> String {
        let targets = run.configuration.targets
        let columns: [(String, String)] = [
            ("Code", "text"), ("Province", "text"), ("Villages", "num"), ("Connected", "num"), ("Dead zones", "num"),
            ("Unpowered", "num"), ("4G pop.", "num"), ("5G pop.", "num"), ("4G stations", "num"), ("5G stations", "num"),
            ("5G / 4G", "num"),
        ]
        let header = columns.map { title, kind in
            "<th scope=\"col\" data-sort=\"\(kind)\"\(kind == "num" ? " class=\"num\"" : "")><button type=\"button\">\(HTMLText.escaped(title))</button></th>"
        }.joined()
        let body = run.tables.provinces.map { row in
            let cells = cells(code: row.code, name: row.name ?? "", row.indicators, targets: targets, header: false)
            return "<tr data-code=\"\(HTMLText.escaped(row.code))\">" + cells + "</tr>"
        }.joined(separator: "\n")
        let national = "<tr>" + cells(code: "", name: "National", run.tables.national, targets: targets, header: true) + "</tr>"
        let unassigned = run.tables.national.villages - run.tables.provinces.reduce(0) { $0 + $1.indicators.villages }
        let caption = "\(NumberText.grouped(run.tables.provinces.count)) provinces. Click a column heading to sort; click again to reverse."
            + (unassigned > 0 ? " \(NumberText.grouped(unassigned)) villages without a province code count only in the national row." : "")
        return try HTMLResources.provinceSection.filled([
            "caption": HTMLText.escaped(caption),
            "ratioTarget": NumberText.fixed(targets.ratio5G4GStations, decimals: 2),
            "header": header,
            "body": body,
            "national": national,
        ])
    }

    private static func cells(code: String, name: String, _ indicators: CoverageIndicators, targets: CoverageTargets, header: Bool) -> String {
        func number(_ value: Int, alert: Bool = false) -> String {
            "<td class=\"num\(alert && value > 0 ? " alert" : "")\" data-v=\"\(value)\">\(NumberText.grouped(value))</td>"
        }
        func share(_ value: Double, met: Bool?, bar: Bool) -> String {
            let style = met.map { $0 ? " met" : " unmet" } ?? ""
            let meter = bar ? "<span class=\"meter\"><span style=\"width:\(NumberText.fixed(100 * min(max(value, 0), 1), decimals: 2))%\"></span></span>" : ""
            return "<td class=\"num\(style)\" data-v=\"\(NumberText.fixed(value, decimals: 6))\">\(meter)\(NumberText.percent(value))</td>"
        }
        let ratio = indicators.ratio5G4GStations
        let ratioCell = "<td class=\"num\(ratio.map { $0 >= targets.ratio5G4GStations ? " met" : " unmet" } ?? "")\" data-v=\"\(ratio.map { NumberText.fixed($0, decimals: 6) } ?? "")\">"
            + (ratio.map { NumberText.fixed($0, decimals: 3) } ?? "n/a") + "</td>"
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
