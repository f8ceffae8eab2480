/// Step sizes for subgradient optimisation of a Lagrangian dual (Held, Wolfe & Crowder 1974;
/// Fisher 1981, "The Lagrangian relaxation method for solving integer programming problems"):
/// Polyak's step t = θ · |L(λ) − target| / ‖s‖², with the target the best known primal value,
/// and θ halved whenever the best dual value has not improved for `patience` iterations.
struct SubgradientSchedule: Sendable {
    private(set) var theta = 2.0
    private var sinceImprovement = 0
    private let patience: Int

    init(patience: Int = 25) { self.patience = patience }

    /// True when θ is too small for further steps to matter.
    var isExhausted: Bool { theta < 1e-6 }

    /// Notes whether this iteration improved the best dual value.
    mutating func record(improved: Bool) {
        if improved {
            sinceImprovement = 0
        } else {
            sinceImprovement += 1
            if sinceImprovement >= patience {
                theta /= 2
                sinceImprovement = 0
            }
        }
    }

    /// The step length for a dual value `value`, a primal `target` and a subgradient of
    /// squared norm `normSquared` (> 0).
    func step(value: Double, target: Double, normSquared: Double) -> Double {
        theta * abs(value - target) / normSquared
    }
}
