import ArgumentParser
import Foundation
import PhusongPlanning
import PhusongOptimization
import PhusongSupport

/// `phusong mclp`: the classic maximal covering location problem (Church & ReVelle 1974) on
/// CSV inputs, with the upper bound that the answer is proven to be within.
struct MCLPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mclp",
        abstract: "Maximal covering: choose p facilities that cover the most demand weight within a radius.",
        discussion: """
        Demand CSV: id,x,y,weight. Candidates CSV: id,x,y. A demand point is covered when an \
        open facility is at distance <= radius: planar on x/y (--metric euclidean), or \
        haversine metres with x = longitude, y = latitude (--metric haversine), or as given by \
        --cost-matrix (demand_id,candidate_id,distance_m; coordinates are then not used). \
        --fixed lists facilities that must be open (one id per line, or a CSV with an id \
        column); they count towards p. Ids must be non-empty and unique; weights 0..1e15 with \
        a total of at most 1e15 (so that sums stay exact); x/y within -1e9..1e9 (euclidean) or \
        lon -180..180, lat -90..90 (haversine). Prints the covered weight, an upper bound on \
        it, the relative gap (bound - objective) / bound and the chosen facilities. Exit codes: \
        64 usage, 65 bad data, 66 missing file.
        """
    )

    enum MetricArgument: String, ExpressibleByArgument, CaseIterable {
        case euclidean, haversine

        var metric: DistanceMetric { self == .euclidean ? .euclidean : .haversine }
    }

    @Option(name: .long, help: ArgumentHelp("Demand points: CSV with id,x,y,weight.", valueName: "file"))
    var demand: String

    @Option(name: .long, help: ArgumentHelp("Candidate sites: CSV with id,x,y.", valueName: "file"))
    var candidates: String

    @Option(name: .long, help: ArgumentHelp("Service radius S (covered when distance <= S), in x/y units or metres.", valueName: "S"))
    var radius: Double

    @Option(name: .customLong("p"), help: ArgumentHelp("Number of facilities to open, fixed ones included.", valueName: "P"))
    var facilities: Int

    @Option(name: .long, help: ArgumentHelp("Facilities that must be open: one candidate id per line, or a CSV with an id column.", valueName: "file"))
    var fixed: String?

    @Option(name: .customLong("cost-matrix"), help: ArgumentHelp(
        "Distances demand_id,candidate_id,distance_m; coverage then follows them (missing pairs are out of reach).", valueName: "file"))
    var costMatrix: String?

    @Option(name: .long, help: ArgumentHelp("Distance on the coordinates: euclidean (x/y) or haversine (lon/lat, metres).", valueName: "metric"))
    var metric: MetricArgument = .euclidean

    @Flag(name: .long, help: "Print one JSON object: objective, bound, gap, facilities, seconds and more.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Seed of the local search's perturbations. Results do not depend on --threads.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Local searches after the first: from Lagrangian starting points, then perturbation rounds.", valueName: "n"))
    var rounds = SolverOptions().localSearchRounds

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Search time limit in seconds (bound and local search; loading comes on top).", valueName: "seconds"))
    var timeLimit: Double = 20

    @Option(name: .customLong("work-limit"), help: ArgumentHelp("Search work limit in covered-item visits: the same limit gives the same result on any machine.", valueName: "n"))
    var workLimit = 20_000_000_000

    @Flag(name: .long, help: "Solve exactly with the CBC MIP solver from the heuristic's solution (small instances): proven optimal when CBC finishes within --time-limit, otherwise its gap is reported.")
    var exact = false

    @OptionGroup var threads: ThreadsOption

    mutating func validate() throws {
        guard radius.isFinite, radius >= 0 else { throw ValidationError("--radius must be a number >= 0") }
        guard facilities >= 0 else { throw ValidationError("--p must be >= 0") }
        guard rounds >= 0 else { throw ValidationError("--rounds must be >= 0") }
        guard timeLimit.isFinite, timeLimit > 0, timeLimit <= 1e6 else { throw ValidationError("--time-limit must be a number of seconds in 0 < s <= 1000000") }
        guard workLimit >= 0 else { throw ValidationError("--work-limit must be >= 0") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let paths = MCLPLoader.Paths(demand: demand, candidates: candidates, fixed: fixed, costMatrix: costMatrix)
        let instance = try MCLPLoader.load(paths, metric: metric.metric)
        guard facilities >= instance.fixed.count else {
            throw CommandError.fewerFacilitiesThanFixed(facilities: facilities, fixed: instance.fixed.count, file: fixed ?? "--fixed")
        }
        let options = SolverOptions(
            threads: threads.count, seed: seed, localSearchRounds: rounds, timeLimit: .seconds(timeLimit),
            workLimit: workLimit, method: .incrementalTables)
        let result: MCLPResult
        if exact {
            // A quarter of the time for the heuristic start, the rest for CBC.
            var startOptions = options
            startOptions.timeLimit = .seconds(timeLimit / 4)
            result = try await MaximalCovering.solveExact(
                instance, radius: radius, facilities: facilities, options: startOptions, exactTimeLimit: timeLimit * 3 / 4)
        } else {
            result = try await MaximalCovering.solve(instance, radius: radius, facilities: facilities, options: options)
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        if json {
            Terminal.output(try MCLPText.json(result, seconds: seconds))
        } else {
            Terminal.output(MCLPText.render(result, instance: instance, radius: radius, facilities: facilities, metric: costMatrix == nil ? metric.rawValue : "cost matrix", seconds: seconds))
        }
    }
}

/// The answer as terminal text or JSON.
enum MCLPText {
    private struct Output: Encodable {
        var objective: Double
        var bound: Double
        var gap: Double
        var facilities: [String]
        var seconds: Double
        var totalWeight: Double
        var provenOptimal: Bool
        var solverGap: Double?

        enum CodingKeys: String, CodingKey {
            case objective, bound, gap, facilities, seconds
            case solverGap = "solver_gap"
            case totalWeight = "total_weight"
            case provenOptimal = "proven_optimal"
        }
    }

    static func json(_ result: MCLPResult, seconds: Double) throws -> String {
        let solution = result.solution
        let output = Output(
            objective: solution.objective, bound: solution.bound, gap: solution.gap, facilities: result.facilityIDs,
            seconds: (seconds * 1000).rounded() / 1000, totalWeight: result.totalWeight, provenOptimal: solution.gap == 0,
            solverGap: result.solverGap)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }

    static func render(_ result: MCLPResult, instance: MCLPInstance, radius: Double, facilities: Int, metric: String, seconds: Double) -> String {
        let solution = result.solution
        let share = result.totalWeight > 0 ? NumberText.fixed(100 * solution.objective / result.totalWeight, decimals: 2) + " %" : "n/a"
        let optimality = solution.gap == 0 ? " (proven optimal)" : ""
        var lines = [
            "Maximal covering: \(NumberText.grouped(instance.demandIDs.count)) demand points, \(NumberText.grouped(instance.candidateIDs.count)) candidates, "
                + "radius \(number(radius)) (\(metric)), p = \(facilities)" + (instance.fixed.isEmpty ? "" : ", \(instance.fixed.count) fixed"),
            "  covered weight  \(number(solution.objective)) of \(number(result.totalWeight)) (\(share))",
            "  upper bound     \(number(solution.bound))",
            "  gap             \(NumberText.fixed(100 * solution.gap, decimals: 3)) %\(optimality)"
                + (result.solverGap.map { ", CBC gap \(NumberText.fixed(100 * $0, decimals: 3)) %" } ?? ""),
            "  facilities (\(result.facilityIDs.count))  \(result.facilityIDs.joined(separator: " "))",
        ]
        if result.facilityIDs.count < facilities {
            lines.append("  (the other \(facilities - result.facilityIDs.count) facilities would cover nothing more)")
        }
        lines.append("  time            \(NumberText.fixed(seconds, decimals: 2)) s")
        return lines.joined(separator: "\n")
    }

    /// A whole number with thousands separators, anything else with up to 3 decimals.
    private static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return NumberText.grouped(Int(value)) }
        return NumberText.fixed(value, decimals: 3)
    }
}
