import PhusongCoverage
import PhusongSupport

/// The page footer: the inputs (with their SHA-256, as in summary.json), the model and
/// thresholds, the targets and the tool version.
enum HTMLFooter {
    static func section(_ run: CoverageRun, toolVersion: String) throws -> String {
        let inputs = run.inputs
        let radio = run.configuration.radio
        let policy = radio.propagation
        let targets = run.configuration.targets
        var files = [
            item("Villages", table(inputs.villages)),
            item("Cells", table(inputs.cells)),
        ]
        if let boundaries = inputs.boundaries, !boundaries.files.isEmpty {
            let units = "\(NumberText.grouped(boundaries.provinces.count)) provinces, \(NumberText.grouped(boundaries.communes.count)) communes"
            files.append(item("Boundaries", boundaries.files.map { file($0) + "<br><span class=\"detail\">\(units)</span>" }.joined(separator: "<br>")))
        } else {
            files.append(item("Boundaries", "none given: provinces come from the villages’ codes and the map has no outlines"))
        }
        let lower = NumberText.grouped(Int(saturating: policy.lowerBandEdgeMHz)), upper = NumberText.grouped(Int(saturating: policy.upperBandEdgeMHz))
        let threshold4G = NumberText.fixed(radio.coverageThreshold4GdBm, decimals: 1), threshold5G = NumberText.fixed(radio.coverageThreshold5GdBm, decimals: 1)
        let model = [
            item("Model", "coverage-model.md contract v1 (reference model)"),
            item("Covered", "best RSRP ≥ \(threshold4G) dBm (4G), ≥ \(threshold5G) dBm (5G); connected: 4G or 5G"),
            item("Range", "cells within \(NumberText.fixed(radio.maxRangeM / 1000, decimals: 1)) km; receiver \(NumberText.fixed(radio.userHeightM, decimals: 1)) m; "
                 + "extra loss \(NumberText.fixed(radio.extraLossDB, decimals: 1)) dB"),
            item("Path loss", "below \(lower) MHz: \(describe(policy.lowBand)); \(lower)–\(upper) MHz: \(describe(policy.midBand)); "
                 + "above \(upper) MHz: \(describe(policy.highBand))"),
            item("Targets", "villages connected \(NumberText.percent(targets.villagesConnectedShare, decimals: 0)), "
                 + "5G population coverage \(NumberText.percent(targets.populationCoverage5G, decimals: 0)), "
                 + "5G stations ≥ \(NumberText.fixed(targets.ratio5G4GStations, decimals: 2)) × 4G stations"),
        ]
        let operators = run.tables.operators.map(\.name).joined(separator: ", ")
        return try HTMLResources.footer.filled([
            "inputs": files.joined(),
            "model": model.joined(),
            "version": HTMLText.escaped(toolVersion),
            "operators": operators.isEmpty ? "" : " (operators: " + HTMLText.escaped(operators) + ")",
        ])
    }

    private static func item(_ term: String, _ html: String) -> String {
        "<dt>\(HTMLText.escaped(term))</dt><dd>\(html)</dd>"
    }

    private static func file(_ path: String) -> String {
        let checksum = FileChecksum.sha256(path: path).map { "SHA-256 \($0)" } ?? "SHA-256 unavailable (file not readable)"
        return "<code class=\"path\">\(HTMLText.escaped(path))</code><br><span class=\"detail sha\">\(checksum)</span>"
    }

    private static func table<Row>(_ table: LoadedTable<Row>) -> String {
        file(table.file)
            + "<br><span class=\"detail\">\(NumberText.grouped(table.rows.count)) rows loaded, \(NumberText.grouped(table.rejected.count)) set aside</span>"
    }

    /// "Okumura-Hata" or, when area types differ, "38.901 UMa (urban, suburban), 38.901 RMa (rural, open)".
    private static func describe(_ models: ByAreaType<PathLossModelKind>) -> String {
        var groups: [(PathLossModelKind, [AreaType])] = []
        for area in AreaType.allCases {
            let kind = models[area]
            if let index = groups.firstIndex(where: { $0.0 == kind }) { groups[index].1.append(area) } else { groups.append((kind, [area])) }
        }
        if groups.count == 1 { return name(groups[0].0) }
        return groups.map { "\(name($0.0)) (\($0.1.map(\.rawValue).joined(separator: ", ")))" }.joined(separator: ", ")
    }

    private static func name(_ kind: PathLossModelKind) -> String {
        switch kind {
        case .okumuraHata: "Okumura-Hata"
        case .cost231Hata: "COST-231 Hata"
        case .tr38901UMa: "3GPP TR 38.901 UMa"
        case .tr38901RMa: "3GPP TR 38.901 RMa"
        case .tr38901UMiStreetCanyon: "3GPP TR 38.901 UMi street canyon"
        case .freeSpace: "free space"
        }
    }
}
