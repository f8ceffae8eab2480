import Foundation
import PhusongCoverage

/// A villages.csv + cells.csv pair the suites run on, with the label used in benchmark names.
public struct DataSet: Sendable, Hashable {
    /// Short label for benchmark names ("default", "national 2025", "Dien Bien").
    public var label: String
    public var villages: String
    public var cells: String

    public var paths: InputPaths { InputPaths(villages: villages, cells: cells) }

    /// A data set of the two files, named `label` in benchmark names.
    public init(label: String, villages: String, cells: String) {
        self.label = label
        self.villages = villages
        self.cells = cells
    }
}

/// Where the benchmark inputs are: the embedded default data of the repository (always there)
/// and the public data in `../shared/geodata` beside the checkout, or under `$PHUSONG_SHARED`
/// (the folder that holds `geodata/`), when present.
public enum BenchmarkData {
    /// The phusong repository: the parent of the Benchmarks package (this file is
    /// `<repo>/Benchmarks/Sources/PhusongBenchmarkSupport/BenchmarkData.swift`).
    public static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The shared folder: `$PHUSONG_SHARED`, else `../shared` beside the repository
    /// (`../../shared` from the Benchmarks package).
    public static let shared: String = {
        if let path = ProcessInfo.processInfo.environment["PHUSONG_SHARED"], !path.isEmpty { return path }
        return URL(fileURLWithPath: repository).deletingLastPathComponent().appendingPathComponent("shared").path
    }()

    public static var geodata: String { shared + "/geodata" }

    /// `geodata/default` of the repository: 3,700 villages and 2,274 cells, always present.
    public static let defaultData = DataSet(
        label: "default", villages: repository + "/geodata/default/villages.csv",
        cells: repository + "/geodata/default/cells.csv")

    /// The national 2025 scenario (106,445 villages, 341,154 cells) when present.
    public static func national(suite: String) -> DataSet? {
        let folder = geodata + "/vn-national-2025"
        let set = DataSet(label: "national 2025", villages: folder + "/villages.csv", cells: folder + "/cells.csv")
        return present(set, suite: suite, what: "national 2025 scenario")
    }

    /// The Điện Biên subset of the national scenario (1,100 villages, 1,545 cells) when present.
    public static func dienBien(suite: String) -> DataSet? {
        let folder = geodata + "/vn-national-2025/subset-dienbien"
        let set = DataSet(label: "Dien Bien", villages: folder + "/villages.csv", cells: folder + "/cells.csv")
        return present(set, suite: suite, what: "Dien Bien subset")
    }

    /// The 2025 ward boundaries (3,321 communes and wards, simplified) when present.
    public static func wards(suite: String) -> String? {
        file(geodata + "/vn-admin-2025/vn_wards_3321_simplified.geojson", suite: suite, what: "2025 ward boundaries")
    }

    /// The 2025 province boundaries (34 provinces, simplified) when present.
    public static func provinces(suite: String) -> String? {
        file(geodata + "/vn-admin-2025/vn_provinces_34_simplified.geojson", suite: suite, what: "2025 province boundaries")
    }

    /// The published maximal covering instances when present.
    public static func mclpInstances(suite: String) -> String? {
        file(geodata + "/mclp-instances/OPTIMA.csv", suite: suite, what: "MCLP instances")
            .map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
    }

    private static func present(_ set: DataSet, suite: String, what: String) -> DataSet? {
        let manager = FileManager.default
        for path in [set.villages, set.cells] where !manager.fileExists(atPath: path) {
            skipped(suite: suite, what: what, missing: path)
            return nil
        }
        return set
    }

    private static func file(_ path: String, suite: String, what: String) -> String? {
        guard FileManager.default.fileExists(atPath: path) else {
            skipped(suite: suite, what: what, missing: path)
            return nil
        }
        return path
    }

    /// Says, on standard error, which benchmarks are left out and why.
    public static func skipped(suite: String, what: String, missing path: String) {
        let line = "[\(suite)] skipped: \(what) benchmarks: \(path) not found "
            + "(put the public data in ../shared beside the checkout, or set PHUSONG_SHARED=/path/to/shared)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Loads villages and cells (and boundaries, when given) the way `phusong` does: bad rows stop.
    public static func load(_ set: DataSet, admin: [String] = [], threads: Int = 2) async throws -> LoadedInputs {
        try await ScenarioLoader.load(
            InputPaths(villages: set.villages, cells: set.cells, admin: admin), policy: .stop, threads: threads)
    }
}
