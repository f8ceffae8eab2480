import PhusongCoverage
import PhusongSupport

/// The headline cards: the committee's indicators against their targets, each with a bar.
enum HTMLHeadline {
    static func section(_ run: CoverageRun) throws -> String {
        let national = run.tables.national
        let targets = run.configuration.targets
        let maxRangeKm = NumberText.fixed(run.configuration.radio.maxRangeM / 1000, decimals: 0)
        var weakSignal = 0
        for result in run.coverage where result.deadZone && result.hasCellInRange { weakSignal += 1 }
        let noSite = national.villagesDeadZone - weakSignal

        let connected = national.shareVillagesConnected
        let toConnect = national.villages - national.villagesConnected
        let coverage5G = national.populationCoverage5G
        let ratio = national.ratio5G4GStations ?? 0
        let needed5G = Int(saturating: targets.ratio5G4GStations * Double(national.stations4G), rounding: .up)
        let ratioScale = max(1, 2 * targets.ratio5G4GStations, ratio)

        var cards: [String] = []
        cards.append(try progressCard(
            title: "Villages connected", value: NumberText.percent(connected), share: connected, target: targets.villagesConnectedShare,
            targetText: "target " + NumberText.percent(targets.villagesConnectedShare, decimals: 0), scale: 1, scaleText: "100%",
            met: connected >= targets.villagesConnectedShare,
            note: "\(NumberText.grouped(national.villagesConnected)) of \(NumberText.grouped(national.villages)) villages have 4G or 5G coverage"
                + (toConnect > 0 ? "; \(NumberText.grouped(toConnect)) still to connect." : ".")))
        cards.append(try progressCard(
            title: "5G population coverage", value: NumberText.percent(coverage5G), share: coverage5G, target: targets.populationCoverage5G,
            targetText: "target " + NumberText.percent(targets.populationCoverage5G, decimals: 0), scale: 1, scaleText: "100%",
            met: coverage5G >= targets.populationCoverage5G,
            note: "\(NumberText.grouped(national.populationCovered5G)) of \(NumberText.grouped(national.population)) people"
                + (coverage5G < targets.populationCoverage5G
                    ? "; \(NumberText.fixed(100 * (targets.populationCoverage5G - coverage5G), decimals: 2)) points short of the target." : ".")))
        cards.append(try progressCard(
            title: "5G stations per 4G station", value: national.ratio5G4GStations.map { NumberText.fixed($0, decimals: 3) } ?? "n/a",
            share: ratio, target: targets.ratio5G4GStations, targetText: "target " + NumberText.fixed(targets.ratio5G4GStations, decimals: 2),
            scale: ratioScale, scaleText: NumberText.fixed(ratioScale, decimals: 1),
            met: national.stations4G > 0 && national.stations5G >= needed5G,
            note: "\(NumberText.grouped(national.stations5G)) 5G and \(NumberText.grouped(national.stations4G)) 4G stations"
                + (national.stations5G < needed5G ? "; \(NumberText.grouped(needed5G - national.stations5G)) more 5G stations needed." : ".")))
        cards.append(try compositionCard(
            title: "Dead-zone villages", value: national.villagesDeadZone, targetText: "target 0",
            parts: [("No site within \(maxRangeKm) km", noSite, "seg-nosite"),
                    ("Weak signal (below threshold)", weakSignal, "seg-weak")],
            note: national.villagesDeadZone == 0 ? "Every village has 4G or 5G coverage."
                : "\(NumberText.percent(Double(national.villagesDeadZone) / Double(max(national.villages, 1)))) of villages (lõm sóng); "
                + "\(NumberText.grouped(national.villagesDeadZoneAndUnpowered)) of them also have no grid power."))
        cards.append(try compositionCard(
            title: "Villages without grid power", value: national.villagesUnpowered, targetText: "target 0",
            parts: [("Also dead zones", national.villagesDeadZoneAndUnpowered, "seg-deadunpowered"),
                    ("Connected", national.villagesUnpowered - national.villagesDeadZoneAndUnpowered, "seg-connected")],
            note: national.villagesUnpowered == 0 ? "Every village is on the electricity grid."
                : "\(NumberText.grouped(national.villagesDeadZoneAndUnpowered)) of them are also dead zones: a tower there needs its own power (solar, generator)."))
        cards.append(try progressCard(
            title: "4G population coverage", value: NumberText.percent(national.populationCoverage4G), share: national.populationCoverage4G,
            target: nil, targetText: "no target set", scale: 1, scaleText: "100%", met: nil,
            note: "\(NumberText.grouped(national.populationCovered4G)) of \(NumberText.grouped(national.population)) people; "
                + "any technology: \(NumberText.percent(national.populationCoverageAny))."))
        return try HTMLResources.headlineSection.filled([
            "cards": cards.joined(separator: "\n"),
        ])
    }

    private static func statusPill(_ met: Bool?, _ targetText: String) -> String {
        switch met {
        case true?: "<span class=\"pill pill-met\">Target met</span>"
        case false?: "<span class=\"pill pill-unmet\">Below target</span>"
        case nil: "<span class=\"pill pill-info\">\(HTMLText.escaped(targetText))</span>"
        }
    }

    private static func width(_ value: Double, of scale: Double) -> String {
        NumberText.fixed(100 * min(max(value / scale, 0), 1), decimals: 2) + "%"
    }

    /// A value on a 0…scale bar with the target marked.
    private static func progressCard(
        title: String, value: String, share: Double, target: Double?, targetText: String,
        scale: Double, scaleText: String, met: Bool?, note: String
    ) throws -> String {
        let state = met.map { $0 ? "met" : "unmet" } ?? "info"
        let marker = target.map {
            "<span class=\"bar-target\" style=\"left:\(width($0, of: scale))\" title=\"\(HTMLText.escaped(targetText))\"></span>"
        } ?? ""
        let label = "\(value)" + (target == nil ? "" : ", \(targetText)")
        return try HTMLResources.progressCard.filled([
            "state": state,
            "title": HTMLText.escaped(title),
            "pill": statusPill(met, targetText),
            "value": HTMLText.escaped(value),
            "target": target == nil ? "" : " <span class=\"kpi-target\">\(HTMLText.escaped(targetText))</span>",
            "label": HTMLText.escaped(label),
            "width": width(share, of: scale),
            "marker": marker,
            "scale": HTMLText.escaped(scaleText),
            "note": HTMLText.escaped(note),
        ])
    }

    /// A count with a target of zero, its bar split into parts.
    private static func compositionCard(title: String, value: Int, targetText: String, parts: [(String, Int, String)], note: String) throws -> String {
        let met = value == 0
        let total = max(parts.reduce(0) { $0 + $1.1 }, 1)
        let segments = parts.filter { $0.1 > 0 }.map { name, count, style in
            "<span class=\"bar-seg \(style)\" style=\"width:\(width(Double(count), of: Double(total)))\" title=\"\(HTMLText.escaped(name)): \(NumberText.grouped(count))\"></span>"
        }.joined()
        let legend = parts.map { name, count, style in
            "<li><span class=\"swatch \(style)\"></span>\(HTMLText.escaped(name)): <strong>\(NumberText.grouped(count))</strong></li>"
        }.joined()
        let label = parts.map { "\($0.0): \(NumberText.grouped($0.1))" }.joined(separator: "; ")
        return try HTMLResources.compositionCard.filled([
            "state": met ? "met" : "unmet",
            "title": HTMLText.escaped(title),
            "pill": statusPill(met, targetText),
            "value": NumberText.grouped(value),
            "target": HTMLText.escaped(targetText),
            "label": HTMLText.escaped(label),
            "segments": segments,
            "legend": legend,
            "note": HTMLText.escaped(note),
        ])
    }
}
