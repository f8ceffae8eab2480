import PhusongSupport

/// The phases of a plan (`plan --phases`, docs/planners.md "Phases"): budget tranches, each
/// action in one of them.
///
/// Syntax, one of:
/// - `N`, a whole number 1...100: N equal tranches of the plan's total cost, named `1`...`N`;
/// - `LABEL:AMOUNT,LABEL:AMOUNT,…`: tranches named by their labels (a year such as `2026`, or
///   any of letters, digits, `-`, `_`, `.`; each once), each with the *cumulative* budget
///   spent by its end, in billion VND like `--budget` and the costs (`2026:150,2027:400`:
///   150 billion in 2026, 250 more in 2027); amounts strictly increasing. The last amount
///   caps the plan like `--budget` (the smaller of the two when both are given).
///
/// Actions go to phases in order of priority: first the dead zones (new sites and satellite
/// terminals), then 5G (upgrades, 5G on new sites), within each the most people newly
/// covered per billion VND first (ties: plan.csv's order); each action goes to the first
/// phase whose cumulative budget covers what is spent up to and including it. 5G on a new
/// site always comes after the site itself.
public struct PlanPhases: Sendable, Hashable, CustomStringConvertible {
    /// How the tranches are given.
    public enum Tranches: Sendable, Hashable {
        /// N equal tranches of the total cost.
        case equal(Int)
        /// Labelled cumulative budgets, billion VND, increasing.
        case cumulative([Tranche])
    }

    /// A labelled tranche and the budget spent by its end.
    public struct Tranche: Sendable, Hashable {
        /// The phase's name (`2026`).
        public var label: String
        /// Cumulative budget by the end of the phase, billion VND.
        public var cumulativeBudget: Double
    }

    /// The tranches.
    public var tranches: Tranches

    /// The text given, as it was.
    public let description: String

    /// Reads the `--phases` syntax; nil when the text is not one of its forms.
    /// - Parameter text: `3` or `2026:150,2027:400`.
    public init?(_ text: String) {
        description = text
        if let count = Int(text) {
            guard (1...100).contains(count) else { return nil }
            tranches = .equal(count)
            return
        }
        var parsed: [Tranche] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count == 2, !pieces[0].isEmpty, pieces[0].count <= 40,
                  pieces[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }),
                  let amount = Double(pieces[1]), amount.isFinite, amount > 0,
                  amount > (parsed.last?.cumulativeBudget ?? 0), !parsed.contains(where: { $0.label == pieces[0] }) else { return nil }
            parsed.append(Tranche(label: String(pieces[0]), cumulativeBudget: amount))
        }
        tranches = .cumulative(parsed)
    }

    /// The syntax, for usage errors.
    public static let syntax = "N (1 to 100 equal tranches) or LABEL:AMOUNT,LABEL:AMOUNT,… (cumulative budgets in billion VND, increasing; labels of letters, digits, - _ .)"

    /// The budget the phases cap the plan at, billion VND (nil for equal tranches).
    public var budget: Double? {
        if case .cumulative(let tranches) = tranches { return tranches.last?.cumulativeBudget }
        return nil
    }

    /// The phases of a plan's actions.
    public struct Assignment: Sendable, Hashable {
        /// The phases' labels, in order.
        public var labels: [String]
        /// The phase of each action, parallel to the plan's actions.
        public var phaseOfAction: [String]
    }

    /// The phase of each action.
    /// - Parameter actions: the plan's actions in plan order.
    /// - Returns: the phases' labels and each action's.
    public func assign(_ actions: [PlanAction]) -> Assignment {
        let total = actions.reduce(0) { $0 + $1.cost }
        let tranches: [Tranche]
        switch self.tranches {
        case .equal(let count):
            tranches = (1...count).map { Tranche(label: String($0), cumulativeBudget: total * Double($0) / Double(count)) }
        case .cumulative(let given):
            tranches = given
        }
        func isDeadZone(_ kind: PlanAction.Kind) -> Bool { kind == .newSite || kind == .satellite }
        func worth(_ action: PlanAction) -> Double {
            action.cost > 0 ? Double(action.newlyCoveredPopulation) / action.cost : .infinity
        }
        let order = actions.indices.sorted { a, b in
            let first = actions[a], second = actions[b]
            if isDeadZone(first.kind) != isDeadZone(second.kind) { return isDeadZone(first.kind) }
            if worth(first) != worth(second) { return worth(first) > worth(second) }
            return a < b
        }
        var labels = Array(repeating: tranches.last?.label ?? "", count: actions.count)
        var spent = 0.0
        var phase = 0
        for index in order {
            spent += actions[index].cost
            // A millionth of a billion VND (1,000 VND) of slack for sums of decimal costs.
            while phase < tranches.count - 1, spent > tranches[phase].cumulativeBudget + 1e-6 { phase += 1 }
            labels[index] = tranches[phase].label
        }
        return Assignment(labels: tranches.map(\.label), phaseOfAction: labels)
    }
}
