import PhusongCoverage
import PhusongTestSupport
import Testing
@testable import PhusongPlanning

@Suite("Maximal covering inputs")
struct MCLPLoaderTests {
    private let demand = "id,x,y,weight,note\na,0,0,10,x\nb,3,4,5,\nc,10,0,2.5,\n"
    private let candidates = "id,x,y\nA,0,0\nB,10,0\n"

    /// The problems `load` reports for these files (nil files are left out).
    private func problems(
        demand: String? = nil, candidates: String? = nil, fixed: String? = nil, matrix: String? = nil,
        metric: DistanceMetric = .euclidean
    ) throws -> [String] {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let paths = MCLPLoader.Paths(
            demand: try files.write("demand.csv", demand ?? self.demand),
            candidates: try files.write("candidates.csv", candidates ?? self.candidates),
            fixed: try fixed.map { try files.write("fixed.csv", $0) },
            costMatrix: try matrix.map { try files.write("matrix.csv", $0) })
        do {
            _ = try MCLPLoader.load(paths, metric: metric)
            return []
        } catch {
            return error.problems.map { $0.description.replacingOccurrences(of: files.folder.path + "/", with: "") }
        }
    }

    @Test("a good instance loads: ids as text, extra columns ignored, coverage inclusive at distance S")
    func loads() async throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let paths = MCLPLoader.Paths(
            demand: try files.write("demand.csv", demand), candidates: try files.write("candidates.csv", candidates),
            fixed: try files.write("fixed.txt", "B\n"))
        let instance = try MCLPLoader.load(paths, metric: .euclidean)
        #expect(instance.demandIDs == ["a", "b", "c"] && instance.weights == [10, 5, 2.5])
        #expect(instance.candidateIDs == ["A", "B"] && instance.fixed == [1])
        let problem = try await MaximalCovering.problem(instance, radius: 5, threads: 1)
        #expect(problem.coverage == [[0, 1], [2]])
        let result = try await MaximalCovering.solve(instance, radius: 5, facilities: 2)
        #expect(result.facilityIDs == ["A", "B"] && result.solution.objective == 17.5 && result.totalWeight == 17.5)
    }

    @Test("bad values are reported as file:line: column: value: reason, all of them")
    func badValues() throws {
        let found = try problems(demand: "id,x,y,weight\na,0,0,ten\nb,1,,3\na,2,2,-1\n")
        #expect(found == [
            "demand.csv:2: weight: ten: not a number",
            "demand.csv:3: y: (empty): required value missing",
            "demand.csv:4: id: a: id appears twice (first on line 2)",
            "demand.csv:4: weight: -1: weight must be >= 0",
        ])
    }

    @Test("a missing column is named on the header line")
    func missingColumn() throws {
        #expect(try problems(candidates: "id,x\nA,0\n") == [
            "candidates.csv:1: header: missing required column 'y' (expected a header like: id,x,y)",
        ])
    }

    @Test("haversine: coordinates must be longitude/latitude")
    func haversineRanges() throws {
        #expect(try problems(candidates: "id,x,y\nA,200,10\nB,105,-95\n", metric: .haversine) == [
            "candidates.csv:2: x: 200: longitude must be within -180..180 (haversine: x is the longitude)",
            "candidates.csv:3: y: -95: latitude must be within -90..90 (haversine: y is the latitude)",
        ])
    }

    @Test("fixed facilities: one id per line or an id column; unknown and repeated ids are errors")
    func fixedFile() throws {
        #expect(try problems(fixed: "A\nZ\nA\n") == [
            "fixed.csv:2: id: Z: no candidate has this id",
            "fixed.csv:3: id: A: listed twice (first on line 1)",
        ])
        #expect(try problems(fixed: "name,id\nfirst,B\n").isEmpty)
        #expect(try problems(fixed: "a,b\n1,2\n") == [
            "fixed.csv:1: header: a,b: expected one candidate id per line, or a CSV with an 'id' column",
        ])
    }

    @Test("cost matrix: coordinates are not needed; unknown ids, bad distances and repeated pairs are errors")
    func costMatrix() throws {
        let matrix = "demand_id,candidate_id,distance_m\na,A,10\na,Q,3\nb,A,-2\na,A,11\n"
        #expect(try problems(demand: "id,weight\na,1\nb,2\n", candidates: "id\nA\n", matrix: matrix) == [
            "matrix.csv:3: candidate_id: Q: no candidate has this id",
            "matrix.csv:4: distance_m: -2: distance must be >= 0",
            "matrix.csv:5: demand_id: a: the pair (a, A) is given twice (first on line 2)",
        ])
    }

    @Test("a missing file is 'file not found'; an empty one says so")
    func missingAndEmpty() throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        #expect(throws: LoadError.self) {
            try MCLPLoader.load(.init(demand: files.path("nope.csv"), candidates: files.path("nope.csv")), metric: .euclidean)
        }
        #expect(try problems(demand: "") == ["demand.csv: the file is empty (expected a header line)"])
        #expect(try problems(candidates: "id,x,y\n") == ["candidates.csv: the file has a header but no candidate sites"])
    }

    @Test("CSV tables: quoted fields, CRLF, BOM, line numbers; numbers refuse nan and inf")
    func csvTable() throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let path = try files.write("t.csv", "\u{FEFF}id,name\r\n1,\"a, \"\"b\"\"\"\r\n\r\n2,c\r\n")
        let table = try CSVTable.read(path)
        #expect(table.header == ["id", "name"] && table.headerLine == 1)
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(table.rows[0].fields == ["1", "a, \"b\""])
        #expect(table.column("NAME") == 1)
        #expect(CSVTable.number("1e3") == 1000 && CSVTable.number("-2.5") == -2.5)
        #expect(CSVTable.number("nan") == nil && CSVTable.number("inf") == nil && CSVTable.number("0x10") == nil)
    }
}
