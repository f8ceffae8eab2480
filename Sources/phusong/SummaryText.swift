import PhusongCoverage
import PhusongSupport

/// The plain-text summary printed by `validate`.
enum SummaryText {
    static func render(_ summary: InputSummary, inputs: LoadedInputs) -> String {
        var out: [String] = []
        out.append("Inputs")
        out.append("  villages  \(inputs.villages.file)  \(NumberText.grouped(inputs.villages.rows.count)) rows loaded")
        out.append("  cells     \(inputs.cells.file)  \(NumberText.grouped(inputs.cells.rows.count)) rows loaded")
        out.append("")
        out.append("Villages     \(NumberText.grouped(summary.villages))")
        out.append("  population \(NumberText.grouped(summary.population))   households \(NumberText.grouped(summary.households))")
        out.append("  unpowered  \(NumberText.grouped(summary.unpowered)) (\(NumberText.percent(summary.unpowered, of: summary.villages)))")
        let areaTypes = AreaType.allCases.map { "\($0.rawValue) \(NumberText.grouped(summary.villagesByAreaType[$0] ?? 0))" }
        out.append("  area type  " + areaTypes.joined(separator: " · "))
        if summary.villagesWithoutProvince > 0 || summary.villagesWithoutCommune > 0 {
            out.append("  without codes: province \(NumberText.grouped(summary.villagesWithoutProvince)), commune \(NumberText.grouped(summary.villagesWithoutCommune))")
        }
        out.append("")
        out.append("Cells        \(NumberText.grouped(summary.cells))   4G \(NumberText.grouped(summary.cells4G)) · 5G \(NumberText.grouped(summary.cells5G))")
        let ratio = summary.sites4G > 0 ? NumberText.fixed(Double(summary.sites5G) / Double(summary.sites4G), decimals: 3) : "n/a"
        out.append("Sites        \(NumberText.grouped(summary.sites))   4G stations \(NumberText.grouped(summary.sites4G)) · 5G stations \(NumberText.grouped(summary.sites5G)) · 5G/4G \(ratio)")
        out.append(contentsOf: operatorLines(summary))
        let bands = summary.bands.map { "\($0.technology.rawValue) \(NumberText.shortest($0.bandMHz)) MHz: \(NumberText.grouped($0.cells))" }
        out.append("  bands      " + bands.joined(separator: " · "))
        out.append("")
        out.append("Provinces present: \(summary.provinces.count)")
        var provinces = TextTable(["code", "province", "villages", "population", "unpowered"], rightAligned: [2, 3, 4])
        for line in summary.provinces {
            provinces.add([line.code, line.name ?? "?", NumberText.grouped(line.villages), NumberText.grouped(line.population), NumberText.grouped(line.unpowered)])
        }
        out.append(contentsOf: provinces.lines(indent: 2))
        out.append("")
        if let boundaries = inputs.boundaries, let report = inputs.assignment {
            out.append(contentsOf: adminLines(boundaries, report))
            out.append("")
        }
        out.append(contentsOf: problemLines(inputs))
        return out.joined(separator: "\n")
    }

    /// The sites, stations and cells of each operator, as an indented table.
    static func operatorLines(_ summary: InputSummary) -> [String] {
        var table = TextTable(["operator", "sites", "4G stations", "5G stations", "4G cells", "5G cells"])
        for line in summary.operators {
            table.add([line.operatorName, NumberText.grouped(line.sites), NumberText.grouped(line.sites4G), NumberText.grouped(line.sites5G),
                       NumberText.grouped(line.cells4G), NumberText.grouped(line.cells5G)])
        }
        return table.lines(indent: 2)
    }

    private static func adminLines(_ boundaries: AdminBoundaries, _ report: AdminAssignmentReport) -> [String] {
        let limitKm = Int(AdminAssigner.nearestLimitM / 1000)
        return [
            "Boundaries   \(boundaries.files.joined(separator: ", "))",
            "  units      \(NumberText.grouped(boundaries.provinces.count)) provinces · \(NumberText.grouped(boundaries.communes.count)) communes",
            "  villages   inside a polygon \(NumberText.grouped(report.villagesInside)) · nearest within \(limitKm) km \(NumberText.grouped(report.villagesNearest)) · none \(NumberText.grouped(report.villagesUnmatched))",
            "             codes filled \(NumberText.grouped(report.villagesFilled)) · codes disagreeing with the polygon \(NumberText.grouped(report.villagesDisagreeing))",
            "  sites      inside a polygon \(NumberText.grouped(report.sitesInside)) · nearest within \(limitKm) km \(NumberText.grouped(report.sitesNearest)) · none \(NumberText.grouped(report.sitesUnmatched))",
        ]
    }

    private static func problemLines(_ inputs: LoadedInputs) -> [String] {
        let warnings = inputs.warnings
        var out: [String] = []
        let rejected = inputs.rejectedCount
        if rejected == 0 && warnings.isEmpty {
            out.append("Problems: none")
            return out
        }
        out.append("Problems: \(NumberText.grouped(rejected)) row(s) set aside, \(NumberText.grouped(inputs.warningCount)) warning(s)")
        if rejected > 0 {
            out.append("  rejects written to \(inputs.rejectsFiles.joined(separator: ", "))")
        }
        let shown = (inputs.villages.errors + inputs.cells.errors).prefix(Terminal.problemListLimit)
        out.append(contentsOf: shown.map { "  " + $0.description })
        let warningsShown = warnings.prefix(max(0, Terminal.problemListLimit - shown.count))
        out.append(contentsOf: warningsShown.map { "  " + $0.description })
        let hidden = rejected + inputs.warningCount - shown.count - warningsShown.count
        if hidden > 0 { out.append("  ... and \(NumberText.grouped(hidden)) more") }
        return out
    }
}
