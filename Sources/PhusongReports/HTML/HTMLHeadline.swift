import PhusongCoverage
import PhusongSupport

/// The headline cards: the committee's indicators against their targets, each with a bar.
enum HTMLHeadline {
    static func section(_ run: CoverageRun, text: ReportText) throws -> String {
        let national = run.tables.national
        let targets = run.configuration.targets
        let maxRangeKm = text.decimal(run.configuration.radio.maxRangeM / 1000, decimals: 0)
        var weakSignal = 0
        for result in run.coverage where result.deadZone && result.hasCellInRange { weakSignal += 1 }
        let noSite = national.villagesDeadZone - weakSignal

        let connected = national.shareVillagesConnected
        let toConnect = national.villages - national.villagesConnected
        let coverage5G = national.populationCoverage5G
        let ratio = national.ratio5G4GStations ?? 0
        let needed5G = Int(saturating: targets.ratio5G4GStations * Double(national.stations4G), rounding: .up)
        let ratioScale = max(1, 2 * targets.ratio5G4GStations, ratio)
        let people = text(.notePeople, text.integer(national.populationCovered5G), text.integer(national.population))

        var cards: [String] = []
        cards.append(try progressCard(
            title: text(.cardConnected), value: text.percent(connected), share: connected, target: targets.villagesConnectedShare,
            targetText: text(.targetValue, text.percent(targets.villagesConnectedShare, decimals: 0)), scale: 1, scaleText: "100%",
            met: connected >= targets.villagesConnectedShare,
            note: text(.noteConnected, text.integer(national.villagesConnected), text.integer(national.villages))
                + (toConnect > 0 ? text(.noteToConnect, text.integer(toConnect)) : "."), text: text))
        cards.append(try progressCard(
            title: text(.card5G), value: text.percent(coverage5G), share: coverage5G, target: targets.populationCoverage5G,
            targetText: text(.targetValue, text.percent(targets.populationCoverage5G, decimals: 0)), scale: 1, scaleText: "100%",
            met: coverage5G >= targets.populationCoverage5G,
            note: people + (coverage5G < targets.populationCoverage5G
                ? text(.note5GShort, text.decimal(100 * (targets.populationCoverage5G - coverage5G), decimals: 2)) : "."), text: text))
        cards.append(try progressCard(
            title: text(.cardRatio), value: national.ratio5G4GStations.map { text.decimal($0, decimals: 3) } ?? text(.notAvailable),
            share: ratio, target: targets.ratio5G4GStations, targetText: text(.targetValue, text.decimal(targets.ratio5G4GStations, decimals: 2)),
            scale: ratioScale, scaleText: text.decimal(ratioScale, decimals: 1),
            met: national.stations4G > 0 && national.stations5G >= needed5G,
            note: text(.noteRatio, text.integer(national.stations5G), text.integer(national.stations4G))
                + (national.stations5G < needed5G ? text(.noteRatioShort, text.integer(needed5G - national.stations5G)) : "."), text: text))
        cards.append(try compositionCard(
            title: text(.cardDeadZones), value: national.villagesDeadZone, targetText: text(.targetValue, "0"),
            parts: [(text(.partNoSite, maxRangeKm), noSite, "seg-nosite"), (text(.partWeak), weakSignal, "seg-weak")],
            note: national.villagesDeadZone == 0 ? text(.noteNoDeadZone)
                : text(.noteDeadZones, text.percent(Double(national.villagesDeadZone) / Double(max(national.villages, 1))),
                       text.integer(national.villagesDeadZoneAndUnpowered)), text: text))
        cards.append(try compositionCard(
            title: text(.cardUnpowered), value: national.villagesUnpowered, targetText: text(.targetValue, "0"),
            parts: [(text(.partAlsoDead), national.villagesDeadZoneAndUnpowered, "seg-deadunpowered"),
                    (text(.partConnected), national.villagesUnpowered - national.villagesDeadZoneAndUnpowered, "seg-connected")],
            note: national.villagesUnpowered == 0 ? text(.noteAllPowered)
                : text(.noteUnpowered, text.integer(national.villagesDeadZoneAndUnpowered)), text: text))
        cards.append(try progressCard(
            title: text(.card4G), value: text.percent(national.populationCoverage4G), share: national.populationCoverage4G,
            target: nil, targetText: text(.noTarget), scale: 1, scaleText: "100%", met: nil,
            note: text(.note4G, text.integer(national.populationCovered4G), text.integer(national.population),
                       text.percent(national.populationCoverageAny)), text: text))
        return try HTMLResources.headlineSection.filled([
            "cards": cards.joined(separator: "\n"),
        ], phrases: text.phrases)
    }

    private static func statusPill(_ met: Bool?, _ targetText: String, text: ReportText) -> String {
        switch met {
        case true?: "<span class=\"pill pill-met\">\(HTMLText.escaped(text(.pillMet)))</span>"
        case false?: "<span class=\"pill pill-unmet\">\(HTMLText.escaped(text(.pillUnmet)))</span>"
        case nil: "<span class=\"pill pill-info\">\(HTMLText.escaped(targetText))</span>"
        }
    }

    private static func width(_ value: Double, of scale: Double) -> String {
        NumberText.fixed(100 * min(max(value / scale, 0), 1), decimals: 2) + "%"
    }

    /// A value on a 0…scale bar with the target marked.
    private static func progressCard(
        title: String, value: String, share: Double, target: Double?, targetText: String,
        scale: Double, scaleText: String, met: Bool?, note: String, text: ReportText
    ) throws -> String {
        let state = met.map { $0 ? "met" : "unmet" } ?? "info"
        let marker = target.map {
            "<span class=\"bar-target\" style=\"left:\(width($0, of: scale))\" title=\"\(HTMLText.escaped(targetText))\"></span>"
        } ?? ""
        let label = "\(value)" + (target == nil ? "" : ", \(targetText)")
        return try HTMLResources.progressCard.filled([
            "state": state,
            "title": HTMLText.escaped(title),
            "pill": statusPill(met, targetText, text: text),
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
    private static func compositionCard(
        title: String, value: Int, targetText: String, parts: [(String, Int, String)], note: String, text: ReportText
    ) throws -> String {
        let met = value == 0
        let total = max(parts.reduce(0) { $0 + $1.1 }, 1)
        let segments = parts.filter { $0.1 > 0 }.map { name, count, style in
            "<span class=\"bar-seg \(style)\" style=\"width:\(width(Double(count), of: Double(total)))\" title=\"\(HTMLText.escaped(name)): \(text.integer(count))\"></span>"
        }.joined()
        let legend = parts.map { name, count, style in
            "<li><span class=\"swatch \(style)\"></span>\(HTMLText.escaped(name)): <strong>\(text.integer(count))</strong></li>"
        }.joined()
        let label = parts.map { "\($0.0): \(text.integer($0.1))" }.joined(separator: "; ")
        return try HTMLResources.compositionCard.filled([
            "state": met ? "met" : "unmet",
            "title": HTMLText.escaped(title),
            "pill": statusPill(met, targetText, text: text),
            "value": text.integer(value),
            "target": HTMLText.escaped(targetText),
            "label": HTMLText.escaped(label),
            "segments": segments,
            "legend": legend,
            "note": HTMLText.escaped(note),
        ])
    }
}
