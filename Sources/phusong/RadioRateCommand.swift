import ArgumentParser
import Foundation
import PhusongSynthetic
import PhusongSupport

/// `phusong radio-rate`: the radio model's evaluation rate on one core, for floor estimates.
struct RadioRateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "radio-rate",
        abstract: "Measure the radio model's evaluations per second on one core (for floor estimates).",
        discussion: """
        Evaluates a fixed synthetic sample of (cell, village) pairs for a few seconds and prints \
        the median rate of distance + RSRP and of RSRP alone. Divide the 'RSRP evaluations' that \
        'report' prints by the rate (and by the number of cores) for the least time the coverage \
        search could take with this radio model. Use a release build.
        """
    )

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let rate = try RadioThroughput.measure()
        if json {
            Terminal.output("{\"pairs_per_second\": \(NumberText.fixed(rate.pairsPerSecond, decimals: 0)), \"rsrp_per_second\": \(NumberText.fixed(rate.rsrpPerSecond, decimals: 0))}")
        } else {
            Terminal.output("distance + RSRP: \(NumberText.fixed(rate.pairsPerSecond / 1e6, decimals: 2)) million pairs/s on one core")
            Terminal.output("RSRP alone:      \(NumberText.fixed(rate.rsrpPerSecond / 1e6, decimals: 2)) million evaluations/s on one core")
        }
    }
}
