import Foundation
import Testing

/// The real tile N21E105 in ../shared/geodata/vn-dem-srtm3 (or under `PHUSONG_SHARED`).
enum SharedTerrain {
    static var shared: String {
        ProcessInfo.processInfo.environment["PHUSONG_SHARED"] ?? CLI.repository.deletingLastPathComponent().appendingPathComponent("shared").path
    }

    static var folder: String { shared + "/geodata/vn-dem-srtm3" }

    static var hasTile: Bool { FileManager.default.fileExists(atPath: folder + "/N21E105.hgt") }

    /// The national 2025 scenario.
    static var national: String { shared + "/geodata/vn-national-2025" }

    /// The tile and the national scenario are both there.
    static var hasNational: Bool { hasTile && FileManager.default.fileExists(atPath: national + "/villages.csv") }

    static let skipReason: Comment = "skipped: ../shared/geodata (vn-dem-srtm3, vn-national-2025) is not beside the checkout (set PHUSONG_SHARED to its parent)"
}

/// `phusong pathloss` end to end over the real tile N21E105 (../shared/geodata/vn-dem-srtm3),
/// as docs/specs/terrain-model.md's last section specifies it.
@Suite("phusong pathloss, end to end", .enabled(if: SharedTerrain.hasTile, SharedTerrain.skipReason))
struct PathlossCommandTests {
    static var terrain: String { SharedTerrain.folder }

    static let header = "id,tx_lat,tx_lon,tx_height_m,rx_lat,rx_lon,rx_height_m,band_mhz\n"
    /// Pairs across the Tam Đảo range (docs/specs/terrain-model.md shows them with their modes).
    static let tamDao = header + """
    ridge-crossing,21.45,105.45,30,21.70,105.64,1.5,900
    plain-to-slope,21.30,105.80,40,21.58,105.52,1.5,1800
    plain-short,21.10,105.20,25,21.15,105.30,1.5,2100
    peak-view,21.573,105.544,20,21.40,105.62,1.5,3500
    diagonal,21.05,105.05,60,21.90,105.90,1.5,700
    too-high-band,21.45,105.45,30,21.46,105.46,1.5,25000

    """

    /// The contract's haversine, written out again here.
    static func distance(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let p1 = lat1 * Double.pi / 180, p2 = lat2 * Double.pi / 180
        let l1 = lon1 * Double.pi / 180, l2 = lon2 * Double.pi / 180
        let a = pow(sin((p2 - p1) / 2), 2) + cos(p1) * cos(p2) * pow(sin((l2 - l1) / 2), 2)
        return max(10, 2 * 6_371_008.8 * asin(a.squareRoot()))
    }

    @Test("losses.csv: columns, input order, modes, an ITM error row; the same bytes for 1 and 2 threads")
    func tamDaoPairs() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pairs = folder.appendingPathComponent("pairs.csv").path
        try Self.tamDao.write(toFile: pairs, atomically: true, encoding: .utf8)
        var outputs: [String] = []
        for threads in ["1", "2"] {
            let out = folder.appendingPathComponent("losses-\(threads).csv").path
            let result = try CLI.run(["pathloss", "--terrain", Self.terrain, "--pairs", pairs, "--out", out, "--threads", threads])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains("6 pairs: 3 line_of_sight, 2 diffraction, 0 troposcatter; 1 ITM errors"))
            outputs.append(try String(contentsOfFile: out, encoding: .utf8))
        }
        #expect(outputs[0] == outputs[1])
        let rows = outputs[0].split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0] == ["id", "distance_m", "loss_db", "mode"])
        let expected: [(String, String)] = [
            ("ridge-crossing", "line_of_sight"), ("plain-to-slope", "diffraction"), ("plain-short", "line_of_sight"),
            ("peak-view", "line_of_sight"), ("diagonal", "diffraction"), ("too-high-band", "error"),
        ]
        #expect(rows.count == expected.count + 1)
        let inputs = Self.tamDao.split(separator: "\n").dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
        for (index, (id, mode)) in expected.enumerated() {
            let row = rows[index + 1]
            #expect(row[0] == id && row[3] == mode, "\(row)")
            let v = inputs[index]
            #expect(abs((Double(row[1]) ?? 0) - Self.distance(v[0], v[1], v[3], v[4])) < 0.0005, "\(row)")
            if mode == "error" {
                #expect(row[2].isEmpty)
            } else {
                #expect((row[2].split(separator: ".").last?.count ?? 0) >= 3)
            }
        }
        // Known answers of this implementation (regression): a rugged line-of-sight path over the
        // ridge reaches 215 dB (the contract's caution), the long diagonal is diffraction.
        #expect(rows[1][2] == "215.164570")
        #expect(rows[5][2] == "194.428188")
    }

    @Test("a pair outside the terrain stops the run with exit 65 naming the missing tiles; default-model writes it as outside_terrain")
    func missingTiles() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pairs = folder.appendingPathComponent("pairs.csv").path
        try (Self.header + "out,21.95,105.05,30,22.05,104.90,1.5,900\nin,21.45,105.45,30,21.70,105.64,1.5,900\n")
            .write(toFile: pairs, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("losses.csv").path
        let stopped = try CLI.run(["pathloss", "--terrain", Self.terrain, "--pairs", pairs, "--out", out])
        #expect(stopped.exitCode == 65)
        #expect(stopped.stderr.contains("missing tiles: N21E104.hgt, N22E104.hgt"), "stderr: \(stopped.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let config = folder.appendingPathComponent("terrain.toml").path
        try "[terrain]\noutside_terrain = \"default-model\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let kept = try CLI.run(["pathloss", "--terrain", Self.terrain, "--pairs", pairs, "--out", out, "--config", config])
        #expect(kept.exitCode == 0, "stderr: \(kept.stderr)")
        #expect(kept.stdout.contains("1 pairs outside the terrain"))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("\nout,19047.352,,outside_terrain\n"))
        #expect(text.contains("\nin,34040.696,215.164570,line_of_sight\n"))
    }

    @Test("bad rows are listed as file:line: column: value: reason with the allowed range, exit 65; a missing terrain is 66")
    func badInput() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pairs = folder.appendingPathComponent("pairs.csv").path
        try (Self.header + "a,95,105.05,30,22.05,104.90,0.1,900\nb,21,105,x,21,105,1,\n").write(toFile: pairs, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("losses.csv").path
        let result = try CLI.run(["pathloss", "--terrain", Self.terrain, "--pairs", pairs, "--out", out])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains(pairs + ":2: tx_lat: 95: not a plausible latitude (must be -90..90 degrees)"))
        #expect(result.stderr.contains(pairs + ":2: rx_height_m: 0.1: not a plausible antenna height (must be 0.5..1000 m)"))
        #expect(result.stderr.contains(pairs + ":3: tx_height_m: x: not a number"))
        #expect(result.stderr.contains(pairs + ":3: band_mhz: (empty): required value missing"))
        let missing = try CLI.run(["pathloss", "--terrain", folder.path + "/none", "--pairs", pairs, "--out", out])
        #expect(missing.exitCode == 66)
        let config = folder.appendingPathComponent("terrain.toml").path
        try "[terrain]\nmdvar = 5\nn0 = 500\n".write(toFile: config, atomically: true, encoding: .utf8)
        let settings = try CLI.run(["pathloss", "--terrain", Self.terrain, "--pairs", pairs, "--out", out, "--config", config])
        #expect(settings.exitCode == 65)
        #expect(settings.stderr.contains("terrain.n0: 500: must be within 250..400 N-units"))
        #expect(settings.stderr.contains("terrain.mdvar: 5: must be one of 0–3, 10–13, 20–23, 30–33"))
    }
}
