import PhusongSupport

extension Problem {
    /// What assigning administrative codes (``AdminCodeAssignment``) found about a village:
    /// always a warning, the village is used.
    public enum AssignmentFinding: Sendable, Hashable, CustomStringConvertible {
        /// The village lies in no polygon and none is within `limitKm`: no code assigned.
        case noUnitNear(village: String, limitKm: Int)
        /// The village lies in (`distanceM` nil) or is `distanceM` metres from the `level`
        /// unit `code` (named `name`), not the one its row gives (the value).
        case otherUnit(village: String, distanceM: Double?, level: AdminUnit.Level, code: String, name: String?)

        public var description: String {
            switch self {
            case .noUnitNear(let village, let limitKm):
                "village \(village) lies in no boundary polygon and none is within \(limitKm) km: no code assigned"
            case .otherUnit(let village, let distanceM, let level, let code, let name):
                "village \(village) " + (distanceM.map { "is \(NumberText.shortest($0.rounded())) m from" } ?? "lies in")
                    + " \(level.rawValue) \(code)" + (name.map { " (\($0))" } ?? "")
            }
        }
    }
}
