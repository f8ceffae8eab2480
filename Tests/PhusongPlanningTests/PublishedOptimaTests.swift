import Foundation
import PhusongCoverage
import PhusongTestSupport
import Testing
@testable import PhusongPlanning
@testable import PhusongOptimization

/// Classic maximal covering on the published instances with proven optima
/// (`mclp-instances/OPTIMA.csv`: spopt San Francisco, Lorena & Pereira's SJC).
@Suite("Published maximal covering optima", .enabled(
    if: FileManager.default.fileExists(atPath: SharedData.mclpOptimaFile),
    "skipped: ../shared/geodata is not beside the checkout (set PHUSONG_SHARED to its parent)"))
struct PublishedOptimaTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var instance: String
        var radius: Double
        var facilities: Int
        var optimum: Double

        var testDescription: String { "\(instance) S=\(Int(radius)) p=\(facilities)" }

        func load() throws -> MCLPInstance {
            let root = SharedData.mclpInstances
            if instance == "spopt-SF" {
                let folder = root + "/spopt-sf"
                return try MCLPLoader.load(
                    .init(demand: folder + "/demand.csv", candidates: folder + "/candidates.csv", costMatrix: folder + "/cost_matrix.csv"),
                    metric: .euclidean)
            }
            let folder = root + "/sjc/" + instance
            return try MCLPLoader.load(.init(demand: folder + "/demand.csv", candidates: folder + "/candidates.csv"), metric: .euclidean)
        }
    }

    /// Every row of OPTIMA.csv (none when the file is absent: the suite is then skipped).
    static let cases: [Case] = {
        guard let table = try? CSVTable.read(SharedData.mclpOptimaFile),
              let instance = table.column("instance"), let radius = table.column("S"),
              let facilities = table.column("p"), let optimum = table.column("optimum") else { return [] }
        return table.rows.compactMap { row in
            guard let s = CSVTable.number(row.fields[radius]), let p = Int(row.fields[facilities]),
                  let best = CSVTable.number(row.fields[optimum]) else { return nil }
            return Case(instance: row.fields[instance], radius: s, facilities: p, optimum: best)
        }
    }()

    /// Lighter than the defaults: debug builds are slow, and the acceptance does not need more.
    static let options = SolverOptions(threads: 2, seed: 1, localSearchRounds: 60, subgradientIterations: 6_000)

    @Test("all 14 rows are read")
    func rowCount() {
        #expect(Self.cases.count == 14)
    }

    @Test("objective >= 99.5 % of the optimum, never above it; bound never below it", arguments: cases)
    func reachesOptimum(_ row: Case) async throws {
        try await Self.expectNearOptimum(row, options: Self.options, share: 0.995)
    }

    /// Solves `row` with `options` and checks the objective (at least `share` of the optimum,
    /// never above it), the bound (never below it) and the facility count.
    static func expectNearOptimum(_ row: Case, options: SolverOptions, share: Double) async throws {
        let instance = try row.load()
        let result = try await MaximalCovering.solve(instance, radius: row.radius, facilities: row.facilities, options: options)
        let solution = result.solution
        #expect(solution.objective >= share * row.optimum)
        #expect(solution.objective <= row.optimum)
        #expect(solution.bound >= row.optimum)
        #expect(result.facilityIDs.count <= row.facilities)
    }

    /// `phusong mclp`'s method (incremental tables), with a work limit small enough for debug
    /// builds and no clock, so the result is the same on every machine.
    static let tableOptions = SolverOptions(
        threads: 2, seed: 1, subgradientIterations: 3_000, workLimit: 50_000_000, method: .incrementalTables)

    @Test("incremental tables: objective >= 99.9 % of the optimum, never above it; bound never below it", arguments: cases)
    func tablesReachOptimum(_ row: Case) async throws {
        try await Self.expectNearOptimum(row, options: Self.tableOptions, share: 0.999)
    }

    @Test("exact mode (CBC) proves the published optimum", arguments: cases)
    func exactReachesOptimum(_ row: Case) async throws {
        let instance = try row.load()
        let start = SolverOptions(threads: 2, seed: 1, subgradientIterations: 500, workLimit: 20_000_000, method: .incrementalTables)
        let result = try await MaximalCovering.solveExact(
            instance, radius: row.radius, facilities: row.facilities, options: start, exactTimeLimit: 120)
        #expect(result.solution.objective == row.optimum)
        #expect(result.solution.bound == row.optimum)
        #expect(result.solution.gap == 0)
        #expect(result.solverGap == 0)
        #expect(result.facilityIDs.count <= row.facilities)
    }

    @Test("incremental tables: the same seed and thread count give the same result; bound valid at every thread count")
    func tablesDeterministic() async throws {
        let row = Case(instance: "SJC818", radius: 250, facilities: 40, optimum: 25421)
        let problem = try await MaximalCovering.problem(try row.load(), radius: row.radius, threads: 1)
        for threads in [1, 2] {
            var options = Self.tableOptions
            options.threads = threads
            options.workLimit = 20_000_000
            let first = try await MaximumCoverage.solve(problem, facilities: row.facilities, options: options)
            let second = try await MaximumCoverage.solve(problem, facilities: row.facilities, options: options)
            #expect(first == second)
            #expect(first.bound >= row.optimum)
            #expect(first.objective <= row.optimum)
        }
    }

    @Test("SJC818, S = 250, p = 40: 1 and 2 threads give the same solution")
    func threadIndependence() async throws {
        let row = Case(instance: "SJC818", radius: 250, facilities: 40, optimum: 25421)
        let instance = try row.load()
        let problem = try await MaximalCovering.problem(instance, radius: row.radius, threads: 1)
        var solutions: [CoverageSolution] = []
        for threads in [1, 2] {
            let options = SolverOptions(threads: threads, seed: 7, localSearchRounds: 40, subgradientIterations: 3_000)
            solutions.append(try await MaximumCoverage.solve(problem, facilities: row.facilities, options: options))
        }
        #expect(solutions[0].chosen == solutions[1].chosen)
        #expect(solutions[0].objective == solutions[1].objective)
        #expect(solutions[0].bound == solutions[1].bound)
    }
}
