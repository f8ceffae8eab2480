import PhusongCoverage
import PhusongSupport

/// The page footer: the inputs (with their SHA-256, as in summary.json), the model and
/// thresholds, the targets, the tool version and the map library's licences.
enum HTMLFooter {
    /// - Parameter library: the map library inlined in the page, whose licences the footer shows.
    static func section(_ run: CoverageRun, toolVersion: String, text: ReportText, library: LeafletAssets?) throws -> String {
        let inputs = run.inputs
        let radio = run.configuration.radio
        let policy = radio.propagation
        let targets = run.configuration.targets
        var files = [
            item(text(.termVillages), table(inputs.villages, text: text)),
            item(text(.termCells), table(inputs.cells, text: text)),
        ]
        if let boundaries = inputs.boundaries, !boundaries.files.isEmpty {
            let units = HTMLText.escaped(text(.boundaryUnits, text.integer(boundaries.provinces.count), text.integer(boundaries.communes.count)))
            files.append(item(text(.termBoundaries), boundaries.files.map {
                file($0, text: text) + "<br><span class=\"detail\">\(units)</span>"
            }.joined(separator: "<br>")))
        } else {
            files.append(item(text(.termBoundaries), HTMLText.escaped(text(.noBoundaries))))
        }
        let lower = text.integer(Int(saturating: policy.lowerBandEdgeMHz)), upper = text.integer(Int(saturating: policy.upperBandEdgeMHz))
        let model = [
            item(text(.termModel), HTMLText.escaped(text(.modelName))),
            item(text(.termCovered), HTMLText.escaped(text(.coveredText, text.decimal(radio.coverageThreshold4GdBm, decimals: 1),
                                                              text.decimal(radio.coverageThreshold5GdBm, decimals: 1)))),
            item(text(.termRange), HTMLText.escaped(text(.rangeText, text.decimal(radio.maxRangeM / 1000, decimals: 1),
                                                            text.decimal(radio.userHeightM, decimals: 1), text.decimal(radio.extraLossDB, decimals: 1)))),
            item(text(.termPathLoss), HTMLText.escaped(text(.pathLossText, lower, describe(policy.lowBand, text: text), upper,
                                                               describe(policy.midBand, text: text), describe(policy.highBand, text: text)))),
            item(text(.termTargets), HTMLText.escaped(text(.targetsText, text.percent(targets.villagesConnectedShare, decimals: 0),
                                                              text.percent(targets.populationCoverage5G, decimals: 0),
                                                              text.decimal(targets.ratio5G4GStations, decimals: 2)))),
        ]
        let operators = run.tables.operators.map(\.name).joined(separator: ", ")
        let generated = text(.aboutGenerated, toolVersion, operators.isEmpty ? "" : text(.aboutOperators, operators))
        return try HTMLResources.footer.filled([
            "inputs": files.joined(),
            "model": model.joined(),
            "generated": HTMLText.escaped(generated),
            "licences": library.map { library in
                "<details class=\"licences\"><summary>\(HTMLText.escaped(text(.licencesTitle, library.versions)))</summary>"
                    + library.licences.map { "<h3>\(HTMLText.escaped($0.package))</h3><pre>\(HTMLText.escaped($0.text))</pre>" }.joined()
                    + "</details>"
            } ?? "",
        ], phrases: text.phrases)
    }

    /// A term and its description, given as HTML.
    private static func item(_ term: String, _ html: String) -> String {
        "<dt>\(HTMLText.escaped(term))</dt><dd>\(html)</dd>"
    }

    private static func file(_ path: String, text: ReportText) -> String {
        let checksum = FileChecksum.sha256(path: path).map { "SHA-256 \($0)" } ?? text(.shaUnavailable)
        return "<code class=\"path\">\(HTMLText.escaped(path))</code><br><span class=\"detail sha\">\(HTMLText.escaped(checksum))</span>"
    }

    private static func table<Row>(_ table: LoadedTable<Row>, text: ReportText) -> String {
        file(table.file, text: text)
            + "<br><span class=\"detail\">\(HTMLText.escaped(text(.rowsLoaded, text.integer(table.rows.count), text.integer(table.rejected.count))))</span>"
    }

    /// "Okumura-Hata" or, when area types differ, "38.901 UMa (urban, suburban), 38.901 RMa (rural, open)".
    private static func describe(_ models: ByAreaType<PathLossModelKind>, text: ReportText) -> String {
        var groups: [(PathLossModelKind, [AreaType])] = []
        for area in AreaType.allCases {
            let kind = models[area]
            if let index = groups.firstIndex(where: { $0.0 == kind }) { groups[index].1.append(area) } else { groups.append((kind, [area])) }
        }
        if groups.count == 1 { return name(groups[0].0, text: text) }
        return groups.map { "\(name($0.0, text: text)) (\($0.1.map(\.rawValue).joined(separator: ", ")))" }.joined(separator: ", ")
    }

    private static func name(_ kind: PathLossModelKind, text: ReportText) -> String {
        switch kind {
        case .okumuraHata: "Okumura-Hata"
        case .cost231Hata: "COST-231 Hata"
        case .tr38901UMa: "3GPP TR 38.901 UMa"
        case .tr38901RMa: "3GPP TR 38.901 RMa"
        case .tr38901UMiStreetCanyon: "3GPP TR 38.901 UMi street canyon"
        case .freeSpace: text(.freeSpace)
        }
    }
}
