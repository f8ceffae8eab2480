import Foundation
import PhusongTestSupport
import Testing
@testable import PhusongCoverage

/// Issue 13, class 4: every numeric input and setting has a physical range, values outside it
/// are refused with the file, line or key, the value and the range; inside the ranges no
/// conversion traps and no RSRP exceeds the cell's EIRP.
@Suite("Class 4: values that pass validation never crash or hang")
struct Class4ValueRangesTests {
    private static let cellsHeader = "cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m,azimuth_deg,beamwidth_deg,rs_eirp_dbm,power_source"

    /// A cells file of one good row per test value, with `value` in `column`.
    private static func cellsFile(_ column: String, _ values: [String]) throws -> String {
        let names = cellsHeader.split(separator: ",").map(String.init)
        let good = ["c", "s", "Viettel", "4G", "900", "105.1", "21.1", "30", "120", "65", "30", "grid"]
        let rows = values.enumerated().map { index, value in
            var fields = good
            fields[0] = "c\(index)"
            fields[1] = "s\(index)"
            fields[names.firstIndex(of: column) ?? 0] = value
            return fields.joined(separator: ",")
        }
        return try temporaryFile(([cellsHeader] + rows).joined(separator: "\n") + "\n")
    }

    @Test("each numeric cells.csv column refuses values outside its range with file:line: column: value: range",
          arguments: [
            ("band_mhz", ["1e300", "1e-300", "0", "29.9", "100001", "-900"], "not a plausible carrier frequency (must be 30..100000 MHz)"),
            ("height_m", ["1e300", "0.4", "0", "-25", "1000.5"], "not a plausible antenna height (must be 0.5..1000 m)"),
            ("azimuth_deg", ["360.01", "-1", "1e300"], "not a plausible azimuth (must be 0..360 degrees)"),
            ("beamwidth_deg", ["0.5", "0", "360.5", "1e-300"], "not a plausible beamwidth (must be 1..360 degrees)"),
            ("rs_eirp_dbm", ["100.5", "-51", "1e300"], "not a plausible reference-signal EIRP (must be -50..100 dBm)"),
          ])
    func cellColumnsOutOfRange(column: String, values: [String], reason: String) async throws {
        let path = try Self.cellsFile(column, values)
        let table = try await CellsLoader.load(path: path)
        #expect(table.rows.isEmpty)
        #expect(table.errors.map(\.description) == values.enumerated().map { "\(path):\($0.offset + 2): \(column): \($0.element): \(reason)" })
    }

    @Test("the bounds themselves are accepted")
    func boundsAccepted() async throws {
        for (column, values) in [("band_mhz", ["30", "100000"]), ("height_m", ["0.5", "1000"]), ("azimuth_deg", ["0", "360"]),
                                 ("beamwidth_deg", ["1", "360"]), ("rs_eirp_dbm", ["-50", "100"])] {
            let table = try await CellsLoader.load(path: try Self.cellsFile(column, values))
            #expect(table.errors.isEmpty && table.rows.count == 2, "\(column)")
        }
    }

    @Test("population and households above 100,000,000 are refused; whole and non-negative as before")
    func counts() async throws {
        let path = try temporaryFile("""
        village_id,lon,lat,population,households,grid_power
        a,105.1,21.1,100000000,100000000,1
        b,105.1,21.1,100000001,1,1
        c,105.1,21.1,1e300,1,1
        d,105.1,21.1,5,1e15,1
        e,105.1,21.1,12.5,1,1

        """)
        let table = try await VillagesLoader.load(path: path)
        #expect(table.rows.map(\.population) == [100_000_000])
        #expect(table.errors.map(\.description) == [
            "\(path):3: population: 100000001: not a plausible population (must be 0..100000000 people)",
            "\(path):4: population: 1e300: not a plausible population (must be 0..100000000 people)",
            "\(path):5: households: 1e15: not a plausible household count (must be 0..100000000 households)",
            "\(path):6: population: 12.5: not a whole number",
        ])
    }

    @Test("the embedded default data passes every range")
    func defaultDataPasses() async throws {
        let folder = SharedData.repository.appendingPathComponent("geodata/default").path
        let villages = try await VillagesLoader.load(path: folder + "/villages.csv")
        let cells = try await CellsLoader.load(path: folder + "/cells.csv")
        #expect(villages.errors.isEmpty && villages.rows.count == 3_700)
        #expect(cells.errors.isEmpty && cells.rows.count == 2_274)
    }

    @Test("the national scenario passes every range", .enabled(if: SharedData.has("vn-national-2025/cells.csv"), SharedData.skipReason))
    func nationalPasses() async throws {
        let villages = try await VillagesLoader.load(path: SharedData.path("vn-national-2025/villages.csv"))
        let cells = try await CellsLoader.load(path: SharedData.path("vn-national-2025/cells.csv"))
        #expect(villages.errors.isEmpty && villages.rows.count == 106_445)
        #expect(cells.errors.isEmpty && cells.rows.count == 341_154)
    }

    @Test("every decimal setting refuses NaN, the infinities, 1e30 and -1e30, naming the key and its range",
          arguments: SettingRanges.all.map(\.key).filter { !Self.wholeNumberKeys.contains($0) })
    func settingsRefuseNonsense(key: String) throws {
        let parts = key.split(separator: ".")
        let table = parts.dropLast().joined(separator: ".")
        for value in ["nan", "inf", "-inf", "1e30", "-1e30"] {
            let error = #expect(throws: LoadError.self) {
                try ConfigurationLoader.parse("[\(table)]\n\(parts.last ?? "") = \(value)\n", file: "c.toml")
            }
            let range = try #require(SettingRanges.all.first { $0.key == key }).range
            #expect(error?.problems.map(\.description).contains {
                $0.hasPrefix("c.toml: \(key): ") && $0.hasSuffix(": must be within \(range)")
            } == true, "\(key) = \(value): \(error?.description ?? "accepted")")
        }
    }

    /// The settings that are whole numbers: NaN or 1e30 is "expected a whole number".
    static let wholeNumberKeys: Set<String> = ["area.bearings", "terrain.climate", "terrain.mdvar"]

    @Test("terrain.climate and terrain.mdvar, whole numbers: NaN or 1e30 is not one", arguments: ["climate", "mdvar"])
    func terrainWholeNumbers(key: String) throws {
        for (value, shown) in [("nan", "nan"), ("inf", "inf"), ("1e30", "1e+30")] {
            let error = #expect(throws: LoadError.self) { try ConfigurationLoader.parse("[terrain]\n\(key) = \(value)\n", file: "c.toml") }
            #expect(error?.problems.map(\.description) == ["c.toml: terrain.\(key): \(shown): expected a whole number"])
        }
    }

    @Test("area.bearings, a whole number: NaN or 1e30 is not one; a huge one is out of range")
    func bearings() throws {
        for (value, shown) in [("nan", "nan"), ("inf", "inf"), ("1e30", "1e+30")] {
            let error = #expect(throws: LoadError.self) { try ConfigurationLoader.parse("[area]\nbearings = \(value)\n", file: "c.toml") }
            #expect(error?.problems.map(\.description) == ["c.toml: area.bearings: \(shown): expected a whole number"])
        }
        let huge = #expect(throws: LoadError.self) { try ConfigurationLoader.parse("[area]\nbearings = 100000000000\n", file: "c.toml") }
        #expect(huge?.problems.map(\.description) == ["c.toml: area.bearings: 100000000000: must be within 72..3600"])
    }

    @Test("settings: negatives where meaningless, tiny tolerances and huge bearings are refused with their ranges")
    func settingsExamples() throws {
        let error = #expect(throws: LoadError.self) {
            try ConfigurationLoader.parse("""
            [radio]
            max_range_m = 1e30
            min_distance_m = 0.0
            extra_loss_db = -3.0
            coverage_threshold_4g_dbm = 10.0
            [area]
            bearings = 100000000
            tolerance_m = 1e-9
            [planning]
            upgrade_cost = -1.5
            satellite_cost = 0.0
            candidate_grid_km = 0.01
            """, file: "c.toml")
        }
        #expect(error?.problems.map(\.description) == [
            "c.toml: radio.max_range_m: 1e+30: must be within 1..200000 m",
            "c.toml: radio.min_distance_m: 0: must be within 1..1000 m",
            "c.toml: radio.extra_loss_db: -3: must be within 0..200 dB",
            "c.toml: radio.coverage_threshold_4g_dbm: 10: must be within -200..0 dBm",
            "c.toml: area.bearings: 100000000: must be within 72..3600",
            "c.toml: area.tolerance_m: 1e-09: must be within 1..1000 m",
            "c.toml: planning.upgrade_cost: -1.5: must be within 0.001..1000 billion VND",
            "c.toml: planning.satellite_cost: 0: must be within 0.001..1000 billion VND",
            "c.toml: planning.candidate_grid_km: 0.01: must be within 0.5..100 km",
            "c.toml: planning.candidate_radius_km: 10: must be at most 25 × candidate_grid_km (0.01 km)",
        ])
    }

    @Test("an integer where a decimal is expected is accepted; a whole decimal where an integer is")
    func integersAndDecimals() throws {
        let parsed = try ConfigurationLoader.parse("[radio]\nmax_range_m = 35000\nuser_height_m = 2\n[area]\nbearings = 144.0\n", file: "c.toml")
        #expect(parsed.radio.maxRangeM == 35_000 && parsed.radio.userHeightM == 2 && parsed.area.bearings == 144)
        let fraction = #expect(throws: LoadError.self) { try ConfigurationLoader.parse("[area]\nbearings = 72.5\n", file: "c.toml") }
        #expect(fraction?.problems.map(\.description) == ["c.toml: area.bearings: 72.5: expected a whole number"])
    }

    @Test("text, yes/no or a table where a number is expected says 'expected a number', not 'missing'")
    func wrongTypes() throws {
        let error = #expect(throws: LoadError.self) {
            try ConfigurationLoader.parse("""
            [radio]
            max_range_m = "35000"
            min_distance_m = true
            user_height_m = [1.5]
            [area]
            bearings = "72"
            [targets]
            villages_connected_share = {a = 1}
            """, file: "c.toml")
        }
        #expect(error?.problems.map(\.description).sorted() == [
            "c.toml: area.bearings: \"72\": expected a whole number",
            "c.toml: radio.max_range_m: \"35000\": expected a number",
            "c.toml: radio.min_distance_m: true: expected a number",
            "c.toml: radio.user_height_m: an array: expected a number",
            "c.toml: targets.villages_connected_share: a table: expected a number",
        ])
    }

    @Test("the printed default lies inside every range")
    func defaultsInRange() {
        #expect(SettingRanges.problems(PhusongConfiguration(), file: "default").isEmpty)
        // 29 before issue 17, and the 13 numeric settings of [terrain].
        #expect(SettingRanges.all.count == 42)
    }

    @Test("the engine and area coverage refuse out-of-range settings given through the library")
    func libraryEntryPoints() async throws {
        let cells = randomScenario(seed: 4, villages: 10, sites: 5).cells
        var parameters = RadioModelParameters()
        parameters.maxRangeM = .infinity
        #expect(throws: CoverageError.self) { try CoverageEngine(cells: cells, parameters: parameters) }
        await #expect(throws: CoverageError.self) { try await CoverageEngine.prepare(cells: cells, parameters: parameters, threads: 2) }
        await #expect(throws: SettingOutOfRange(key: "area.tolerance_m", value: 1e-9, range: PhysicalRange(1...1_000, unit: "m"))) {
            try await AreaCoverage.compute(cells: cells, siteProvinceCodes: [:], villages: [], boundaries: nil,
                                           settings: AreaCoverageSettings(bearings: 72, toleranceM: 1e-9), threads: 1)
        }
    }

    @Test("Int(saturating:) never traps")
    func saturating() {
        #expect(Int(saturating: .nan) == 0)
        #expect(Int(saturating: .infinity) == 1_000_000_000_000_000)
        #expect(Int(saturating: -1e300) == -1_000_000_000_000_000)
        #expect(Int(saturating: 2.5) == 3 && Int(saturating: 2.5, rounding: .down) == 2 && Int(saturating: -2.5, rounding: .up) == -2)
    }

    /// Settings drawn at the ends of their ranges or inside them.
    private static func randomParameters(_ random: inout TestRandom) -> RadioModelParameters {
        func draw(_ range: ClosedRange<Double>) -> Double {
            switch random.below(4) {
            case 0: range.lowerBound
            case 1: range.upperBound
            default: random.uniform(range)
            }
        }
        var parameters = RadioModelParameters(
            userHeightM: draw(0.5...1_000), maxRangeM: draw(1...200_000), minDistanceM: draw(1...1_000),
            extraLossDB: draw(0...200))
        let edges = [draw(30...100_000), draw(30...100_000)].sorted()
        parameters.propagation.lowerBandEdgeMHz = edges[0]
        parameters.propagation.upperBandEdgeMHz = edges[1]
        parameters.propagation.environmentHeightM = draw(0...100)
        parameters.propagation.ruralBuildingHeightM = draw(1...100)
        parameters.propagation.ruralStreetWidthM = draw(1...200)
        let kinds: [PathLossModelKind] = [.okumuraHata, .cost231Hata, .tr38901UMa, .tr38901RMa, .tr38901UMiStreetCanyon, .freeSpace]
        for area in AreaType.allCases {
            parameters.propagation.lowBand = parameters.propagation.lowBand.map { $0 == area ? kinds[random.below(kinds.count)] : $1 }
            parameters.propagation.midBand = parameters.propagation.midBand.map { $0 == area ? kinds[random.below(kinds.count)] : $1 }
            parameters.propagation.highBand = parameters.propagation.highBand.map { $0 == area ? kinds[random.below(kinds.count)] : $1 }
        }
        return parameters
    }

    @Test("no RSRP above the cell's EIRP plus the antenna's peak gain (0 dB: the EIRP includes it), over random cells, settings and distances including the range's ends")
    func rsrpNeverAboveEIRP() throws {
        var random = TestRandom(seed: 13)
        var links = 0
        for _ in 0..<400 {
            let parameters = Self.randomParameters(&random)
            #expect(SettingRanges.problems(PhusongConfiguration(radio: parameters), file: "").isEmpty)
            func draw(_ range: PhysicalRange) -> Double {
                switch random.below(4) {
                case 0: range.lowest
                case 1: range.highest
                default: random.uniform(range.lowest...range.highest)
                }
            }
            let cell = Cell(
                id: "c", siteID: "s", operatorName: "o", technology: random.below(2) == 0 ? .lte : .nr,
                bandMHz: draw(InputColumnRanges.bandMHz.range), lon: random.uniform(-180...180), lat: random.uniform(-90...90),
                heightM: draw(InputColumnRanges.heightM.range), azimuthDeg: random.below(3) == 0 ? nil : draw(InputColumnRanges.azimuthDeg.range),
                beamwidthDeg: draw(InputColumnRanges.beamwidthDeg.range), rsEIRPdBm: draw(InputColumnRanges.rsEIRPdBm.range))
            let prepared = PreparedCell(cell, parameters: parameters)
            let distances = [0, 1e-9, 0.5, parameters.minDistanceM, parameters.maxRangeM, random.uniform(0...parameters.maxRangeM),
                             random.uniform(0...1_000)]
            for distance in distances {
                for area in AreaType.allCases {
                    let bearing = random.uniform(0...360)
                    let target = Geodesy.destination(lon: cell.lon, lat: cell.lat, bearingDeg: bearing, distanceM: distance)
                    let receiver = ReceiverPoint(lon: target.lon, lat: target.lat, areaType: area)
                    let rsrp = prepared.rsrpDBm(at: receiver, distance2DM: distance)
                    links += 1
                    // `<=` also fails for NaN.
                    #expect(rsrp <= cell.rsEIRPdBm, "band \(cell.bandMHz) MHz, height \(cell.heightM) m, \(distance) m, \(area): \(rsrp) dBm")
                }
            }
        }
        #expect(links == 400 * 7 * 4)
    }

    @Test("the engine's best servers never exceed their cells' EIRP")
    func engineBelowEIRP() async throws {
        let scenario = randomScenario(seed: 21)
        let engine = try CoverageEngine(cells: scenario.cells)
        let coverage = try await engine.coverage(of: scenario.villages, threads: 2)
        for result in coverage {
            for best in [result.best4G, result.best5G].compactMap({ $0 }) {
                #expect(best.rsrpDBm <= scenario.cells[best.cellIndex].rsEIRPdBm)
            }
        }
    }

    @Test("docs/planners.md has a row for every numeric column and setting, with its range")
    func documented() throws {
        let text = try String(contentsOfFile: SharedData.repository.appendingPathComponent("docs/planners.md").path, encoding: .utf8)
        for column in InputColumnRanges.all {
            #expect(text.contains("| `\(column.name)` | \(column.file) | \(column.range) |"), "\(column.name)")
        }
        for setting in SettingRanges.all {
            #expect(text.contains("| `\(setting.key)` | \(setting.range) |"), "\(setting.key)")
        }
    }
}
