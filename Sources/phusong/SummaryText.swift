import PhusongCoverage
import PhusongSupport

/// The plain-text summary printed by `validate`.
enum SummaryText {
    static func render(_ summary: InputSummary, inputs: LoadedInputs) -> String {
        var out: [String] = []
        out.append("Inputs")
        out.append("  villages  \(inputs.villages.file)  \(Format.count(inputs.villages.rows.count)) rows loaded")
        out.append("  cells     \(inputs.cells.file)  \(Format.count(inputs.cells.rows.count)) rows loaded")
        out.append("")
        out.append("Villages     \(Format.count(summary.villages))")
        out.append("  population \(Format.count(summary.population))   households \(Format.count(summary.households))")
        out.append("  unpowered  \(Format.count(summary.unpowered)) (\(Format.percent(summary.unpowered, of: summary.villages)))")
        let areaTypes = AreaType.allCases.map { "\($0.rawValue) \(Format.count(summary.villagesByAreaType[$0] ?? 0))" }
        out.append("  area type  " + areaTypes.joined(separator: " · "))
        if summary.villagesWithoutProvince > 0 || summary.villagesWithoutCommune > 0 {
            out.append("  without codes: province \(Format.count(summary.villagesWithoutProvince)), commune \(Format.count(summary.villagesWithoutCommune))")
        }
        out.append("")
        out.append("Cells        \(Format.count(summary.cells))   4G \(Format.count(summary.cells4G)) · 5G \(Format.count(summary.cells5G))")
        let ratio = summary.sites4G > 0 ? Format.decimal(Double(summary.sites5G) / Double(summary.sites4G), 3) : "n/a"
        out.append("Sites        \(Format.count(summary.sites))   4G stations \(Format.count(summary.sites4G)) · 5G stations \(Format.count(summary.sites5G)) · 5G/4G \(ratio)")
        out.append(contentsOf: operatorLines(summary))
        let bands = summary.bands.map { "\($0.technology.rawValue) \(csvNumber($0.bandMHz)) MHz: \(Format.count($0.cells))" }
        out.append("  bands      " + bands.joined(separator: " · "))
        out.append("")
        out.append("Provinces present: \(summary.provinces.count)")
        var provinces = TextTable(["code", "province", "villages", "population", "unpowered"], rightAligned: [2, 3, 4])
        for line in summary.provinces {
            provinces.add([line.code, line.name ?? "?", Format.count(line.villages), Format.count(line.population), Format.count(line.unpowered)])
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
            table.add([line.operatorName, Format.count(line.sites), Format.count(line.sites4G), Format.count(line.sites5G),
                       Format.count(line.cells4G), Format.count(line.cells5G)])
        }
        return table.lines(indent: 2)
    }

    private static func adminLines(_ boundaries: AdminBoundaries, _ report: AdminAssignmentReport) -> [String] {
        let limitKm = Int(AdminAssigner.nearestLimitM / 1000)
        return [
            "Boundaries   \(boundaries.files.joined(separator: ", "))",
            "  units      \(Format.count(boundaries.provinces.count)) provinces · \(Format.count(boundaries.communes.count)) communes",
            "  villages   inside a polygon \(Format.count(report.villagesInside)) · nearest within \(limitKm) km \(Format.count(report.villagesNearest)) · none \(Format.count(report.villagesUnmatched))",
            "             codes filled \(Format.count(report.villagesFilled)) · codes disagreeing with the polygon \(Format.count(report.villagesDisagreeing))",
            "  sites      inside a polygon \(Format.count(report.sitesInside)) · nearest within \(limitKm) km \(Format.count(report.sitesNearest)) · none \(Format.count(report.sitesUnmatched))",
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
        out.append("Problems: \(Format.count(rejected)) row(s) set aside, \(Format.count(warnings.count)) warning(s)")
        if rejected > 0 {
            out.append("  rejects written to \(inputs.rejectsFiles.joined(separator: ", "))")
        }
        let shown = (inputs.villages.errors + inputs.cells.errors).prefix(Terminal.problemListLimit)
        out.append(contentsOf: shown.map { "  " + $0.description })
        let warningsShown = warnings.prefix(max(0, Terminal.problemListLimit - shown.count))
        out.append(contentsOf: warningsShown.map { "  " + $0.description })
        let hidden = rejected + warnings.count - shown.count - warningsShown.count
        if hidden > 0 { out.append("  ... and \(Format.count(hidden)) more") }
        return out
    }
}
