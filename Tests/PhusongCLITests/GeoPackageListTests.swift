import Foundation
import PhusongTestSupport
import Testing

private let ogrinfo = GDALTool("ogrinfo")
private let ogr2ogr = GDALTool("ogr2ogr")

/// The lists written as GeoPackages by the built binary, read back with GDAL's own tools:
/// the layer, every column and value of the CSV list, the R-tree spatial index, and the same
/// bytes on every run.
@Suite("phusong deadzones/unpowered --out FILE.gpkg, read back with GDAL")
struct GeoPackageListTests {
    @Test("every column and value of the CSV list, the spatial index, the same bytes twice",
          .enabled(if: ogrinfo != nil && ogr2ogr != nil, "skipped: ogrinfo/ogr2ogr (gdal-bin) are not installed"),
          arguments: [("deadzones", "dead_zones"), ("unpowered", "unpowered_villages")])
    func listReadBack(command: String, layer: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.appendingPathComponent(command).path
        let result = try CLI.run([command, "--out", base, "--format", "csv", "--format", "gpkg"], in: CLI.repository.path)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let again = folder.appendingPathComponent("again.gpkg").path
        Thread.sleep(forTimeInterval: 1.1)  // a clock reading in the file would now differ
        #expect(try CLI.run([command, "--out", again], in: CLI.repository.path).exitCode == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: base + ".gpkg"))
        let secondBytes = try Data(contentsOf: URL(fileURLWithPath: again))
        #expect(!bytes.isEmpty && secondBytes == bytes, "byte-identical GeoPackages")

        let index = try Self.run(try #require(ogrinfo), ["-q", "-sql", "SELECT HasSpatialIndex('\(layer)', 'geom')", base + ".gpkg"])
        #expect(index.contains("HasSpatialIndex (Integer) = 1"), "\(index)")

        // The list as GDAL reads it: X, Y, then the attribute columns.
        let exported = folder.appendingPathComponent("exported.csv").path
        _ = try Self.run(try #require(ogr2ogr), ["-f", "CSV", exported, base + ".gpkg", layer, "-lco", "GEOMETRY=AS_XY"])
        let gdal = try parseCSV(exported)
        let csv = try parseCSV(base + ".csv")
        #expect(csv.count > 1 && gdal.count == csv.count, "one feature per CSV row")
        let header = try #require(csv.first)
        #expect(Array(header.suffix(2)) == ["lon", "lat"])
        #expect(gdal.first == ["X", "Y"] + header.dropLast(2), "every CSV column, in order")
        for (feature, row) in zip(gdal.dropFirst(), csv.dropFirst()) {
            #expect(feature.count == row.count)
            for (column, (stored, written)) in zip(header.dropLast(2), zip(feature.dropFirst(2), row)) {
                #expect(Self.same(stored, written, column: column), "\(row.first ?? ""): \(column): \(stored) vs \(written)")
            }
            let position = feature.prefix(2).map { Double($0) }
            let csvPosition = row.suffix(2).map { Double($0) }
            #expect(zip(position, csvPosition).allSatisfy { a, b in
                guard let a, let b else { return false }
                return abs(a - b) < 1e-9
            }, "\(row.first ?? ""): position \(position) vs \(csvPosition)")
        }
    }

    /// A GeoPackage value (as `ogr2ogr` writes it to CSV) and the CSV list's: equal text,
    /// booleans as 1/0 against true/false, numbers equal as numbers (GDAL prints them with
    /// `%.15g`), codes equal as text (leading zeros kept).
    static func same(_ stored: String, _ written: String, column: String) -> Bool {
        if column == "grid_power" { return (stored == "1" && written == "true") || (stored == "0" && written == "false") }
        if stored == written { return true }
        guard !column.hasSuffix("_code"), column != "village_id", let a = Double(stored), let b = Double(written) else { return false }
        return a == b
    }

    /// Runs a GDAL tool, which must succeed without a message; its standard output.
    static func run(_ tool: GDALTool, _ arguments: [String]) throws -> String {
        let result = try tool.run(arguments)
        #expect(result.status == 0 && result.errors.isEmpty, "\(tool.path) \(arguments): \(result.errors)")
        return result.output
    }
}
