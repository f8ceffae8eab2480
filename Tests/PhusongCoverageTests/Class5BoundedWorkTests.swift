import Foundation
import PhusongTestSupport
import Testing
@testable import PhusongCoverage

/// Issue 13, class 5: spatial indexes grow with the number of points, not with their spread;
/// an endless input stops at a stated limit.
@Suite("Class 5: memory and time bounded by the work")
struct Class5BoundedWorkTests {
    /// Points at the four corners of the lon/lat plane, the poles and the antimeridian.
    static let cornerLons: [Double] = [-180, 180, -180, 180, 0, 179.9995, -179.9995, 105.8]
    static let cornerLats: [Double] = [-90, 90, 90, -90, 90, 0, 0, 21.0]

    @Test("a grid over points at the world's corners has at most 8 × points + 65,536 squares")
    func cornerGrid() {
        let grid = CellGrid(lons: Self.cornerLons, lats: Self.cornerLats)
        #expect(grid.squareCount <= 8 * Self.cornerLons.count + 65_536)
        #expect(grid.entries.count == Self.cornerLons.count)
        // A thousand points spread over the whole sphere.
        var random = TestRandom(seed: 5)
        let lons = (0..<1_000).map { _ in random.uniform(-180...180) }
        let lats = (0..<1_000).map { _ in random.uniform(-90...90) }
        let spread = CellGrid(lons: lons, lats: lats)
        #expect(spread.squareCount <= 8 * 1_000 + 65_536)
        #expect(spread.squareCount > 65_536 / 4, "not coarser than it needs to be")
    }

    @Test("every search tree of the engine has at most n / 4 nodes (leaves of 8 to 16 cells), also with cells at the corners")
    func engineTrees() throws {
        var cells = randomScenario(seed: 8, villages: 10, sites: 60).cells
        for (index, (lon, lat)) in zip(Self.cornerLons, Self.cornerLats).enumerated() {
            cells.append(Cell(id: "X\(index)", siteID: "X\(index)", operatorName: "Far", technology: index % 2 == 0 ? .lte : .nr,
                              bandMHz: 900, lon: lon, lat: lat, heightM: 30))
        }
        let engine = try CoverageEngine(cells: cells)
        for tree in engine.groups.map(\.tree) + [engine.allCells] {
            #expect(tree.nodes.count <= max(1, tree.entries.count / 4))
        }
        #expect(engine.groups.map(\.tree.entries.count).reduce(0, +) == 2 * cells.count, "each cell in its technology's and its operator's group")
        let index = VillageIndex(villages: cells.map { Village(id: $0.id, lon: $0.lon, lat: $0.lat, population: 1) })
        #expect(index.squareCount <= 8 * cells.count + 65_536)
    }

    @Test("searches with cells at the world's corners give the exhaustive answer")
    func coarseGridsStayExact() async throws {
        let scenario = randomScenario(seed: 9, villages: 150, sites: 60)
        var cells = scenario.cells
        for (index, (lon, lat)) in zip(Self.cornerLons, Self.cornerLats).enumerated() {
            cells.append(Cell(id: "X\(index)", siteID: "X\(index)", operatorName: "Far", technology: .lte,
                              bandMHz: 700, lon: lon, lat: lat, heightM: 45))
        }
        var villages = scenario.villages
        for (index, (lon, lat)) in zip(Self.cornerLons, Self.cornerLats).enumerated() {
            villages.append(Village(id: "far\(index)", lon: lon, lat: lat, population: 5, areaType: .open))
        }
        let engine = try CoverageEngine(cells: cells)
        let coverage = try await engine.coverage(of: villages, threads: 2)
        for (village, result) in zip(villages, coverage) {
            #expect(result == bruteForceCoverage(village, cells: cells, engine: engine), "\(village.id)")
        }
    }

    @Test("warnings past the first 10,000 are counted, not kept as messages")
    func warningsCounted() async throws {
        let rows = (1...10_005).map { "v\($0),130,21,1,1" }.joined(separator: "\n")
        let path = try temporaryFile("village_id,lon,lat,population,grid_power\n" + rows + "\n")
        let table = try await VillagesLoader.load(path: path, threads: 2)
        #expect(table.rows.count == 10_005)
        #expect(table.warnings.count == InputLimits.maxListedWarnings)
        #expect(table.warningCount == 10_005)
        #expect(table.warnings.first?.line == 2 && table.warnings.last?.line == 10_001, "the first ones, in file order")
    }

    @Test("a CSV record longer than 1 MiB stops the reading with a message naming its line")
    func longRecord() async throws {
        let path = try temporaryFile("village_id,lon,lat,population,grid_power\nv1,105,21,1,1\nv2," + String(repeating: "9", count: 1_100_000) + ",21,1,1\n")
        let error = await #expect(throws: LoadError.self) { try await VillagesLoader.load(path: path) }
        #expect(error?.problems.map(\.description) == ["\(path):3: a record longer than 1 MiB starts on this line (not a CSV file, or an endless input?)"])
    }

    @Test("a quoted field that never closes stops at 1 MiB, not at the end of the file")
    func unclosedQuote() async throws {
        let path = try temporaryFile("village_id,lon,lat,population,grid_power\n\"v1,105,21,1,1\n" + String(repeating: "v,105,21,1,1\n", count: 100_000))
        let error = await #expect(throws: LoadError.self) { try await VillagesLoader.load(path: path) }
        #expect(error?.problems.map(\.description) == ["\(path):2: a record longer than 1 MiB starts on this line (a quoted field opened here is never closed: a stray \")"])
    }

    @Test("/dev/zero as a table or a configuration stops at its limit")
    func endlessInputs() async throws {
        let table = await #expect(throws: LoadError.self) { try await CellsLoader.load(path: "/dev/zero") }
        #expect(table?.problems.map(\.description) == ["/dev/zero:1: a record longer than 1 MiB starts on this line (not a CSV file, or an endless input?)"])
        let configuration = #expect(throws: LoadError.self) { try ConfigurationLoader.load(path: "/dev/zero") }
        #expect(configuration?.problems.map(\.description) == ["/dev/zero: longer than 1 MiB, the most a configuration file may hold (an endless input such as /dev/zero?)"])
        #expect(InputLimits.maxBoundaryBytes == 512 << 20)
        let bounded = #expect(throws: LoadError.self) { try InputFile(path: "/dev/zero").readAll(limit: 3 << 20, kind: "a boundary file") }
        #expect(bounded?.problems.first?.reason == .file(.longerThan(limitBytes: 3 << 20, kind: "a boundary file")))
        #expect(bounded?.problems.first?.reason.description == "longer than 3 MiB, the most a boundary file may hold (an endless input such as /dev/zero?)")
    }

    @Test("a rejected row of a million commas keeps the header's number of fields, not a million strings")
    func compactRejects() async throws {
        let path = try temporaryFile("village_id,lon,lat,population,grid_power\nv1,105,21,1,1" + String(repeating: ",", count: 1_000_000) + "\n")
        let table = try await VillagesLoader.load(path: path)
        #expect(table.rejected.count == 1)
        #expect(table.rejected.first?.fields.count == 5)
        #expect(table.rejected.first?.fields.last?.count == 1_000_001)
        #expect(table.errors.map(\.reasonWithColumn) == ["row: 1000005 fields: the header has 5 fields (a truncated line, or a value with an unquoted comma)"])
    }

    @Test("the checksum is of the bytes parsed, recorded once the file is read to its end")
    func checksumOfParsedBytes() async throws {
        let path = try temporaryFile("village_id,lon,lat,population,grid_power\nv1,105,21,1,1\n", name: "checksum.csv")
        _ = try await VillagesLoader.load(path: path)
        // SHA-256 of the 55 bytes above (sha256sum).
        #expect(FileChecksum.sha256(path: path) == "ddc5b8f976a94ddd5dcb92c625864c7fb8b15185ec79def76bf7472a9cff3115")
        try Data("changed".utf8).write(to: URL(fileURLWithPath: path))
        #expect(FileChecksum.sha256(path: path) == "ddc5b8f976a94ddd5dcb92c625864c7fb8b15185ec79def76bf7472a9cff3115", "the file is not read again")
    }
}
