import Foundation
import PhusongTestSupport
import Testing
@testable import PhusongReports

/// report.html rendered by headless Chromium: the script runs without errors, draws the map,
/// and the search (driven by `#search=` in the URL) hides what does not match.
@Suite("report.html in headless Chromium", .enabled(if: HeadlessChromium.available, HeadlessChromium.skipReason))
struct HTMLReportChromiumTests {
    @Test("map drawn, one row per province, no script errors, in Vietnamese and English", arguments: ReportLanguage.allCases)
    func renders(language: ReportLanguage) async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let (_, path) = try HTMLReportFixture.writePage(run, label: "render-" + language.rawValue, language: language)
        defer { HTMLReportFixture.discard(path) }
        let rendering = try HeadlessChromium.dumpDOM(file: path)
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let dom = HTMLReportDOM(html: rendering.dom)
        #expect(dom.attribute("data-drawn", id: "map") == "true")
        #expect(dom.attribute("data-engine", id: "map") == "leaflet")
        #expect(dom.html.contains("leaflet-container"), "Leaflet built its panes")
        let national = run.tables.national
        let marked = national.villagesDeadZone + national.villagesUnpowered - national.villagesDeadZoneAndUnpowered
        #expect(dom.attribute("data-points", id: "map") == String(marked))
        #expect(dom.provinceRows.count == 3)
        let deadZones = VillageLists.deadZones(run).count
        #expect(dom.visibleDeadZoneRows.count == min(deadZones, HTMLDrillChromiumTests.pageSize), "no search: the first page of rows")
        #expect(dom.attribute("data-visible", id: "dead-zone-table") == String(deadZones))
        #expect(dom.attribute("data-level", id: "drill") == "", "the drill-down starts at the national level")
        #expect(dom.bodyRows(after: "id=\"drill-table\"").map { HTMLReportDOM.attribute("data-code", ofRow: $0) } == ["11", "12", "14"])
        #expect(dom.html.contains("data-ready-ms=\""))
        #expect(dom.html.contains("<html lang=\"\(language.rawValue)\""))
        let count = language.text(.searchCount, language.text.integer(deadZones), language.text.integer(deadZones))
        #expect(dom.html.contains("id=\"dz-count\" class=\"search-count\" role=\"status\" aria-live=\"polite\">\(count)</span>"))
    }

    @Test("without Leaflet's files the page names libjs-leaflet, has no map and no script error")
    func withoutLeaflet() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let bytes = try HTMLReport.bytes(run: run, deadZones: VillageLists.deadZones(run), toolVersion: "t",
                                         edition: HTMLReportFixture.edition(.vi, leafletDirectory: "/nonexistent-leaflet"))
        let path = try HTMLReportFixture.temporaryFolder("no-leaflet").appendingPathComponent("report.html").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { HTMLReportFixture.discard(path) }
        let html = String(decoding: bytes, as: UTF8.self)
        #expect(html.contains("/nonexistent-leaflet/leaflet.min.js not found: install the Debian package libjs-leaflet"))
        #expect(!html.contains("<details class=\"licences\">"))
        let rendering = try HeadlessChromium.dumpDOM(file: path)
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let dom = HTMLReportDOM(html: rendering.dom)
        #expect(dom.attribute("data-engine", id: "map") == "none")
        #expect(dom.attribute("data-drawn", id: "map") == "false")
        #expect(dom.attribute("data-visible", id: "dead-zone-table") == String(VillageLists.deadZones(run).count), "the tables work without the map")
        #expect(dom.visibleDeadZoneRows.count == min(VillageLists.deadZones(run).count, HTMLDrillChromiumTests.pageSize))
        #expect(dom.html.contains("data-ready-ms=\""), "ready without the map")
    }

    @Test("phone width (390 px): a screenshot of that width, the map drawn, no script error", arguments: ReportLanguage.allCases)
    func phoneWidth(language: ReportLanguage) async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let (_, path) = try HTMLReportFixture.writePage(run, label: "phone-" + language.rawValue, language: language)
        defer { HTMLReportFixture.discard(path) }
        let png = try HeadlessChromium.screenshot(file: path, width: 390, height: 1400)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        // IHDR: width and height, big-endian, at bytes 16…23.
        let width = png.count > 24 ? png[16..<20].reduce(0) { $0 << 8 | Int($1) } : 0
        #expect(width == 390)
        let rendering = try HeadlessChromium.dumpDOM(file: path, windowSize: (390, 1400))
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let dom = HTMLReportDOM(html: rendering.dom)
        #expect(dom.attribute("data-drawn", id: "map") == "true")
        #expect(dom.bodyRows(after: "id=\"drill-table\"").count == 3, "the drill-down drawn at phone width too")
        if let keep = ProcessInfo.processInfo.environment["PHUSONG_HTML_KEEP"], !keep.isEmpty {
            try Data(png).write(to: URL(fileURLWithPath: keep + "/phone-\(language.rawValue).png"))
        }
    }

    @Test("printed to PDF: A4 landscape pages (842 × 595 pt), several of them")
    func printsA4Landscape() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let (_, path) = try HTMLReportFixture.writePage(run, label: "print", language: .vi)
        defer { HTMLReportFixture.discard(path) }
        let pdf = try HeadlessChromium.printToPDF(file: path)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        let boxes = PDFPages.mediaBoxes(text)
        #expect(boxes.count >= 3, "pages: \(boxes.count)")
        for box in boxes {
            // A4 is 297 × 210 mm = 841.89 × 595.28 pt; landscape: wider than tall.
            #expect(abs(box.width - 841.89) < 1.5 && abs(box.height - 595.28) < 1.5, "page \(box.width) × \(box.height) pt")
        }
        print("report.html printed: \(boxes.count) A4 landscape pages, \(pdf.count) bytes of PDF")
    }

    @Test("print layout at A4 landscape's printable width: no table is wider than the page", arguments: ReportLanguage.allCases)
    func printLayoutNotClipped(language: ReportLanguage) async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let (_, path) = try HTMLReportFixture.writePage(run, label: "print-layout-" + language.rawValue, language: language)
        defer { HTMLReportFixture.discard(path) }
        // 297 mm − 2 × 10 mm of margin = 277 mm = 1047 CSS px.
        let rendering = try HeadlessChromium.dumpDOM(file: path, fragment: "#print-layout", windowSize: (1047, 740))
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let dom = HTMLReportDOM(html: rendering.dom)
        let root = try #require(dom.html.range(of: "<html").map { dom.html[$0.lowerBound...].prefix { $0 != ">" } })
        #expect(root.contains("data-print-clipped=\"0\""), "\(root)")
        #expect(dom.html.components(separatedBy: "data-clipped=\"false\"").count - 1 == 5, "the five table boxes checked")
        #expect(!dom.deadZoneRows.isEmpty, "checked once the dead-zone rows were drawn")
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
        #expect(visible.count == min(expected, HTMLDrillChromiumTests.pageSize))
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
        #expect(dom.attribute("data-total", id: "dead-zone-table") == String(VillageLists.deadZones(run).count))
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

    @Test("national scenario with the 34 real provinces: < 3 MB, drawn, 34 province rows",
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
        #expect(bytes.count < 3_000_000, "issue 19: the national report within 3 MB")
        let rendering = try HeadlessChromium.dumpDOM(file: path, fragment: "#search=ban%20muong")
        #expect(rendering.scriptErrors.isEmpty, "script errors: \(rendering.scriptErrors)")
        let dom = HTMLReportDOM(html: rendering.dom)
        #expect(dom.attribute("data-drawn", id: "map") == "true")
        #expect(dom.provinceRows.count == 34)
        let visible = dom.visibleDeadZoneRows
        #expect(visible.allSatisfy { $0.contains("Mường") || $0.contains("mường") || $0.contains("MƯỜNG") })
        #expect(visible.count <= HTMLDrillChromiumTests.pageSize)
        let elements = HTMLDrillChromiumTests.elementCount(rendering.dom)
        #expect(elements < 5_000, "issue 19: long tables paged, not dumped into the DOM (\(elements) elements)")
        // One level down: a commune of the national file, its villages from the packed data.
        let commune = try #require(run.tables.communes.first { $0.provinceCode == "11" })
        let drilled = HTMLReportDOM(html: try HeadlessChromium.dumpDOM(file: path, fragment: "#c=" + commune.code).dom)
        #expect(drilled.attribute("data-visible", id: "drill-table") == String(commune.indicators.villages))
        let ready = dom.html.range(of: "<html").map { dom.html[$0.lowerBound...].prefix { $0 != ">" } }
            .flatMap { tag in tag.range(of: "data-ready-ms=\"").map { tag[$0.upperBound...].prefix { $0 != "\"" } } } ?? "?"
        print(String(format: "national report.html: %.2f MB (%d bytes); run %.1f s, page %.2f s, Chromium process %.1f s, scripts done at %@ ms (virtual time); %@ points, %@ grid cells, %@ sites; %d DOM elements; %@ dead-zone rows match 'ban muong', %d drawn",
                     Double(bytes.count) / 1_048_576, bytes.count, Self.seconds(computed - start), Self.seconds(written - computed), rendering.seconds,
                     String(ready),
                     dom.attribute("data-points", id: "map") ?? "?", dom.attribute("data-cells", id: "map") ?? "?",
                     dom.attribute("data-sites", id: "map") ?? "?", elements, dom.attribute("data-visible", id: "dead-zone-table") ?? "?", visible.count))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

/// The pages of a PDF as Chromium writes it: each page object's `/MediaBox [x0 y0 x1 y1]`, in
/// points, uncompressed in the file (only content streams are compressed).
enum PDFPages {
    struct Box {
        var width: Double
        var height: Double
    }

    static func mediaBoxes(_ pdf: String) -> [Box] {
        pdf.components(separatedBy: "/MediaBox").dropFirst().compactMap { rest in
            guard let open = rest.firstIndex(of: "["), let close = rest.firstIndex(of: "]"), open < close else { return nil }
            let numbers = rest[rest.index(after: open)..<close].split(separator: " ").compactMap { Double($0) }
            guard numbers.count == 4 else { return nil }
            return Box(width: numbers[2] - numbers[0], height: numbers[3] - numbers[1])
        }
    }
}
