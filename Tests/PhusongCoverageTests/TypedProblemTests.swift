import Foundation
import Testing
@testable import PhusongCoverage

/// Issue 14: a load or validation problem carries its facts as typed fields (file, line,
/// column, value, and a reason with the allowed range or earlier line), and every text a user
/// reads (the CLI's message, the rejects file's `reason` column) is made from those fields.
@Suite("typed load and validation problems")
struct TypedProblemTests {
    @Test("a value outside its physical range: line, column, value and the range itself")
    func outOfRangeValue() async throws {
        let path = try temporaryFile("""
        cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m
        c1,s1,VT,4G,900,105,21,30
        c2,s2,VT,4G,20,105,21,30

        """, name: "cells.csv")
        let problem = try await #require(CellsLoader.load(path: path).errors.first)
        #expect(problem.file == path)
        #expect(problem.line == 3)
        #expect(problem.column == "band_mhz")
        #expect(problem.value == "20")
        #expect(problem.reason == .value(.implausible(noun: "carrier frequency", range: InputColumnRanges.bandMHz.range)))
        #expect(InputColumnRanges.bandMHz.range.lowest == 30 && InputColumnRanges.bandMHz.range.highest == 100_000)
        #expect(problem.severity == .error)
        #expect(problem.description == "\(path):3: band_mhz: 20: not a plausible carrier frequency (must be 30..100000 MHz)")
    }

    @Test("a rejects file's reason column is the problems' own text, read from the same fields")
    func rejectsReadTheSameFacts() async throws {
        let villages = try temporaryFile("""
        village_id,lon,lat,population,grid_power
        v1,105,21,10,true
        v1,105,95,1.5,maybe

        """, name: "v.csv")
        let cells = try temporaryFile("cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m\nc1,s,VT,4G,900,105,21,30\n", name: "c.csv")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("typed-\(UUID().uuidString)").path
        let inputs = try await ScenarioLoader.load(InputPaths(villages: villages, cells: cells),
                                                   policy: .setAside(rejectsPath: folder + "/rejects.csv"))
        let rejected = try #require(inputs.villages.rejected.first)
        #expect(rejected.problems.map(\.reason) == [
            .value(.duplicateID(firstLine: 2)), .value(.notACoordinate(.latitude)), .value(.notWhole), .value(.notYesNo),
        ])
        #expect(rejected.problems.map(\.line) == [3, 3, 3, 3])
        #expect(rejected.problems.map(\.column) == ["village_id", "lat", "population", "grid_power"])
        let written = try String(contentsOfFile: folder + "/rejects.csv", encoding: .utf8)
        let reasons = rejected.problems.map(\.reasonWithColumn).joined(separator: "; ")
        #expect(written == "village_id,lon,lat,population,grid_power,reason\nv1,105,95,1.5,maybe,\"\(reasons)\"\n")
        #expect(reasons == "village_id: v1: duplicate id (first on line 2); lat: 95: not a latitude (must be -90..90); "
                + "population: 1.5: not a whole number; grid_power: maybe: not a yes/no value (use true/false, 1/0, yes/no or y/n)")
    }

    @Test("a missing file is unavailable input (exit 66) by its reason, not by its wording")
    func unavailableInput() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).csv").path
        let error = await #expect(throws: LoadError.self) { try await VillagesLoader.load(path: missing) }
        #expect(error?.problems.map(\.reason) == [.file(.notFound)])
        #expect(error?.isUnavailableInput == true)
        #expect(error?.hasRowProblems == false)
        #expect(error?.description == "\(missing): file not found")
    }

    @Test("header problems are not row problems; a row's field count is")
    func rowOrHeader() async throws {
        let header = await #expect(throws: LoadError.self) {
            try await VillagesLoader.load(path: try temporaryFile("village_id,lon,lat,population\nv1,105,21,3\n"))
        }
        #expect(header?.problems.map(\.reason) == [.table(.missingColumn("grid_power", accepted: [], example: nil))])
        #expect(header?.hasRowProblems == false)
        #expect(header?.isUnavailableInput == false)
        let table = try await VillagesLoader.load(path: try temporaryFile("village_id,lon,lat,population,grid_power\nv1,105,21,3\n"))
        let fields = try #require(table.errors.first)
        #expect(fields.reason == .table(.fieldCount(headerFields: 5)))
        #expect(fields.value == "4 fields")
        #expect(LoadError(problems: table.errors).hasRowProblems)
    }

    @Test("a setting out of range names its key, its value and its range; a TOML syntax error its line and character")
    func settings() throws {
        let range = #expect(throws: LoadError.self) {
            try ConfigurationLoader.parse("[radio]\nmax_range_m = 1e30\n", file: "c.toml")
        }
        let problem = try #require(range?.problems.first)
        #expect(problem.column == "radio.max_range_m")
        #expect(problem.value == "1e+30")
        #expect(problem.reason == .setting(.outOfRange(PhysicalRange(1...200_000, unit: "m"))))
        let syntax = #expect(throws: LoadError.self) { try ConfigurationLoader.parse("[radio\n", file: "c.toml") }
        let syntaxProblem = try #require(syntax?.problems.first)
        #expect(syntaxProblem.line == 1)
        #expect(syntaxProblem.character != nil)
        #expect(syntaxProblem.column == nil)
        #expect(syntaxProblem.description.hasPrefix("c.toml:1: column \(syntaxProblem.character ?? 0): "))
    }

    @Test("a warning is a warning because of its reason")
    func warningsBySeverityOfReason() async throws {
        let path = try temporaryFile("village_id,lon,lat,population,grid_power\nparis,2.35,48.85,2100000,true\n")
        let warning = try await #require(VillagesLoader.load(path: path).warnings.first)
        #expect(warning.reason == .value(.outsideStudyArea(.vietnam)))
        #expect(warning.severity == .warning)
        #expect(warning.description.hasSuffix(": warning: outside the study area (lon 101.5…118.5, lat 6.5…24.0)"))
    }

    @Test("a boundary feature that is not a polygon says which geometry type it is")
    func boundaryShape() throws {
        let path = try temporaryFile("""
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"01"},
         "geometry":{"type":"Point","coordinates":[105,21]}}]}
        """, name: "point.geojson")
        let error = #expect(throws: LoadError.self) { try AdminBoundariesLoader.load(paths: [path]) }
        let problem = try #require(error?.problems.first)
        #expect(problem.reason == .boundary(.shape(.notPolygonal(type: "Point"))))
        #expect(problem.column == "features[0]")
        #expect(problem.value == "01")
        #expect(problem.description == "\(path): features[0]: 01: geometry: Point is not a Polygon or MultiPolygon")
    }

    @Test("bytes that are not UTF-8 in a small table: the first bad byte and its position, in the header or a row")
    func smallTableUTF8() throws {
        let row = #expect(throws: LoadError.self) {
            try CSVTable.read(try temporaryFile(Array("id,x\na".utf8) + [0xFF] + Array(",1\n".utf8)))
        }
        #expect(row?.problems.map(\.reason) == [.value(.notUTF8(byte: 0xFF, position: 2))])
        #expect(row?.problems.map(\.column) == ["id"])
        #expect(row?.hasRowProblems == true)
        let header = #expect(throws: LoadError.self) {
            try CSVTable.read(try temporaryFile(Array("id,".utf8) + [0xC3] + Array("\n1,2\n".utf8)))
        }
        #expect(header?.problems.map(\.reason) == [.table(.headerName(.notUTF8(byte: 0xC3, position: 1)))])
        #expect(header?.hasRowProblems == false)
    }
}
