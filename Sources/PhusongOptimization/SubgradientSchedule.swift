/// Step sizes and directions for subgradient optimisation of a Lagrangian dual (Held, Wolfe &
/// Crowder 1974; Fisher 1981, "The Lagrangian relaxation method for solving integer
/// programming problems").
///
/// Polyak's step t = θ · |L(λ) − target| / ‖d‖², with the target the best known primal value,
/// and θ halved whenever the dual value has not improved on the best one of this run for
/// `patience` iterations. The direction d is deflected: d = s + ½ d_previous (the modified
/// gradient technique of Camerini, Fratta & Maffioli 1975), which damps the zig-zag of plain
/// subgradient steps; on the maximal covering instances it brings the bound to within a few
/// units of the LP optimum in a few thousand iterations.
struct SubgradientSchedule: Sendable {
    private(set) var theta = 2.0
    private var sinceImprovement = 0
    private var best = Double.nan
    private var previous: [Double] = []
    private let patience: Int
    private let deflection = 0.5

    init(patience: Int = 100) { self.patience = patience }

    /// True when θ is too small for further steps to matter.
    var isExhausted: Bool { theta < 1e-6 }

    /// Notes the dual value of this iteration; `lower` says whether lower values are better.
    mutating func record(_ value: Double, lowerIsBetter: Bool) {
        if best.isNaN || (lowerIsBetter ? value < best : value > best) {
            best = value
            sinceImprovement = 0
        } else {
            sinceImprovement += 1
            if sinceImprovement >= patience {
                theta /= 2
                sinceImprovement = 0
            }
        }
    }

    /// The deflected direction for subgradient `subgradient`, and its step length for a dual
    /// value `value` and primal `target`; nil when the direction is zero.
    mutating func step(_ subgradient: [Double], value: Double, target: Double) -> (direction: [Double], length: Double)? {
        var direction = subgradient
        if previous.count == direction.count {
            for index in direction.indices { direction[index] += deflection * previous[index] }
        }
        previous = direction
        let normSquared = direction.reduce(0) { $0 + $1 * $1 }
        guard normSquared > 0 else { return nil }
        return (direction, theta * abs(value - target) / normSquared)
    }
}
