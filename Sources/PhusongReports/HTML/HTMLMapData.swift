import PhusongCoverage
import PhusongSupport

/// What the page's map draws, embedded as JSON (`<script type="application/json"
/// id="report-data">`, key `map`). Positions are `HTMLMapFrame` units.
struct HTMLMapData: Encodable, Sendable {
    /// Degrees per unit.
    var unit: Double
    /// South-west corner, units from (0°, 0°): `[x, y]`.
    var origin: [Int]
    /// Extent, units: `[width, height]`.
    var size: [Int]
    /// x scale of the projection, cos(middle latitude).
    var kx: Double
    var outlines: [HTMLProvinceOutline]
    var grid: HTMLDensityGrid
    /// Sites with only 4G cells, flat `[x, y, …]`; sites at the same map position once.
    var sites4G: [Int]
    /// Sites with a 5G cell, flat `[x, y, …]`.
    var sites5G: [Int]
    /// Commune boundaries (when the boundary files hold communes), simplified more.
    var communeOutlines: [HTMLProvinceOutline]
    /// Villages drawn one by one, flat `[x, y, kind, …]`: kind 0 dead zone with no site in
    /// range, 1 dead zone with a weak signal, 2 and 3 the same without grid power, 4 connected
    /// but without grid power. Kind 4 first, so that dead zones are drawn on top.
    var points: [Int]
    /// Tooltip of each point, parallel to `points`' triples.
    var pointLabels: [String]
    /// Province names, placed at the mean position of the province's villages.
    var labels: [HTMLMapLabel]
    /// The coverage overlay's images and bounds (`report --terrain`, `--overlay`); absent
    /// from the JSON without one.
    var overlay: HTMLOverlay.JSON?

    /// Point kinds.
    static let noSite = 0, weakSignal = 1, noSiteUnpowered = 2, weakSignalUnpowered = 3, unpowered = 4

    init(_ run: CoverageRun, text: ReportText, overlay: HTMLOverlay? = nil) throws {
        let frame = HTMLMapFrame.covering(run)
        unit = 1 / HTMLMapFrame.unitsPerDegree
        origin = [frame.originX, frame.originY]
        size = [frame.width, frame.height]
        kx = frame.kx

        var notes: [String: String] = [:]
        for row in run.tables.provinces {
            let indicators = row.indicators
            notes[row.code] = text(.mapProvinceNote, text.percent(indicators.shareVillagesConnected), text.integer(indicators.villages),
                                   text.integer(indicators.villagesDeadZone), text.percent(indicators.populationCoverage5G))
        }
        outlines = try HTMLOutlines.outlines(run.inputs.boundaries, frame: frame, notes: notes, noVillages: text(.mapNoVillages))
        communeOutlines = try HTMLOutlines.communeOutlines(run.inputs.boundaries, frame: frame)
        grid = HTMLDensityGrid(villages: run.inputs.scenario.villages, coverage: run.coverage, frame: frame)

        (sites4G, sites5G) = Self.sitePositions(run, frame: frame)
        (points, pointLabels) = Self.markedVillages(run, frame: frame, text: text)
        labels = Self.provinceLabels(run, frame: frame)
        self.overlay = overlay?.data
    }

    /// Positions of sites with only 4G and of sites with 5G inside the frame; 5G sites first,
    /// so that where sites share a map position the one with 5G is kept.
    private static func sitePositions(_ run: CoverageRun, frame: HTMLMapFrame) -> (only4G: [Int], with5G: [Int]) {
        struct Position: Hashable {
            var x: Int
            var y: Int
        }
        // One pass over the sites (each read once), the 4G-only ones kept aside until the 5G
        // ones have taken their positions.
        var candidates5G: [Position] = [], candidates4G: [Position] = []
        for site in run.engine.sites {
            let position = Position(x: frame.x(site.lon), y: frame.y(site.lat))
            guard frame.contains(x: position.x, y: position.y) else { continue }
            if site.has5G { candidates5G.append(position) } else { candidates4G.append(position) }
        }
        var seen: Set<Position> = []
        seen.reserveCapacity(candidates5G.count + candidates4G.count)
        var only4G: [Int] = [], with5G: [Int] = []
        for position in candidates5G where seen.insert(position).inserted { with5G += [position.x, position.y] }
        for position in candidates4G where seen.insert(position).inserted { only4G += [position.x, position.y] }
        return (only4G, with5G)
    }

    /// Dead-zone and unpowered villages as `[x, y, kind, …]` (connected unpowered ones first)
    /// with their tooltips.
    private static func markedVillages(_ run: CoverageRun, frame: HTMLMapFrame, text: ReportText) -> (points: [Int], texts: [String]) {
        let villages = run.inputs.scenario.villages
        let boundaries = run.inputs.boundaries
        let communeNames = Dictionary(boundaries?.communes.map { ($0.code, $0.name) } ?? [], uniquingKeysWith: { first, _ in first })
        var marked: [(kind: Int, index: Int)] = []
        for (index, (village, result)) in zip(villages, run.coverage).enumerated() where result.deadZone || !village.gridPower {
            let kind = result.connected ? unpowered
                : (result.hasCellInRange ? weakSignal : noSite) + (village.gridPower ? 0 : noSiteUnpowered)
            marked.append((kind, index))
        }
        marked.sort { ($0.kind == unpowered ? 0 : 1, $0.index) < ($1.kind == unpowered ? 0 : 1, $1.index) }
        var points: [Int] = [], texts: [String] = []
        for (kind, index) in marked {
            let village = villages[index]
            points += [frame.x(village.lon), frame.y(village.lat), kind]
            let commune = village.communeCode.flatMap { communeNames[$0] }
            let province = village.provinceCode.flatMap { boundaries?.provinceName($0) ?? ProvinceCatalog.names2025[$0] }
            let place = [commune, province].compactMap { $0 }.joined(separator: ", ")
            let state = switch kind {
            case noSite, weakSignal: text(.pointDeadZone) + " (" + text(kind == noSite ? .tagNoSite : .tagWeak) + ")"
            case noSiteUnpowered, weakSignalUnpowered:
                text(.pointDeadZoneUnpowered) + " (" + text(kind == noSiteUnpowered ? .tagNoSite : .tagWeak) + ")"
            default: text(.pointUnpowered, CoverageState(run.coverage[index]).rawValue)
            }
            let name = village.name.isEmpty ? village.id : "\(village.name) (\(village.id))"
            texts.append("\(name)\(place.isEmpty ? "" : " — " + place) · \(text(.pointPeople, text.integer(village.population))) · \(state)")
        }
        return (points, texts)
    }

    private static func provinceLabels(_ run: CoverageRun, frame: HTMLMapFrame) -> [HTMLMapLabel] {
        var sums: [String: (x: Double, y: Double, count: Int)] = [:]
        let villages = run.inputs.scenario.villages
        // Villages come grouped by province: a run of one province is summed before its entry
        // is looked up (in the same order, so the sums are the same doubles).
        var index = villages.startIndex
        while index < villages.endIndex {
            guard let code = villages[index].provinceCode else {
                index += 1
                continue
            }
            var sum = sums[code] ?? (0, 0, 0)
            while index < villages.endIndex, villages[index].provinceCode == code {
                sum = (sum.x + Double(frame.x(villages[index].lon)), sum.y + Double(frame.y(villages[index].lat)), sum.count + 1)
                index += 1
            }
            sums[code] = sum
        }
        return run.tables.provinces.compactMap { row in
            guard let sum = sums[row.code], sum.count > 0 else { return nil }
            // Safe: means of frame positions, which are integers within ±10¹⁵.
            let x = Int((sum.x / Double(sum.count)).rounded()), y = Int((sum.y / Double(sum.count)).rounded())
            return HTMLMapLabel(name: row.name ?? row.code, x: x, y: y)
        }
    }
}

/// A name drawn on the map at (`x`, `y`), frame units.
struct HTMLMapLabel: Encodable, Sendable, Hashable {
    var name: String
    var x: Int
    var y: Int
}
