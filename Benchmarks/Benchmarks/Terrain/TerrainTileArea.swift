import Foundation
import PhusongBenchmarkSupport

/// Issue 17's benchmark (a): the national 2025 scenario's villages and cells inside the real
/// SRTM tile N21E105 (21–22° N, 105–106° E, bounds closed), the inputs of
/// `scripts/terrain-tile-area.sh` (8,168 villages, 39,099 cells). Written once per run of the
/// suite, by the same rule as that script's awk filter, into a temporary folder.
enum TerrainTileArea {
    /// The folder of real SRTM 3″ tiles (`geodata/vn-dem-srtm3`, holding N21E105.hgt).
    static let tiles = BenchmarkData.geodata + "/vn-dem-srtm3"

    /// The subset as a data set, nil (with a message) without the national scenario or the tile.
    static let dataSet: DataSet? = {
        guard let national = BenchmarkData.national(suite: "Terrain") else { return nil }
        guard FileManager.default.fileExists(atPath: tiles + "/N21E105.hgt") else {
            BenchmarkData.skipped(suite: "Terrain", what: "terrain tile-area", missing: tiles + "/N21E105.hgt")
            return nil
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phusong-bench-terrain-\(UUID().uuidString)")
        let set = DataSet(label: "N21E105 tile area", villages: folder.appendingPathComponent("villages.csv").path,
                          cells: folder.appendingPathComponent("cells.csv").path)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try subset(national.villages).write(toFile: set.villages, atomically: true, encoding: .utf8)
            try subset(national.cells).write(toFile: set.cells, atomically: true, encoding: .utf8)
        } catch {
            print("Terrain: skipped the tile-area benchmarks: \(error)")
            return nil
        }
        return set
    }()

    /// The header and the rows of a national CSV whose `lat` is in 21…22 and `lon` in 105…106.
    /// The national files have no quoted fields (a quote stops the benchmark: the plain split
    /// below would misread it).
    static func subset(_ path: String) throws -> String {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
              let lon = header.firstIndex(of: "lon"), let lat = header.firstIndex(of: "lat") else {
            throw SubsetError(path: path, reason: "no lon and lat columns in the header")
        }
        var kept = [String(lines[0])]
        for line in lines.dropFirst() {
            guard !line.contains("\"") else { throw SubsetError(path: path, reason: "a quoted field: \(line)") }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == header.count, let x = Double(fields[lon]), let y = Double(fields[lat]) else {
                throw SubsetError(path: path, reason: "a row without numeric lon and lat: \(line)")
            }
            if (21...22).contains(y) && (105...106).contains(x) { kept.append(String(line)) }
        }
        return kept.joined(separator: "\n") + "\n"
    }

    struct SubsetError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }
}
