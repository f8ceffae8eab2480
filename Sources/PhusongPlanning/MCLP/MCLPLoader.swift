import PhusongCoverage

/// Reads a maximal covering instance from CSV files: demand `id,x,y,weight`, candidates
/// `id,x,y`, optionally fixed candidates (one id per line, or a CSV with an `id` column) and a
/// distance matrix `demand_id,candidate_id,distance_m` (then coverage follows the matrix and
/// the coordinates are neither needed nor read). Ids are text (`060750101.00` stays as
/// written), non-empty and unique within a file. Extra columns are ignored.
///
/// Ranges, so that the answer is a true figure and the search is bounded: weights 0..1e15
/// and their total at most `maximumTotalWeight` (1e15: a double holds every integer to 2^53
/// ≈ 9.007e15, so sums of whole weights stay exact and others within about 0.1); planar
/// coordinates within ±`maximumPlanarCoordinate` (1e9, e.g. metres: a thousand times the
/// size of any map projection of the Earth); lon/lat within ±180/±90 for haversine.
public enum MCLPLoader {
    /// The largest weight, and the largest total of the weights.
    public static let maximumTotalWeight = 1e15
    /// The largest absolute planar (euclidean) coordinate.
    public static let maximumPlanarCoordinate = 1e9

    public struct Paths: Sendable, Hashable {
        public var demand: String
        public var candidates: String
        public var fixed: String?
        public var costMatrix: String?

        public init(demand: String, candidates: String, fixed: String? = nil, costMatrix: String? = nil) {
            self.demand = demand
            self.candidates = candidates
            self.fixed = fixed
            self.costMatrix = costMatrix
        }
    }

    /// - Throws: `LoadError` listing every problem found, each as `file:line: column: value:
    ///   reason` ("file not found" for a missing file).
    public static func load(_ paths: Paths, metric: DistanceMetric) throws(LoadError) -> MCLPInstance {
        let useCoordinates = paths.costMatrix == nil
        let demandTable = try CSVTable.read(paths.demand)
        let candidateTable = try CSVTable.read(paths.candidates)
        let demand = readPoints(demandTable, weighted: true, coordinates: useCoordinates ? metric : nil)
        let candidates = readPoints(candidateTable, weighted: false, coordinates: useCoordinates ? metric : nil)
        var problems = demand.problems + candidates.problems
        if !problems.isEmpty { throw LoadError(problems: problems) }

        let demandIndex = Dictionary(demand.ids.enumerated().map { ($1, $0) }) { first, _ in first }
        let candidateIndex = Dictionary(candidates.ids.enumerated().map { ($1, $0) }) { first, _ in first }
        var fixed: [Int] = []
        if let path = paths.fixed {
            let result = readFixed(try CSVTable.read(path), candidateIndex: candidateIndex)
            fixed = result.fixed
            problems += result.problems
        }
        var distances = MCLPInstance.Distances.coordinates(demand: demand.points, candidates: candidates.points, metric: metric)
        if let path = paths.costMatrix {
            let result = readMatrix(try CSVTable.read(path), demandIndex: demandIndex, candidateIndex: candidateIndex)
            distances = .matrix(result.entries)
            problems += result.problems
        }
        if !problems.isEmpty { throw LoadError(problems: problems) }
        return MCLPInstance(demandIDs: demand.ids, weights: demand.weights, candidateIDs: candidates.ids, fixed: fixed, distances: distances)
    }

    private struct PointsRead {
        var ids: [String] = []
        var weights: [Double] = []
        var points: [MCLPInstance.Point] = []
        var problems: [Problem] = []
    }

    /// Demand (with `weight`) or candidate rows; coordinates are read and checked against
    /// `coordinates` (nil: not read).
    private static func readPoints(_ table: CSVTable, weighted: Bool, coordinates: DistanceMetric?) -> PointsRead {
        let required = ["id"] + (coordinates == nil ? [] : ["x", "y"]) + (weighted ? ["weight"] : [])
        var fields = TableFields(table, required: required, example: weighted ? "id,x,y,weight" : "id,x,y")
        var read = PointsRead()
        guard fields.problems.isEmpty else {
            read.problems = fields.problems
            return read
        }
        var firstLine: [String: Int] = [:]
        let longitude: (Double) -> Problem.ValueFault? = {
            abs($0) <= 180 ? nil : .outside(quantity: "longitude", lowest: -180, highest: 180, note: "haversine: x is the longitude")
        }
        let latitude: (Double) -> Problem.ValueFault? = {
            abs($0) <= 90 ? nil : .outside(quantity: "latitude", lowest: -90, highest: 90, note: "haversine: y is the latitude")
        }
        let planar: (Double) -> Problem.ValueFault? = {
            abs($0) <= maximumPlanarCoordinate ? nil : .outside(
                quantity: "planar coordinates", lowest: -maximumPlanarCoordinate, highest: maximumPlanarCoordinate,
                note: "e.g. metres; euclidean metric")
        }
        let weightRange: (Double) -> Problem.ValueFault? = {
            $0 < 0 ? .below(quantity: "weight", lowest: 0)
                : $0 > maximumTotalWeight
                ? .outside(quantity: "weight", lowest: 0, highest: maximumTotalWeight, note: "scale the weights down") : nil
        }
        var total = 0.0
        for row in table.rows {
            let id = fields.uniqueText(row, "id", firstLine: &firstLine)
            let weight = weighted ? fields.number(row, "weight", check: weightRange) : 0
            var point = MCLPInstance.Point(x: 0, y: 0)
            if let metric = coordinates {
                let x = fields.number(row, "x", check: metric == .haversine ? longitude : planar)
                let y = fields.number(row, "y", check: metric == .haversine ? latitude : planar)
                point = MCLPInstance.Point(x: x ?? 0, y: y ?? 0)
            }
            if let id, let weight {
                total += weight
                read.ids.append(id)
                read.weights.append(weight)
                read.points.append(point)
            }
        }
        if table.rows.isEmpty { fields.fail(.headerOnly(rows: weighted ? "demand points" : "candidate sites")) }
        if total > maximumTotalWeight { fields.fail(.weightsTooLarge(total: total)) }
        read.problems = fields.problems
        return read
    }

    /// Fixed candidates: a CSV with an `id` column, or one id per line (no header).
    private static func readFixed(_ table: CSVTable, candidateIndex: [String: Int]) -> (fixed: [Int], problems: [Problem]) {
        var problems: [Problem] = []
        var entries: [(line: Int, id: String)]
        if let column = table.column("id") {
            entries = table.rows.compactMap { column < $0.fields.count && !$0.fields[column].isEmpty ? ($0.line, $0.fields[column]) : nil }
        } else if table.header.count == 1, table.rows.allSatisfy({ $0.fields.count == 1 }) {
            entries = [(table.headerLine, table.header[0])] + table.rows.map { ($0.line, $0.fields[0]) }
        } else {
            return ([], [Problem(file: table.file, line: table.headerLine, column: "header", value: table.header.joined(separator: ","),
                                 reason: .table(.notAnIDList))])
        }
        var fixed: [Int] = []
        var firstLine: [String: Int] = [:]
        for (line, id) in entries {
            if let earlier = firstLine[id] {
                problems.append(Problem(file: table.file, line: line, column: "id", value: id, reason: .value(.listedTwice(firstLine: earlier))))
            } else if let index = candidateIndex[id] {
                firstLine[id] = line
                fixed.append(index)
            } else {
                problems.append(Problem(file: table.file, line: line, column: "id", value: id, reason: .value(.unknownID(of: "candidate"))))
            }
        }
        return (fixed, problems)
    }

    private static func readMatrix(
        _ table: CSVTable, demandIndex: [String: Int], candidateIndex: [String: Int]
    ) -> (entries: [MCLPInstance.DistanceEntry], problems: [Problem]) {
        var fields = TableFields(table, required: ["demand_id", "candidate_id", "distance_m"], example: "demand_id,candidate_id,distance_m")
        guard fields.problems.isEmpty else { return ([], fields.problems) }
        var entries: [MCLPInstance.DistanceEntry] = []
        var firstLine: [Int: Int] = [:]
        for row in table.rows {
            let demandID = fields.text(row, "demand_id")
            let candidateID = fields.text(row, "candidate_id")
            let metres = fields.number(row, "distance_m") { $0 >= 0 ? nil : .below(quantity: "distance", lowest: 0) }
            let demand = demandID.flatMap { demandIndex[$0] }
            let candidate = candidateID.flatMap { candidateIndex[$0] }
            if let demandID, demand == nil { fields.fail(row, "demand_id", value: demandID, .unknownID(of: "demand point")) }
            if let candidateID, candidate == nil { fields.fail(row, "candidate_id", value: candidateID, .unknownID(of: "candidate")) }
            guard let demand, let candidate, let metres else { continue }
            let pair = demand * candidateIndex.count + candidate
            if let earlier = firstLine[pair] {
                fields.fail(row, "demand_id", value: demandID ?? "",
                            .pairTwice(first: demandID ?? "", second: candidateID ?? "", firstLine: earlier))
                continue
            }
            firstLine[pair] = row.line
            entries.append(MCLPInstance.DistanceEntry(demand: demand, candidate: candidate, metres: metres))
        }
        return (entries, fields.problems)
    }
}
