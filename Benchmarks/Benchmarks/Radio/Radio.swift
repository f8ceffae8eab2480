import Benchmark
import Foundation
import PhusongBenchmarkSupport
import PhusongCoverage

/// The radio model alone, on one core: how many RSRP evaluations of the reference model
/// (coverage-model.md: antenna gain toward the bearing, the band's path-loss model for the
/// village's area type, the free-space floor) one thread does per second. The figure is the
/// custom metric "RSRP evaluations/s" (evaluations per second on one core, shown in thousands:
/// "(K)"); each run evaluates
/// the same 1,000,000 (cell, village) links, so the wall clock is the time per million.
///
/// The links are real ones: every (village, cell) pair of `geodata/default` within the 35 km
/// range, village by village (the order the coverage engine evaluates them), the first
/// 1,000,000 of them. They are prepared in setup (`PreparedCell`, `ReceiverPoint`).
let benchmarks: @Sendable () -> Void = {
    let evaluationsPerRun = 1_000_000
    let evaluationsPerSecond = BenchmarkMetric.custom("RSRP evaluations/s", polarity: .prefersLarger, useScalingFactor: false)
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, evaluationsPerSecond, .mallocCountTotal], timeUnits: .milliseconds,
        units: [evaluationsPerSecond: .kilo],
        warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 30)

    /// Evaluates links 0 ..< `evaluationsPerRun` with `evaluate` (inlined into the loop), keeps
    /// the sum alive and records the rate as the benchmark's evaluations per second.
    @inline(__always)
    func recordRate(_ benchmark: Benchmark, _ evaluate: (Int) -> Double) {
        let clock = ContinuousClock()
        let start = clock.now
        var sum = 0.0
        for index in 0..<evaluationsPerRun { sum += evaluate(index) }
        let elapsed = clock.now - start
        blackHole(sum)
        benchmark.measurement(evaluationsPerSecond, rate(evaluationsPerRun, elapsed))
    }

    // `PreparedCell.rsrpDBm(at:distance2DM:)`: the distance measured beforehand, as the
    // coverage engine does (it measures distances first to skip cells).
    Benchmark("RSRP evaluations, distance given, 1M links, 1 core",
              configuration: configuration) { benchmark, links in
        recordRate(benchmark) { index in
            links.cells[Int(links.cell[index])].rsrpDBm(
                at: links.receivers[Int(links.receiver[index])], distance2DM: links.distanceM[index])
        }
    } setup: {
        try await Links(count: evaluationsPerRun)
    }

    // `PreparedCell.rsrpDBm(at:)`: haversine distance, range check and RSRP.
    Benchmark("RSRP evaluations with haversine distance, 1M links, 1 core",
              configuration: configuration) { benchmark, links in
        recordRate(benchmark) { index in
            links.cells[Int(links.cell[index])].rsrpDBm(at: links.receivers[Int(links.receiver[index])]) ?? 0
        }
    } setup: {
        try await Links(count: evaluationsPerRun)
    }
}

/// Evaluations per second.
func rate(_ count: Int, _ elapsed: Duration) -> Int {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return seconds > 0 ? Int((Double(count) / seconds).rounded()) : 0
}

/// Prepared cells and receivers of the default data, and `count` links between them within
/// the maximum range (village-major; repeated from the start if there are fewer).
struct Links {
    var cells: [PreparedCell]
    var receivers: [ReceiverPoint]
    var cell: [Int32] = []
    var receiver: [Int32] = []
    var distanceM: [Double] = []

    init(count: Int) async throws {
        let inputs = try await BenchmarkData.load(BenchmarkData.defaultData)
        let parameters = RadioModelParameters()
        cells = inputs.scenario.cells.map { PreparedCell($0, parameters: parameters) }
        receivers = inputs.scenario.villages.map { ReceiverPoint($0) }
        cell.reserveCapacity(count)
        receiver.reserveCapacity(count)
        distanceM.reserveCapacity(count)
        search: for (villageIndex, village) in receivers.enumerated() {
            for (cellIndex, prepared) in cells.enumerated() {
                let distance = prepared.location.distanceM(to: village.location)
                guard distance <= parameters.maxRangeM else { continue }
                cell.append(Int32(cellIndex))
                receiver.append(Int32(villageIndex))
                distanceM.append(distance)
                if cell.count == count { break search }
            }
        }
        precondition(!cell.isEmpty, "no cell within range of any village")
        var index = 0
        while cell.count < count {
            cell.append(cell[index])
            receiver.append(receiver[index])
            distanceM.append(distanceM[index])
            index += 1
        }
    }
}
