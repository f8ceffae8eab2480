import Foundation
import Testing

/// The path of `program` on PATH, or nil.
func programOnPath(_ program: String) -> String? {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/\(program)" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs a program other than phusong and returns its standard output; the environment gets
/// `environment` added.
func runProgram(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (exitCode: Int32, stdout: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

private let ogrinfo = programOnPath("ogrinfo")
private let soffice = programOnPath("soffice")

/// The Điện Biên subset and the province boundaries in ../shared/geodata (or PHUSONG_SHARED), when there.
private let dienBien: [String]? = {
    let shared = ProcessInfo.processInfo.environment["PHUSONG_SHARED"].map { $0 + "/geodata" }
        ?? CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/geodata").path
    let subset = shared + "/vn-national-2025/subset-dienbien"
    let provinces = shared + "/vn-admin-2025/vn_provinces_34_simplified.geojson"
    guard FileManager.default.fileExists(atPath: subset + "/villages.csv"), FileManager.default.fileExists(atPath: provinces) else { return nil }
    return ["--villages", subset + "/villages.csv", "--cells", subset + "/cells.csv", "--admin", provinces]
}()

/// Hà Nội villages with the codes `01` and `00004`, far from the one cell (so both are dead
/// zones), one unpowered and one with a name a spreadsheet would run as a formula.
private func hanoiInputs(in folder: URL) throws -> [String] {
    let villages = folder.appendingPathComponent("villages.csv").path
    let cells = folder.appendingPathComponent("cells.csv").path
    try """
        village_id,name,province_code,commune_code,lon,lat,population,households,grid_power,area_type
        HN-0001,Thôn Đông,01,00004,105.8342,21.0358,1200,300,true,urban
        HN-0002,=SUM(1+1),01,00004,105.8400,21.0400,800,200,false,rural

        """.write(toFile: villages, atomically: true, encoding: .utf8)
    try """
        cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m,azimuth_deg,beamwidth_deg,rs_eirp_dbm,power_source
        C1,S1,Viettel,4G,1800,106.5,20.5,30,0,65,30,grid

        """.write(toFile: cells, atomically: true, encoding: .utf8)
    return ["--villages", villages, "--cells", cells]
}

@Suite("Output formats: one CSV convention, XLSX read by LibreOffice and GDAL, KML/KMZ read whole by GDAL")
struct OutputFormatTests {
    @Test("every CSV phusong writes is UTF-8 without a byte-order mark, records ending with LF alone")
    func everyCSVHasOneConvention() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.path
        let commands: [[String]] = [
            ["report", "--out", out + "/report"],
            ["plan", "--out", out + "/plan"],
            ["compare", "--before", out + "/report", "--after", out + "/report", "--out", out + "/compare"],
            ["synth", "--villages", "300", "--seed", "3", "--out", out + "/synth"],
            ["deadzones", "--out", out + "/dz.csv"],
            ["unpowered", "--out", out + "/u.csv"],
            ["validate", "--villages", CLI.fixture("malformed/villages-bom-bad-row.csv"), "--cells", CLI.fixture("good/cells.csv"),
             "--rejects", out + "/rejects.csv"],
        ]
        for command in commands {
            let result = try CLI.run(command, in: CLI.repository.path)
            #expect(result.exitCode == 0, "\(command.first ?? ""): \(result.stderr)")
        }
        let csvs = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(csvs == [
            "compare/compare_indicators.csv", "compare/compare_sites.csv", "compare/compare_villages.csv", "dz.csv",
            "plan/plan.csv", "plan/plan_provinces.csv", "plan/planned_cells.csv", "rejects.csv", "report/communes.csv", "report/deadzones.csv",
            "report/operators.csv", "report/provinces.csv", "report/sites.csv", "report/unpowered.csv", "report/villages.csv",
            "synth/cells.csv", "synth/villages.csv", "u.csv",
        ])
        for name in csvs {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/" + name)))
            #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) starts with a byte-order mark")
            #expect(!bytes.contains(0x0D), "\(name) has a CR")
            #expect(bytes.last == 0x0A && String(validating: bytes, as: UTF8.self) != nil, "\(name): UTF-8 ending with LF")
        }
    }

    @Test("an XLSX saved back as CSV by LibreOffice keeps the codes 01 and 00004 and the guarded text",
          .enabled(if: soffice != nil, "skipped: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc"))
    func libreOfficeKeepsCodes() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["deadzones"] + hanoiInputs(in: folder) + ["--out", folder.path + "/dz.xlsx"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        // Field separator 44 (,), text delimiter 34 ("), character set 76 (UTF-8); a profile
        // of its own, so that a LibreOffice already running elsewhere is not used.
        let converted = try runProgram(try #require(soffice), [
            "-env:UserInstallation=file://" + folder.path + "/profile", "--headless",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", folder.path + "/lo", folder.path + "/dz.xlsx",
        ])
        #expect(converted.exitCode == 0)
        let rows = try String(contentsOfFile: folder.path + "/lo/dz.csv", encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        let province = try #require(header.firstIndex(of: "\"province_code\""))
        let commune = try #require(header.firstIndex(of: "\"commune_code\""))
        let name = try #require(header.firstIndex(of: "\"name\""))
        let population = try #require(header.firstIndex(of: "\"population\""))
        #expect(rows.count == 3)
        #expect(rows.dropFirst().map { $0[province] } == ["\"01\"", "\"01\""], "LibreOffice reads the codes as text")
        #expect(rows.dropFirst().map { $0[commune] } == ["\"00004\"", "\"00004\""])
        #expect(rows.dropFirst().map { $0[name] } == ["\"Thôn Đông\"", "\"'=SUM(1+1)\""])
        #expect(rows.dropFirst().map { $0[population] } == ["1200", "800"], "numbers stay numbers (not quoted)")
    }

    @Test("GDAL reads a list's XLSX: every village, codes as strings with their zeros, numbers typed",
          .enabled(if: ogrinfo != nil, "skipped: ogrinfo (gdal-bin) is not installed"))
    func gdalReadsXLSX() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["deadzones"] + hanoiInputs(in: folder) + ["--out", folder.path + "/dz.xlsx"]).exitCode == 0)
        let info = try runProgram(try #require(ogrinfo), ["-ro", "-al", folder.path + "/dz.xlsx"]).stdout
        #expect(info.contains("Feature Count: 2"))
        #expect(info.contains("province_code: String") && info.contains("population: Integer") && info.contains("lon: Real"))
        #expect(info.components(separatedBy: "province_code (String) = 01\n").count == 3)
        #expect(info.components(separatedBy: "commune_code (String) = 00004\n").count == 3)
    }

    @Test("GDAL's LIBKML and KML drivers read every placemark of the lists' KML and KMZ; one layer per province, by code",
          .enabled(if: ogrinfo != nil, "skipped: ogrinfo (gdal-bin) is not installed"))
    func gdalReadsEveryPlacemark() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var inputs: [(name: String, arguments: [String])] = [("default data", [])]
        if let dienBien { inputs.append(("Điện Biên subset", dienBien)) } else { print("skipped the Điện Biên subset: ../shared/geodata is not beside the checkout") }
        for (label, arguments) in inputs {
            for list in ["deadzones", "unpowered"] {
                let base = folder.path + "/\(list)-\(label.count)"
                let result = try CLI.run([list] + arguments + ["--out", base, "--format", "csv", "--format", "kml", "--format", "kmz"],
                                         in: CLI.repository.path)
                #expect(result.exitCode == 0, "stderr: \(result.stderr)")
                let villages = try String(contentsOfFile: base + ".csv", encoding: .utf8).split(separator: "\n").count - 1
                #expect(villages > 0, "\(label) \(list): an empty list proves nothing")
                for file in [base + ".kml", base + ".kmz"] {
                    for driver in ["LIBKML", "KML"] {
                        // GDAL_SKIP=LIBKML leaves the KML driver, which reads a KMZ's doc.kml through /vsizip/.
                        let path = driver == "KML" && file.hasSuffix(".kmz") ? "/vsizip/" + file + "/doc.kml" : file
                        let summary = try runProgram(try #require(ogrinfo), ["-ro", "-al", "-so", path],
                                                     environment: driver == "KML" ? ["GDAL_SKIP": "LIBKML"] : [:]).stdout
                        let counts = summary.split(separator: "\n").filter { $0.hasPrefix("Feature Count: ") }
                            .compactMap { Int($0.dropFirst("Feature Count: ".count)) }
                        #expect(counts.reduce(0, +) == villages, "\(label) \(list) \(file) with \(driver): \(counts)")
                        let codes = summary.split(separator: "\n").filter { $0.hasPrefix("Layer name: ") }
                            .map { $0.split(separator: "(").last.map { String($0.dropLast()) } ?? "" }
                        #expect(codes == codes.sorted() && Set(codes).count == codes.count, "\(label) \(list) \(driver): layers \(codes)")
                    }
                }
            }
        }
    }

    @Test("KML styles: every placemark points to a shared style; colour by dead-zone reason, unpowered villages their own icon")
    func kmlStyles() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["unpowered"] + hanoiInputs(in: folder) + ["--out", folder.path + "/u.kml"]).exitCode == 0)
        #expect(try CLI.run(["deadzones"] + hanoiInputs(in: folder) + ["--out", folder.path + "/dz.kml"]).exitCode == 0)
        let unpowered = try String(contentsOfFile: folder.path + "/u.kml", encoding: .utf8)
        let deadZones = try String(contentsOfFile: folder.path + "/dz.kml", encoding: .utf8)
        for id in ["no-site", "no-site-unpowered", "weak-signal", "weak-signal-unpowered", "covered-unpowered"] {
            #expect(deadZones.contains("<Style id=\"\(id)\">"))
        }
        #expect(deadZones.contains(#"<Style id="no-site">"# + "\n    <IconStyle><color>ff1c19d7</color><Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href>"))
        #expect(deadZones.contains(#"<Style id="no-site-unpowered">"# + "\n    <IconStyle><color>ff1c19d7</color><Icon><href>http://maps.google.com/mapfiles/kml/shapes/triangle.png</href>"))
        #expect(deadZones.components(separatedBy: "<styleUrl>").count - 1 == 2)
        #expect(deadZones.contains("<styleUrl>#no-site</styleUrl>") && deadZones.contains("<styleUrl>#no-site-unpowered</styleUrl>"))
        #expect(unpowered.components(separatedBy: "<styleUrl>#no-site-unpowered</styleUrl>").count - 1 == 1)
        #expect(deadZones.contains("<name>Hà Nội (01)</name>"))
        #expect(deadZones.contains("&lt;table&gt;&lt;tr&gt;&lt;th align=&quot;left&quot;&gt;Village id&lt;/th&gt;&lt;td&gt;HN-0001&lt;/td&gt;"))
    }
}
