import Foundation
import PhusongTestSupport
import Testing
@testable import PhusongCoverage
@testable import PhusongReports

/// The coverage overlay drawn by Leaflet in headless Chromium: its images are in the map's
/// pane, the shown one from the page's data URL, with no script error.
@Suite("report.html's coverage overlay in headless Chromium", .enabled(if: HeadlessChromium.available, HeadlessChromium.skipReason))
struct HTMLOverlayChromiumTests {
    @Test("three image layers built, the shadow layer's image in the map, no script errors", arguments: ReportLanguage.allCases)
    func overlayRenders(language: ReportLanguage) async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        var edition = try HTMLReportFixture.edition(language)
        // Over Điện Biên, inside the default data's map.
        edition.overlay = CoverageOverlayTests.knownOverlay(box: LonLatBox(minLon: 103.0, minLat: 21.35, maxLon: 103.2, maxLat: 21.5))
        let bytes = try HTMLReport.bytes(run: run, deadZones: VillageLists.deadZones(run), toolVersion: "t", edition: edition)
        let path = try HTMLReportFixture.temporaryFolder("overlay-" + language.rawValue).appendingPathComponent("report.html").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { HTMLReportFixture.discard(path) }
        let rendering = try HeadlessChromium.dumpDOM(file: path)
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let dom = HTMLReportDOM(html: rendering.dom)
        #expect(dom.attribute("data-drawn", id: "map") == "true")
        #expect(dom.attribute("data-overlay-layers", id: "map") == "3")
        // Only the shown layer (the shadow) is in the map; its <img> carries the data URL.
        let images = dom.html.components(separatedBy: "<img").dropFirst().filter { $0.contains("coverage-overlay") }
        #expect(images.count == 1, "\(images.count) overlay images")
        #expect(images.first?.contains("coverage-overlay-shadow") == true)
        #expect(images.first?.contains("src=\"data:image/png;base64,iVBORw0KGgo") == true)
        #expect(images.first?.contains("leaflet-image-layer") == true)
        #expect(dom.html.contains("leaflet-pane leaflet-coverage-pane"), "the overlay's own pane")
    }

    @Test("without Leaflet the page with an overlay still works: no map, no script error")
    func overlayWithoutLeaflet() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        var edition = try HTMLReportFixture.edition(.vi, leafletDirectory: "/nonexistent-leaflet")
        edition.overlay = CoverageOverlayTests.knownOverlay()
        let bytes = try HTMLReport.bytes(run: run, deadZones: VillageLists.deadZones(run), toolVersion: "t", edition: edition)
        let path = try HTMLReportFixture.temporaryFolder("overlay-no-leaflet").appendingPathComponent("report.html").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { HTMLReportFixture.discard(path) }
        let rendering = try HeadlessChromium.dumpDOM(file: path)
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let dom = HTMLReportDOM(html: rendering.dom)
        #expect(dom.attribute("data-engine", id: "map") == "none")
        #expect(dom.html.contains("data-ready-ms=\""))
    }
}
