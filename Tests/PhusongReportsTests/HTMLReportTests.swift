import Foundation
import PhusongSupport
import PhusongTestSupport
import Testing
@testable import PhusongCoverage
@testable import PhusongReports

@Suite("report.html: content, self-containment, determinism")
struct HTMLReportTests {
    @Test("the default data's page is self-contained, small and deterministic")
    func selfContained() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let (bytes, path) = try HTMLReportFixture.writePage(run, label: "default")
        defer { HTMLReportFixture.discard(path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
        let again = try HTMLReportFixture.page(run, version: "0.0.0-test")
        #expect(bytes == again, "same run, same bytes")
        let html = String(decoding: bytes, as: UTF8.self)
        #expect(bytes.count < 2_000_000, "default page is \(bytes.count) bytes")
        // Leaflet and its clustering are inlined as Debian ships them (their code and licences
        // name web addresses, links only); the rest of the page may not make a request.
        let library = try LeafletAssets.load()
        #expect(html.contains(library.script) && html.contains(library.style))
        #expect(html.contains("<details class=\"licences\">") && html.contains("<h3>libjs-leaflet</h3>") && html.contains("BSD-2-clause"))
        var own = html.replacingOccurrences(of: library.script, with: "").replacingOccurrences(of: library.style, with: "")
        if let start = own.range(of: "<details class=\"licences\">"), let end = own.range(of: "</details>", range: start.upperBound..<own.endIndex) {
            own.removeSubrange(start.lowerBound..<end.upperBound)
        }
        for forbidden in ["http://", "https://", "src=\"http", "href=\"http", "url(", "@import", "<link", "<img", "<iframe",
                          "src=", "fetch(", "XMLHttpRequest", "WebSocket", "//cdn"] {
            #expect(!own.contains(forbidden), "page contains \(forbidden)")
        }
        #expect(!library.style.contains("url(images"), "the stylesheet's images are data: URLs")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta name=\"generator\" content=\"phusong 0.0.0-test\">"))
        #expect(!html.contains("\r"))
    }

    @Test("embedded JSON parses, has no </ and matches the run")
    func embeddedData() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let html = String(decoding: try HTMLReportFixture.page(run), as: UTF8.self)
        let json = try #require(Self.embeddedJSON(html))
        #expect(!json.contains("</"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let map = try #require(object["map"] as? [String: Any])
        let national = run.tables.national
        let points = try #require(map["points"] as? [Int])
        #expect(stride(from: 2, to: points.count, by: 3).allSatisfy { (0...4).contains(points[$0]) })
        var weak = 0
        for result in run.coverage where result.deadZone && result.hasCellInRange { weak += 1 }
        #expect(stride(from: 2, to: points.count, by: 3).count { [1, 3].contains(points[$0]) } == weak, "weak-signal dead zones by kind")
        let unpoweredConnected = national.villagesUnpowered - national.villagesDeadZoneAndUnpowered
        #expect(points.count == 3 * (national.villagesDeadZone + unpoweredConnected))
        #expect((map["pointLabels"] as? [String])?.count == points.count / 3)
        let grid = try #require(map["grid"] as? [String: Any])
        let cells = try #require(grid["cells"] as? [Int])
        var connected = 0
        for index in stride(from: 0, to: cells.count, by: 4) { connected += cells[index + 2] + cells[index + 3] }
        #expect(connected == national.villagesConnected, "every connected village is in one grid cell")
        #expect((map["outlines"] as? [Any])?.isEmpty == true, "no boundary file, no outlines")
        let sites = ((map["sites4G"] as? [Int])?.count ?? 0) + ((map["sites5G"] as? [Int])?.count ?? 0)
        #expect(sites > 0 && sites / 2 <= run.engine.sites.count)
    }

    @Test("tables: one row per province; the dead-zone list starts empty, its rows are packed data")
    func tables() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let deadZones = VillageLists.deadZones(run)
        let dom = HTMLReportDOM(html: String(decoding: try HTMLReportFixture.page(run), as: UTF8.self))
        #expect(dom.provinceRows.count == 3)
        #expect(dom.provinceRows.map { HTMLReportDOM.attribute("data-code", ofRow: $0) } == ["11", "12", "14"])
        #expect(!deadZones.isEmpty)
        #expect(dom.deadZoneRows.isEmpty, "no row in the DOM before the script runs")
        #expect(dom.attribute("data-visible", id: "dead-zone-table") == String(deadZones.count))
        let drill = try HTMLDrillFixture.unpacked(dom.html)
        let rows = try #require(drill["d"] as? [[Any]])
        #expect(rows.map { $0.first as? String } == deadZones.map(\.village.id))
        #expect(dom.attribute("data-drawn", id: "map") == "false")
    }

    @Test("names with markup and </script> are escaped in tables and embedded JSON")
    func hostileNames() async throws {
        let run = try await Self.hostileRun()
        let html = String(decoding: try HTMLReportFixture.page(run), as: UTF8.self)
        #expect(!html.contains("<b>bold"))
        #expect(!html.contains("</script><i>"))
        let drill = try HTMLDrillFixture.unpacked(html, id: "place-data")
        let names = (drill["v"] as? [String: [[Any]]])?.values.flatMap { $0.compactMap { $0[1] as? String } } ?? []
        #expect(names.contains("Bản </script><i>x"), "the name as it is in the packed data, which is base64")
        let json = try #require(Self.embeddedJSON(html))
        #expect(!json.contains("</") && !json.contains("<!--"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let labels = try #require((object["map"] as? [String: Any])?["pointLabels"] as? [String])
        #expect(labels.contains { $0.contains("</script><i>") })
    }

    @Test("province outlines of the real 34-province layer fit the vertex budget",
          .enabled(if: SharedData.has("vn-admin-2025/vn_provinces_34.geojson"), SharedData.skipReason))
    func provinceOutlines() throws {
        let boundaries = try AdminBoundariesLoader.load(paths: [SharedData.path("vn-admin-2025/vn_provinces_34.geojson")])
        let frame = HTMLMapFrame(extent: boundaries.extent)
        let outlines = try HTMLOutlines.outlines(boundaries, frame: frame, notes: ["01": "note"])
        #expect(outlines.map(\.code) == boundaries.provinces.map(\.code))
        print("outlines of the 34 provinces: \(outlines.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count / 2 } }) vertices")
        #expect(outlines.first?.name == "Hà Nội" && outlines.first?.note == "note")
        let vertices = outlines.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count / 2 } }
        #expect(vertices > 2_000 && vertices <= HTMLOutlines.vertexBudget, "\(vertices) vertices")
        for outline in outlines {
            #expect(!outline.rings.isEmpty, "\(outline.code)")
            for ring in outline.rings {
                #expect(ring.count >= 6 && ring.count % 2 == 0)
                #expect(stride(from: 0, to: ring.count, by: 2).allSatisfy { frame.contains(x: ring[$0], y: ring[$0 + 1]) })
            }
        }
    }

    @Test("with communes only, province outlines are the unions of their communes",
          .enabled(if: SharedData.has("vn-admin-2025/vn_wards_3321_simplified.geojson"), SharedData.skipReason))
    func outlinesFromCommunes() throws {
        let boundaries = try AdminBoundariesLoader.load(paths: [SharedData.path("vn-admin-2025/vn_wards_3321_simplified.geojson")])
        #expect(boundaries.provinces.isEmpty)
        let clock = ContinuousClock()
        let start = clock.now
        let outlines = try HTMLOutlines.outlines(boundaries, frame: HTMLMapFrame(extent: boundaries.extent), notes: [:])
        let elapsed = clock.now - start
        #expect(outlines.count == 34)
        #expect(outlines.first { $0.code == "11" }?.name == "Điện Biên")
        let vertices = outlines.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count / 2 } }
        let rings = outlines.reduce(0) { $0 + $1.rings.count }
        #expect(vertices <= HTMLOutlines.vertexBudget)
        #expect(rings < 2_500, "sliver holes between communes are dropped (12,712 rings with them)")
        print("outlines from 3,321 communes: \(vertices) vertices in \(rings) rings, \(elapsed)")
    }

    /// The text of `<script type="application/json" id="report-data">`.
    static func embeddedJSON(_ html: String) -> String? {
        guard let start = html.range(of: "<script type=\"application/json\" id=\"report-data\">"),
              let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// Two villages out of reach of the only cell, named with markup.
    static func hostileRun() async throws -> CoverageRun {
        let folder = try HTMLReportFixture.temporaryFolder("hostile")
        let villages = """
        village_id,name,province_code,commune_code,lon,lat,population,households,grid_power,area_type
        V1,"Bản </script><i>x",11,,103.0,21.5,120,30,false,rural
        V2,<b>bold & <!-- more,11,,103.1,21.6,80,,true,rural
        V3,Thôn Gần,11,,104.0,21.0,300,,true,rural

        """
        let cells = """
        cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m,azimuth_deg,beamwidth_deg,rs_eirp_dbm,power_source
        C1,S1,Viettel,4G,1800,104.001,21.001,30,,,,grid

        """
        try villages.write(to: folder.appendingPathComponent("villages.csv"), atomically: true, encoding: .utf8)
        try cells.write(to: folder.appendingPathComponent("cells.csv"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await HTMLReportFixture.run(villages: folder.appendingPathComponent("villages.csv").path,
                                               cells: folder.appendingPathComponent("cells.csv").path)
    }
}
