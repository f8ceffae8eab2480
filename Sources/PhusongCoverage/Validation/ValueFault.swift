import PhusongSupport

extension Problem {
    /// One value of one row is refused, or deserves a look (docs/specs/data-formats.md §5, "Bad
    /// input"; the ranges are ``InputColumnRanges``).
    public enum ValueFault: Sendable, Hashable, CustomStringConvertible {
        /// A required value is blank.
        case missing
        /// Not a decimal number.
        /// - `coordinate`: the coordinate the value should have been, named in the message.
        case notANumber(coordinate: Coordinate?)
        /// A number outside its physical range (`noun` says what it is: "carrier frequency").
        case implausible(noun: String, range: PhysicalRange)
        /// A longitude or latitude outside the degrees it can take.
        case notACoordinate(Coordinate)
        /// A count below zero.
        case negative
        /// A count with a fraction.
        case notWhole
        /// Not one of the yes/no spellings.
        case notYesNo
        /// A word that is not one of the `allowed` ones of the column `name` (contract name).
        case unknownChoice(name: String, allowed: [String])
        /// A numeric administrative code shorter than its `digits`, as a spreadsheet leaves
        /// it; `padded` is the code it probably was.
        case lostLeadingZeros(digits: Int, padded: String)
        /// Bytes that are not UTF-8: the first bad `byte` at 1-based `position` in the value.
        case notUTF8(byte: UInt8?, position: Int)
        /// An id already used on `firstLine`.
        case duplicateID(firstLine: Int)
        /// The value of `column` already appears on `firstLine`.
        case appearsTwice(column: String, firstLine: Int)
        /// An id listed already on `firstLine`.
        case listedTwice(firstLine: Int)
        /// The pair (`first`, `second`) already given on `firstLine`.
        case pairTwice(first: String, second: String, firstLine: Int)
        /// An id that names nothing of the other file (`what`: "candidate").
        case unknownID(of: String)
        /// A new candidate site with the id of a site of the cells files.
        case existingSiteID
        /// A candidate id of the planner's own forms (`DZ-<village id>`, `G<row>_<column>`).
        case plannerID
        /// A plan's action that the inputs contradict (`report --plan`): why.
        case planMismatch(String)
        /// A number outside `lowest`...`highest` (`quantity`: "weight"); `note` says why or
        /// what to do.
        case outside(quantity: String, lowest: Double, highest: Double, note: String?)
        /// A number below `lowest` (`quantity`: "distance").
        case below(quantity: String, lowest: Double)
        /// Longitude and latitude that look swapped: outside `area`, inside once swapped.
        case swapped(area: StudyArea)
        /// A point outside the study area (a warning).
        case outsideStudyArea(StudyArea)
        /// A cell `distanceM` metres from the first cell of its site, on `firstLine` (of
        /// `firstFile` when another file); `position` is the cell's as written.
        case siteSpread(position: String, distanceM: Double, firstLine: Int, firstFile: String?)
        /// A cell whose site belongs to `firstOperator` on `firstLine` (a warning).
        case siteOperator(site: String, firstOperator: String, firstLine: Int)

        /// Longitude or latitude, with the degrees each can take.
        public enum Coordinate: String, Sendable, Hashable {
            case longitude, latitude

            /// The degrees a coordinate can take: ``InputColumnRanges/longitude`` and
            /// ``InputColumnRanges/latitude``.
            public var range: PhysicalRange {
                self == .longitude ? InputColumnRanges.longitude.range : InputColumnRanges.latitude.range
            }

            /// `longitude -180..180`.
            var withBounds: String { "\(rawValue) \(NumberText.shortest(range.lowest))..\(NumberText.shortest(range.highest))" }
        }

        public var description: String {
            switch self {
            case .missing: "required value missing"
            case .notANumber(let coordinate): "not a number" + (coordinate.map { " (must be a \($0.withBounds))" } ?? "")
            case .implausible(let noun, let range): "not a plausible \(noun) (must be \(range))"
            case .notACoordinate(let coordinate):
                "not a \(coordinate.rawValue) (must be \(NumberText.shortest(coordinate.range.lowest))..\(NumberText.shortest(coordinate.range.highest)))"
            case .negative: "must not be negative"
            case .notWhole: "not a whole number"
            case .notYesNo: "not a yes/no value (use true/false, 1/0, yes/no or y/n)"
            case .unknownChoice(let name, let allowed):
                "unknown \(name.replacingOccurrences(of: "_", with: " ")) (expected \(Self.alternatives(allowed)))"
            case .lostLeadingZeros(let digits, let padded):
                "a \(digits)-digit code lost its leading zeros (a spreadsheet may have turned '\(padded)' into a number): store codes as text"
            case .notUTF8(let byte, let position):
                "not valid UTF-8 (byte 0x\(byte.map { String($0, radix: 16, uppercase: true) } ?? "?") at position \(position) of the value): "
                    + "save the file with UTF-8 encoding"
            case .duplicateID(let line): "duplicate id (first on line \(line))"
            case .appearsTwice(let column, let line): "\(column) appears twice (first on line \(line))"
            case .listedTwice(let line): "listed twice (first on line \(line))"
            case .pairTwice(let first, let second, let line): "the pair (\(first), \(second)) is given twice (first on line \(line))"
            case .unknownID(let what): "no \(what) has this id"
            case .existingSiteID: "an existing site of the cells files has this id: a new site needs an id of its own"
            case .plannerID:
                "ids DZ-<village id> and G<row>_<column> name the planner's own candidates: give this candidate another id"
            case .planMismatch(let why): "the action does not match the inputs: " + why
            case .outside(let quantity, let lowest, let highest, let note):
                "\(quantity) must be within \(Self.bound(lowest))..\(Self.bound(highest))" + (note.map { " (\($0))" } ?? "")
            case .below(let quantity, let lowest): "\(quantity) must be >= \(NumberText.shortest(lowest))"
            case .swapped(let area):
                "longitude and latitude look swapped (the point is outside the study area, \(area.lonLatRanges), and inside it once swapped)"
            case .outsideStudyArea(let area): "outside the study area (\(area.lonLatRanges))"
            case .siteSpread(let position, let distanceM, let firstLine, let firstFile):
                "this cell (\(position)) is \(NumberText.fixed(distanceM / 1000, decimals: 1)) km from the site's first cell on line \(firstLine)"
                    + (firstFile.map { " of " + $0 } ?? "") + "; a site's cells must lie within 1 km"
            case .siteOperator(let site, let firstOperator, let firstLine):
                "site \(site) belongs to \(firstOperator) on line \(firstLine)"
            }
        }

        /// True for a finding that leaves the row usable.
        public var isWarning: Bool {
            switch self {
            case .outsideStudyArea, .siteOperator: true
            default: false
            }
        }

        /// `a`, `a or b`, `a, b or c`.
        private static func alternatives(_ words: [String]) -> String {
            guard let last = words.last, words.count > 1 else { return words.first ?? "" }
            return words.dropLast().joined(separator: ", ") + " or " + last
        }

        /// A bound as the loaders' messages write it: a power of ten from a million up as
        /// `1e9`, other numbers as in CSV outputs.
        private static func bound(_ value: Double) -> String {
            if let exponent = powerOfTen(abs(value)) { return (value < 0 ? "-" : "") + "1e\(exponent)" }
            return NumberText.shortest(value)
        }

        /// n when `value` is exactly 10^n with n in 6...22 (powers of ten exact as doubles).
        private static func powerOfTen(_ value: Double) -> Int? {
            var power = 1e6
            for exponent in 6...22 {
                if power == value { return exponent }
                power *= 10
            }
            return nil
        }
    }
}
