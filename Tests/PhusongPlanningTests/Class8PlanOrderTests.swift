import Foundation
import PhusongCoverage
import PhusongTestSupport
import Testing
@testable import PhusongPlanning
@testable import PhusongSupport
@testable import PhusongOptimization

/// Issue 13, class 8: shuffling the rows of villages.csv and cells.csv (and of a candidates
/// file) gives a byte-identical plan. The national scenario is checked by
/// `scripts/plan-order-check.sh` (a release build: the national plan takes minutes in debug).
@Suite("Class 8: the plan does not depend on input row order")
struct Class8PlanOrderTests {
    static let planFiles = ["plan.csv", "plan.geojson", "plan.kml", "plan.xlsx", "planned_cells.csv", "plan_summary.json", "plan_provinces.csv"]

    /// Copies `folder`'s villages.csv and cells.csv into `files` with their rows shuffled
    /// (header first, fixed seed) and returns the two paths.
    static func shuffledCopy(of folder: String, into files: TemporaryFiles, seed: UInt64) throws -> (villages: String, cells: String) {
        var generator = SplitMix64(seed: seed)
        var paths: [String] = []
        for name in ["villages.csv", "cells.csv"] {
            let lines = try String(contentsOfFile: folder + "/" + name, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            var rows = Array(lines.dropFirst())
            for index in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(index, generator.below(index + 1)) }
            #expect(rows != Array(lines.dropFirst()), "the shuffle changed the order of \(name)")
            paths.append(try files.write(name, ([lines[0]] + rows).joined(separator: "\n") + "\n"))
        }
        return (paths[0], paths[1])
    }

    /// The solver's options: the default search effort, or for the default data a smaller
    /// one (every step still runs — greedy, local search, Lagrangian bounds, seeded iterated
    /// local search — but a debug build plans the default data three times in seconds, not
    /// minutes: its 5G phase takes over a minute per plan at the default effort; order
    /// independence does not depend on the effort).
    static func options(threads: Int, reduced: Bool) -> SolverOptions {
        reduced ? SolverOptions(threads: threads, seed: 1, localSearchRounds: 20, subgradientIterations: 500, workLimit: 5_000_000)
            : SolverOptions(threads: threads, seed: 1)
    }

    /// Plans `villages`/`cells` and writes the plan's files into `folder`; returns them.
    static func planFiles(villages: String, cells: String, options: SolverOptions, into folder: String) async throws -> [String: Data] {
        let run = try await PlanningTestData.run(villages: villages, cells: [cells])
        let plan = try await RolloutPlanner.plan(run, options: options)
        _ = try PlanFiles.write(plan, to: folder, toolVersion: "test", seed: 1)
        var contents: [String: Data] = [:]
        for name in planFiles { contents[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)) }
        return contents
    }

    /// Asserts that two plans' files are byte-identical and not empty.
    static func expectIdentical(_ a: [String: Data], _ b: [String: Data]) {
        for name in planFiles {
            #expect(a[name] == b[name] && a[name]?.isEmpty == false, "\(name) differs between the original and the shuffled input")
        }
    }

    /// Plans `folder`'s data as given and with its rows shuffled (`shuffleSeed`), expects
    /// byte-identical plan files, and returns the files and the shuffled copy.
    static func planOriginalAndShuffled(
        _ folder: String, shuffleSeed: UInt64, reduced: Bool, files: TemporaryFiles
    ) async throws -> (original: [String: Data], shuffled: (villages: String, cells: String)) {
        let shuffled = try shuffledCopy(of: folder, into: files, seed: shuffleSeed)
        let original = try await planFiles(villages: folder + "/villages.csv", cells: folder + "/cells.csv",
                                           options: options(threads: 2, reduced: reduced), into: files.path("original"))
        let reordered = try await planFiles(villages: shuffled.villages, cells: shuffled.cells,
                                            options: options(threads: 2, reduced: reduced), into: files.path("shuffled"))
        expectIdentical(original, reordered)
        return (original, shuffled)
    }

    @Test("the embedded default data with shuffled rows gives a byte-identical plan (every file), with 1 or 2 threads")
    func defaultDataShuffled() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let folder = PlanningTestData.repository.appendingPathComponent("geodata/default").path
        let (original, shuffled) = try await Self.planOriginalAndShuffled(folder, shuffleSeed: 2025, reduced: true, files: files)
        let oneThread = try await Self.planFiles(villages: shuffled.villages, cells: shuffled.cells,
                                                 options: Self.options(threads: 1, reduced: true), into: files.path("shuffled-1"))
        Self.expectIdentical(original, oneThread)
        // The plan is not trivial: it has dead-zone and 5G actions.
        let rows = String(decoding: original["plan.csv"] ?? Data(), as: UTF8.self).split(separator: "\n")
        #expect(rows.contains { $0.contains("new_site,") || $0.contains("satellite,") })
        #expect(rows.contains { $0.contains("upgrade_5g,") })
    }

    @Test("Điện Biên (real data) with shuffled rows gives a byte-identical plan",
          .enabled(if: PlanningTestData.hasDienBien, "skipped: ../shared/geodata is not beside the checkout (set PHUSONG_SHARED to its parent)"))
    func dienBienShuffled() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let (original, _) = try await Self.planOriginalAndShuffled(PlanningTestData.dienBien, shuffleSeed: 7, reduced: false, files: files)
        #expect(original["plan.csv"]?.isEmpty == false)
    }

    @Test("candidate sites come in id order whatever the order of the dead zones and of the user's candidates")
    func candidatesCanonical() {
        let villages = (0..<40).map { index in
            Village(id: "V\(index)", name: "", provinceCode: nil, communeCode: nil, lon: 103 + Double(index) * 0.013,
                    lat: 21 + Double(index % 7) * 0.011, population: 100, households: nil, gridPower: true, areaType: .rural)
        }
        let extra = [CandidateLocation(id: "b", lon: 103.1, lat: 21.1), CandidateLocation(id: "a", lon: 103.2, lat: 21.05)]
        let forward = CandidateSites.generate(deadZones: villages, gridKm: 2, radiusKm: 5, extra: extra)
        let backward = CandidateSites.generate(deadZones: villages.reversed(), gridKm: 2, radiusKm: 5, extra: extra.reversed())
        #expect(forward == backward)
        #expect(forward.prefix(4).map(\.id) == ["a", "b", "DZ-V0", "DZ-V1"])
        #expect(forward.contains { $0.id.hasPrefix("G") })
    }
}
