import Foundation
import PhusongCoverage

/// The radio model's evaluation rate on one core, measured in isolation: what a floor
/// estimate divides the engine's work by (`SearchStatistics`): "at this rate, the RSRP
/// evaluations the search made take at least this long, whatever the search does".
public enum RadioThroughput {
    public struct Rate: Sendable {
        /// Haversine distance + RSRP of one (cell, village) pair, per second on one core.
        public var pairsPerSecond: Double
        /// RSRP alone (distance given), per second on one core.
        public var rsrpPerSecond: Double
    }

    /// Evaluates every pair of a fixed synthetic sample (2,000 villages × 64 cells of all
    /// bands and area types) repeatedly for at least `minimumDuration`, five times, and returns
    /// the median rates. Runs on the calling thread.
    public static func measure(minimumDuration: Duration = .milliseconds(300)) throws -> Rate {
        let scenario = try SyntheticScenario.generate(SyntheticScenarioParameters(villageCount: 2_000, seed: 7))
        let parameters = RadioModelParameters()
        let stride = max(1, scenario.cells.count / 64)
        let cells = Swift.stride(from: 0, to: scenario.cells.count, by: stride).prefix(64).map {
            PreparedCell(scenario.cells[$0], parameters: parameters)
        }
        let receivers = scenario.villages.map(ReceiverPoint.init)
        let distances = receivers.map { receiver in cells.map { $0.location.distanceM(to: receiver.location) } }
        let pairs = Double(cells.count * receivers.count)

        func timed(_ body: () -> Double) -> Double {
            let clock = ContinuousClock()
            var rounds = 0
            var sink = 0.0
            let start = clock.now
            repeat {
                sink += body()
                rounds += 1
            } while clock.now - start < minimumDuration
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            // `sink` keeps the optimiser from dropping the work; it is never NaN for real links.
            return sink.isNaN ? 0 : pairs * Double(rounds) / seconds
        }
        var pairRates: [Double] = []
        var rsrpRates: [Double] = []
        for _ in 0..<5 {
            pairRates.append(timed {
                var total = 0.0
                for receiver in receivers {
                    for cell in cells {
                        total += cell.rsrpDBm(at: receiver, distance2DM: cell.location.distanceM(to: receiver.location))
                    }
                }
                return total
            })
            rsrpRates.append(timed {
                var total = 0.0
                for (index, receiver) in receivers.enumerated() {
                    for (position, cell) in cells.enumerated() {
                        total += cell.rsrpDBm(at: receiver, distance2DM: distances[index][position])
                    }
                }
                return total
            })
        }
        return Rate(pairsPerSecond: pairRates.sorted()[2], rsrpPerSecond: rsrpRates.sorted()[2])
    }
}
