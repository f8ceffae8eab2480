import Foundation
import Testing

/// Issue 13, class 6: inputs that used to give wrong figures with exit 0 now stop with a
/// clear message (65 bad data, 64 usage), or the figure is marked "not available".
@Suite("Class 6: no silent wrong answers")
struct Class6SilentWrongAnswersTests {
    static let villages = CLI.fixture("good/villages.csv")
    static let cells = CLI.fixture("good/cells.csv")

    /// A GeoJSON polygon ring around a box, lon/lat.
    static func box(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> String {
        "[[[\(minX),\(minY)],[\(maxX),\(minY)],[\(maxX),\(maxY)],[\(minX),\(maxY)],[\(minX),\(minY)]]]"
    }

    /// Boxes around the fixture's villages: Điện Biên's (11, commune 03127) and Hà Nội's (01, commune 00004).
    static let dienBienBox = box(102.9, 21.2, 103.2, 21.4)
    static let haNoiBox = box(105.7, 20.9, 105.95, 21.15)

    static func collection(_ features: [(properties: String, rings: String)], header: String = "") -> String {
        let body = features.map { #"{"type":"Feature","properties":\#($0.properties),"geometry":{"type":"Polygon","coordinates":\#($0.rings)}}"# }
        return #"{"type":"FeatureCollection",\#(header)"features":[\#(body.joined(separator: ","))]}"#
    }

    static let provinces = collection([
        (#"{"code":"11","name":"Điện Biên"}"#, dienBienBox), (#"{"code":"01","name":"Hà Nội"}"#, haNoiBox),
    ])

    /// Runs `validate` on the good fixtures with `geojson` as the boundary file.
    static func validate(admin geojson: String, in folder: URL) throws -> CLIResult {
        let path = folder.appendingPathComponent("admin.geojson").path
        try Data(geojson.utf8).write(to: URL(fileURLWithPath: path))
        return try CLI.run(["validate", "--villages", villages, "--cells", cells, "--admin", "admin.geojson"], in: folder.path)
    }

    // MARK: GeoJSON codes are text

    @Test("a commune whose province_code is a JSON number is rejected (65), naming file, feature, property, value and the fix")
    func numericProvinceCode() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.validate(admin: Self.collection([
            (#"{"code":"03127","name":"Mường Lói","province_code":"11"}"#, Self.dienBienBox),
            (#"{"code":"00004","name":"Ba Đình","province_code":1}"#, Self.haNoiBox),
        ]), in: folder)
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains(
            #"admin.geojson: features[1].properties.province_code: 1: is a JSON number, but codes are text: a number has lost its leading zeros and the feature would be assigned wrongly; write it as a string with the official leading zeros: "province_code": "01""#))
    }

    @Test("a commune code that is a JSON number is rejected with the 5-digit string to write")
    func numericCommuneCode() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.validate(admin: Self.collection([
            (#"{"code":4,"name":"Ba Đình","province_code":"01"}"#, Self.haNoiBox),
        ]), in: folder)
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains(#"admin.geojson: features[0].properties.code: 4: is a JSON number, but codes are text"#))
        #expect(result.stderr.contains(#"write it as a string with the official leading zeros: "code": "00004""#))
    }

    // MARK: Boundaries must be WGS84 degrees

    @Test("a declared projected CRS (EPSG:3857) is rejected (65), naming it and saying a later version will reproject")
    func projectedCRS() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["urn:ogc:def:crs:EPSG::3857", "EPSG:32648"] {
            let crs = #""crs":{"type":"name","properties":{"name":"\#(name)"}},"#
            let result = try Self.validate(admin: Self.collection([(#"{"code":"11","name":"Điện Biên"}"#, Self.dienBienBox)], header: crs), in: folder)
            #expect(result.exitCode == 65)
            #expect(result.stderr.contains(
                "admin.geojson: crs: \(name): the file is in this coordinate system, not WGS84 longitude/latitude degrees (accepted: no crs member, urn:ogc:def:crs:OGC:1.3:CRS84, EPSG:4326); phusong does not reproject yet: reproject the file to WGS84 longitude/latitude first (e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson); a later version will reproject"))
        }
    }

    @Test("WGS84 declared as CRS84, EPSG:4326 or its URN forms is accepted")
    func wgs84CRS() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG:6.6:4326"] {
            let crs = #""crs":{"type":"name","properties":{"name":"\#(name)"}},"#
            let geojson = Self.collection([(#"{"code":"11","name":"Điện Biên"}"#, Self.dienBienBox), (#"{"code":"01","name":"Hà Nội"}"#, Self.haNoiBox)], header: crs)
            let result = try Self.validate(admin: geojson, in: folder)
            #expect(result.exitCode == 0, "\(name): \(result.stderr)")
        }
    }

    @Test("coordinates in metres without a crs member are rejected once per file, as looking projected")
    func metreCoordinates() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.validate(admin: Self.collection([
            (#"{"code":"11","name":"Điện Biên"}"#, Self.box(11_454_775.6, 2_415_742.5, 11_488_171.4, 2_439_702.9)),
            (#"{"code":"01","name":"Hà Nội"}"#, Self.box(11_766_462.6, 2_391_864.8, 11_794_292.4, 2_421_780.0)),
        ]), in: folder)
        #expect(result.exitCode == 65)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("admin.geojson") }
        #expect(lines == [
            "admin.geojson: features[0].geometry.coordinates: 11454775.6, 2415742.5: outside longitude -180..180 / latitude -90..90 (2 of 2 features): the coordinates look projected (e.g. metres, EPSG:3857 or a UTM zone), not WGS84 degrees; phusong does not reproject yet: reproject the file to WGS84 longitude/latitude first (e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson); a later version will reproject",
        ])
    }

    // MARK: --province and --commune name an area of the data

    @Test("an unknown --province exits 64 with the closest provinces of the villages, by edit distance, with codes")
    func unknownProvince() throws {
        let misspelt = try CLI.run(["deadzones", "--province", "dien bienn"], in: CLI.repository.path)
        #expect(misspelt.exitCode == 64)
        #expect(misspelt.stdout.isEmpty)
        #expect(misspelt.stderr.contains(
            #"phusong: --province "dien bienn": no province of the villages has this code or name; the closest provinces of the villages: Điện Biên (11), Sơn La (14), Lai Châu (12)"#))
        let code = try CLI.run(["unpowered", "--province", "99"], in: CLI.repository.path)
        #expect(code.exitCode == 64)
        #expect(code.stderr.contains(#"phusong: --province "99": no province of the villages has this code or name; the closest provinces of the villages: Điện Biên (11), Lai Châu (12), Sơn La (14)"#))
        let elsewhere = try CLI.run(["deadzones", "--province", "Ha Noi"], in: CLI.repository.path)
        #expect(elsewhere.exitCode == 64)
        #expect(elsewhere.stderr.contains(#"phusong: --province "Ha Noi": no village of the input is in Hà Nội (01); the closest provinces of the villages: "#))
        // Names without diacritics and in any case still match.
        let plain = try CLI.run(["deadzones", "--province", "DIEN BIEN"], in: CLI.repository.path)
        #expect(plain.exitCode == 0 && plain.stdout.hasPrefix("Dead-zone villages: 56 villages"))
    }

    @Test("an unknown --commune exits 64 too")
    func unknownCommune() throws {
        let result = try CLI.run(["deadzones", "--commune", "9999"], in: CLI.repository.path)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains(#"phusong: --commune "9999": no commune of the villages has this code or name; the closest communes of the villages: "#))
    }

    // MARK: stations per commune

    @Test("with province boundaries only, the communes' station counts are empty (not 0) and summary.json says why; provinces keep theirs")
    func communeStationsNotAvailable() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.provinces.utf8).write(to: folder.appendingPathComponent("provinces.geojson"))
        let result = try CLI.run(["report", "--villages", Self.villages, "--cells", Self.cells, "--admin", "provinces.geojson", "--out", "r"], in: folder.path)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let communes = try String(contentsOf: folder.appendingPathComponent("r/communes.csv"), encoding: .utf8)
        #expect(communes.split(separator: "\n").dropFirst() == [
            "00004,,01,2,2,0,0,0,1.0,2686,2686,1400,2686,1.0,0.5212211466865228,1.0,,,",
            "03127,,11,3,3,0,2,0,1.0,746,746,0,746,1.0,0.0,1.0,,,",
        ])
        let provinces = try String(contentsOf: folder.appendingPathComponent("r/provinces.csv"), encoding: .utf8)
        #expect(provinces.contains("\n01,Hà Nội,2,2,0,0,0,1.0,2686,2686,1400,2686,1.0,0.5212211466865228,1.0,2,1,0.5,"))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("r/summary.json"))) as? [String: Any])
        let note = (summary["notes"] as? [String: String])?["communes"]
        #expect(note?.hasPrefix("stations per commune are not available: the boundary files given with --admin hold provinces only") == true)
        let commune = try #require((summary["communes"] as? [String: Any])?["00004"] as? [String: Any])
        #expect(commune["stations_4g"] is NSNull && commune["stations_5g"] is NSNull && commune["ratio_5g_4g_stations"] is NSNull)
        #expect(commune["villages"] as? Int == 2)
    }

    @Test("with commune boundaries, or without boundaries (nearest village), the communes' stations are counted and there is no note")
    func communeStationsCounted() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let communes = Self.collection([
            (#"{"code":"03127","name":"Mường Lói","province_code":"11"}"#, Self.dienBienBox),
            (#"{"code":"00004","name":"Ba Đình","province_code":"01"}"#, Self.haNoiBox),
        ])
        try Data(Self.provinces.utf8).write(to: folder.appendingPathComponent("provinces.geojson"))
        try Data(communes.utf8).write(to: folder.appendingPathComponent("communes.geojson"))
        let withCommunes = try CLI.run(["report", "--villages", Self.villages, "--cells", Self.cells, "--admin", "provinces.geojson",
                                        "--admin", "communes.geojson", "--out", "c"], in: folder.path)
        let without = try CLI.run(["report", "--villages", Self.villages, "--cells", Self.cells, "--out", "n"], in: folder.path)
        #expect(withCommunes.exitCode == 0 && without.exitCode == 0)
        let counted = try String(contentsOf: folder.appendingPathComponent("c/communes.csv"), encoding: .utf8)
        #expect(counted.contains("\n00004,Ba Đình,01,2,2,0,0,0,1.0,2686,2686,1400,2686,1.0,0.5212211466865228,1.0,2,1,0.5\n"))
        #expect(counted.contains("\n03127,Mường Lói,11,3,3,0,2,0,1.0,746,746,0,746,1.0,0.0,1.0,1,0,0.0\n"))
        let nearest = try String(contentsOf: folder.appendingPathComponent("n/communes.csv"), encoding: .utf8)
        #expect(nearest.contains("\n00004,,01,2,2,0,0,0,1.0,2686,2686,1400,2686,1.0,0.5212211466865228,1.0,2,1,0.5\n"))
        for report in ["c", "n"] {
            let summary = try String(contentsOf: folder.appendingPathComponent(report + "/summary.json"), encoding: .utf8)
            #expect(!summary.contains("\"notes\""))
        }
    }

    // MARK: mclp inputs

    @Test("mclp: weights above 1e15, a total above 1e15, planar coordinates beyond 1e9, empty and duplicate ids exit 65 with file:line")
    func mclpRanges() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "huge.csv": "id,x,y,weight\na,0,0,1e308\nb,1,1,2\n",
            "total.csv": "id,x,y,weight\na,0,0,9e14\nb,1,1,9e14\n",
            "far.csv": "id,x,y,weight\na,0,2e9,1\n",
            "candidates.csv": "id,x,y\nA,0,0\nB,1,1\n",
            "bad-candidates.csv": "id,x,y\nA,0,0\n,1,1\nA,2,2\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        func mclp(_ demand: String, _ candidates: String = "candidates.csv") throws -> CLIResult {
            try CLI.run(["mclp", "--demand", demand, "--candidates", candidates, "--radius", "5", "--p", "1"], in: folder.path)
        }
        let huge = try mclp("huge.csv")
        #expect(huge.exitCode == 65 && huge.stdout.isEmpty)
        #expect(huge.stderr == "huge.csv:2: weight: 1e308: weight must be within 0..1e15 (scale the weights down)\n")
        let total = try mclp("total.csv")
        #expect(total.exitCode == 65)
        #expect(total.stderr == "total.csv: the weights add up to 1800000000000000.0, more than 1e15: covered weights would no longer be exact; scale the weights down (e.g. to thousands)\n")
        let far = try mclp("far.csv")
        #expect(far.exitCode == 65)
        #expect(far.stderr == "far.csv:2: y: 2e9: planar coordinates must be within -1e9..1e9 (e.g. metres; euclidean metric)\n")
        let ids = try mclp("total.csv", "bad-candidates.csv")
        #expect(ids.exitCode == 65)
        #expect(ids.stderr.contains("bad-candidates.csv:3: id: (empty): required value missing\nbad-candidates.csv:4: id: A: id appears twice (first on line 2)\n"))
    }

    @Test("mclp: coordinates at the edge of the range with a tiny radius answer at once (the row index visits only rows with points)")
    func mclpNoHang() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("id,x,y,weight\na,1e9,1e9,1\nb,-1e9,-1e9,2\nc,0,0,3\n".utf8).write(to: folder.appendingPathComponent("demand.csv"))
        try Data("id,x,y\nA,1e9,1e9\nB,-1e9,0\nC,0,0\n".utf8).write(to: folder.appendingPathComponent("candidates.csv"))
        let clock = ContinuousClock()
        let start = clock.now
        let result = try CLI.run(["mclp", "--demand", "demand.csv", "--candidates", "candidates.csv", "--radius", "1e-300", "--p", "2", "--json"],
                                 in: folder.path)
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains(#""objective":4"#) && result.stdout.contains(#""facilities":["A","C"]"#))
        #expect(clock.now - start < .seconds(30))
    }

    // MARK: plan --candidates

    @Test("plan --candidates: empty, duplicate, reserved and existing-site ids, bad lon/lat and a header-only file exit 65 with file:line")
    func planCandidates() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = "id,lon,lat\n,103.1,21.1\nX1,103.2,21.2\nX1,103.3,21.3\nX2,203,21\nX3,103,abc\nDZ-90001-001,103,21\nG12_34,103,21\nVT-000001,103,21\n"
        try Data(bad.utf8).write(to: folder.appendingPathComponent("candidates.csv"))
        try Data("id,lon,lat\n".utf8).write(to: folder.appendingPathComponent("empty.csv"))
        let data = CLI.repository.appendingPathComponent("geodata/default").path
        func plan(_ candidates: String) throws -> CLIResult {
            try CLI.run(["plan", "--villages", data + "/villages.csv", "--cells", data + "/cells.csv", "--candidates", candidates, "--out", "p"],
                        in: folder.path)
        }
        let result = try plan("candidates.csv")
        #expect(result.exitCode == 65)
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "candidates.csv:2: id: (empty): required value missing",
            "candidates.csv:4: id: X1: id appears twice (first on line 3)",
            "candidates.csv:5: lon: 203: not a longitude (must be -180..180)",
            "candidates.csv:6: lat: abc: not a number (must be a latitude -90..90)",
            "candidates.csv:7: id: DZ-90001-001: ids DZ-<village id> and G<row>_<column> name the planner's own candidates: give this candidate another id",
            "candidates.csv:8: id: G12_34: ids DZ-<village id> and G<row>_<column> name the planner's own candidates: give this candidate another id",
            "candidates.csv:9: id: VT-000001: an existing site of the cells files has this id: a new site needs an id of its own",
        ])
        let empty = try plan("empty.csv")
        #expect(empty.exitCode == 65)
        #expect(empty.stderr == "empty.csv: the file has a header but no candidate sites\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("p").path), "nothing written")
    }
}
