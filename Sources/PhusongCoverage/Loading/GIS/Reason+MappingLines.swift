extension Problem.Reason {
    /// The reason with the lines it names (an earlier row: "first on line N") passed through
    /// `map`, for a table read from a GIS layer, whose rows are features (`GISTable`). Lines
    /// of another file (a site's first cell in an earlier cells file) are left as they are.
    func mappingLines(_ map: (Int) -> Int) -> Problem.Reason {
        guard case .value(let fault) = self else { return self }
        switch fault {
        case .duplicateID(let line): return .value(.duplicateID(firstLine: map(line)))
        case .appearsTwice(let column, let line): return .value(.appearsTwice(column: column, firstLine: map(line)))
        case .listedTwice(let line): return .value(.listedTwice(firstLine: map(line)))
        case .pairTwice(let first, let second, let line):
            return .value(.pairTwice(first: first, second: second, firstLine: map(line)))
        case .siteSpread(let position, let distance, let line, nil):
            return .value(.siteSpread(position: position, distanceM: distance, firstLine: map(line), firstFile: nil))
        case .siteOperator(let site, let firstOperator, let line):
            return .value(.siteOperator(site: site, firstOperator: firstOperator, firstLine: map(line)))
        default: return self
        }
    }
}
