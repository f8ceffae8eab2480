import Foundation
import PhusongTestSupport
import Testing
@testable import PhusongReports

/// report.html rendered by headless Chromium: the script runs without errors, draws the map,
/// and the search (driven by `#search=` in the URL) hides what does not match.
@Suite("report.html in headless Chromium", .enabled(if: HeadlessChromium.available, HeadlessChromium.skipReason))
struct HTMLReportChromiumTests {
    @Test("map drawn, one row per province, no script errors")
    func renders() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let (_, path) = try HTMLReportFixture.writePage(run, label: "render")
        defer { HTMLReportFixture.discard(path) }
        let rendering = try HeadlessChromium.dumpDOM(file: path)
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let dom = HTMLReportDOM(html: rendering.dom)
        #expect(dom.attribute("data-drawn", id: "map") == "true")
        let national = run.tables.national
        let marked = national.villagesDeadZone + national.villagesUnpowered - national.villagesDeadZoneAndUnpowered
        #expect(dom.attribute("data-points", id: "map") == String(marked))
        #expect(dom.provinceRows.count == 3)
        #expect(dom.visibleDeadZoneRows.count == VillageLists.deadZones(run).count, "no search, every row visible")
    }

    @Test("#search=Dien%20Bien shows only Điện Biên's dead zones, with or without diacritics",
          arguments: ["#search=Dien%20Bien", "#search=%C4%90i%E1%BB%87n%20Bi%C3%AAn", "#search=DIEN+bien"])
    func searchByProvince(fragment: String) async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let (_, path) = try HTMLReportFixture.writePage(run, label: "search-" + fragment.filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
        defer { HTMLReportFixture.discard(path) }
        let rendering = try HeadlessChromium.dumpDOM(file: path, fragment: fragment)
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let dom = HTMLReportDOM(html: rendering.dom)
        let visible = dom.visibleDeadZoneRows
        let expected = VillageLists.deadZones(run).count { $0.village.provinceCode == "11" }
        #expect(expected > 0)
        #expect(visible.count == expected)
        #expect(visible.allSatisfy { HTMLReportDOM.attribute("data-province", ofRow: $0) == "11" && $0.contains("Điện Biên") })
        #expect(dom.attribute("data-visible", id: "dead-zone-table") == String(expected))
    }

    @Test("#search=xyz-nothing hides every dead-zone row")
    func searchWithoutMatch() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let (_, path) = try HTMLReportFixture.writePage(run, label: "nothing")
        defer { HTMLReportFixture.discard(path) }
        let rendering = try HeadlessChromium.dumpDOM(file: path, fragment: "#search=xyz-nothing")
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let dom = HTMLReportDOM(html: rendering.dom)
        #expect(!dom.deadZoneRows.isEmpty)
        #expect(dom.visibleDeadZoneRows.isEmpty)
        #expect(dom.attribute("data-visible", id: "dead-zone-table") == "0")
        #expect(dom.openingTag(id: "dz-empty").map { !$0.contains("hidden") } == true, "the 'no match' note shows")
    }

    @Test("hostile names render without script errors")
    func hostileNames() async throws {
        let run = try await HTMLReportTests.hostileRun()
        let (_, path) = try HTMLReportFixture.writePage(run, label: "hostile")
        defer { HTMLReportFixture.discard(path) }
        let rendering = try HeadlessChromium.dumpDOM(file: path, fragment: "#search=ban")
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let dom = HTMLReportDOM(html: rendering.dom)
        #expect(dom.attribute("data-drawn", id: "map") == "true")
        #expect(dom.visibleDeadZoneRows.count == 1)
    }

    @Test("national scenario with the 34 real provinces: < 15 MB, drawn, 34 province rows",
          .enabled(if: SharedData.has("vn-national-2025/villages.csv") && SharedData.has("vn-admin-2025/vn_provinces_34_simplified.geojson"),
                   SharedData.skipReason))
    func national() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let run = try await HTMLReportFixture.run(
            villages: SharedData.path("vn-national-2025/villages.csv"), cells: SharedData.path("vn-national-2025/cells.csv"),
            admin: [SharedData.path("vn-admin-2025/vn_provinces_34_simplified.geojson")])
        let computed = clock.now
        let (bytes, path) = try HTMLReportFixture.writePage(run, label: "national")
        defer { HTMLReportFixture.discard(path) }
        let written = clock.now
        #expect(bytes.count < 15_000_000)
        let rendering = try HeadlessChromium.dumpDOM(file: path, fragment: "#search=ban%20muong")
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let dom = HTMLReportDOM(html: rendering.dom)
        #expect(dom.attribute("data-drawn", id: "map") == "true")
        #expect(dom.provinceRows.count == 34)
        let visible = dom.visibleDeadZoneRows
        #expect(visible.allSatisfy { $0.contains("Mường") || $0.contains("mường") || $0.contains("MƯỜNG") })
        print(String(format: "national report.html: %.2f MB (%d bytes); run %.1f s, page %.2f s, Chromium render %.1f s; %@ points, %@ grid cells, %@ sites; %d of %d dead-zone rows match 'ban muong'",
                     Double(bytes.count) / 1_048_576, bytes.count, Self.seconds(computed - start), Self.seconds(written - computed), rendering.seconds,
                     dom.attribute("data-points", id: "map") ?? "?", dom.attribute("data-cells", id: "map") ?? "?",
                     dom.attribute("data-sites", id: "map") ?? "?", visible.count, dom.deadZoneRows.count))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
