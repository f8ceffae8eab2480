import PhusongSupport

extension Problem {
    /// A configuration file (TOML) or one of its settings cannot be used
    /// (docs/planners.md lists every setting with its range, ``SettingRanges``).
    public enum SettingFault: Sendable, Hashable, CustomStringConvertible {
        /// Not TOML: the parser's message (the problem gives its line and character).
        case syntax(message: String)
        /// Not TOML, with the error's words, when the parser gives no position.
        case notTOML(detail: String)
        /// A key the default configuration does not have (a typo would otherwise be ignored).
        case unknown
        /// A value where a table of settings (`[key]`) belongs.
        case expectedTable(key: String)
        /// A value of another type than the setting's.
        case expected(SettingType)
        /// A value of another type than the default's, shown as `defaultValue`.
        case expectedLike(defaultValue: String)
        /// A value the decoder refused: it expected `type`.
        case expectedDecodable(type: String)
        /// A setting absent where the decoder needs it.
        case missing
        /// A value the decoder refused, with its words.
        case undecodable(detail: String)
        /// A number outside its physical range.
        case outOfRange(PhysicalRange)
        /// `lower_band_edge_mhz` above `upper_band_edge_mhz`.
        case bandEdgesReversed
        /// `candidate_radius_km` more than `maxSteps` grid steps of `gridKm`.
        case radiusTooManySteps(maxSteps: Double, gridKm: Double)

        /// The types a setting can have.
        public enum SettingType: String, Sendable, Hashable {
            case number = "a number"
            case wholeNumber = "a whole number"
            case text = "text in quotes"
            case yesNo = "true or false"
        }

        public var description: String {
            switch self {
            case .syntax(let message): message
            case .notTOML(let detail): "not valid TOML: \(detail)"
            case .unknown: "unknown setting (see `phusong config --print-default`)"
            case .expectedTable(let key): "expected a table of settings ([\(key)])"
            case .expected(let type): "expected \(type.rawValue)"
            case .expectedLike(let defaultValue): "expected a value like the default's (\(defaultValue))"
            case .expectedDecodable(let type): "expected a value of type \(type)"
            case .missing: "missing"
            case .undecodable(let detail): detail
            case .outOfRange(let range): "must be within \(range)"
            case .bandEdgesReversed: "must not exceed upper_band_edge_mhz"
            case .radiusTooManySteps(let maxSteps, let gridKm):
                "must be at most \(NumberText.shortest(maxSteps)) × candidate_grid_km (\(NumberText.shortest(gridKm)) km)"
            }
        }
    }
}
