import PhusongCoverage
import PhusongSupport

/// `coverage.csv` of a partial (docs/tiles.md): one row per village of the tile, by the
/// village's index in the input (0-based, in file order after loading), with everything
/// `VillageCoverage` holds, so that the merge rebuilds every output from it. Reals are
/// written as Swift's shortest round-trip text, so they read back to the same doubles.
enum PartialCoverageCSV {
    static let header = [
        "village_index", "best_4g_cell", "best_4g_rsrp_dbm", "best_5g_cell", "best_5g_rsrp_dbm", "covered_4g", "covered_5g",
        "nearest_site", "nearest_site_m", "operator_coverage", "empirical_connected",
    ]

    /// The rows of the tile's villages.
    /// - Parameters:
    ///   - indices: the villages' indices in the input, ascending.
    ///   - coverage: their coverage (the terrain model's with terrain).
    ///   - empiricallyConnected: with terrain, their status under the empirical model alone.
    static func bytes(indices: [Int], coverage: [VillageCoverage], empiricallyConnected: [Bool]?) -> [UInt8] {
        var text = header.joined(separator: ",") + "\n"
        for (row, index) in indices.enumerated() {
            let result = coverage[row]
            var fields = [String(index)]
            fields += [result.best4G.map { String($0.cellIndex) } ?? "", result.best4G.map { "\($0.rsrpDBm)" } ?? ""]
            fields += [result.best5G.map { String($0.cellIndex) } ?? "", result.best5G.map { "\($0.rsrpDBm)" } ?? ""]
            fields += [String(result.covered4G), String(result.covered5G)]
            fields += [result.nearestSite.map { String($0.siteIndex) } ?? "", result.nearestSite.map { "\($0.distanceM)" } ?? ""]
            fields += [String(result.operatorCoverage), empiricallyConnected.map { String($0[row]) } ?? ""]
            text += fields.joined(separator: ",") + "\n"
        }
        return Array(text.utf8)
    }

    /// The rows of `bytes(indices:coverage:empiricallyConnected:)` read back.
    /// - Parameters:
    ///   - bytes: the file's bytes.
    ///   - path: the file, for messages.
    ///   - terrain: whether the run used terrain (`empirical_connected` is then required).
    /// - Throws: `PartialError` (invalid) naming the line, column and value.
    static func read(_ bytes: [UInt8], path: String, terrain: Bool) throws(PartialError) -> (
        indices: [Int], coverage: [VillageCoverage], empiricallyConnected: [Bool]?
    ) {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init) == header.joined(separator: ",") else {
            throw PartialError(.invalid, "\(path): line 1: expected the header \(header.joined(separator: ","))")
        }
        guard lines.last == "" else { throw PartialError(.invalid, "\(path): the last line is not complete") }
        var indices: [Int] = [], coverage: [VillageCoverage] = [], connected: [Bool] = []
        for (offset, line) in lines.dropFirst().dropLast().enumerated() {
            let lineNumber = offset + 2
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == header.count else {
                throw PartialError(.invalid, "\(path): line \(lineNumber): \(fields.count) fields, expected \(header.count)")
            }
            func fail(_ column: Int, _ allowed: String) -> PartialError {
                PartialError(.invalid, "\(path): line \(lineNumber), column \(header[column]): '\(fields[column])' is not \(allowed)")
            }
            func index(_ column: Int) throws(PartialError) -> Int? {
                if fields[column].isEmpty { return nil }
                guard let value = Int(fields[column]), value >= 0 else { throw fail(column, "an index (0 or more)") }
                return value
            }
            func real(_ column: Int) throws(PartialError) -> Double {
                guard let value = Double(fields[column]), value.isFinite else { throw fail(column, "a finite number") }
                return value
            }
            func flag(_ column: Int) throws(PartialError) -> Bool {
                switch fields[column] {
                case "true": return true
                case "false": return false
                default: throw fail(column, "true or false")
                }
            }
            guard let village = try index(0) else { throw fail(0, "an index (0 or more)") }
            if let previous = indices.last, village <= previous { throw fail(0, "above the row before's \(previous) (rows ascend)") }
            let best4G = try index(1).map { cell throws(PartialError) in VillageCoverage.BestServer(cellIndex: cell, rsrpDBm: try real(2)) }
            let best5G = try index(3).map { cell throws(PartialError) in VillageCoverage.BestServer(cellIndex: cell, rsrpDBm: try real(4)) }
            let nearest = try index(7).map { site throws(PartialError) in VillageCoverage.NearestSite(siteIndex: site, distanceM: try real(8)) }
            guard let operators = UInt64(fields[9]) else { throw fail(9, "an unsigned 64-bit integer") }
            indices.append(village)
            coverage.append(VillageCoverage(best4G: best4G, best5G: best5G, covered4G: try flag(5), covered5G: try flag(6),
                                            nearestSite: nearest, operatorCoverage: operators))
            if terrain { connected.append(try flag(10)) } else if !fields[10].isEmpty { throw fail(10, "empty (a run without terrain)") }
        }
        return (indices, coverage, terrain ? connected : nil)
    }
}
